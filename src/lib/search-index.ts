/**
 * What the search index receives for each article: a small HTML document made from the archive
 * model, fed to Pagefind from memory (src/integrations/pagefind.ts) while the pages are being
 * written, instead of Pagefind reading every built page back from disk afterwards.
 *
 * The index is split into shards by date (`planShards`): Pagefind holds a whole index in memory
 * while it builds it (about 120 KB an article) and cannot update one, so one index for a large
 * archive would cost gigabytes and a full rebuild for every edit. Each shard is a Pagefind
 * language index of its own (`en` for the newest articles in English, `en-x-201803` for older
 * ones, named after their first month); Pagefind stems a shard by its primary language, and the
 * search page merges all shards, as it merges languages.
 *
 * The document holds exactly what is searchable: the headline, the summary when one was written
 * (a derived one is the first paragraph, already in the body), the byline and the body as the
 * page shows it (sanitized). Its metadata, facet values and sort key come from `searchRecord`.
 * Every text is escaped here: the document is HTML and no name may become markup.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './feeds.ts';
import { searchRecord, SEARCH_FILTERS, type SearchRecordInput } from './search.ts';

export interface SearchDocumentInput extends SearchRecordInput {
  title: string;
  /** The article's path without the base: `2018/02/27/slug/`. */
  path: string;
  summaryDerived: boolean;
}

export interface SearchDocument {
  /** The URL search results link to, without the base (the search page adds it). */
  url: string;
  /** The shard (Pagefind language index) it goes into. */
  shard: string;
  content: string;
}

export interface ShardPlan {
  /** The shard of each article, in the order given. */
  shardOf: string[];
  /** How many articles each shard holds. */
  counts: Record<string, number>;
}

/**
 * Splits articles into shards: per language (Pagefind's key: the page language in lower case),
 * consecutive months from the oldest, a new shard whenever the next month would take one over
 * `maxSize` (a month is never split, so a busy month may exceed it). Adding or editing recent articles so only ever changes the newest shard.
 */
export function planShards(articles: readonly { lang?: string; date: { year: number; month: number } }[], siteLang: string, maxSize: number): ShardPlan {
  const monthOf = (a: { date: { year: number; month: number } }) => a.date.year * 100 + a.date.month;
  const langOf = (a: { lang?: string }) => (a.lang ?? siteLang).toLowerCase();
  const months = new Map<string, Map<number, number>>();
  for (const article of articles) {
    const lang = langOf(article);
    if (!months.has(lang)) months.set(lang, new Map());
    const counts = months.get(lang)!;
    counts.set(monthOf(article), (counts.get(monthOf(article)) ?? 0) + 1);
  }
  const keyOfMonth = new Map<string, string>();
  const counts: Record<string, number> = {};
  for (const [lang, byMonth] of months) {
    const shards: { months: number[]; count: number }[] = [];
    for (const month of [...byMonth.keys()].sort((a, b) => a - b)) {
      const size = byMonth.get(month)!;
      const last = shards.at(-1);
      if (!last || last.count + size > maxSize) shards.push({ months: [month], count: size });
      else {
        last.months.push(month);
        last.count += size;
      }
    }
    shards.forEach((shard, i) => {
      const key = i === shards.length - 1 ? lang : `${lang}-x-${shard.months[0]}`;
      counts[key] = shard.count;
      for (const month of shard.months) keyOfMonth.set(`${lang}\n${month}`, key);
    });
  }
  return { shardOf: articles.map((a) => keyOfMonth.get(`${langOf(a)}\n${monthOf(a)}`)!), counts };
}

export function searchDocument(article: SearchDocumentInput, bodyHtml: string, shard: string): SearchDocument {
  const record = searchRecord(article);
  const hidden = [
    ...Object.entries(record.meta).map(([key, value]) => `<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`),
    ...Object.entries(record.sort).map(([key, value]) => `<span data-pagefind-sort="${key}">${escapeHtml(value)}</span>`),
    ...SEARCH_FILTERS.flatMap((key) => record.filters[key].map((value) => `<span data-pagefind-filter="${key}">${escapeHtml(value)}</span>`)),
  ];
  const byline = article.authorRefs.length ? `<p>By ${article.authorRefs.map((a) => escapeHtml(a.name)).join(', ')}</p>` : '';
  const content = [
    `<html lang="${escapeHtml(shard)}"><body><article data-pagefind-body>`,
    `<h1 data-pagefind-meta="title">${escapeHtml(article.title)}</h1>`,
    article.summaryDerived ? '' : `<p>${escapeHtml(article.summary)}</p>`,
    byline,
    bodyHtml,
    // Read for its metadata, filters and sort key, not for its words (see Pagefind's docs).
    `<div data-pagefind-ignore>${hidden.join('')}</div>`,
    '</article></body></html>',
  ].join('');
  return { url: `/${article.path}`, shard, content };
}

/** One hash of a shard's documents, in order: the same documents give the same index. */
export function documentsDigest(documents: readonly SearchDocument[]): string {
  const hash = createHash('sha256');
  for (const { url, shard, content } of documents) hash.update(url).update('\0').update(shard).update('\0').update(content).update('\0');
  return hash.digest('hex');
}
