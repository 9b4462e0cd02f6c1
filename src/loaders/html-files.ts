/**
 * Rendered HTML kept beside Astro's data store, one file per entry, named by the entry's digest.
 *
 * Why: Astro bundles the whole data store into the build as one JavaScript string (its
 * `astro:data-layer-content` module) and parses it again to render the pages. With every
 * article's HTML inside, that string was 65 MB at 10,000 articles; bundling it was the build's
 * memory peak (2.5 GB; 1.6 GB without the HTML) and 3 s of every build, changed or not. Here a
 * page reads its article's HTML from its file when it renders, which an incremental build does
 * only for the pages that changed; the search index reads it only for the shards it re-indexes.
 *
 * An entry with images keeps its HTML in the store: Astro resolves their placeholders when it
 * renders the stored entry (`render()`).
 *
 * The files live in Astro's cache folder, which a build may write; never in the content folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The key of `rendered.metadata` that holds the absolute path of the entry's HTML file. */
export const HTML_FILE_KEY = 'htmlFile';

/** The folder of one collection's HTML files, inside Astro's cache folder. */
export function htmlFolder(cacheDir: string, collection: string): string {
  return path.join(cacheDir, 'rendered-html', collection);
}

/** The file of an entry's HTML: named by `bodyHtmlName`, so an edit writes a new file. */
export function htmlFileOf(folder: string, name: string): string {
  return path.join(folder, `${name}.html`);
}

/**
 * The name of a body's HTML file: a hash of the pipeline's code (`pipeline`, see
 * markdown-folder.ts), the trusted-HTML setting and the body's own hash, which is all the HTML
 * depends on. Not Astro's digest of the entry: so a tool that reads the content file (the
 * export, src/export/bodies.ts) finds the HTML of the last build without Astro's store, and
 * knows it is this body's.
 */
export function bodyHtmlName(pipeline: string, trustedHtml: boolean, bodyHash: string): string {
  return createHash('sha256').update(`${pipeline}\n${trustedHtml}\n${bodyHash}`).digest('hex').slice(0, 32);
}

/** A body's own hash, as `bodyHtmlName` takes it. */
export function bodyHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * The summaries derived from bodies (their first paragraph), by HTML file name, beside the
 * collection's folder: the pipeline derives them while it renders, so a tool that reads the
 * HTML files (the export) takes them from here rather than render the body again.
 */
export function derivedSummariesFile(folder: string): string {
  return `${folder}.summaries.json`;
}

/** Writes a file whole or not at all: a build stopped halfway leaves no truncated page. */
export function writeFileWhole(file: string, html: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  writeFileSync(partial, html);
  renameSync(partial, file);
}

/** Whether a stored entry's HTML is still there: in the store, or in its file. */
export function hasStoredHtml(metadata: Record<string, unknown> | undefined): boolean {
  const file = metadata?.[HTML_FILE_KEY];
  return typeof file !== 'string' || existsSync(file);
}

/** The HTML of a stored entry: its file's text, or the HTML kept in the store. */
export async function readStoredHtml(
  rendered: { html: string; metadata?: Record<string, unknown> } | undefined,
): Promise<string> {
  const file = rendered?.metadata?.[HTML_FILE_KEY];
  if (typeof file !== 'string') return rendered?.html ?? '';
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `the rendered HTML at ${file} is gone (was the cache folder cleared during the build?); build again`,
      { cause: error },
    );
  }
}

/** Removes the files of a collection's folder that no entry names any more (edited, deleted). */
export function pruneHtmlFiles(folder: string, keep: ReadonlySet<string>): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    if (!keep.has(file)) rmSync(file, { force: true });
  }
}
