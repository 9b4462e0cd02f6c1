/**
 * After the build: `<outDir>/urls.json`, every URL this build serves with the content file behind
 * it (src/lib/outputs/published-urls.ts), and `<outDir>/_redirects`, the redirects of aliases and
 * moved articles and the `410 Gone` of withdrawn ones for hosts that read it
 * (src/lib/outputs/redirects.ts). Warns about pages of the last published build that vanished (a
 * term whose last article left); the URLs that must not vanish were checked before any page was
 * written (src/loaders/publication.ts).
 *
 * The URLs are the output folder's files, less the build's own folders (`_astro/`, the search
 * index) and the host's files (`_headers`, `_redirects`); the archive model, published by the
 * pages (src/lib/outputs/build-channel.ts), says which come from which content file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../config/site.ts';
import { encodeSitePath } from '../lib/content/site-path.ts';
import type { Archive } from '../lib/model/archive.ts';
import { subscribe } from '../lib/outputs/build-channel.ts';
import {
  LIST_FORMAT,
  renderPublishedList,
  URLS_FILE,
  vanishedPages,
  type PublishedEntry,
} from '../lib/outputs/published-urls.ts';
import { redirectsFile } from '../lib/outputs/redirects.ts';
import { keptPublishedList } from '../loaders/published-list.ts';
import { contentFileKey } from '../loaders/publication.ts';

const REDIRECTS_FILE = '_redirects';
/** Files of the output folder that are no URL of the site's own. */
const NOT_URLS = /^(?:_astro\/|pagefind\/)|^(?:_headers|_redirects|urls\.json)$/;
const FEED = /(?:^|\/)(?:rss\.xml|feed\.json|feeds\.opml)$/;

/** A file of the output folder as the site path that serves it: `x/index.html` is `x/`. */
function sitePathOfFile(file: string): string {
  return file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** Writes a file only when its text changed, so an unchanged build leaves it (and its time) as it was. */
function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  writeFileSync(file, text);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

export function publishedUrls(site: SiteConfig): AstroIntegration {
  let archive: Archive | undefined;
  let unsubscribe: (() => void) | undefined;
  let publicDir = '';
  return {
    name: 'newsroom-archive:published-urls',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': () => {
        archive = undefined;
        unsubscribe = subscribe('archive', (model) => void (archive = model));
      },
      'astro:build:done': ({ dir, logger }) => {
        unsubscribe?.();
        if (!archive)
          throw new Error('published URLs: the pages published no archive; is src/data/archive.ts loaded by a page?');
        const outDir = fileURLToPath(dir);
        const fileKey = (file: string) => contentFileKey(file, site.contentDir);

        // What each content file's URLs are, by site path.
        const known = new Map<string, Omit<PublishedEntry, 'path'>>();
        for (const article of archive.articles)
          known.set(article.path, { kind: 'article', file: fileKey(article.file) });
        for (const article of archive.withdrawn)
          known.set(article.path, { kind: article.status, file: fileKey(article.file) });
        for (const { from, to, reason } of archive.redirects) {
          known.set(from, {
            kind: reason === 'alias' ? 'alias' : 'moved',
            file: fileKey(to.file),
            to: encodeSitePath(to.path, site.base),
          });
        }
        const served = new Set<string>();
        const urls: PublishedEntry[] = [];
        for (const file of filesUnder(outDir)) {
          if (NOT_URLS.test(file)) continue;
          const sitePath = sitePathOfFile(file);
          served.add(sitePath);
          const entry = known.get(sitePath) ?? {
            kind: FEED.test(file) ? 'feed' : /(?:^|\/)$|\.html$/.test(sitePath) ? 'page' : 'file',
          };
          urls.push({ path: encodeSitePath(sitePath, site.base), ...entry });
        }
        for (const [sitePath, entry] of known) {
          if (!served.has(sitePath))
            throw new Error(
              `published URLs: /${sitePath} (${entry.kind} of ${entry.file}) was not written by the build`,
            );
        }
        writeIfChanged(
          path.join(outDir, URLS_FILE),
          renderPublishedList({ format: LIST_FORMAT, site: site.url, urls }),
        );

        // The owner's own rules (public/_redirects) first, then the archive's.
        const own = path.join(publicDir, REDIRECTS_FILE);
        const rules = redirectsFile(
          archive.redirects.map(({ from, to }) => ({ from, to: to.path })),
          archive.withdrawn.map((article) => article.path),
          site.base,
        );
        writeIfChanged(
          path.join(outDir, REDIRECTS_FILE),
          (existsSync(own) ? `${readFileSync(own, 'utf8').replace(/\n*$/, '\n\n')}` : '') + rules,
        );
        logger.info(
          `${URLS_FILE}: ${urls.length} URLs; ${REDIRECTS_FILE}: ${archive.redirects.length} redirect(s), ${archive.withdrawn.length} withdrawn article(s)`,
        );

        const previous = keptPublishedList(site.cacheDir);
        const vanished = previous ? vanishedPages(previous, served) : [];
        if (vanished.length) {
          const shown = vanished.slice(0, 20).map((sitePath) => `/${sitePath}`);
          logger.warn(
            `${vanished.length} page(s) of the last published build are no longer built (no article leads to them now): ${shown.join(', ')}${vanished.length > shown.length ? ', …' : ''}`,
          );
        }
      },
    },
  };
}
