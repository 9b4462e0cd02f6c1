/**
 * The search index in shards by date (src/lib/outputs/search-index.ts writes them): which shards a
 * search reads, in what order, and which months of each. Bundled for the browser like
 * search-state.ts, so it is pure and small.
 */
import { padNumber } from '../pad.ts';
import type { Month, SearchSort, SearchState } from './search-state.ts';

/** A shard of the index as the search page knows it (src/lib/outputs/search-index.ts, `planShards`). */
export interface ShardInfo {
  /** The Pagefind language index it is: `en`, `en-x-201803`. */
  key: string;
  lang: string;
  /** First and last month it holds, as numbers: 201803. */
  from: number;
  to: number;
  count: number;
}

const monthNumber = (month: Month) => Number(month.slice(0, 4)) * 100 + Number(month.slice(5, 7));
/** A month as a number (201803, as shards hold them) written as in the URL: `2018-03`. */
export const monthText = (n: number): Month => `${padNumber(Math.floor(n / 100), 4)}-${padNumber(n % 100)}`;
/** The month of a written date, as the month filter and the URL hold it: `2018-03`. */
export const monthOfDate = (date: { year: number; month: number }): Month => monthText(date.year * 100 + date.month);
const nextMonth = (n: number) => (n % 100 === 12 ? n + 89 : n + 1);

/** Every month a shard holds, as `2018-02`. */
export function shardMonths(shard: Pick<ShardInfo, 'from' | 'to'>): Month[] {
  const months: Month[] = [];
  for (let m = shard.from; m <= shard.to; m = nextMonth(m)) months.push(monthText(m));
  return months;
}

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
export function planShardSearch(shards: readonly ShardInfo[], state: Pick<SearchState, 'from' | 'to'>, sort: SearchSort): ShardSearch[] {
  const from = state.from ? monthNumber(state.from) : -Infinity;
  const to = state.to ? monthNumber(state.to) : Infinity;
  const inRange = shards.filter((shard) => shard.to >= from && shard.from <= to);
  const ordered = [...inRange].sort((a, b) => (sort === 'oldest' ? a.from - b.from || a.to - b.to : b.to - a.to || b.from - a.from));
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

/**
 * The word directory of a language (src/integrations/pagefind.ts writes it): a small Pagefind
 * index with one document per shard of that language holding every word of the shard's
 * articles once, and the shard's key as its `shard` filter. Searching it tells which shards can
 * hold a query's words, so a search reads only those: a rare word costs the shards it is in,
 * not every shard of the archive. Its key, `en-x-words`, cannot be a shard's (those end in a
 * month).
 */
export const wordDirectoryKey = (lang: string) => `${lang}-x-words`;
/** The filter naming a directory document's shard. */
export const DIRECTORY_SHARD_FILTER = 'shard';

/** The languages that have a word directory: those with more than one shard. */
export function directoryLanguages(shards: readonly Pick<ShardInfo, 'lang'>[]): string[] {
  const counts = new Map<string, number>();
  for (const { lang } of shards) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1).map(([lang]) => lang);
}

/** "March 2023" for a shard boundary, with the page's month names. */
export function monthLabel(n: number, monthNames: readonly string[]): string {
  return `${monthNames[(n % 100) - 1]} ${Math.floor(n / 100)}`;
}
