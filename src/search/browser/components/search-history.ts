/**
 * The search in the URL: a link opens the same search, and Back/Forward step through earlier
 * ones. A burst of typing is one history entry: typing within 1.5 s of the last typed search
 * replaces it; any other change (Enter, a filter, the sort) adds one.
 */
import { sameSearch, searchStateFromParams, searchStateToQuery, type SearchState } from '../../contract/url-state.ts';

export const TYPING_BURST_MS = 1500;

export class SearchHistory {
  #lastTypedAt = Number.NEGATIVE_INFINITY;

  constructor(
    /** The archive's facets, the only filters a URL may set. */
    private readonly facets: readonly string[],
    private readonly location: Pick<Location, 'pathname' | 'search'> = window.location,
    private readonly history: Pick<History, 'pushState' | 'replaceState'> = window.history,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The search the URL describes. */
  current(): SearchState {
    return searchStateFromParams(new URLSearchParams(this.location.search), this.facets);
  }

  /** The URL of a search on this page. */
  urlOf(state: SearchState): string {
    return `${this.location.pathname}${searchStateToQuery(state)}`;
  }

  /** Records a search the reader asked for (nothing when the URL already says it). */
  record(next: SearchState, typed: boolean): void {
    if (sameSearch(next, this.current())) return;
    const url = this.urlOf(next);
    const now = this.now();
    if (typed && now - this.#lastTypedAt < TYPING_BURST_MS) this.history.replaceState(null, '', url);
    else this.history.pushState(null, '', url);
    this.#lastTypedAt = typed ? now : Number.NEGATIVE_INFINITY;
  }
}
