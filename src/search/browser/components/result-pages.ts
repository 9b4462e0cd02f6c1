/**
 * Results drawn a page at a time, as they scroll into view (only those fetch their data), or when
 * "Show more results" is pressed (which then focuses the first new one). A page is drawn as it
 * comes: shards are read a round at a time, and results are drawn as soon as they are appended,
 * so a rare word's first results show once the first shard holding it is read.
 */
import { effectiveSort, type SearchState } from '../../contract/url-state.ts';
import type { ResultStream } from '../result-stream.ts';
import type { ResultList } from './result-list.ts';

/** Results of a page drawn before the rest of it has loaded. */
export const FIRST_DRAWN = 5;

interface Drawing {
  stream: ResultStream;
  state: SearchState;
  /** Whether this search is still the one on the page. */
  current: () => boolean;
}

export class ResultPages {
  #drawing: Drawing | undefined;
  #shown = 0;
  #busy: Promise<void> | undefined;

  constructor(
    private readonly list: ResultList,
    private readonly more: HTMLButtonElement,
    private readonly pageSize: number,
    /** After each part of a page is drawn (the summary and facets follow it). */
    private readonly drawn: (stream: ResultStream) => void,
  ) {
    more.addEventListener('click', () => void this.#drawMore(true));
    if (typeof IntersectionObserver === 'function') {
      const near = new IntersectionObserver(
        (entries) => entries.some((entry) => entry.isIntersecting) && void this.#drawMore(false),
        {
          rootMargin: '400px 0px',
        },
      );
      near.observe(more);
    }
  }

  /** No search listing: nothing drawn. */
  clear(): void {
    this.#drawing = undefined;
    this.#shown = 0;
    this.more.hidden = true;
    this.list.clear();
  }

  /** Draws the first page of a new search; the last one's results stay until it has its own. */
  async start(stream: ResultStream, state: SearchState, current: () => boolean): Promise<void> {
    this.#drawing = { stream, state, current };
    this.#shown = 0;
    this.more.hidden = true;
    await this.#draw(this.#drawing);
  }

  async #drawMore(asked: boolean): Promise<void> {
    const drawing = this.#drawing;
    if (!drawing || this.#busy || (this.more.hidden && !asked)) return;
    await this.#draw(drawing, asked);
  }

  /** Draws a page; then draws on while "Show more results" is still in view (a tall window). */
  async #draw(drawing: Drawing, focusFirst = false): Promise<void> {
    const busy = this.#drawPage(drawing, focusFirst).finally(() => {
      if (this.#busy === busy) this.#busy = undefined;
    });
    this.#busy = busy;
    await busy;
    if (drawing.current() && !this.more.hidden && this.more.getBoundingClientRect().top < window.innerHeight + 400) {
      void this.#drawMore(false);
    }
  }

  async #drawPage({ stream, state, current }: Drawing, focusFirst: boolean): Promise<void> {
    const end = this.#shown + this.pageSize;
    const byYear = effectiveSort(state) !== 'relevance';
    let firstLink: HTMLAnchorElement | undefined;
    do {
      await stream.fill(this.#shown + 1);
      if (!current()) return;
      if (this.#shown === 0) this.list.clear();
      // Every result's data is asked for at once; the first few are drawn as soon as they come.
      const page = stream.results.slice(this.#shown, end).map((result) => result.data());
      for (const [from, to] of [
        [0, FIRST_DRAWN],
        [FIRST_DRAWN, page.length],
      ] as const) {
        if (from >= page.length) break;
        const data = await Promise.all(page.slice(from, to));
        if (!current()) return;
        const drawnLink = this.list.append(data, byYear);
        firstLink ??= drawnLink;
      }
      this.#shown += page.length;
      this.more.hidden = this.#shown >= stream.results.length && stream.done;
      this.drawn(stream);
    } while (this.#shown < end && !stream.done);
    if (focusFirst) firstLink?.focus();
  }
}
