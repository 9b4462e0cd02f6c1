/**
 * The line that says what a search found ("12 results for acme"), how far it has read while
 * older (or newer) shards wait for the reader to scroll, or why a query finds nothing useful;
 * and, when nothing matched, the help under it, with a link to the same words without filters.
 */
import { countResults } from '../../../lib/wording.ts';
import type { ShardInfo } from '../../contract/shards.ts';
import {
  hasFilters,
  searchStateToQuery,
  type QueryProblem,
  type SearchSort,
  type SearchState,
} from '../../contract/url-state.ts';
import { monthLabel } from '../shard-reading.ts';

/** Why a query is not run, in words. */
export function problemText(problem: QueryProblem): string {
  if (problem.kind === 'no-words')
    return 'Type a word, a name or a number to search for: punctuation alone finds nothing.';
  const one = problem.words.length === 1;
  return `"${problem.words.join(' ')}" ${one ? 'is' : 'are'} too common to search for on ${one ? 'its' : 'their'} own: add a more telling word, such as a name, a place or a product.`;
}

export interface Progress {
  q: string;
  /** Results found so far, or counted in all. */
  count: number;
  /** Whether every shard in range was read (or counted): the count is the whole. */
  complete: boolean;
  /** The shards read so far, when not complete. */
  searched: readonly ShardInfo[];
  sort: SearchSort;
}

/** The summary line of a search under way or done. */
export function progressText(progress: Progress, monthNames: readonly string[]): string {
  const subject = progress.q ? ` for ${progress.q}` : '';
  if (!progress.complete && progress.searched.length) {
    const { searched, sort } = progress;
    const edge = sort === 'oldest' ? Math.max(...searched.map((s) => s.to)) : Math.min(...searched.map((s) => s.from));
    const side =
      sort === 'oldest'
        ? `up to ${monthLabel(edge, monthNames)}; newer`
        : `since ${monthLabel(edge, monthNames)}; older`;
    return `${countResults(progress.count)}${subject} ${side} articles are searched as you scroll.`;
  }
  return progress.count > 0 ? `${countResults(progress.count)}${subject}` : `No results${subject}`;
}

export class SearchStatus {
  constructor(
    private readonly summary: HTMLElement,
    private readonly help: HTMLElement,
    private readonly withoutFilters: HTMLAnchorElement,
    private readonly monthNames: readonly string[],
  ) {}

  /** A new search: nothing said yet, or why it is not run. */
  reset(problem?: QueryProblem): void {
    this.help.hidden = true;
    this.summary.textContent = problem ? problemText(problem) : '';
  }

  failed(): void {
    this.summary.textContent = 'Search failed: the index could not be read. Reload the page to try again.';
  }

  show(progress: Progress, state: SearchState): void {
    this.summary.textContent = progressText(progress, this.monthNames);
    if (!progress.complete || progress.count > 0) return;
    this.help.hidden = false;
    const offer = hasFilters(state) && state.q !== '';
    this.withoutFilters.parentElement!.hidden = !offer;
    if (offer) {
      this.withoutFilters.href = `${window.location.pathname}${searchStateToQuery({ q: state.q, filters: {}, sort: state.sort })}`;
      this.withoutFilters.textContent = `Search for ${state.q} without filters or dates`;
    }
  }
}
