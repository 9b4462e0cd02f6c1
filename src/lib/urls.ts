/**
 * The one URL builder. Every internal link on the site comes from here, so the archive works
 * under any `base` (e.g. a GitHub Pages project site at `/archive/`).
 *
 * Paths are built relative to the site root first (`articlePath`, used to detect two articles
 * on one URL), then prefixed with the base.
 */
import { datePathParts, type ArchiveDate } from './dates.ts';
import { calendarDayKey } from './model/on-this-day.ts';
import { padNumber } from './pad.ts';

import type { TermKind } from './kinds.ts';

export type { TermKind } from './kinds.ts';

/** Root-relative path of an article, without the base: `2018/02/27/slug/`. */
export function articlePath(date: Pick<ArchiveDate, 'year' | 'month' | 'day'>, slug: string): string {
  return `${datePathParts(date).join('/')}/${slug}/`;
}

function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function createUrls(base: string) {
  const root = normaliseBase(base);
  const at = (path = '') => root + path.replace(/^\/+/, '');
  const paged = (path: string, page: number) => (page > 1 ? `${path}${page}/` : path);

  return {
    base: root,
    /** Any other root-relative path (assets in `public/`, say). */
    path: at,
    home: () => at(),
    article: (article: { date: Pick<ArchiveDate, 'year' | 'month' | 'day'>; slug: string }) =>
      at(articlePath(article.date, article.slug)),
    timeline: () => at('timeline/'),
    year: (year: number) => at(`${year}/`),
    month: (year: number, month: number) => at(`${year}/${padNumber(month)}/`),
    /** "On this day": every day of the calendar, or one day's page across the years (`on-this-day/02-27/`). */
    onThisDay: (month?: number, day?: number) =>
      at(month && day ? `on-this-day/${calendarDayKey({ month, day })}/` : 'on-this-day/'),
    /** Anchor of a day heading inside a month page. */
    day: (year: number, month: number, day: number) => at(`${year}/${padNumber(month)}/#d${padNumber(day)}`),
    termIndex: (kind: TermKind) => at(`${kind}/`),
    term: (kind: TermKind, slug: string, page = 1) => at(paged(`${kind}/${slug}/`, page)),
    termFeed: (kind: TermKind, slug: string) => at(`${kind}/${slug}/rss.xml`),
    /** The JSON Feed beside a term's RSS feed. */
    termJsonFeed: (kind: TermKind, slug: string) => at(`${kind}/${slug}/feed.json`),
    /** The page that says how to follow a term's feeds (`companies/acme/feed/`). */
    termSubscribe: (kind: TermKind, slug: string) => at(`${kind}/${slug}/feed/`),
    feed: () => at('rss.xml'),
    /** Every correction note, newest first, paginated. */
    corrections: (page = 1) => at(paged('corrections/', page)),
    correctionsFeed: () => at('corrections/rss.xml'),
    correctionsJsonFeed: () => at('corrections/feed.json'),
    correctionsSubscribe: () => at('corrections/feed/'),
    /** The JSON Feed beside the site's RSS feed. */
    jsonFeed: () => at('feed.json'),
    /**
     * The page that says how to follow the site's feeds. Every feed owner has one at its own
     * path plus `feed/`: an HTML page, as browsers no longer show a feed's XML as a page.
     */
    subscribe: () => at('feed/'),
    /** Every feed of the archive in one OPML file, for feed readers to import at once. */
    opml: () => at('feeds.opml'),
    /** The archive as data (src/integrations/data-export.ts): its page, or one of its files. */
    data: (file = '') => at(`data/${file}`),
    search: (query?: string) => at(query ? `search/?q=${encodeURIComponent(query)}` : 'search/'),
    /** The companies, topics and authors the search page suggests (src/search/build/entities.ts). */
    searchEntities: () => at('search/entities.json'),
  };
}

export type Urls = ReturnType<typeof createUrls>;

/** Turns a base-prefixed path into an absolute URL on the site (canonical links, feeds). */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, new URL(siteUrl).origin).href;
}
