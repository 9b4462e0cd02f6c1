/**
 * The search index in shards by date, as the build writes them (../build/shard-plan.ts) and the
 * browser reads them (../browser/shard-reading.ts): what a shard is, the one format of its key,
 * and the word directory that says which shards hold a word. Pure and small: bundled for the
 * browser.
 */
import { padNumber } from '../../lib/pad.ts';
import type { Month } from './url-state.ts';

/** A shard of the index as the search page knows it. */
export interface ShardInfo {
  /** The Pagefind language index it is: `en`, `en-x-201803`. */
  key: string;
  lang: string;
  /** First and last month it holds, as numbers: 201803. */
  from: number;
  to: number;
  count: number;
}

/** A month of the URL (`2018-03`) as a number, as shards hold them: 201803. */
export const monthNumber = (month: Month) => Number(month.slice(0, 4)) * 100 + Number(month.slice(5, 7));
/** A month as a number (201803, as shards hold them) written as in the URL: `2018-03`. */
export const monthText = (n: number): Month => `${padNumber(Math.floor(n / 100), 4)}-${padNumber(n % 100)}`;
/** The month of a written date, as the month filter and the URL hold it: `2018-03`. */
export const monthOfDate = (date: { year: number; month: number }): Month => monthText(date.year * 100 + date.month);
const nextMonth = (n: number) => (n % 100 === 12 ? n + 89 : n + 1);

/**
 * The key of a shard, its Pagefind language index: the newest shard of a language is the
 * language itself (`en`), so a one-shard archive is a plain Pagefind index; each older one adds
 * its first month as a private-use subtag (`en-x-201803`). Keys of word directories end in
 * `words` (`wordDirectoryKey`), which no month is.
 */
export function shardKey(lang: string, firstMonth: number, newest: boolean): string {
  return newest ? lang : `${lang}-x-${firstMonth}`;
}

/** The language a shard or directory is stemmed as: `en` for `en`, `en-x-201803`, `en-x-words`. */
export function languageOfKey(key: string): string {
  return key.split('-x-')[0]!;
}

/** Every month a shard holds, as `2018-02`. */
export function shardMonths(shard: Pick<ShardInfo, 'from' | 'to'>): Month[] {
  const months: Month[] = [];
  for (let m = shard.from; m <= shard.to; m = nextMonth(m)) months.push(monthText(m));
  return months;
}

/**
 * The word directory of a language (../build/index-session.ts writes it): a small Pagefind
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
