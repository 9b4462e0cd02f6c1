/**
 * The query box: the words typed, searched 80 ms after the last key (a burst of typing is one
 * search); Enter searches at once. Down arrow hands focus on to the suggestions or results.
 */
export const DEBOUNCE_MS = 80;

export interface QueryBoxEvents {
  /** On every key: the search page loads what the search will need. */
  typing(): void;
  /** A pause in typing, or Enter (`typed` false). */
  search(typed: boolean): void;
  /** Down arrow: the next thing to focus, if any. */
  next(): HTMLElement | undefined;
}

export class QueryBox {
  #debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly input: HTMLInputElement,
    form: HTMLFormElement,
    events: QueryBoxEvents,
  ) {
    input.addEventListener('input', () => {
      events.typing();
      clearTimeout(this.#debounce);
      this.#debounce = setTimeout(() => events.search(true), DEBOUNCE_MS);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown') return;
      const next = events.next();
      if (next) {
        event.preventDefault();
        next.focus();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#debounce);
      events.search(false);
    });
  }

  /** The query as typed, trimmed. */
  get value(): string {
    return this.input.value.trim();
  }

  /** Shows a search's query, leaving alone what is typed when it is the same words. */
  show(q: string): void {
    if (this.input.value.trim() !== q) this.input.value = q;
  }
}
