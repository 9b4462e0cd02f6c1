/**
 * The index in shards (../contract/shards.ts): which shard each article goes into, and the
 * digest that says whether a shard's last index can be kept.
 */
import { createHash } from 'node:crypto';
import { shardKey, type ShardInfo } from '../contract/shards.ts';
import type { SearchDocument } from './documents.ts';

export interface ShardPlan {
  /** The shard of each article, in the order given. */
  shardOf: string[];
  /** Every shard with its months and size, as the search page reads them. */
  shards: ShardInfo[];
}

/**
 * Splits articles into shards: per language (Pagefind's key: the page language in lower case),
 * consecutive months from the oldest, a new shard whenever the next month would take one over
 * `maxSize` (a month is never split, so a busy month may exceed it). Adding or editing recent
 * articles so only ever changes the newest shard.
 */
export function planShards(
  articles: readonly { lang?: string; date: { year: number; month: number } }[],
  siteLang: string,
  maxSize: number,
): ShardPlan {
  const monthNumber = (a: { date: { year: number; month: number } }) => a.date.year * 100 + a.date.month;
  const langOf = (a: { lang?: string }) => (a.lang ?? siteLang).toLowerCase();
  const months = new Map<string, Map<number, number>>();
  for (const article of articles) {
    const lang = langOf(article);
    if (!months.has(lang)) months.set(lang, new Map());
    const counts = months.get(lang)!;
    counts.set(monthNumber(article), (counts.get(monthNumber(article)) ?? 0) + 1);
  }
  const keyOfMonth = new Map<string, string>();
  const shards: ShardInfo[] = [];
  for (const [lang, byMonth] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
    const runs: { months: number[]; count: number }[] = [];
    for (const month of [...byMonth.keys()].sort((a, b) => a - b)) {
      const size = byMonth.get(month)!;
      const last = runs.at(-1);
      if (!last || last.count + size > maxSize) runs.push({ months: [month], count: size });
      else {
        last.months.push(month);
        last.count += size;
      }
    }
    runs.forEach((run, i) => {
      const key = shardKey(lang, run.months[0]!, i === runs.length - 1);
      shards.push({ key, lang, from: run.months[0]!, to: run.months.at(-1)!, count: run.count });
      for (const month of run.months) keyOfMonth.set(`${lang}\n${month}`, key);
    });
  }
  return { shardOf: articles.map((a) => keyOfMonth.get(`${langOf(a)}\n${monthNumber(a)}`)!), shards };
}

/**
 * One hash of a shard's documents, in order: the same documents give the same index. It reads
 * each body's key, not its HTML, so a shard that stays the same costs no reading.
 */
export function documentsDigest(documents: readonly SearchDocument[]): string {
  const hash = createHash('sha256');
  // How a shard is written (index-session.ts): bumped when that changes, so an index
  // cached by an earlier version is made again. 2: documents handed over in order, words sorted.
  hash.update('shard format 2\0');
  for (const { url, shard, before, body, after } of documents) {
    for (const part of [url, shard, before, body.key, after]) hash.update(part).update('\0');
  }
  return hash.digest('hex');
}
