/**
 * What a search is, shared by the build (which writes links into a search, "Search within") and
 * the browser (which runs it): query, facets, date range and order; how it lives in the URL; what
 * Pagefind is asked; and when a query is not worth running. Which shards of the index a search
 * reads is in ../browser/shard-reading.ts.
 *
 * Pure and small: the search page's script bundles it, so it must not touch Node or the DOM,
 * nor import the date formatting of the build.
 */
import type { Facet } from '../../lib/kinds.ts';
import { DATE_SORT_KEY } from './fields.ts';
import { wordsOf } from './words.ts';

/** A facet readers can narrow by: one per kind of name of the archive (src/lib/kinds.ts, `Kinds.facets`). */
export type SearchFacet = Facet;

/** Result orders. `newest` (the default) and `oldest` use the date; `relevance` Pagefind's ranking. */
export const SEARCH_SORTS = ['newest', 'oldest', 'relevance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const DEFAULT_SORT: SearchSort = 'newest';

/** A month as written in the URL and the month filter: `2018-02`. */
export type Month = string;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface SearchState {
  /** The query as typed (trimmed); empty when none. */
  q: string;
  /** Selected values per facet; facets without a selection are absent. */
  filters: Partial<Record<SearchFacet, string[]>>;
  /** The first and last month of the date range, each optional. */
  from?: Month;
  to?: Month;
  sort: SearchSort;
}

const validMonth = (value: string | null | undefined): Month | undefined =>
  value && MONTH_RE.test(value.trim()) ? value.trim() : undefined;

/**
 * Reads a search from a query string: `?q=acme&company=Globex&from=2015-01&to=2017-12&sort=oldest`.
 * Repeated keys select several values of a facet. Unknown keys, months and sorts are ignored,
 * so old or mangled links still open a usable search; an older link's `year=2018` reads as the
 * range of that year.
 */
export function searchStateFromParams(params: URLSearchParams, facets: readonly SearchFacet[]): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of facets) {
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((value) => value.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length > 0) filters[key] = values;
  }
  let from = validMonth(params.get('from'));
  let to = validMonth(params.get('to'));
  const year = params.get('year')?.trim();
  if (!from && !to && year && /^\d{4}$/.test(year)) [from, to] = [`${year}-01`, `${year}-12`];
  // A range given backwards is the same range.
  if (from && to && from > to) [from, to] = [to, from];
  const sort = params.get('sort') as SearchSort | null;
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    from,
    to,
    sort: sort && SEARCH_SORTS.includes(sort) ? sort : DEFAULT_SORT,
  };
}

/**
 * The query string for a search (with `?`, or empty when there is nothing to keep). The order
 * is fixed (q, facets A–Z with values sorted, range, sort) so equal searches give equal URLs and
 * the page does not push duplicate history entries.
 */
export function searchStateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of Object.keys(state.filters).sort()) {
    for (const value of [...new Set(state.filters[key] ?? [])].sort()) params.append(key, value);
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether two states describe the same search. */
export function sameSearch(a: SearchState, b: SearchState): boolean {
  return searchStateToQuery(a) === searchStateToQuery(b);
}

/** Whether the search narrows anything: facets or a date range. */
export function hasFilters(state: Pick<SearchState, 'filters' | 'from' | 'to'>): boolean {
  return Boolean(state.from || state.to || Object.values(state.filters).some((values) => values?.length));
}

/**
 * Whether a search lists articles at all: with a query, or with filters ("everything about
 * Globex in 2020"). A bare search page lists nothing: listing a whole archive costs time and
 * bandwidth for no one.
 */
export function listsArticles(state: SearchState): boolean {
  return state.q.trim() !== '' || hasFilters(state);
}

/** The order results are shown in: relevance needs a query; without one, by date. */
export function effectiveSort(state: Pick<SearchState, 'q' | 'sort'>): SearchSort {
  return state.sort === 'relevance' && !state.q.trim() ? DEFAULT_SORT : state.sort;
}

/** Pagefind's `sort` option for an order. */
export function toPagefindSort(sort: SearchSort): Record<string, 'asc' | 'desc'> {
  if (sort === 'newest') return { [DATE_SORT_KEY]: 'desc' };
  if (sort === 'oldest') return { [DATE_SORT_KEY]: 'asc' };
  return {};
}

/** Pagefind's `filters` option for the facets (several values of one facet must all apply). */
export function toPagefindFilters(filters: SearchState['filters']): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of Object.keys(filters).sort()) {
    const values = filters[key];
    if (values?.length) out[key] = [...values];
  }
  return out;
}

/** Words too common to narrow an English archive on their own. */
const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have he her his i in is it its of on or our she that the their them they this to was we were what when where which who will with you'.split(
    ' ',
  ),
);

export type QueryProblem = { kind: 'no-words' } | { kind: 'only-common-words'; words: string[] };

/**
 * What is wrong with a query that would find nothing useful: no letters or digits at all (only
 * punctuation), or only words too common to narrow anything (`the of`, in an English archive).
 */
export function queryProblem(query: string, lang: string): QueryProblem | undefined {
  const words = wordsOf(query);
  if (query.trim() && words.length === 0) return { kind: 'no-words' };
  if (lang.toLowerCase().startsWith('en') && words.length > 0 && words.every((word) => STOP_WORDS.has(word))) {
    return { kind: 'only-common-words', words: [...new Set(words)] };
  }
  return undefined;
}
