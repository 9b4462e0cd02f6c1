/**
 * The browsing model of issue 3: pagination edges, related ranking, co-mentions, coverage,
 * "most covered" windows and period neighbours, through the real buildArchive.
 */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '@/lib/model/archive';
import { paginate, pageCount } from '@/lib/model/pagination';
import { indexRegistry } from '@/lib/model/terms';
import { company, record } from './helpers';

describe('paginate', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('gives one empty first page for no items', () => {
    const pages = paginate([], 5);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ number: 1, count: 1, items: [], prev: undefined, next: undefined, total: 0 });
  });

  it('gives one page for one item', () => {
    expect(paginate(items(1), 5).map((p) => p.items)).toEqual([[0]]);
  });

  it('gives exactly one page for exactly a page of items', () => {
    const pages = paginate(items(5), 5);
    expect(pages).toHaveLength(1);
    expect(pages[0].next).toBeUndefined();
  });

  it('gives a second page for a page plus one', () => {
    const pages = paginate(items(6), 5);
    expect(pages.map((p) => p.items)).toEqual([[0, 1, 2, 3, 4], [5]]);
    expect(pages[0]).toMatchObject({ number: 1, prev: undefined, next: 2, first: 1, last: 2 });
    expect(pages[1]).toMatchObject({ number: 2, prev: 1, next: undefined, start: 5 });
  });

  it('rejects a page size below 1', () => {
    expect(() => pageCount(3, 0)).toThrow(/at least 1/);
    expect(() => pageCount(3, 1.5)).toThrow(/whole number/);
  });
});

describe('the archive model', () => {
  const records = [
    record('a', '2021-03-01T10:00:00Z', { companies: ['Acme', 'Globex'], topics: ['Cloud'] }),
    record('b', '2021-02-01T10:00:00Z', { companies: ['Acme'], topics: ['Cloud'] }),
    record('c', '2021-01-01T10:00:00Z', { companies: ['Globex'], topics: ['Cloud'] }),
    record('d', '2020-06-01T10:00:00Z', { companies: ['ACME', 'Initech'], topics: ['AI'] }),
    record('e', '2019-01-01T10:00:00Z', { companies: ['Initech'] }),
    record('f', '2021-02-15T10:00:00Z', { topics: ['Cloud'], draft: true, companies: ['Acme'] }),
  ];
  const archive = buildArchive(records);

  it('leaves drafts out of every index', () => {
    expect(archive.articles.map((a) => a.slug)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(archive.terms.companies.get('acme')!.articles.map((a) => a.slug)).toEqual(['a', 'b', 'd']);
  });

  it('ranks related articles by shared companies and topics, newest first among equals', () => {
    const a = archive.byPath.get('2021/03/01/a/')!;
    // b shares Acme + Cloud (2), c shares Globex + Cloud (2), d shares Acme (1); e nothing.
    expect(archive.related(a).map((x) => x.slug)).toEqual(['b', 'c', 'd']);
    const e = archive.byPath.get('2019/01/01/e/')!;
    expect(archive.related(e).map((x) => x.slug)).toEqual(['d']);
  });

  it('caps related articles at five', () => {
    const many = buildArchive(
      Array.from({ length: 8 }, (_, i) => record(`r${i}`, `2020-01-0${i + 1}`, { topics: ['Same'] })),
    );
    const newest = many.articles[0];
    expect(many.related(newest).map((x) => x.slug)).toEqual(['r6', 'r5', 'r4', 'r3', 'r2']);
  });

  it('counts co-mentioned companies and topics of a term, without the term itself', () => {
    const stats = archive.stats(archive.terms.companies.get('acme')!);
    expect(stats.count).toBe(3);
    expect(stats.companies.map((c) => [c.ref.name, c.count])).toEqual([
      ['Globex', 1],
      ['Initech', 1],
    ]);
    expect(stats.topics.map((c) => [c.ref.name, c.count])).toEqual([
      ['Cloud', 2],
      ['AI', 1],
    ]);
    expect(stats.first?.written).toBe('2020-06-01T10:00:00Z');
    expect(stats.last?.written).toBe('2021-03-01T10:00:00Z');
    // Years between first and last coverage are listed, empty ones with zero.
    expect(stats.byYear).toEqual([
      { year: 2020, count: 1 },
      { year: 2021, count: 2 },
    ]);
    const topicStats = archive.stats(archive.terms.topics.get('cloud')!);
    expect(topicStats.topics).toEqual([]);
    expect(topicStats.companies.map((c) => [c.ref.slug, c.count])).toEqual([
      ['acme', 2],
      ['globex', 2],
    ]);
  });

  it('fills coverage gaps with zero years', () => {
    const gappy = buildArchive([
      record('old', '2017-05-01', { companies: ['Initech'] }),
      record('new', '2020-05-01', { companies: ['Initech'] }),
    ]);
    expect(gappy.stats(gappy.terms.companies.get('initech')!).byYear).toEqual([
      { year: 2017, count: 1 },
      { year: 2018, count: 0 },
      { year: 2019, count: 0 },
      { year: 2020, count: 1 },
    ]);
  });

  it('finds the most covered terms of the 12 months before the newest article, not today', () => {
    // Newest is 2021-03-01: the window starts 2020-03-01, so e (2019) is out and d (2020-06) in.
    expect(archive.mostCovered('companies', 10).map((c) => [c.ref.slug, c.count])).toEqual([
      ['acme', 3],
      ['globex', 2],
      ['initech', 1],
    ]);
    expect(archive.mostCovered('companies', 1)).toHaveLength(1);
    expect(archive.mostCovered('topics', 10).map((c) => c.ref.slug)).toEqual(['cloud', 'ai']);
  });

  it('links periods to their non-empty neighbours', () => {
    expect(archive.years.map((y) => [y.year, y.count])).toEqual([
      [2021, 3],
      [2020, 1],
      [2019, 1],
    ]);
    const feb = archive.adjacentMonths(2021, 2);
    expect([feb.older?.month, feb.newer?.month]).toEqual([1, 3]);
    const jan = archive.adjacentMonths(2021, 1);
    expect([jan.older?.year, jan.older?.month]).toEqual([2020, 6]);
    expect(archive.adjacentMonths(2019, 1).older).toBeUndefined();
    expect(archive.adjacentYears(2020)).toMatchObject({ older: { year: 2019 }, newer: { year: 2021 } });
    expect(archive.adjacentMonths(2018, 1)).toEqual({});
  });

  it('gives every article its previous and next article in time', () => {
    const b = archive.byPath.get('2021/02/01/b/')!;
    expect(archive.neighbours(b).newer?.slug).toBe('a');
    expect(archive.neighbours(b).older?.slug).toBe('c');
  });

  it('files aliases under the registry entry and names the term after it', () => {
    const indexed = indexRegistry([company('xiaomi', 'Xiaomi', ['Xiaomi Corp', '小米'])]);
    const registry = indexed.ok ? indexed.index : undefined;
    if (Array.isArray(registry)) throw new Error('unexpected clash');
    const model = buildArchive(
      [
        record('x1', '2020-01-01', { companies: ['XIAOMI'] }),
        record('x2', '2020-01-02', { companies: ['Xiaomi Corp.'] }),
        record('x3', '2020-01-03', { companies: ['小米', 'Xiaomi'] }),
      ],
      { companies: registry },
    );
    expect([...model.terms.companies.keys()]).toEqual(['xiaomi']);
    const term = model.terms.companies.get('xiaomi')!;
    expect(term.name).toBe('Xiaomi');
    expect(term.articles).toHaveLength(3);
    expect(model.articles[0].terms.companies).toEqual([
      { kind: 'companies', slug: 'xiaomi', name: 'Xiaomi', spellings: ['小米', 'Xiaomi'] },
    ]);
  });
});
