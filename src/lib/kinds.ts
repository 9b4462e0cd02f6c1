/**
 * The kinds of name an article is tagged with, as data: each kind's key (also its URL segment),
 * the frontmatter field it is read from, the facet that narrows search to it, and its labels.
 * Four are built in (companies, topics, authors, sources); an archive's settings may declare more
 * (`kinds:` in archive.yaml, read by src/lib/content/archive-settings.ts). The model, the URL
 * builder, the pages, the feeds and the search all read one `Kinds` list, so a kind added to it
 * is named the same way everywhere and gets everything the others have.
 *
 * Pure and small: the search page's script bundles it (it gets the archive's list from the page).
 */
import { listInWords } from './wording.ts';

export interface KindInfo {
  /** The key on the model, and the URL segment: `companies` → `/companies/acme/`. */
  readonly kind: string;
  /** The frontmatter field an article names them in: `companies`, `byline`, `source`, `places`. */
  readonly field: string;
  /** Whether an article names several (a list) or one. */
  readonly multiple: boolean;
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
  /** Declared by the archive's settings, not built in. */
  readonly declared?: boolean;
}

export const BUILT_IN_KINDS = [
  {
    kind: 'companies',
    field: 'companies',
    multiple: true,
    facet: 'company',
    singular: 'Company',
    plural: 'Companies',
    description: 'Every company the archive covers, A–Z, with its number of articles.',
    preposition: 'about',
    registry: 'companies',
  },
  {
    kind: 'topics',
    field: 'topics',
    multiple: true,
    facet: 'topic',
    singular: 'Topic',
    plural: 'Topics',
    description: 'Every topic in the archive, A–Z, with its number of articles.',
    preposition: 'on',
  },
  {
    kind: 'authors',
    field: 'byline',
    multiple: true,
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
    field: 'source',
    multiple: false,
    facet: 'source',
    singular: 'Source',
    plural: 'Sources',
    description: 'Every publication the archive holds articles from, A–Z, with its number of articles.',
    preposition: 'from',
    registry: 'sources',
  },
] as const satisfies readonly KindInfo[];

/** A built-in kind: these four every archive has, and code may name. */
export type BuiltInKind = (typeof BUILT_IN_KINDS)[number]['kind'];
/** Any kind, built in or declared. */
export type TermKind = string;
/** A facet of search: a kind's singular key. */
export type Facet = string;

/** The kinds whose terms a registry folder may name (companies, sources). */
export const REGISTRY_KINDS: readonly BuiltInKind[] = BUILT_IN_KINDS.filter((info: KindInfo) => info.registry).map(
  (info) => info.kind,
);

/**
 * Top-level paths the site builds itself (src/lib/urls.ts), which no declared kind may take, beside
 * the built-in kinds' and any year (`/2018/`).
 */
export const RESERVED_PATHS: readonly string[] = [
  'timeline',
  'on-this-day',
  'corrections',
  'feed',
  'search',
  'pagefind',
  'data',
  '_astro',
  '_cards',
];

/** Search parameters that are not facets (src/search/contract/url-state.ts), which no facet may take. */
export const RESERVED_PARAMS: readonly string[] = ['q', 'from', 'to', 'sort', 'year', 'month', 'page'];

/** One archive's kinds: the built-in ones, then those its settings declare, in that order. */
export class Kinds {
  readonly all: readonly KindInfo[];
  /** Every kind's key, in the list's order. */
  readonly keys: readonly TermKind[];
  /** The facets readers can narrow search by, in the order the search page shows them. */
  readonly facets: readonly Facet[];
  readonly #byKind: Map<string, KindInfo>;
  readonly #byFacet: Map<string, KindInfo>;

  constructor(declared: readonly KindInfo[] = []) {
    this.all = [...BUILT_IN_KINDS, ...declared];
    this.keys = this.all.map((info) => info.kind);
    this.facets = this.all.map((info) => info.facet);
    this.#byKind = new Map(this.all.map((info) => [info.kind, info]));
    this.#byFacet = new Map(this.all.map((info) => [info.facet, info]));
  }

  /** The declared kinds alone (what the settings added). */
  get declared(): readonly KindInfo[] {
    return this.all.filter((info) => info.declared);
  }

  info(kind: TermKind): KindInfo {
    const info = this.#byKind.get(kind);
    if (!info) throw new Error(`no kind "${kind}" in this archive`);
    return info;
  }

  /** The facet that narrows search to a kind's names (`companies` → `company`). */
  facetOf(kind: TermKind): Facet {
    return this.info(kind).facet;
  }

  /** The kind a facet narrows to, and its labels (`company` → companies). */
  facetInfo(facet: Facet): KindInfo {
    const info = this.#byFacet.get(facet);
    if (!info) throw new Error(`no facet "${facet}" in this archive`);
    return info;
  }

  /**
   * Every kind named in words, for text that speaks of them all: `company, topic, author and
   * source` (`or` for a choice). Lower case, as inside a sentence.
   */
  inWords(form: 'singular' | 'plural', joiner: 'and' | 'or' = 'and'): string {
    return listInWords(
      this.all.map((info) => info[form].toLowerCase()),
      joiner,
    );
  }
}

/** The built-in kinds alone: an archive whose settings declare none. */
export const BUILT_IN = new Kinds();
