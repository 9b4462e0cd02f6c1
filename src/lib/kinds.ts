/**
 * The kinds of name an article is tagged with, as data: each kind's frontmatter-derived key (also
 * its URL segment), the facet that narrows search to it, and its labels. The model, the URL
 * builder, the pages and the search all read this one list, so a kind added here is named the
 * same way everywhere (its key on the model, its facet in the search URL and index).
 */
export interface KindInfo {
  /** The key on the model and in URLs: `companies` → `/companies/acme/`. */
  readonly kind: string;
  /** The search facet and its URL parameter: `company` → `/search/?company=Acme`. */
  readonly facet: string;
  readonly singular: string;
  readonly plural: string;
  /** The index page's description. */
  readonly description: string;
}

export const KINDS = [
  {
    kind: 'companies',
    facet: 'company',
    singular: 'Company',
    plural: 'Companies',
    description: 'Every company the archive covers, A–Z, with its number of articles.',
  },
  {
    kind: 'topics',
    facet: 'topic',
    singular: 'Topic',
    plural: 'Topics',
    description: 'Every topic in the archive, A–Z, with its number of articles.',
  },
  {
    kind: 'authors',
    facet: 'author',
    singular: 'Author',
    plural: 'Authors',
    description: 'Everyone with a byline in the archive, A–Z, with their number of articles.',
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
