/**
 * The companies, topics and authors the search page offers above its results as the reader
 * types: a small index the build writes from the archive model (`/search/entities.json`), and
 * the matching the browser does on it. Names match by any word's beginning, ignoring case and
 * accents, and so do a company's aliases: "societe" finds Société Générale, "corp" finds
 * "Xiaomi Corp".
 *
 * Pure and small: the search page's script bundles the matching.
 */
import { FACET_OF_KIND, type SearchFacet } from './search-state.ts';
import { monthOfDate } from './search-shards.ts';

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

/** Lower case, accents and punctuation gone, `&` read as "and": the form names are matched in. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface EntityMatch {
  entity: SearchEntity;
  /** The alias that matched, when the name itself did not. */
  via?: string;
}

/**
 * The entities whose name (or an alias) has a word starting with the query, best first: the
 * query as the whole name, then as its beginning, then inside it; more articles first among
 * equals.
 */
export function matchEntities(entities: readonly SearchEntity[], query: string, limit = 6): EntityMatch[] {
  const wanted = normalizeName(query);
  if (!wanted) return [];
  const scored: { match: EntityMatch; rank: number }[] = [];
  for (const entity of entities) {
    let best: { rank: number; via?: string } | undefined;
    for (const [name, via] of [[entity.name, undefined] as const, ...entity.aliases.map((alias) => [alias, alias] as const)]) {
      const normal = normalizeName(name);
      const rank = normal === wanted ? 0 : normal.startsWith(wanted) ? 1 : ` ${normal}`.includes(` ${wanted}`) ? 2 : -1;
      if (rank >= 0 && (!best || rank < best.rank)) best = { rank, via };
      if (best?.rank === 0) break;
    }
    if (best) scored.push({ match: { entity, via: best.via }, rank: best.rank });
  }
  return scored
    .sort((a, b) => a.rank - b.rank || b.match.entity.count - a.match.entity.count || a.match.entity.name.localeCompare(b.match.entity.name))
    .slice(0, limit)
    .map(({ match }) => match);
}

/** What the entity index is made from: the archive's terms (src/lib/model/terms.ts). */
interface EntityTerm {
  kind: 'companies' | 'topics' | 'authors';
  slug: string;
  name: string;
  registry?: { aliases: readonly string[] };
  spellings: readonly string[];
  /** Newest first. */
  articles: readonly { date: { year: number; month: number } }[];
}

/**
 * The entity index: every company, topic and author with its aliases (a registry company's
 * aliases and the other spellings articles used, when they read differently), article count
 * and months of first and last coverage.
 */
export function buildSearchEntities(terms: Iterable<EntityTerm>, termUrl: (kind: EntityTerm['kind'], slug: string) => string): SearchEntity[] {
  const entities: SearchEntity[] = [];
  for (const term of terms) {
    const newest = term.articles[0];
    const oldest = term.articles.at(-1);
    if (!newest || !oldest) continue;
    const seen = new Set([normalizeName(term.name)]);
    const aliases = [...(term.registry?.aliases ?? []), ...term.spellings].filter((alias) => {
      const normal = normalizeName(alias);
      if (!normal || seen.has(normal)) return false;
      seen.add(normal);
      return true;
    });
    entities.push({
      kind: FACET_OF_KIND[term.kind],
      name: term.name,
      aliases,
      url: termUrl(term.kind, term.slug),
      count: term.articles.length,
      first: monthOfDate(oldest.date),
      last: monthOfDate(newest.date),
    });
  }
  return entities;
}
