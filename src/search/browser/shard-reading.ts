/**
 * Which shards of the index a search reads (src/search/contract/shards.ts says what a shard
 * is), in what order, and which months of each; and how a shard boundary is named to the reader.
 */
import { monthNumber, shardMonths, type ShardInfo } from '../contract/shards.ts';
import type { Month, SearchSort, SearchState } from '../contract/url-state.ts';

export interface ShardSearch {
  shard: ShardInfo;
  /** The months to keep, when the range cuts through the shard; none when all of it is in. */
  months?: Month[];
}

/**
 * The shards a search reads, in the order it reads them: for newest first, the newest shard
 * first (so the first results need one shard); for oldest first, the oldest; for relevance,
 * all at once. Shards outside the date range are left out, and a shard the range cuts through
 * is filtered by month.
 */
export function planShardSearch(
  shards: readonly ShardInfo[],
  state: Pick<SearchState, 'from' | 'to'>,
  sort: SearchSort,
): ShardSearch[] {
  const from = state.from ? monthNumber(state.from) : -Infinity;
  const to = state.to ? monthNumber(state.to) : Infinity;
  const inRange = shards.filter((shard) => shard.to >= from && shard.from <= to);
  const ordered = [...inRange].sort((a, b) =>
    sort === 'oldest' ? a.from - b.from || a.to - b.to : b.to - a.to || b.from - a.from,
  );
  return ordered.map((shard) => {
    if (shard.from >= from && shard.to <= to) return { shard };
    return { shard, months: shardMonths({ from: Math.max(shard.from, from), to: Math.min(shard.to, to) }) };
  });
}

/**
 * Shards whose months overlap, in reading order, form one group: their results must be merged
 * by date. Within one language shards never overlap, so a group is one shard unless other
 * languages have articles from the same months.
 */
export function groupOverlapping(searches: readonly ShardSearch[]): ShardSearch[][] {
  const groups: ShardSearch[][] = [];
  for (const search of searches) {
    const group = groups.at(-1);
    const overlaps = group?.some(({ shard }) => shard.from <= search.shard.to && search.shard.from <= shard.to);
    if (group && overlaps) group.push(search);
    else groups.push([search]);
  }
  return groups;
}

/** "March 2023" for a shard boundary, with the page's month names. */
export function monthLabel(n: number, monthNames: readonly string[]): string {
  return `${monthNames[(n % 100) - 1]} ${Math.floor(n / 100)}`;
}
