/**
 * The search page (src/pages/search.astro): the box, date range, sort and facets, the
 * companies, topics and authors that match what is typed, and the results, on Pagefind's JS
 * API over the index's date shards (src/scripts/pagefind-shards.ts).
 *
 * - The search lives in the URL (src/lib/client/search-state.ts): a link opens the same search, and
 *   Back/Forward step through earlier ones (a burst of typing is one entry).
 * - Typing searches 80 ms after the last key, the index chunks it needs loaded while typing
 *   (`ShardedIndex.preload`); a response that arrives after a newer search started is dropped
 *   (`generation`).
 * - Results are drawn a page at a time as they scroll into view: only those fetch their data.
 * - Every text from the index is set as text; an excerpt keeps only its <mark> highlights.
 */
import {
  effectiveSort,
  hasFilters,
  listsArticles,
  queryProblem,
  sameSearch,
  searchStateFromParams,
  searchStateToQuery,
  SEARCH_FACETS,
  SEARCH_SORTS,
  type SearchFacet,
  type SearchSort,
  type SearchState,
} from '@/lib/client/search-state';
import { monthLabel, type ShardInfo } from '@/lib/client/search-shards';
import { matchEntities, type SearchEntity } from '@/lib/client/search-entities';
import { countArticles, countResults } from '@/lib/wording';
import { ResultStream, ShardedIndex, type PagefindResult, type ResultData, type SearchCounts } from './pagefind-shards';

/** Typing within this long of the last typed search replaces its history entry. */
const TYPING_BURST_MS = 1500;
const DEBOUNCE_MS = 80;
/** Results of a page drawn before the rest of it has loaded. */
const FIRST_DRAWN = 5;
/** Facet values shown before "Show all". */
const FACET_PREVIEW = 8;
/** Facets and entities by name (an entity's kind is its facet). */
const FACET_LABELS: Record<SearchFacet, string> = { company: 'Company', topic: 'Topic', author: 'Author' };

const monthNames = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat(document.documentElement.lang || 'en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, i, 1)),
);

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * An excerpt as nodes: its text, and its <mark> highlights as <mark> elements holding text.
 * Parsed in an inert <template>, so nothing in it loads or runs; anything else is dropped.
 */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const nodes: Node[] = [];
  for (const node of template.content.childNodes) {
    const text = node.textContent ?? '';
    nodes.push(node instanceof Element && node.localName === 'mark' ? element('mark', {}, text) : document.createTextNode(text));
  }
  return nodes;
}

/** `[kind, name, url]` triples a result carries (src/lib/outputs/search-index.ts, `ResultTerm`). */
function resultTerms(data: ResultData): [string, string, string][] {
  try {
    const terms = JSON.parse(data.meta.terms ?? '[]') as unknown;
    return Array.isArray(terms)
      ? terms.filter((t): t is [string, string, string] => Array.isArray(t) && t.length === 3 && t.every((x) => typeof x === 'string'))
      : [];
  } catch {
    return [];
  }
}

const safeHref = (url: string) => (/^(\/|https?:\/\/)/i.test(url) ? url : '#');

class SearchPage {
  readonly #form: HTMLFormElement;
  readonly #input: HTMLInputElement;
  readonly #from: HTMLInputElement;
  readonly #to: HTMLInputElement;
  readonly #sort: HTMLSelectElement;
  readonly #summary: HTMLElement;
  readonly #entities: HTMLElement;
  readonly #help: HTMLElement;
  readonly #withoutFilters: HTMLAnchorElement;
  readonly #facets: HTMLElement;
  readonly #facetList: HTMLElement;
  readonly #results: HTMLElement;
  readonly #more: HTMLButtonElement;

  #index: ShardedIndex;
  #entityIndex: Promise<SearchEntity[]>;
  #state: SearchState;
  #stream: ResultStream | undefined;
  #shown = 0;
  #generation = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #lastTypedAt = Number.NEGATIVE_INFINITY;
  #openFacets = new Set<SearchFacet>();
  /** The current search's counts, once counted (see `#renderFacets`). */
  #counts: SearchCounts | undefined;
  #refocus: { facet: string; value: string; tag: string } | undefined;
  #expandedFacets = new Set<SearchFacet>();
  #drawing: Promise<void> | undefined;
  /** Results drawn at a time (the page's `data-page-size`). */
  readonly #pageSize: number;

  constructor(private readonly root: HTMLElement) {
    const find = <T extends Element>(selector: string) => {
      const found = root.querySelector<T>(selector);
      if (!found) throw new Error(`search page: ${selector} is missing`);
      return found;
    };
    this.#form = find('form[data-search-form]');
    this.#input = find('input[name="q"]');
    this.#from = find('input[name="from"]');
    this.#to = find('input[name="to"]');
    this.#sort = find('select[name="sort"]');
    this.#summary = find('[data-search-summary]');
    this.#entities = find('[data-search-entities]');
    this.#help = find('[data-search-help]');
    this.#withoutFilters = find('a[data-search-without-filters]');
    this.#facets = find('[data-search-facets]');
    this.#facetList = find('[data-search-facet-list]');
    this.#results = find('[data-search-results]');
    this.#more = find('button[data-search-more]');

    this.#pageSize = Math.max(1, Number(root.dataset.pageSize) || 10);
    const shards = JSON.parse(root.dataset.shards ?? '[]') as ShardInfo[];
    this.#index = new ShardedIndex(root.dataset.bundlePath ?? '/pagefind/', root.dataset.baseUrl ?? '/', shards);
    this.#entityIndex = fetch(root.dataset.entities ?? '')
      .then((response) => (response.ok ? (response.json() as Promise<SearchEntity[]>) : []))
      .catch(() => []);
    this.#state = this.#urlState();
  }

  #urlState(): SearchState {
    return searchStateFromParams(new URLSearchParams(window.location.search));
  }

  /** The search the controls describe (facets as selected). */
  #controlState(): SearchState {
    const sort = this.#sort.value as SearchSort;
    const params = new URLSearchParams({
      q: this.#input.value,
      from: this.#from.value,
      to: this.#to.value,
      sort: SEARCH_SORTS.includes(sort) ? sort : 'newest',
    });
    const state = searchStateFromParams(params);
    return { ...state, q: this.#input.value.trim(), filters: this.#state.filters };
  }

  #showControls(state: SearchState): void {
    if (this.#input.value.trim() !== state.q) this.#input.value = state.q;
    this.#from.value = state.from ?? '';
    this.#to.value = state.to ?? '';
    this.#sort.value = state.sort;
  }

  async start(): Promise<void> {
    this.root.querySelector('[data-search-nojs]')?.remove();
    const ui = this.root.querySelector<HTMLElement>('[data-search-ui]')!;
    try {
      await this.#index.ready();
    } catch (error) {
      console.error(error);
      const note = this.root.querySelector<HTMLElement>('[data-search-unavailable]')!;
      note.hidden = false;
      note.textContent = import.meta.env.DEV
        ? 'Search needs an index, and the dev server has none yet. Run "npm run build" once; the dev server then searches the last build.'
        : 'Search is not available right now: its index could not be loaded. You can still browse the archive by date, company, topic or author.';
      return;
    }
    ui.hidden = false;
    this.#index.warm(document.documentElement.lang || 'en');

    this.#input.addEventListener('input', () => {
      this.#index.preload(this.#controlState());
      clearTimeout(this.#debounce);
      this.#debounce = setTimeout(() => this.#change(this.#controlState(), true), DEBOUNCE_MS);
    });
    this.#input.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown') return;
      const first = this.#entities.hidden ? this.#results.querySelector('a') : this.#entities.querySelector('a');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    });
    this.#entities.addEventListener('keydown', (event) => this.#moveAmongEntities(event));
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#debounce);
      this.#change(this.#controlState(), false);
    });
    for (const control of [this.#from, this.#to, this.#sort]) control.addEventListener('change', () => this.#change(this.#controlState(), false));
    this.#facetList.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      const facet = box.dataset.facet as SearchFacet | undefined;
      if (!facet) return;
      const values = new Set(this.#state.filters[facet] ?? []);
      if (box.checked) values.add(box.value);
      else values.delete(box.value);
      const filters = { ...this.#state.filters, [facet]: [...values] };
      if (values.size === 0) delete filters[facet];
      this.#change({ ...this.#controlState(), filters }, false);
    });
    this.#more.addEventListener('click', () => void this.#drawMore(true));
    new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void this.#drawMore(false);
      },
      { rootMargin: '400px 0px' },
    ).observe(this.#more);
    window.addEventListener('popstate', () => void this.#run(this.#urlState()));

    await this.#run(this.#state);
  }

  /** A search the reader asked for: recorded in the history, then run. */
  #change(next: SearchState, typed: boolean): void {
    if (!sameSearch(next, this.#urlState())) {
      const url = `${window.location.pathname}${searchStateToQuery(next)}`;
      const now = performance.now();
      if (typed && now - this.#lastTypedAt < TYPING_BURST_MS) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      this.#lastTypedAt = typed ? now : Number.NEGATIVE_INFINITY;
    }
    void this.#run(next);
  }

  async #run(state: SearchState): Promise<void> {
    const generation = ++this.#generation;
    this.#state = state;
    this.#showControls(state);
    void this.#showEntities(state.q, generation);
    this.#stream = undefined;
    this.#counts = undefined;
    this.#shown = 0;
    this.#more.hidden = true;
    this.#help.hidden = true;

    const problem = queryProblem(state.q, document.documentElement.lang || 'en');
    if (problem || !listsArticles(state)) {
      this.#results.replaceChildren();
      this.#renderFacets();
      this.#summary.textContent = !problem
        ? ''
        : problem.kind === 'no-words'
          ? 'Type a word, a name or a number to search for: punctuation alone finds nothing.'
          : `"${problem.words.join(' ')}" ${problem.words.length === 1 ? 'is' : 'are'} too common to search for on ${problem.words.length === 1 ? 'its' : 'their'} own: add a more telling word, such as a name, a place or a product.`;
      return;
    }

    const stream = new ResultStream(this.#index, state);
    this.#stream = stream;
    this.root.setAttribute('aria-busy', 'true');
    try {
      await this.#draw(stream, generation);
    } catch (error) {
      if (generation !== this.#generation) return;
      console.error(error);
      this.#summary.textContent = 'Search failed: the index could not be read. Reload the page to try again.';
    } finally {
      if (generation === this.#generation) this.root.removeAttribute('aria-busy');
    }
  }

  /** Draws the next page of results when the reader scrolled (or asked) for it. */
  async #drawMore(asked: boolean): Promise<void> {
    const stream = this.#stream;
    if (!stream || this.#drawing || (this.#more.hidden && !asked)) return;
    await this.#draw(stream, this.#generation, asked);
  }

  /**
   * Draws a page (`#drawPage`), as the one drawing under way: scrolling waits for it (see
   * `#drawMore`). Then draws on while "Show more results" is still in view (a tall window, a
   * short page).
   */
  async #draw(stream: ResultStream, generation: number, focusFirst = false): Promise<void> {
    this.#drawing = this.#drawPage(stream, generation, focusFirst).finally(() => {
      if (this.#stream === stream) this.#drawing = undefined;
    });
    await this.#drawing;
    if (generation === this.#generation && !this.#more.hidden && this.#nearViewport(this.#more)) void this.#drawMore(false);
  }

  #nearViewport(node: HTMLElement): boolean {
    const box = node.getBoundingClientRect();
    return box.top < window.innerHeight + 400;
  }

  /**
   * Draws the next page of results, as it comes: shards are read a round at a time, and results
   * are drawn as soon as they are appended (in order, while the rest of the round is read), so a
   * rare word's first results show once the first shard holding it is read, not once a whole page
   * has been found.
   */
  async #drawPage(stream: ResultStream, generation: number, focusFirst = false): Promise<void> {
    const end = this.#shown + this.#pageSize;
    let firstLink: HTMLAnchorElement | undefined;
    do {
      await stream.fill(this.#shown + 1);
      if (generation !== this.#generation) return;
      // A new search keeps the last one's results on screen until it has its own.
      if (this.#shown === 0) this.#results.replaceChildren();
      const drawnLink = await this.#drawResults(stream.results.slice(this.#shown, end), generation);
      firstLink ??= drawnLink;
      if (generation !== this.#generation) return;
      this.#more.hidden = this.#shown >= stream.results.length && stream.done;
      this.#renderSummary(stream);
      this.#renderFacets();
    } while (this.#shown < end && !stream.done);
    if (focusFirst) firstLink?.focus();
  }

  /** Draws results after those shown; returns the first one's link. */
  async #drawResults(page: PagefindResult[], generation: number): Promise<HTMLAnchorElement | undefined> {
    // Every result's data is asked for at once; the first few are drawn as soon as they come.
    const pending = page.map((result) => result.data());
    const byYear = effectiveSort(this.#state) !== 'relevance';
    let firstLink: HTMLAnchorElement | undefined;
    for (const [from, to] of [
      [0, FIRST_DRAWN],
      [FIRST_DRAWN, pending.length],
    ] as const) {
      if (from >= pending.length) break;
      const data = await Promise.all(pending.slice(from, to));
      if (generation !== this.#generation) return undefined;
      for (const item of data) {
        const year = item.filters.month?.[0]?.slice(0, 4) ?? '';
        const list = byYear ? this.#yearList(year) : this.#plainList();
        const li = this.#resultItem(item, byYear ? 'h4' : 'h3');
        list.append(li);
        firstLink ??= li.querySelector('a') ?? undefined;
      }
    }
    this.#shown += page.length;
    return firstLink;
  }

  #plainList(): HTMLOListElement {
    let list = this.#results.querySelector<HTMLOListElement>(':scope > ol');
    if (!list) this.#results.append((list = element('ol', { class: 'search-results' })));
    return list;
  }

  /** The list of a year's results, after a heading for the year; a new one when the year changes. */
  #yearList(year: string): HTMLOListElement {
    const last = this.#results.lastElementChild as HTMLElement | null;
    if (last?.dataset.year === year) return last.querySelector('ol')!;
    const list = element('ol', { class: 'search-results' });
    this.#results.append(
      element('section', { class: 'search-year', 'data-year': year }, element('h3', { class: 'search-year__heading' }, year || 'Undated'), list),
    );
    return list;
  }

  #resultItem(data: ResultData, heading: 'h3' | 'h4'): HTMLLIElement {
    const title = element(heading, { class: 'search-result__title' }, element('a', { href: safeHref(data.url) }, data.meta.title ?? data.url));
    const meta = element('p', { class: 'search-result__meta' });
    if (data.meta.date) meta.append(element('span', { class: 'search-result__date' }, data.meta.date));
    const terms = resultTerms(data);
    if (terms.length) {
      const list = element('span', { class: 'search-result__terms' });
      terms.forEach(([, name, url], i) => {
        if (i > 0) list.append(', ');
        list.append(element('a', { href: safeHref(url) }, name));
      });
      meta.append(list);
    }
    const li = element('li', { class: 'search-result' }, title, meta);
    if (data.excerpt) li.append(element('p', { class: 'search-result__excerpt' }, ...excerptNodes(data.excerpt)));
    // The lead image's thumbnail, as listings show it: decorative, the headline says what it is.
    if (data.meta.image) {
      li.classList.add('article-card--thumb');
      li.prepend(
        element('img', {
          class: 'article-card__thumb',
          src: safeHref(data.meta.image),
          alt: '',
          width: '120',
          height: '80',
          loading: 'lazy',
          decoding: 'async',
        }),
      );
    }
    return li;
  }

  #renderSummary(stream: ResultStream): void {
    const { q } = this.#state;
    const count = this.#counts?.total ?? stream.results.length;
    const subject = q ? ` for ${q}` : '';
    if (!stream.done && !this.#counts) {
      const searched = stream.searched;
      const sort = effectiveSort(this.#state);
      const edge = sort === 'oldest' ? Math.max(...searched.map((s) => s.to)) : Math.min(...searched.map((s) => s.from));
      const side = sort === 'oldest' ? `up to ${monthLabel(edge, monthNames)}; newer` : `since ${monthLabel(edge, monthNames)}; older`;
      this.#summary.textContent = `${countResults(count)}${subject} ${side} articles are searched as you scroll.`;
      return;
    }
    if (count > 0) {
      this.#summary.textContent = `${countResults(count)}${subject}`;
      return;
    }
    this.#summary.textContent = `No results${subject}`;
    this.#help.hidden = false;
    const withoutFilters = hasFilters(this.#state) && q;
    this.#withoutFilters.parentElement!.hidden = !withoutFilters;
    if (withoutFilters) {
      this.#withoutFilters.href = `${window.location.pathname}${searchStateToQuery({ q, filters: {}, sort: this.#state.sort })}`;
      this.#withoutFilters.textContent = `Search for ${q} without filters or dates`;
    }
  }

  async #showEntities(q: string, generation: number): Promise<void> {
    const entities = await this.#entityIndex;
    if (generation !== this.#generation) return;
    const matches = q ? matchEntities(entities, q) : [];
    const list = this.#entities.querySelector('ul')!;
    list.replaceChildren(
      ...matches.map(({ entity, via }) => {
        const span = entity.first.slice(0, 4) === entity.last.slice(0, 4) ? entity.first.slice(0, 4) : `${entity.first.slice(0, 4)}–${entity.last.slice(0, 4)}`;
        const details = `${FACET_LABELS[entity.kind]} · ${countArticles(entity.count)} · ${span}${via ? ` · also “${via}”` : ''}`;
        return element(
          'li',
          { class: 'search-entity' },
          element('a', { href: safeHref(entity.url) }, entity.name),
          ' ',
          element('span', { class: 'search-entity__details' }, details),
        );
      }),
    );
    this.#entities.hidden = matches.length === 0;
  }

  #moveAmongEntities(event: KeyboardEvent): void {
    const links = [...this.#entities.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' && at < links.length - 1) links[at + 1]!.focus();
    else if (event.key === 'ArrowUp') (at > 0 ? links[at - 1]! : this.#input).focus();
    else if (event.key === 'Escape') this.#input.focus();
    else return;
    event.preventDefault();
  }

  /**
   * The facet pane: for each facet, its values with their counts in the results, selected ones
   * first. Counting reads every shard in range and its filter index, so it waits until a facet
   * is opened (or selected, which opens it).
   */
  #renderFacets(): void {
    const stream = this.#stream;
    this.#facets.hidden = !stream && !hasFilters(this.#state);
    // The control in focus is drawn anew: focus the new one (after counting, when that comes first).
    const focused = document.activeElement as HTMLElement | null;
    if (focused?.dataset.facet) this.#refocus = { facet: focused.dataset.facet, value: (focused as HTMLInputElement).value, tag: focused.localName };
    const counts = this.#counts;
    const groups = SEARCH_FACETS.map((facet) => {
      const selected = this.#state.filters[facet] ?? [];
      const details = element('details', { class: 'search-facet', 'data-facet-group': facet });
      // A facet with a selection starts open.
      if (selected.length > 0) this.#openFacets.add(facet);
      details.open = this.#openFacets.has(facet);
      details.append(element('summary', {}, selected.length ? `${FACET_LABELS[facet]} (${selected.length} selected)` : FACET_LABELS[facet]));
      details.addEventListener('toggle', () => {
        // Only the reader's own opening and closing (not the state drawn here).
        if (details.open === this.#openFacets.has(facet)) return;
        if (details.open) this.#openFacets.add(facet);
        else this.#openFacets.delete(facet);
        if (details.open && !this.#counts) this.#renderFacets();
      });
      const list = element('ul', { class: 'search-facet__values' });
      details.append(list);
      if (!counts) {
        list.append(element('li', { class: 'search-facet__none' }, stream ? 'Counting…' : ''));
        return details;
      }
      const facetCounts = counts.facets[facet] ?? {};
      const values = [...new Set([...selected, ...Object.keys(facetCounts).filter((value) => facetCounts[value]! > 0)])].sort(
        (a, b) => Number(selected.includes(b)) - Number(selected.includes(a)) || (facetCounts[b] ?? 0) - (facetCounts[a] ?? 0) || a.localeCompare(b),
      );
      const shown = this.#expandedFacets.has(facet) ? values : values.slice(0, Math.max(FACET_PREVIEW, selected.length));
      for (const value of shown) {
        const box = element('input', { type: 'checkbox', value, 'data-facet': facet });
        box.checked = selected.includes(value);
        list.append(
          element('li', {}, element('label', {}, box, ' ', value, ' ', element('span', { class: 'search-facet__count' }, String(facetCounts[value] ?? 0)))),
        );
      }
      if (values.length === 0) list.append(element('li', { class: 'search-facet__none' }, 'None in these results'));
      if (values.length > shown.length) {
        const toggle = element('button', { type: 'button', class: 'search-facet__all', 'data-facet': facet }, `Show all ${values.length}`);
        toggle.addEventListener('click', () => {
          this.#expandedFacets.add(facet);
          this.#renderFacets();
        });
        details.append(toggle);
      }
      return details;
    });
    this.#facetList.replaceChildren(...groups);
    const refocus = this.#refocus;
    const again =
      refocus &&
      [...this.#facetList.querySelectorAll<HTMLElement>('[data-facet]')].find(
        (node) =>
          node.dataset.facet === refocus.facet &&
          node.localName === refocus.tag &&
          (refocus.tag !== 'input' || (node as HTMLInputElement).value === refocus.value),
      );
    if (again) {
      again.focus();
      this.#refocus = undefined;
    } else if (counts) this.#refocus = undefined;
    if (stream && !counts && this.#openFacets.size > 0) void this.#count(stream);
  }

  /** Counts the results per facet value (and in all), then shows the counts. */
  async #count(stream: ResultStream): Promise<void> {
    const generation = this.#generation;
    const counts = await stream.count();
    if (generation !== this.#generation || this.#counts) return;
    this.#counts = counts;
    this.#renderSummary(stream);
    this.#renderFacets();
  }
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void new SearchPage(root).start();
