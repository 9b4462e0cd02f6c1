/**
 * The entity index the search page suggests from (`/search/entities.json`,
 * ../contract/entities.ts), made from the archive model's terms.
 */
import type { Kinds, TermKind } from '../../lib/kinds.ts';
import type { SearchEntity } from '../contract/entities.ts';
import { monthOfDate } from '../contract/shards.ts';
import { normalizeName } from '../contract/words.ts';

/** What the entity index is made from: the archive's terms (src/lib/model/terms.ts). */
interface EntityTerm {
  kind: TermKind;
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
export function buildSearchEntities(
  terms: Iterable<EntityTerm>,
  termUrl: (kind: EntityTerm['kind'], slug: string) => string,
  kinds: Kinds,
): SearchEntity[] {
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
      kind: kinds.facetOf(term.kind),
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
