/**
 * What the search index receives for each article: a small HTML document made from the archive
 * model, fed to Pagefind from memory (index-session.ts) while the pages are being
 * written, instead of Pagefind reading every built page back from disk afterwards.
 *
 * The index is split into shards by date (shard-plan.ts): Pagefind holds a whole index in memory
 * while it builds it (about 120 KB an article) and cannot update one, so one index for a large
 * archive would cost gigabytes and a full rebuild for every edit; and a reader's first search
 * then reads one shard, not the whole archive (../browser/shard-reading.ts). Each shard
 * is a Pagefind language index of its own (`en` for the newest articles in English,
 * `en-x-201803` for older ones, named after their first month); Pagefind stems a shard by its
 * primary language.
 *
 * The document holds exactly what is searchable, in Pagefind's weights: the headline (an h1,
 * weight 7), the names the article is tagged with (`NAMES_WEIGHT`: its companies with their
 * registry names and aliases, its topics and authors, so "microsoft" finds every article tagged
 * Microsoft, not only those that name it) ended by `LEAD_END` (a result's excerpt starts after
 * it), then the summary when one was written (a derived one
 * is the first paragraph, already in the body) and the body as the page shows it (sanitized).
 * Its metadata, facet values and sort key come from `searchRecord`. Every text is escaped here:
 * the document is HTML and no name may become markup.
 */
import { formatDate, type ArchiveDate } from '../../lib/dates.ts';
import type { Kinds, TermKind } from '../../lib/kinds.ts';
import { escapeHtml } from '../../lib/outputs/feeds.ts';
import { padNumber } from '../../lib/pad.ts';
import {
  DATE_SORT_KEY,
  DATE_SORT_META,
  LEAD_END,
  MONTH_FILTER,
  NAMES_WEIGHT,
  type ResultMeta,
  type ResultTerm,
} from '../contract/fields.ts';
import { monthOfDate } from '../contract/shards.ts';
import type { SearchFacet } from '../contract/url-state.ts';
import { normalizeName } from '../contract/words.ts';
import { addDocumentWords } from './directory.ts';

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
  /** Its terms of every kind (companies, topics, authors, source, declared kinds), with the spellings the article used for each. */
  terms: Record<TermKind, readonly (NamedRef & { spellings?: readonly string[] })[]>;
}

export interface SearchRecord {
  /**
   * Shown with each result: `date` as written, `summary`, `terms` (JSON of `ResultTerm`s), `image`
   * (a thumbnail of the lead image, when there is one); and `date_sort`, the sort key, where the
   * browser can read it to merge shards' results by date.
   */
  meta: Required<Pick<ResultMeta, 'date' | 'summary' | 'terms' | typeof DATE_SORT_META>> & Pick<ResultMeta, 'image'>;
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
export function searchRecord(
  article: SearchRecordInput,
  { termUrl, kinds }: Pick<SearchContext, 'termUrl' | 'kinds'>,
): SearchRecord {
  // A result shows every name but its bylines (results show no byline), in the kinds' order.
  const terms: ResultTerm[] = kinds.all
    .filter((info) => info.kind !== 'authors')
    .flatMap((info) => (article.terms[info.kind] ?? []).map((ref): ResultTerm => [info.facet, ref.name, termUrl(ref)]));
  return {
    meta: {
      date: formatDate(article.date),
      summary: article.summary,
      terms: JSON.stringify(terms),
      ...(article.thumbnail ? { image: article.thumbnail } : {}),
      [DATE_SORT_META]: searchSortKey(article.date),
    },
    filters: {
      ...(Object.fromEntries(kinds.all.map((info) => [info.facet, unique(article.terms[info.kind] ?? [])])) as Record<
        SearchFacet,
        string[]
      >),
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
  /** The archive's kinds of name: each is a facet. */
  kinds: Kinds;
}

/**
 * Every name an article is tagged with, once each: resolved names, registry aliases and the
 * spellings the article used (`Acme Corp.` for Acme Corporation).
 */
export function taggedNames(article: SearchDocumentInput, context: Pick<SearchContext, 'aliasesOf'>): string[] {
  const names = new Map<string, string>();
  const add = (name: string) => {
    // "Acme Corp" and "Acme Corp." are one name to a reader.
    const key = normalizeName(name);
    if (key && !names.has(key)) names.set(key, name.trim());
  };
  const refs = Object.values(article.terms).flat();
  for (const ref of refs) {
    add(ref.name);
    for (const alias of context.aliasesOf(ref)) add(alias);
  }
  for (const ref of refs) for (const spelling of ref.spellings ?? []) add(spelling);
  return [...names.values()];
}

export function searchDocument(
  article: SearchDocumentInput,
  body: DocumentBody,
  shard: string,
  context: SearchContext,
): SearchDocument {
  const record = searchRecord(article, context);
  const hidden = [
    ...Object.entries(record.meta).map(
      ([key, value]) => `<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`,
    ),
    ...Object.entries(record.sort).map(
      ([key, value]) => `<span data-pagefind-sort="${key}">${escapeHtml(value)}</span>`,
    ),
    ...Object.entries(record.filters).flatMap(([key, values]) =>
      values.map((value) => `<span data-pagefind-filter="${key}">${escapeHtml(value)}</span>`),
    ),
  ];
  const names = taggedNames(article, context);
  // The names, then the mark that ends the lead: what follows is the article's own text.
  const lead = [names.join(' · '), LEAD_END].filter(Boolean).join(' ');
  const before = [
    `<html lang="${escapeHtml(shard)}"><body><article data-pagefind-body>`,
    `<h1 data-pagefind-meta="title">${escapeHtml(article.title)}</h1>`,
    `<p data-pagefind-weight="${NAMES_WEIGHT}">${escapeHtml(lead)}</p>`,
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
