/**
 * The search page (src/pages/search.astro) on top of Pagefind's Component UI.
 *
 * The Component UI renders the box, results, filter pane and live announcements. This script:
 * - configures it: the bundle under the site's base, and the other languages' indexes merged
 *   in, so one search covers every language (see `languagesToMerge`);
 * - keeps the query, filters and sort order in the URL: a search can be shared, `?q=` runs on
 *   load, and Back/Forward step through earlier searches;
 * - offers relevance or newest-first order, and keeps newest-first true across languages
 *   (see src/lib/search-merge.ts);
 * - says so when the index is missing (e.g. `npm run dev` before any `npm run build`).
 */
import {
  browsesWithoutQuery,
  DATE_SORT_KEY,
  DATE_SORT_META,
  effectiveSort,
  fromPagefindFilters,
  sameSearch,
  searchStateFromParams,
  searchStateToQuery,
  toPagefindFilters,
  toPagefindSort,
  type SearchSort,
  type SearchState,
} from '@/lib/search';
import { orderNewestAcrossLanguages } from '@/lib/search-merge';

/** The parts of Pagefind's search API and Component UI this page relies on (Pagefind 1.6). */
type PagefindFilters = Record<string, string[]>;
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ meta: Record<string, string | undefined> }>;
}
interface PagefindResponse {
  results: PagefindResult[];
  [key: string]: unknown;
}
interface PagefindApi {
  search(term: string | null, options?: { filters?: unknown; sort?: Record<string, string> }): Promise<PagefindResponse>;
  [key: string]: unknown;
}
interface ComponentInstance {
  searchTerm?: string;
  searchFilters?: PagefindFilters;
  /** What `<pagefind-config sort="…">` sets; read at every search. */
  searchSort?: Record<string, string>;
  on(event: 'search', callback: (term: string, filters: PagefindFilters) => void): void;
  triggerSearchWithFilters(term: string, filters: PagefindFilters): void;
  /** What `<pagefind-config faceted>` sets: whether a search without a query lists results. */
  faceted: boolean;
  /** Loads Pagefind and the filters; resolves when done (errors are shown by the UI itself). */
  triggerLoad(): Promise<void>;
  setTranslations(strings: Record<string, string>): void;
}
interface PagefindComponentsApi {
  configureInstance(name: string, options: Record<string, unknown>): ComponentInstance;
}
declare global {
  interface Window {
    PagefindComponents?: PagefindComponentsApi;
  }
}

/** Typing within this long of the last typed search replaces its history entry. */
const TYPING_BURST_MS = 1500;

async function start(root: HTMLElement) {
  // Scripts run: the note for readers without JavaScript does not apply.
  root.querySelector('[data-search-nojs]')?.remove();
  const ui = root.querySelector<HTMLElement>('[data-search-ui]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const sortSelect = root.querySelector<HTMLSelectElement>('select[data-search-sort]');
  if (!ui || !status || !sortSelect) throw new Error('search page: markup is missing [data-search-ui], [data-search-status] or the sort select');

  const components = window.PagefindComponents;
  const unavailable = () => {
    ui.hidden = true;
    status.hidden = false;
    status.textContent = import.meta.env.DEV
      ? 'Search needs an index, and the dev server has none yet. Run "npm run build" once; the dev server then searches the last build.'
      : 'Search is not available right now: its index could not be loaded. You can still browse the archive by date, company, topic or author.';
  };
  // The Component UI script is part of the index bundle: no bundle, no search.
  if (!components) return unavailable();

  const bundlePath = root.dataset.bundlePath ?? '/pagefind/';
  const mergeLanguages = JSON.parse(root.dataset.mergeLanguages ?? '[]') as string[];
  const instance = components.configureInstance('default', {
    bundlePath,
    baseUrl: root.dataset.baseUrl ?? '/',
    // Every other language's index comes from the same bundle. Pagefind skips a merge whose
    // path starts its own, so name the folder another way ("/pagefind/./"), which the browser
    // resolves to the same files.
    mergeIndex: mergeLanguages.map((language) => ({ bundlePath: `${bundlePath}./`, language })),
  });
  // The header has "Search the archive"; give this box a name of its own.
  instance.setTranslations({ search_label: 'Search articles' });
  if (mergeLanguages.length > 0) keepNewestAcrossLanguages(instance);

  let shown = searchStateFromParams(new URLSearchParams(window.location.search));
  let lastTypedAt = Number.NEGATIVE_INFINITY;

  const urlState = () => searchStateFromParams(new URLSearchParams(window.location.search));

  /** Runs a search for a state (from the URL) without recording it again. */
  const run = (state: SearchState) => {
    shown = state;
    sortSelect.value = state.sort;
    instance.triggerSearchWithFilters(state.q, toPagefindFilters(state.filters));
  };

  /** Settings the Component UI reads when it runs the search just announced. */
  const prepare = (state: SearchState) => {
    instance.searchSort = toPagefindSort(effectiveSort(state));
    // "Faceted" is the Component UI's name for listing results without a query.
    instance.faceted = browsesWithoutQuery(state);
  };

  /** Records a search in the history: one entry per typed query, filter change or sort change. */
  const record = (next: SearchState, typed: boolean) => {
    if (sameSearch(next, urlState())) return;
    const url = `${window.location.pathname}${searchStateToQuery(next)}`;
    const now = performance.now();
    if (typed && now - lastTypedAt < TYPING_BURST_MS) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    lastTypedAt = typed ? now : Number.NEGATIVE_INFINITY;
  };

  // Fires (before the search runs) whenever the box, the filter pane or this script searches.
  instance.on('search', (term, filters) => {
    const next: SearchState = { q: term.trim(), filters: fromPagefindFilters(filters), sort: shown.sort };
    const typed = next.q !== shown.q;
    shown = next;
    prepare(next);
    record(next, typed);
  });

  sortSelect.addEventListener('change', () => {
    const next: SearchState = { ...shown, sort: sortSelect.value as SearchSort };
    record(next, false);
    run(next);
  });

  window.addEventListener('popstate', () => run(urlState()));

  ui.hidden = false;
  // Load the index now (this is the search page: the filter pane shows its facets at once), then
  // run the search the URL asks for, unless the reader already typed one meanwhile. Faceted mode
  // stays off until then (`prepare`): on at load, the Component UI would run an empty search of
  // its own, racing this one and rewriting the URL.
  try {
    await instance.triggerLoad();
  } catch (error) {
    console.error(error);
    return unavailable();
  }
  if (!instance.searchTerm) run(shown);
}

/**
 * Newest-first order across merged language indexes: Pagefind orders merged results by score,
 * which under a sort option is each index's own rank, so the languages would interleave. The
 * Component UI keeps its Pagefind API object in `__pagefind__` (set once, when it loads);
 * intercept that assignment and put the results back in date order.
 */
function keepNewestAcrossLanguages(instance: ComponentInstance) {
  let api: PagefindApi | undefined;
  Object.defineProperty(instance, '__pagefind__', {
    configurable: true,
    enumerable: true,
    get: () => api,
    set: (value: PagefindApi | undefined) => {
      api = value && {
        ...value,
        async search(term, options) {
          const response = await value.search(term, options);
          const direction = options?.sort?.[DATE_SORT_KEY];
          if (!direction) return response;
          const newest = await orderNewestAcrossLanguages(
            response.results,
            async (result) => (await result.data()).meta[DATE_SORT_META] ?? '',
          );
          return { ...response, results: direction === 'asc' ? newest.reverse() : newest };
        },
      };
    },
  });
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void start(root);
