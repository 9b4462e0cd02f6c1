/**
 * The results: each a headline link, its date and companies and topics, an excerpt from the
 * article's own words (../excerpt.ts) and its lead image's thumbnail; grouped under year
 * headings when listed by date. Every text from the index is set as text; an excerpt's matches
 * are `<mark>` elements holding text.
 */
import { MONTH_FILTER, parseResultTerms } from '../../contract/fields.ts';
import { element, safeHref } from '../dom.ts';
import { excerptOf } from '../excerpt.ts';
import type { ResultData } from '../pagefind-instance.ts';

/** One result as a list item; its headline is an `h3`, or an `h4` under a year heading. */
export function resultItem(data: ResultData, heading: 'h3' | 'h4'): HTMLLIElement {
  const link = element('a', { href: safeHref(data.url) }, data.meta.title ?? data.url);
  const title = element(heading, { class: 'search-result__title' }, link);
  const meta = element('p', { class: 'search-result__meta' });
  if (data.meta.date) meta.append(element('span', { class: 'search-result__date' }, data.meta.date));
  const terms = parseResultTerms(data.meta.terms);
  if (terms.length) {
    const list = element('span', { class: 'search-result__terms' });
    terms.forEach(([, name, url], i) => {
      if (i > 0) list.append(', ');
      list.append(element('a', { href: safeHref(url) }, name));
    });
    meta.append(list);
  }
  const li = element('li', { class: 'search-result' }, title, meta);
  const excerpt = excerptOf(data);
  if (excerpt.length) {
    const nodes = excerpt.map((part) =>
      part.mark ? element('mark', {}, part.text) : document.createTextNode(part.text),
    );
    li.append(element('p', { class: 'search-result__excerpt' }, ...nodes));
  }
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

export class ResultList {
  constructor(private readonly container: HTMLElement) {}

  clear(): void {
    this.container.replaceChildren();
  }

  /** Appends results after those drawn; returns the first one's link. */
  append(results: readonly ResultData[], byYear: boolean): HTMLAnchorElement | undefined {
    let first: HTMLAnchorElement | undefined;
    for (const data of results) {
      const year = data.filters[MONTH_FILTER]?.[0]?.slice(0, 4) ?? '';
      const li = resultItem(data, byYear ? 'h4' : 'h3');
      (byYear ? this.#yearList(year) : this.#plainList()).append(li);
      first ??= li.querySelector('a') ?? undefined;
    }
    return first;
  }

  /** The first result's link, when any is drawn. */
  first(): HTMLAnchorElement | undefined {
    return this.container.querySelector('a') ?? undefined;
  }

  #plainList(): HTMLOListElement {
    let list = this.container.querySelector<HTMLOListElement>(':scope > ol');
    if (!list) this.container.append((list = element('ol', { class: 'search-results' })));
    return list;
  }

  /** The list of a year's results, after a heading for the year; a new one when the year changes. */
  #yearList(year: string): HTMLOListElement {
    const last = this.container.lastElementChild as HTMLElement | null;
    if (last?.dataset.year === year) return last.querySelector('ol')!;
    const list = element('ol', { class: 'search-results' });
    const heading = element('h3', { class: 'search-year__heading' }, year || 'Undated');
    this.container.append(element('section', { class: 'search-year', 'data-year': year }, heading, list));
    return list;
  }
}
