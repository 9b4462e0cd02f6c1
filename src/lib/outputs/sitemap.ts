/**
 * What the sitemap and robots.txt say, as pure functions of the archive model.
 *
 * @astrojs/sitemap lists the built pages; we add each page's `lastmod` from the content: an
 * article's `updated` (else its `date`), and for a listing page the newest change among the
 * articles it shows. Pages with no content date (search) get none rather than a made-up one.
 */
import type { Archive, Article } from '../model/archive.ts';
import { listCorrections } from '../model/corrections.ts';
import { toIsoInstant } from '../dates.ts';
import { newestChange } from '../model/modified.ts';
import { onThisDay } from '../model/on-this-day.ts';
import { paginate } from '../model/pagination.ts';
import { absoluteUrl, type Urls } from '../urls.ts';

export interface SitemapContext {
  urls: Urls;
  /** Absolute site URL with its base. */
  siteUrl: string;
  /** Articles per listing page, to know which articles each paginated term page shows. */
  pageSize: number;
}

/** Absolute page URL → W3C datetime of its last change, in the zone the content was written in. */
export function sitemapLastmod(archive: Archive, { urls, siteUrl, pageSize }: SitemapContext): Map<string, string> {
  const lastmod = new Map<string, string>();
  const set = (path: string, articles: Iterable<Article>) => {
    const newest = newestChange(articles);
    if (newest) lastmod.set(absoluteUrl(path, siteUrl), toIsoInstant(newest));
  };

  for (const article of archive.articles) set(urls.article(article), [article]);
  for (const path of [urls.home(), urls.timeline(), ...archive.kinds.keys.map((kind) => urls.termIndex(kind))])
    set(path, archive.articles);
  for (const year of archive.years) {
    set(urls.year(year.year), year.articles);
    for (const month of year.months) set(urls.month(month.year, month.month), month.articles);
  }
  for (const kind of archive.kinds.keys) {
    for (const term of archive.terms[kind].values()) {
      for (const page of paginate(term.articles, pageSize)) set(urls.term(kind, term.slug, page.number), page.items);
    }
  }
  set(urls.onThisDay(), archive.articles);
  for (const day of onThisDay(archive.articles).days) set(urls.onThisDay(day.month, day.day), day.articles);
  // A page of corrections last changed with the newest note it lists.
  for (const page of paginate(listCorrections(archive.articles), pageSize)) {
    const newest = page.items[0]?.correction.date;
    if (newest) lastmod.set(absoluteUrl(urls.corrections(page.number), siteUrl), toIsoInstant(newest));
  }
  return lastmod;
}

/**
 * Built pages left out of the sitemap though they are HTML, as they ask not to be indexed: the
 * days of "On this day" without articles and the corrections page of an archive without
 * corrections (they only say there is nothing), the subscribe pages (about feeds, not
 * content) and the removal pages of withdrawn articles. Absolute URLs.
 */
export function unlistedPages(
  archive: Archive,
  { urls, siteUrl }: Pick<SitemapContext, 'urls' | 'siteUrl'>,
): Set<string> {
  const empty = onThisDay(archive.articles).days.filter((day) => day.articles.length === 0);
  const paths = [
    ...empty.map((day) => urls.onThisDay(day.month, day.day)),
    urls.subscribe(),
    urls.correctionsSubscribe(),
    ...archive.kinds.keys.flatMap((kind) =>
      [...archive.terms[kind].values()].map((term) => urls.termSubscribe(kind, term.slug)),
    ),
    ...archive.withdrawn.map((article) => urls.path(article.path)),
  ];
  if (!archive.articles.some((article) => article.corrections.length)) paths.push(urls.corrections());
  return new Set(paths.map((path) => absoluteUrl(path, siteUrl)));
}

/**
 * Whether a built URL belongs in the sitemap: HTML pages only (not feeds, OPML or robots.txt),
 * and not the search page, whose content depends on the query (search engines ask sites not to
 * list result pages).
 */
export function isSitemapPage(url: string, { urls, siteUrl }: Pick<SitemapContext, 'urls' | 'siteUrl'>): boolean {
  const { pathname } = new URL(url);
  const last = pathname.split('/').filter(Boolean).pop() ?? '';
  if (/\.[a-z0-9]+$/i.test(last)) return false;
  return pathname !== new URL(absoluteUrl(urls.search(), siteUrl)).pathname;
}

/** robots.txt: everything may be crawled; the sitemap index is named with its absolute URL. */
export function robotsTxt(sitemapIndexUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemapIndexUrl}`, ''].join('\n');
}

/** The file @astrojs/sitemap writes at the root of the site. */
export const SITEMAP_INDEX = 'sitemap-index.xml';
