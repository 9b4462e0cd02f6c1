/**
 * The pages a build of these articles will have, for telling a relative link that points at
 * nothing: paths relative to the site root without the base (`2018/02/27/slug/`), the form
 * src/lib/urls.ts builds them in.
 */
import type { ArticleRecord } from '../schema.ts';
import { datePathParts } from '../../dates.ts';
import { articlePath } from '../../urls.ts';

/** Pages and files every archive has. */
const FIXED = [
  '',
  'timeline/',
  'on-this-day/',
  'corrections/',
  'search/',
  'search/entities.json',
  'companies/',
  'topics/',
  'authors/',
  'rss.xml',
  'feed.json',
  'feed/',
  'corrections/rss.xml',
  'corrections/feed.json',
  'corrections/feed/',
  'feeds.opml',
  'robots.txt',
  'sitemap-index.xml',
  '404.html',
];

/**
 * Term pages, their later pages, their feeds and subscribe pages: `companies/acme/`, `topics/ai/3/`,
 * `authors/jane-doe/rss.xml`, `companies/acme/feed/`.
 */
const TERM_PAGE = /^(companies|topics|authors)\/[^/]+\/(?:\d+\/|rss\.xml|feed\.json|feed\/)?$/;
/** Folders the build fills with its own files (assets, the search index): nothing else may live there. */
const BUILD_FOLDER = /^(?:_astro|pagefind)\//;
/** Pages every archive has in numbers: the days of On this day, the later pages of corrections. */
const NUMBERED_PAGE = /^(?:on-this-day\/(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\/|corrections\/\d+\/)$/;

export function createSitePaths(records: readonly ArticleRecord[]) {
  const paths = new Set(FIXED);
  for (const record of records) {
    if (record.draft) continue;
    const [year, month] = datePathParts(record.date);
    paths.add(articlePath(record.date, record.slug));
    paths.add(`${year}/`);
    paths.add(`${year}/${month}/`);
  }
  return {
    /**
     * Whether the site will have this path. Term pages are taken on trust: whether a name gets
     * a page depends on the registry's aliases, which the check of names covers.
     */
    has(sitePath: string): boolean {
      return paths.has(sitePath) || TERM_PAGE.test(sitePath) || NUMBERED_PAGE.test(sitePath) || BUILD_FOLDER.test(sitePath);
    },
    /** The site path a link on the article's page leads to (a path without an extension gets its `/`). */
    resolve(address: string, record: ArticleRecord): string {
      const page = new URL(articlePath(record.date, record.slug), 'https://archive.invalid/');
      let resolved = new URL(address, page).pathname.replace(/^\//, '');
      if (resolved && !resolved.endsWith('/') && !/\.[a-z0-9]+$/i.test(resolved)) resolved += '/';
      return resolved;
    },
  };
}
