/**
 * The companies, topics and authors the search page offers above its results as the reader
 * types: a small index the build writes from the archive model (`/search/entities.json`,
 * ../build/entities.ts) and the browser matches what is typed against
 * (../browser/entity-matching.ts).
 */
import type { SearchFacet } from './url-state.ts';

/** An entity's kind is the facet that narrows search to it. */
export type EntityKind = SearchFacet;

export interface SearchEntity {
  kind: EntityKind;
  name: string;
  /** Other names it is known by (a registry company's aliases, other spellings in articles). */
  aliases: string[];
  /** Its page, with the site's base. */
  url: string;
  count: number;
  /** First and last month of its coverage: `2015-03`. */
  first: string;
  last: string;
}
