/**
 * The kinds of name an article is tagged with, as data: each kind's frontmatter-derived key (also
 * its URL segment), the facet that narrows search to it, and its labels. The model, the URL
 * builder, the pages and the search all read this one list, so a kind added here is named the
 * same way everywhere (its key on the model, its facet in the search URL and index).
 */
import { listInWords } from './wording.ts';

export interface KindInfo {
  /** The key on the model and in URLs: `companies` → `/companies/acme/`. */
  readonly kind: string;
  /** The search facet and its URL parameter: `company` → `/search/?company=Acme`. */
  readonly facet: string;
  readonly singular: string;
  readonly plural: string;
  /** The index page's description. */
  readonly description: string;
  /** How a feed names what its articles are to the term: articles *about* Acme, *from* Example Wire. */
  readonly preposition: string;
  /**
   * The content folder whose entries (`<folder>/<slug>.md`: name, aliases, website, a Markdown
   * description) name this kind's terms and claim their other spellings, if the kind has one.
   */
  readonly registry?: string;
}

export const KINDS = [
  {
    kind: 'companies',
    facet: 'company',
    singular: 'Company',
    plural: 'Companies',
    description: 'Every company the archive covers, A–Z, with its number of articles.',
    preposition: 'about',
    registry: 'companies',
  },
  {
    kind: 'topics',
    facet: 'topic',
    singular: 'Topic',
    plural: 'Topics',
    description: 'Every topic in the archive, A–Z, with its number of articles.',
    preposition: 'on',
  },
  {
    kind: 'authors',
    facet: 'author',
    singular: 'Author',
    plural: 'Authors',
    description: 'Everyone with a byline in the archive, A–Z, with their number of articles.',
    preposition: 'by',
  },
  {
    // The publication an article came from: its `source.name` (or, without one, the host of its
    // `source.url`). `source.url` stays the link to the original.
    kind: 'sources',
    facet: 'source',
    singular: 'Source',
    plural: 'Sources',
    description: 'Every publication the archive holds articles from, A–Z, with its number of articles.',
    preposition: 'from',
    registry: 'sources',
  },
] as const satisfies readonly KindInfo[];

export type TermKind = (typeof KINDS)[number]['kind'];
/** A facet of search: the kind's singular key. */
export type Facet = (typeof KINDS)[number]['facet'];

export const TERM_KINDS: readonly TermKind[] = KINDS.map((info) => info.kind);
/** The facets readers can narrow search by, in the order the search page shows them. */
export const FACETS: readonly Facet[] = KINDS.map((info) => info.facet);

const byKind = new Map<string, (typeof KINDS)[number]>(KINDS.map((info) => [info.kind, info]));
const byFacet = new Map<string, (typeof KINDS)[number]>(KINDS.map((info) => [info.facet, info]));

/** The kinds whose terms a registry folder may name (companies, sources). */
export const REGISTRY_KINDS: readonly TermKind[] = KINDS.filter((info: KindInfo) => info.registry).map(
  (info) => info.kind,
);

export function kindInfo(kind: TermKind): KindInfo {
  return byKind.get(kind)!;
}

/** The facet that narrows search to a kind's names (`companies` → `company`). */
export function facetOf(kind: TermKind): Facet {
  return byKind.get(kind)!.facet;
}

/** The kind a facet narrows to, and its labels (`company` → companies). */
export function facetInfo(facet: Facet): KindInfo {
  return byFacet.get(facet)!;
}

/**
 * Every kind named in words, for text that speaks of them all: `company, topic, author and source`
 * (`or` for a choice). Lower case, as inside a sentence.
 */
export function kindsInWords(form: 'singular' | 'plural', joiner: 'and' | 'or' = 'and'): string {
  return listInWords(
    KINDS.map((info: KindInfo) => info[form].toLowerCase()),
    joiner,
  );
}
