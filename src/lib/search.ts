/**
 * What the search index knows about an article, and the search page's URL state.
 *
 * Pagefind reads the index data from `data-pagefind-*` attributes in the built HTML
 * (src/components/SearchMeta.astro renders `searchRecord`). The search page keeps its query,
 * filters and sort order in the URL (`searchStateFromParams` / `searchStateToQuery`), so a
 * search can be shared and the back button steps through earlier searches.
 *
 * This module is pure: the build imports it for pages and the browser bundle for the search
 * page script, so it must not touch Node or the DOM.
 */
import { formatDate, type ArchiveDate } from './dates.ts';

/** The facets readers can narrow by, in the order the filter pane shows them. */
export const SEARCH_FILTERS = ['company', 'topic', 'author', 'year'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** Result orders. `relevance` is Pagefind's ranking; `newest` uses the `date` sort key. */
export const SEARCH_SORTS = ['relevance', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The Pagefind sort key every article carries (see `searchSortKey`). */
export const DATE_SORT_KEY = 'date';
/** The metadata field repeating the sort key (see `SearchRecord`). */
export const DATE_SORT_META = 'date_sort';

export interface SearchRecordInput {
  date: ArchiveDate;
  summary: string;
  companyRefs: readonly { name: string }[];
  topicRefs: readonly { name: string }[];
  authorRefs: readonly { name: string }[];
}

export interface SearchRecord {
  /**
   * `date` and `summary` are shown with each result; `date_sort` repeats the sort key where the
   * browser can read it (a result's metadata), to order results across language indexes.
   */
  meta: { date: string; summary: string; [DATE_SORT_META]: string };
  filters: Record<SearchFilter, string[]>;
  sort: { [DATE_SORT_KEY]: string };
}

/**
 * Sort key for an article date. Pagefind compares sort values as numbers when they all parse
 * as numbers; a zero-padded count of seconds since 1970 stays numeric and ordered for every
 * date the content contract accepts, whatever the offset each article was written in.
 */
export function searchSortKey(date: Pick<ArchiveDate, 'instant'>): string {
  const seconds = Math.floor(date.instant / 1000);
  // Dates before 1970 are negative; shift so every key is a non-negative integer of the same width.
  return String(seconds + 62_135_596_800).padStart(12, '0');
}

const unique = (names: readonly { name: string }[]) => [...new Set(names.map((ref) => ref.name))];

/** The index data of one article: result metadata, facet values and the date sort key. */
export function searchRecord(article: SearchRecordInput): SearchRecord {
  return {
    meta: { date: formatDate(article.date), summary: article.summary, [DATE_SORT_META]: searchSortKey(article.date) },
    filters: {
      company: unique(article.companyRefs),
      topic: unique(article.topicRefs),
      author: unique(article.authorRefs),
      year: [String(article.date.year)],
    },
    sort: { [DATE_SORT_KEY]: searchSortKey(article.date) },
  };
}

export interface SearchState {
  /** The query as typed (trimmed); empty when none. */
  q: string;
  /** Selected values per facet; facets without a selection are absent. */
  filters: Partial<Record<SearchFilter, string[]>>;
  sort: SearchSort;
}

const isFilter = (key: string): key is SearchFilter => (SEARCH_FILTERS as readonly string[]).includes(key);

/**
 * Reads a search from a query string: `?q=acme&company=Globex&company=Acme+Corporation&sort=newest`.
 * Repeated keys select several values of a facet. Unknown keys and sort values are ignored, so old or mangled links
 * still open a usable search.
 */
export function searchStateFromParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const values = [...new Set(params.getAll(key).map((value) => value.trim()).filter(Boolean))];
    if (values.length > 0) filters[key] = values;
  }
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: sort === 'newest' ? 'newest' : 'relevance',
  };
}

/**
 * The query string for a search (with `?`, or empty when there is nothing to keep). The order
 * is fixed (q, facets in pane order with values sorted, sort) so equal searches give equal URLs
 * and the page does not push duplicate history entries.
 */
export function searchStateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of SEARCH_FILTERS) {
    for (const value of [...new Set(state.filters[key] ?? [])].sort()) params.append(key, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether two states describe the same search. */
export function sameSearch(a: SearchState, b: SearchState): boolean {
  return searchStateToQuery(a) === searchStateToQuery(b);
}

/**
 * Pagefind's `filters` option for a state, in the shape the Component UI's filter pane uses
 * (one array of values per facet), so the pane shows the selection a shared link carries.
 * Facets combine with "and"; so do several values of one facet, as in the pane.
 */
export function toPagefindFilters(filters: SearchState['filters']): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of SEARCH_FILTERS) {
    const values = filters[key];
    if (values?.length) out[key] = [...values];
  }
  return out;
}

/**
 * Reads Pagefind's `filters` option back into facet selections, accepting the shapes the
 * Component UI uses (`{company: ["A"]}`, `{company: {any: ["A"]}}`, `{company: "A"}`) and
 * dropping facets this site does not have.
 */
export function fromPagefindFilters(filters: unknown): SearchState['filters'] {
  const out: SearchState['filters'] = {};
  if (!filters || typeof filters !== 'object') return out;
  for (const [key, raw] of Object.entries(filters as Record<string, unknown>)) {
    if (!isFilter(key)) continue;
    let values: unknown[] = [];
    if (typeof raw === 'string') values = [raw];
    else if (Array.isArray(raw)) values = raw;
    else if (raw && typeof raw === 'object') {
      const shaped = raw as Record<string, unknown>;
      values = [shaped.any, shaped.all].flatMap((part) => (Array.isArray(part) ? part : typeof part === 'string' ? [part] : []));
    }
    const strings = [...new Set(values.filter((value): value is string => typeof value === 'string' && value.trim() !== ''))];
    if (strings.length > 0) out[key] = strings;
  }
  return out;
}

/**
 * Whether a search without a query still lists articles: when it has filters ("everything about
 * Globex in 2020") or asks for the newest first ("everything, newest first"). A bare search page,
 * or a cleared box, lists nothing: listing a whole archive costs time and bandwidth for no one.
 */
export function browsesWithoutQuery(state: Pick<SearchState, 'filters' | 'sort'>): boolean {
  return state.sort === 'newest' || Object.values(state.filters).some((values) => values && values.length > 0);
}

/**
 * The order results are shown in. Relevance needs a query; with none (every article, or only
 * filters), results are listed newest first whatever the sort control says.
 */
export function effectiveSort(state: Pick<SearchState, 'q' | 'sort'>): SearchSort {
  return state.q.trim() ? state.sort : 'newest';
}

/** Pagefind's `sort` option for a result order. */
export function toPagefindSort(sort: SearchSort): Record<string, 'asc' | 'desc'> {
  return sort === 'newest' ? { [DATE_SORT_KEY]: 'desc' } : {};
}

/**
 * Which language indexes the search page must merge so one search covers every language (and
 * every date shard of the index, src/lib/search-index.ts): `counts` holds each index's pages.
 *
 * Pagefind keeps one index per language and loads only the one matching the search page's
 * `<html lang>`: the exact tag, else its primary subtag (`pt-br` → `pt`), else the language with
 * the most pages. Every other language is merged in under its own language, so queries are
 * split into words the way that language needs (Chinese and Japanese have no spaces).
 */
export function languagesToMerge(counts: Record<string, number>, pageLang: string): string[] {
  const keys = Object.keys(counts);
  if (keys.length === 0) return [];
  const lang = pageLang.toLowerCase();
  const primary =
    keys.find((key) => key === lang) ??
    keys.find((key) => key === lang.split('-')[0]) ??
    // Pagefind's fallback: the biggest index (a stable sort keeps insertion order for ties).
    [...keys].sort((a, b) => counts[b]! - counts[a]!)[0];
  return keys.filter((key) => key !== primary).sort();
}
