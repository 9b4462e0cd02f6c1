/** The order of results: newest first (the default), oldest first, or by relevance. */
import { DEFAULT_SORT, SEARCH_SORTS, type SearchSort } from '../../contract/url-state.ts';

export class SortControl {
  constructor(
    private readonly select: HTMLSelectElement,
    onChange: () => void,
  ) {
    select.addEventListener('change', onChange);
  }

  get value(): SearchSort {
    const sort = this.select.value as SearchSort;
    return SEARCH_SORTS.includes(sort) ? sort : DEFAULT_SORT;
  }

  show(sort: SearchSort): void {
    this.select.value = sort;
  }
}
