/**
 * The suggestions for what is typed: names match by any word's beginning, ignoring case and
 * accents (../contract/words.ts), and so do a company's aliases: "societe" finds Société
 * Générale, "corp" finds "Xiaomi Corp".
 */
import type { SearchEntity } from '../contract/entities.ts';
import { normalizeName } from '../contract/words.ts';

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
    for (const [name, via] of [
      [entity.name, undefined] as const,
      ...entity.aliases.map((alias) => [alias, alias] as const),
    ]) {
      const normal = normalizeName(name);
      const rank = normal === wanted ? 0 : normal.startsWith(wanted) ? 1 : ` ${normal}`.includes(` ${wanted}`) ? 2 : -1;
      if (rank >= 0 && (!best || rank < best.rank)) best = { rank, via };
      if (best?.rank === 0) break;
    }
    if (best) scored.push({ match: { entity, via: best.via }, rank: best.rank });
  }
  return scored
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        b.match.entity.count - a.match.entity.count ||
        a.match.entity.name.localeCompare(b.match.entity.name),
    )
    .slice(0, limit)
    .map(({ match }) => match);
}
