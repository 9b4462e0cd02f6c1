/**
 * The names of every kind (companies, topics, authors, sources…) that match what is typed, above the results, each with its
 * kind, number of articles and years of coverage, and the alias that matched when the name did
 * not. Up and Down move among them, Escape goes back to the box.
 */
import type { Kinds } from '../../../lib/kinds.ts';
import { countArticles } from '../../../lib/wording.ts';
import type { SearchEntity } from '../../contract/entities.ts';
import { element, safeHref } from '../dom.ts';
import { matchEntities, type EntityMatch } from '../entity-matching.ts';

/** "2015–2019", or "2018" for one year. */
function yearSpan(entity: SearchEntity): string {
  const [first, last] = [entity.first.slice(0, 4), entity.last.slice(0, 4)];
  return first === last ? first : `${first}–${last}`;
}

/** The line under a suggestion: "Company · 12 articles · 2015–2019 · also “Acme Corp”". */
export function suggestionDetails({ entity, via }: EntityMatch, kinds: Kinds): string {
  return `${kinds.facetInfo(entity.kind).singular} · ${countArticles(entity.count)} · ${yearSpan(entity)}${via ? ` · also “${via}”` : ''}`;
}

export class Suggestions {
  readonly #list: HTMLUListElement;

  constructor(
    private readonly section: HTMLElement,
    private readonly entities: Promise<readonly SearchEntity[]>,
    private readonly input: HTMLInputElement,
    private readonly kinds: Kinds,
  ) {
    this.#list = section.querySelector('ul')!;
    section.addEventListener('keydown', (event) => this.#move(event));
  }

  /** Shows the matches for `q`, unless `current()` says a newer search took over meanwhile. */
  async show(q: string, current: () => boolean = () => true): Promise<void> {
    const entities = await this.entities;
    if (!current()) return;
    const matches = q ? matchEntities(entities, q) : [];
    this.#list.replaceChildren(
      ...matches.map((match) =>
        element(
          'li',
          { class: 'search-entity' },
          element('a', { href: safeHref(match.entity.url) }, match.entity.name),
          ' ',
          element('span', { class: 'search-entity__details' }, suggestionDetails(match, this.kinds)),
        ),
      ),
    );
    this.section.hidden = matches.length === 0;
  }

  /** The first suggestion's link, when any is shown. */
  first(): HTMLAnchorElement | undefined {
    return this.section.hidden ? undefined : (this.#list.querySelector('a') ?? undefined);
  }

  #move(event: KeyboardEvent): void {
    const links = [...this.#list.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' && at < links.length - 1) links[at + 1]!.focus();
    else if (event.key === 'ArrowUp') (at > 0 ? links[at - 1]! : this.input).focus();
    else if (event.key === 'Escape') this.input.focus();
    else return;
    event.preventDefault();
  }
}
