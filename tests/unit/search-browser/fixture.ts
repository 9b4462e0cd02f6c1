/** A small archive as the fake Pagefind holds it: reports in four English shards, and their word directory. */
import type { ShardInfo } from '@/search/contract/shards';
import type { FakeDocument } from './fake-pagefind';

const pad = (n: number) => String(n).padStart(2, '0');

/** Report n of 12: one a month from January 2019, about factories; even ones tagged Globex too. */
export function report(n: number): FakeDocument {
  const year = 2019 + Math.floor((n - 1) / 6);
  const month = ((n - 1) % 6) + 1;
  return {
    url: `/${year}/${pad(month)}/01/report-${n}/`,
    title: `Report ${n}`,
    lead: `Report ${n}. Acme · Acme Corporation${n % 2 ? '' : ' · Globex'}.`,
    text: `Acme published report ${n} about its factories. ${n === 7 ? 'A zorblaxian machine.' : ''}`.trim(),
    date: `${year}${pad(month)}`,
    filters: { month: [`${year}-${pad(month)}`], company: n % 2 ? ['Acme'] : ['Acme', 'Globex'] },
    meta: { date: `1 ${month} ${year}`, summary: `Summary of report ${n}.` },
  };
}

const reports = Array.from({ length: 12 }, (_, i) => report(i + 1));
/** Shards of three reports: en-x-201901, en-x-201904, en-x-202001, en (the newest). */
export const SHARDS: ShardInfo[] = [
  { key: 'en-x-201901', lang: 'en', from: 201901, to: 201903, count: 3 },
  { key: 'en-x-201904', lang: 'en', from: 201904, to: 201906, count: 3 },
  { key: 'en-x-202001', lang: 'en', from: 202001, to: 202003, count: 3 },
  { key: 'en', lang: 'en', from: 202004, to: 202006, count: 3 },
];

export function fixtureIndexes(): Record<string, FakeDocument[]> {
  const indexes: Record<string, FakeDocument[]> = {};
  SHARDS.forEach((shard, i) => (indexes[shard.key] = reports.slice(i * 3, i * 3 + 3)));
  indexes['en-x-words'] = SHARDS.map((shard) => ({
    url: `/${shard.key}/`,
    title: '',
    lead: '',
    text: indexes[shard.key]!.map((doc) => `${doc.lead} ${doc.text}`).join(' '),
    filters: { shard: [shard.key] },
  }));
  return indexes;
}
