/**
 * What the search index receives for each article: a small HTML document made from the archive
 * model, fed to Pagefind from memory (src/integrations/pagefind.ts) while the pages are being
 * written, instead of Pagefind reading every built page back from disk afterwards.
 *
 * The index is split into shards by date (`planShards`): Pagefind holds a whole index in memory
 * while it builds it (about 120 KB an article) and cannot update one, so one index for a large
 * archive would cost gigabytes and a full rebuild for every edit; and a reader's first search
 * then reads one shard, not the whole archive (src/lib/client/search-shards.ts, `planShardSearch`). Each shard
 * is a Pagefind language index of its own (`en` for the newest articles in English,
 * `en-x-201803` for older ones, named after their first month); Pagefind stems a shard by its
 * primary language.
 *
 * The document holds exactly what is searchable, in Pagefind's weights: the headline (an h1,
 * weight 7), the names the article is tagged with (`NAMES_WEIGHT`: its companies with their
 * registry names and aliases, its topics and authors, so "microsoft" finds every article tagged
 * Microsoft, not only those that name it), then the summary when one was written (a derived one
 * is the first paragraph, already in the body) and the body as the page shows it (sanitized).
 * Its metadata, facet values and sort key come from `searchRecord`. Every text is escaped here:
 * the document is HTML and no name may become markup.
 */
import { createHash } from 'node:crypto';
import { formatDate, type ArchiveDate } from '../dates.ts';
import { escapeHtml } from './feeds.ts';
import { padNumber } from '../pad.ts';
import { DATE_SORT_KEY, DATE_SORT_META, MONTH_FILTER, type SearchFacet } from '../client/search-state.ts';
import { DIRECTORY_SHARD_FILTER, monthOfDate, wordDirectoryKey, type ShardInfo } from '../client/search-shards.ts';
import type { TermKind } from '../urls.ts';

/** Pagefind weight of the tagged names: below the headline (7), above body text (1). */
export const NAMES_WEIGHT = 4;

interface NamedRef {
  kind: TermKind;
  slug: string;
  name: string;
}

export interface SearchRecordInput {
  date: ArchiveDate;
  /** The URL of its lead image's thumbnail (with the base), when it has one. */
  thumbnail?: string;
  summary: string;
  /** Its companies, topics and authors, with the spellings the article used for each. */
  terms: Record<TermKind, readonly (NamedRef & { spellings?: readonly string[] })[]>;
}

/** A term as a result shows it: kind, name and page URL (with the site's base). */
export type ResultTerm = [kind: 'company' | 'topic', name: string, url: string];

export interface SearchRecord {
  /**
   * Shown with each result: `date` as written, `summary`, `terms` (JSON of `ResultTerm`s), `image`
   * (a thumbnail of the lead image, when there is one); and `date_sort`, the sort key, where the
   * browser can read it to merge shards' results by date.
   */
  meta: { date: string; summary: string; terms: string; image?: string; [DATE_SORT_META]: string };
  filters: Record<SearchFacet | typeof MONTH_FILTER, string[]>;
  sort: { [DATE_SORT_KEY]: string };
}

/**
 * Sort key for an article date. Pagefind compares sort values as numbers when they all parse
 * as numbers; a zero-padded count of seconds since year 1 stays numeric and ordered for every
 * date the content contract accepts, whatever the offset each article was written in.
 */
export function searchSortKey(date: Pick<ArchiveDate, 'instant'>): string {
  const seconds = Math.floor(date.instant / 1000);
  // Dates before 1970 are negative; shift so every key is a non-negative integer of the same width.
  return padNumber(seconds + 62_135_596_800, 12);
}

const unique = (refs: readonly { name: string }[]) => [...new Set(refs.map((ref) => ref.name))];

/** The index data of one article: result metadata, facet values and the date sort key. */
export function searchRecord(article: SearchRecordInput, termUrl: (ref: NamedRef) => string): SearchRecord {
  const terms: ResultTerm[] = [
    ...article.terms.companies.map((ref): ResultTerm => ['company', ref.name, termUrl(ref)]),
    ...article.terms.topics.map((ref): ResultTerm => ['topic', ref.name, termUrl(ref)]),
  ];
  return {
    meta: {
      date: formatDate(article.date),
      summary: article.summary,
      terms: JSON.stringify(terms),
      ...(article.thumbnail ? { image: article.thumbnail } : {}),
      [DATE_SORT_META]: searchSortKey(article.date),
    },
    filters: {
      company: unique(article.terms.companies),
      topic: unique(article.terms.topics),
      author: unique(article.terms.authors),
      [MONTH_FILTER]: [monthOfDate(article.date)],
    },
    sort: { [DATE_SORT_KEY]: searchSortKey(article.date) },
  };
}

export interface SearchDocumentInput extends SearchRecordInput {
  title: string;
  /** The article's path without the base: `2018/02/27/slug/`. */
  path: string;
  summaryDerived: boolean;
}

/**
 * An article's rendered body, for the index: read only when its shard is indexed again, so a
 * build that re-indexes one shard reads one shard's bodies. `key` changes whenever the HTML does
 * (the content loader's digest of the file).
 */
export interface DocumentBody {
  key: string;
  html(): Promise<string>;
}

export interface SearchDocument {
  /** The URL search results link to, without the base (the search page adds it). */
  url: string;
  /** The shard (Pagefind language index) it goes into. */
  shard: string;
  /** The document's HTML before and after the body (`documentContent` puts them together). */
  before: string;
  after: string;
  body: DocumentBody;
}

export interface SearchContext {
  /** A term's page URL, with the site's base. */
  termUrl(ref: NamedRef): string;
  /** Other names of a term (a registry company's aliases). */
  aliasesOf(ref: NamedRef): readonly string[];
}

/**
 * Every name an article is tagged with, once each: resolved names, registry aliases and the
 * spellings the article used (`Acme Corp.` for Acme Corporation).
 */
export function taggedNames(article: SearchDocumentInput, context: Pick<SearchContext, 'aliasesOf'>): string[] {
  const names = new Map<string, string>();
  const add = (name: string) => {
    // "Acme Corp" and "Acme Corp." are one name to a reader.
    const key = name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (key && !names.has(key)) names.set(key, name.trim());
  };
  const refs = [...article.terms.companies, ...article.terms.topics, ...article.terms.authors];
  for (const ref of refs) {
    add(ref.name);
    for (const alias of context.aliasesOf(ref)) add(alias);
  }
  for (const ref of refs) for (const spelling of ref.spellings ?? []) add(spelling);
  return [...names.values()];
}

export function searchDocument(article: SearchDocumentInput, body: DocumentBody, shard: string, context: SearchContext): SearchDocument {
  const record = searchRecord(article, context.termUrl);
  const hidden = [
    ...Object.entries(record.meta).map(([key, value]) => `<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`),
    ...Object.entries(record.sort).map(([key, value]) => `<span data-pagefind-sort="${key}">${escapeHtml(value)}</span>`),
    ...Object.entries(record.filters).flatMap(([key, values]) => values.map((value) => `<span data-pagefind-filter="${key}">${escapeHtml(value)}</span>`)),
  ];
  const names = taggedNames(article, context);
  const before = [
    `<html lang="${escapeHtml(shard)}"><body><article data-pagefind-body>`,
    `<h1 data-pagefind-meta="title">${escapeHtml(article.title)}</h1>`,
    names.length ? `<p data-pagefind-weight="${NAMES_WEIGHT}">${names.map(escapeHtml).join(' · ')}</p>` : '',
    article.summaryDerived ? '' : `<p>${escapeHtml(article.summary)}</p>`,
  ].join('');
  const after = [
    // Read for its metadata, filters and sort key, not for its words (see Pagefind's docs).
    `<div data-pagefind-ignore>${hidden.join('')}</div>`,
    '</article></body></html>',
  ].join('');
  return { url: `/${article.path}`, shard, before, after, body };
}

/**
 * The whole HTML Pagefind indexes for a document; with `words`, every word it may be found by is
 * added to that set as well (see `addDocumentWords`).
 */
export async function documentContent(document: SearchDocument, words?: Set<string>): Promise<string> {
  const searchable = document.before + (await document.body.html());
  if (words) addDocumentWords(searchable, words);
  return searchable + document.after;
}

/**
 * The elements Pagefind (1.6, `SENTENCE_SELECTORS` and `br` in its HTML parser) puts a space
 * around; around any other element it joins the text as it stands (`<th>Net</th><th>Sales</th>`
 * is one word to it).
 */
const SPACED_TAG = /<\/?(?:h[1-6]|p|td|div|ul|li|article|section|br)\b[^>]*>/gi;

/**
 * Adds to `words` every word the searchable HTML of a document may be indexed under, for the
 * word directory (`wordDirectoryDocument`): its text split at white space, each word once.
 *
 * The directory must hold at least every word Pagefind indexed, or a search would skip a shard
 * that has its word. So the text is read twice: as Pagefind reads it (a space around the
 * elements it spaces, none around others: "Nex<b>tia</b>" is one word), and with a space around
 * every element, so a word is there whichever way Pagefind splits it. Words stay as the HTML
 * writes them (`AT&amp;T`), so the directory document, which is HTML too, gives Pagefind the
 * same text. Upper and lower case are one word to Pagefind.
 */
export function addDocumentWords(html: string, words: Set<string>): void {
  for (const text of [html.replace(SPACED_TAG, ' ').replace(/<[^>]*>/g, ''), html.replace(/<[^>]*>/g, ' ')]) {
    for (const word of text.split(/\s+/)) {
      // A character reference keeps its case: `&Eacute;` is not `&eacute;` to the parser.
      if (word) words.add(word.includes('&') ? word : word.toLowerCase());
    }
  }
}

/**
 * The word directory's document for one shard (src/lib/client/search-shards.ts, `wordDirectoryKey`):
 * every word of the shard once, and the shard's key as its filter value.
 */
export function wordDirectoryDocument(shard: Pick<ShardInfo, 'key' | 'lang'>, words: Iterable<string>): { url: string; content: string } {
  // The words come from HTML text, where no `<` is left unescaped; escape one anyway.
  const text = [...words].map((word) => word.replaceAll('<', '&lt;')).join(' ');
  return {
    url: `/${shard.key}/`,
    content: [
      `<html lang="${escapeHtml(wordDirectoryKey(shard.lang))}"><body>`,
      `<p>${text}</p>`,
      `<div data-pagefind-ignore><span data-pagefind-filter="${DIRECTORY_SHARD_FILTER}">${escapeHtml(shard.key)}</span></div>`,
      '</body></html>',
    ].join(''),
  };
}

export interface ShardPlan {
  /** The shard of each article, in the order given. */
  shardOf: string[];
  /** Every shard with its months and size, as the search page reads them. */
  shards: ShardInfo[];
}

/**
 * Splits articles into shards: per language (Pagefind's key: the page language in lower case),
 * consecutive months from the oldest, a new shard whenever the next month would take one over
 * `maxSize` (a month is never split, so a busy month may exceed it). Adding or editing recent
 * articles so only ever changes the newest shard.
 */
export function planShards(articles: readonly { lang?: string; date: { year: number; month: number } }[], siteLang: string, maxSize: number): ShardPlan {
  const monthNumber = (a: { date: { year: number; month: number } }) => a.date.year * 100 + a.date.month;
  const langOf = (a: { lang?: string }) => (a.lang ?? siteLang).toLowerCase();
  const months = new Map<string, Map<number, number>>();
  for (const article of articles) {
    const lang = langOf(article);
    if (!months.has(lang)) months.set(lang, new Map());
    const counts = months.get(lang)!;
    counts.set(monthNumber(article), (counts.get(monthNumber(article)) ?? 0) + 1);
  }
  const keyOfMonth = new Map<string, string>();
  const shards: ShardInfo[] = [];
  for (const [lang, byMonth] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
    const runs: { months: number[]; count: number }[] = [];
    for (const month of [...byMonth.keys()].sort((a, b) => a - b)) {
      const size = byMonth.get(month)!;
      const last = runs.at(-1);
      if (!last || last.count + size > maxSize) runs.push({ months: [month], count: size });
      else {
        last.months.push(month);
        last.count += size;
      }
    }
    runs.forEach((run, i) => {
      const key = i === runs.length - 1 ? lang : `${lang}-x-${run.months[0]}`;
      shards.push({ key, lang, from: run.months[0]!, to: run.months.at(-1)!, count: run.count });
      for (const month of run.months) keyOfMonth.set(`${lang}\n${month}`, key);
    });
  }
  return { shardOf: articles.map((a) => keyOfMonth.get(`${langOf(a)}\n${monthNumber(a)}`)!), shards };
}

/**
 * One hash of a shard's documents, in order: the same documents give the same index. It reads
 * each body's key, not its HTML, so a shard that stays the same costs no reading.
 */
export function documentsDigest(documents: readonly SearchDocument[]): string {
  const hash = createHash('sha256');
  // How a shard is written (src/integrations/pagefind.ts): bumped when that changes, so an index
  // cached by an earlier version is made again. 2: documents handed over in order, words sorted.
  hash.update('shard format 2\0');
  for (const { url, shard, before, body, after } of documents) {
    for (const part of [url, shard, before, body.key, after]) hash.update(part).update('\0');
  }
  return hash.digest('hex');
}
