/**
 * Reading the last published build's list of URLs (`ARCHIVE_PUBLISHED_URLS`: a file, or the live
 * site's `urls.json` over http(s)), and keeping the copy this build read in Astro's cache folder:
 * the content loader reads it once and checks the content against it (src/content.config.ts); the
 * pages (for the redirects of moved articles) and the integration that writes the new list (for
 * the pages that vanished) read the kept copy, so the list is fetched once per build.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parsePublishedList, type PublishedList } from '../lib/outputs/published-urls.ts';

/** How long the live site may take to answer. */
const FETCH_TIMEOUT_MS = 30_000;

/** The list at `source` (a file path, or an http(s) URL); throws, saying why, when it cannot be read. */
export async function readPublishedList(source: string): Promise<PublishedList> {
  const problem = (why: string) =>
    new Error(
      `ARCHIVE_PUBLISHED_URLS: cannot read the list of published URLs from ${source}: ${why}. ` +
        'A build given this list must check against it; for the very first deploy of a site, build without ARCHIVE_PUBLISHED_URLS.',
    );
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        headers: { accept: 'application/json' },
      });
    } catch (error) {
      throw problem((error as Error).message);
    }
    if (!response.ok) throw problem(`HTTP ${response.status}`);
    return parsePublishedList(await response.text(), source);
  }
  if (!existsSync(source)) throw problem('no such file');
  return parsePublishedList(readFileSync(source, 'utf8'), source);
}

function copyFile(cacheDir: string): string {
  return path.join(cacheDir, 'published-urls', 'previous.json');
}

/** Keeps the list this build was checked against (or forgets the last one, when there is none). */
export function keepPublishedList(cacheDir: string, list: PublishedList | undefined): void {
  const file = copyFile(cacheDir);
  if (!list) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(list));
}

/** The list this build was checked against, if it had one. */
export function keptPublishedList(cacheDir: string): PublishedList | undefined {
  const file = copyFile(cacheDir);
  return existsSync(file) ? parsePublishedList(readFileSync(file, 'utf8'), file) : undefined;
}
