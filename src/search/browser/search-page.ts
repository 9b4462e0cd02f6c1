/**
 * The search page (src/pages/search.astro), put together from its components (components/):
 * the query box, the suggestions, the date range, the sort, the facets, the results drawn page
 * by page, and the status line; the search itself lives in the URL (components/search-history.ts)
 * and runs on the index's date shards (sharded-index.ts, result-stream.ts).
 *
 * A response that arrives after a newer search started is dropped (`generation`).
 */
import { Kinds, type KindInfo } from '../../lib/kinds.ts';
import type { SearchEntity } from '../contract/entities.ts';
import {
  effectiveSort,
  hasFilters,
  listsArticles,
  queryProblem,
  searchStateFromParams,
  type SearchState,
} from '../contract/url-state.ts';
import { DateRange } from './components/date-range.ts';
import { Facets } from './components/facets.ts';
import { QueryBox } from './components/query-box.ts';
import { ResultList } from './components/result-list.ts';
import { ResultPages } from './components/result-pages.ts';
import { SearchHistory } from './components/search-history.ts';
import { SortControl } from './components/sort-control.ts';
import { SearchStatus } from './components/status.ts';
import { Suggestions } from './components/suggestions.ts';
import { monthNames, required } from './dom.ts';
import type { PagefindModule } from './pagefind-instance.ts';
import { ResultStream, type SearchCounts } from './result-stream.ts';
import { ShardedIndex } from './sharded-index.ts';
import type { ShardInfo } from '../contract/shards.ts';

export class SearchPage {
  readonly #index: ShardedIndex;
  /** The archive's kinds: the built-in ones and those the page says its settings declare. */
  readonly #kinds: Kinds;
  readonly #history: SearchHistory;
  readonly #lang = document.documentElement.lang || 'en';
  readonly #query: QueryBox;
  readonly #range: DateRange;
  readonly #sort: SortControl;
  readonly #suggestions: Suggestions;
  readonly #facets: Facets;
  readonly #results: ResultList;
  readonly #pages: ResultPages;
  readonly #status: SearchStatus;
  #state: SearchState;
  #stream: ResultStream | undefined;
  /** The current search's counts, once counted (the facets ask for them). */
  #counts: SearchCounts | undefined;
  #generation = 0;

  /** `pagefind` stands in for the bundle's script in unit tests. */
  constructor(
    private readonly root: HTMLElement,
    pagefind?: Promise<PagefindModule>,
  ) {
    this.#kinds = new Kinds(JSON.parse(root.dataset.declaredKinds ?? '[]') as KindInfo[]);
    this.#history = new SearchHistory(this.#kinds.facets);
    const shards = JSON.parse(root.dataset.shards ?? '[]') as ShardInfo[];
    this.#index = new ShardedIndex(
      root.dataset.bundlePath ?? '/pagefind/',
      root.dataset.baseUrl ?? '/',
      shards,
      pagefind,
    );
    const entities = fetch(root.dataset.entities ?? '')
      .then((response) => (response.ok ? (response.json() as Promise<SearchEntity[]>) : []))
      .catch(() => []);
    const change = () => this.#change(this.#controlState(), false);
    this.#query = new QueryBox(required(root, 'input[name="q"]'), required(root, 'form[data-search-form]'), {
      typing: () => this.#index.preload(this.#controlState()),
      search: (typed) => this.#change(this.#controlState(), typed),
      next: () => this.#suggestions.first() ?? this.#results.first(),
    });
    this.#range = new DateRange(required(root, 'input[name="from"]'), required(root, 'input[name="to"]'), change);
    this.#sort = new SortControl(required(root, 'select[name="sort"]'), change);
    this.#suggestions = new Suggestions(
      required(root, '[data-search-entities]'),
      entities,
      this.#query.input,
      this.#kinds,
    );
    this.#facets = new Facets(
      required(root, '[data-search-facets]'),
      required(root, '[data-search-facet-list]'),
      {
        toggle: (facet, value, checked) => {
          const values = new Set(this.#state.filters[facet] ?? []);
          if (checked) values.add(value);
          else values.delete(value);
          const filters = { ...this.#state.filters, [facet]: [...values] };
          if (values.size === 0) delete filters[facet];
          this.#change({ ...this.#controlState(), filters }, false);
        },
        wantCounts: () => void this.#count(),
      },
      this.#kinds,
    );
    this.#results = new ResultList(required(root, '[data-search-results]'));
    const pageSize = Math.max(1, Number(root.dataset.pageSize) || 10);
    this.#pages = new ResultPages(this.#results, required(root, 'button[data-search-more]'), pageSize, (stream) =>
      this.#showProgress(stream),
    );
    const withoutFilters = required<HTMLAnchorElement>(root, 'a[data-search-without-filters]');
    this.#status = new SearchStatus(
      required(root, '[data-search-summary]'),
      required(root, '[data-search-help]'),
      withoutFilters,
      monthNames(this.#lang),
    );
    this.#state = this.#history.current();
  }

  /** The search the controls describe (facets as selected). */
  #controlState(): SearchState {
    const params = new URLSearchParams({ q: this.#query.value, ...this.#range.value, sort: this.#sort.value });
    return { ...searchStateFromParams(params, this.#kinds.facets), filters: this.#state.filters };
  }

  async start(): Promise<void> {
    this.root.querySelector('[data-search-nojs]')?.remove();
    try {
      await this.#index.ready();
    } catch (error) {
      console.error(error);
      const note = required<HTMLElement>(this.root, '[data-search-unavailable]');
      note.hidden = false;
      note.textContent = import.meta.env?.DEV
        ? 'Search needs an index, and the dev server has none yet. Run "npm run build" once; the dev server then searches the last build.'
        : `Search is not available right now: its index could not be loaded. You can still browse the archive by date, ${this.#kinds.inWords('singular', 'or')}.`;
      return;
    }
    required<HTMLElement>(this.root, '[data-search-ui]').hidden = false;
    this.#index.warm(this.#lang);
    window.addEventListener('popstate', () => void this.#run(this.#history.current()));
    await this.#run(this.#state);
  }

  /** A search the reader asked for: recorded in the history, then run. */
  #change(next: SearchState, typed: boolean): void {
    this.#history.record(next, typed);
    void this.#run(next);
  }

  async #run(state: SearchState): Promise<void> {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    this.#state = state;
    this.#query.show(state.q);
    this.#range.show(state);
    this.#sort.show(state.sort);
    void this.#suggestions.show(state.q, current);
    this.#stream = undefined;
    this.#counts = undefined;

    const problem = queryProblem(state.q, this.#lang);
    this.#status.reset(problem);
    if (problem || !listsArticles(state)) {
      this.#pages.clear();
      this.#renderFacets();
      return;
    }
    const stream = new ResultStream(this.#index, state);
    this.#stream = stream;
    this.root.setAttribute('aria-busy', 'true');
    try {
      await this.#pages.start(stream, state, current);
    } catch (error) {
      if (!current()) return;
      console.error(error);
      this.#status.failed();
    } finally {
      if (current()) this.root.removeAttribute('aria-busy');
    }
  }

  #showProgress(stream: ResultStream): void {
    const counts = this.#counts;
    const progress = {
      q: this.#state.q,
      count: counts?.total ?? stream.results.length,
      complete: stream.done || Boolean(counts),
      searched: stream.searched,
      sort: effectiveSort(this.#state),
    };
    this.#status.show(progress, this.#state);
    this.#renderFacets();
  }

  #renderFacets(): void {
    const searching = Boolean(this.#stream);
    this.#facets.render({
      filters: this.#state.filters,
      counts: this.#counts?.facets,
      searching,
      visible: searching || hasFilters(this.#state),
    });
  }

  /** Counts the results per facet value (and in all), then shows the counts. */
  async #count(): Promise<void> {
    const stream = this.#stream;
    if (!stream) return;
    const counts = await stream.count();
    if (stream !== this.#stream || this.#counts) return;
    this.#counts = counts;
    this.#showProgress(stream);
  }
}
