/**
 * The facet pane: for each facet (one per kind of name), its values with their counts in the
 * results, selected ones first, the first few and "Show all". Counting reads every shard in
 * range and its filter index, so the pane asks for counts only once a facet is opened (or a
 * value selected, which opens it). Redrawn whole; the control in focus keeps the focus.
 */
import type { Kinds } from '../../../lib/kinds.ts';
import type { SearchFacet, SearchState } from '../../contract/url-state.ts';
import { element } from '../dom.ts';
import type { FilterCounts } from '../pagefind-instance.ts';

/** Facet values shown before "Show all". */
export const FACET_PREVIEW = 8;

export interface FacetEvents {
  /** A value was ticked or unticked. */
  toggle(facet: SearchFacet, value: string, checked: boolean): void;
  /** A facet is open and the counts are not known yet. */
  wantCounts(): void;
}

export interface FacetView {
  filters: SearchState['filters'];
  /** The counts per facet value, once counted. */
  counts?: FilterCounts;
  /** Whether a search is listing results (and so may count them). */
  searching: boolean;
  /** Whether the pane is shown: while listing results, or while the search has filters. */
  visible: boolean;
}

/** A facet's values in the order shown: selected first, then by count, then by name. */
export function orderedValues(selected: readonly string[], counts: Record<string, number>): string[] {
  const values = new Set([...selected, ...Object.keys(counts).filter((value) => counts[value]! > 0)]);
  return [...values].sort(
    (a, b) =>
      Number(selected.includes(b)) - Number(selected.includes(a)) ||
      (counts[b] ?? 0) - (counts[a] ?? 0) ||
      a.localeCompare(b),
  );
}

export class Facets {
  #open = new Set<SearchFacet>();
  #expanded = new Set<SearchFacet>();
  #refocus: { facet: string; value: string; tag: string } | undefined;
  #view: FacetView = { filters: {}, searching: false, visible: false };

  constructor(
    private readonly section: HTMLElement,
    private readonly list: HTMLElement,
    private readonly events: FacetEvents,
    private readonly kinds: Kinds,
  ) {
    list.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      const facet = box.dataset.facet as SearchFacet | undefined;
      if (facet) events.toggle(facet, box.value, box.checked);
    });
  }

  render(view: FacetView): void {
    this.#view = view;
    this.section.hidden = !view.visible;
    const focused = document.activeElement as HTMLElement | null;
    if (focused?.dataset.facet && this.list.contains(focused)) {
      this.#refocus = {
        facet: focused.dataset.facet,
        value: (focused as HTMLInputElement).value,
        tag: focused.localName,
      };
    }
    this.list.replaceChildren(...this.kinds.facets.map((facet) => this.#group(facet)));
    this.#restoreFocus();
    if (view.searching && !view.counts && this.#open.size > 0) this.events.wantCounts();
  }

  #group(facet: SearchFacet): HTMLDetailsElement {
    const { filters, counts, searching } = this.#view;
    const selected = filters[facet] ?? [];
    const label = this.kinds.facetInfo(facet).singular;
    const details = element('details', { class: 'search-facet', 'data-facet-group': facet });
    // A facet with a selection starts open.
    if (selected.length > 0) this.#open.add(facet);
    details.open = this.#open.has(facet);
    details.append(element('summary', {}, selected.length ? `${label} (${selected.length} selected)` : label));
    details.addEventListener('toggle', () => {
      // Only the reader's own opening and closing (not the state drawn here).
      if (details.open === this.#open.has(facet)) return;
      if (details.open) this.#open.add(facet);
      else this.#open.delete(facet);
      if (details.open && !this.#view.counts) this.render(this.#view);
    });
    const list = element('ul', { class: 'search-facet__values' });
    details.append(list);
    if (!counts) {
      list.append(element('li', { class: 'search-facet__none' }, searching ? 'Counting…' : ''));
      return details;
    }
    const facetCounts = counts[facet] ?? {};
    const values = orderedValues(selected, facetCounts);
    const shown = this.#expanded.has(facet) ? values : values.slice(0, Math.max(FACET_PREVIEW, selected.length));
    for (const value of shown) {
      const box = element('input', { type: 'checkbox', value, 'data-facet': facet });
      box.checked = selected.includes(value);
      const count = element('span', { class: 'search-facet__count' }, String(facetCounts[value] ?? 0));
      list.append(element('li', {}, element('label', {}, box, ' ', value, ' ', count)));
    }
    if (values.length === 0) list.append(element('li', { class: 'search-facet__none' }, 'None in these results'));
    if (values.length > shown.length) {
      const toggle = element(
        'button',
        { type: 'button', class: 'search-facet__all', 'data-facet': facet },
        `Show all ${values.length}`,
      );
      toggle.addEventListener('click', () => {
        this.#expanded.add(facet);
        this.render(this.#view);
      });
      details.append(toggle);
    }
    return details;
  }

  /** Focuses the new control of the one in focus before the redraw (after counting, when that comes first). */
  #restoreFocus(): void {
    const refocus = this.#refocus;
    const again =
      refocus &&
      [...this.list.querySelectorAll<HTMLElement>('[data-facet]')].find(
        (node) =>
          node.dataset.facet === refocus.facet &&
          node.localName === refocus.tag &&
          (refocus.tag !== 'input' || (node as HTMLInputElement).value === refocus.value),
      );
    if (again) {
      again.focus();
      this.#refocus = undefined;
    } else if (this.#view.counts) this.#refocus = undefined;
  }
}
