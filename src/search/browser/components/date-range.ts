/** The date range: the first and last month, each optional (`2018-03`, as the URL holds them). */
import type { SearchState } from '../../contract/url-state.ts';

export class DateRange {
  constructor(
    private readonly from: HTMLInputElement,
    private readonly to: HTMLInputElement,
    onChange: () => void,
  ) {
    for (const input of [from, to]) input.addEventListener('change', onChange);
  }

  /** The months as typed (checked by the URL state, which drops what is not a month). */
  get value(): { from: string; to: string } {
    return { from: this.from.value, to: this.to.value };
  }

  show(state: Pick<SearchState, 'from' | 'to'>): void {
    this.from.value = state.from ?? '';
    this.to.value = state.to ?? '';
  }
}
