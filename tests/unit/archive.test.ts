import { describe, expect, test } from 'vitest';
import { buildArchive, compareNewestFirst, findUrlCollisions } from '@/lib/model/archive';
import type { CompanyRecord } from '@/lib/content/schema';
import { indexCompanyRegistry } from '@/lib/model/terms';
import { company, date, record } from './helpers';

describe('compareNewestFirst', () => {
  test('orders by instant, newest first, whatever the written offsets', () => {
    const beijing = record('beijing', '2018-02-27T06:20:00+08:00'); // 22:20 UTC on the 26th
    const london = record('london', '2018-02-27T00:00:00Z');
    const newYork = record('new-york', '2018-02-27T01:30:00-05:00'); // 06:30 UTC
    expect([beijing, newYork, london].sort(compareNewestFirst).map((r) => r.slug)).toEqual(['new-york', 'london', 'beijing']);
  });

  test('equal instants fall back to the slug, so the order is stable', () => {
    const b = record('b', '2018-02-27T08:00:00+02:00');
    const a = record('a', '2018-02-27T06:00:00Z');
    expect([b, a].sort(compareNewestFirst).map((r) => r.slug)).toEqual(['a', 'b']);
    expect([a, b].sort(compareNewestFirst).map((r) => r.slug)).toEqual(['a', 'b']);
  });
});

describe('findUrlCollisions', () => {
  test('the same file name in two folders on the same day: one problem naming both files', () => {
    const first = record('deal', '2018-02-27T06:20:00Z', { file: 'content/articles/a/deal.md' });
    const second = record('deal', '2018-02-27', { file: 'content/articles/b/deal.md' });
    expect(findUrlCollisions([second, first])).toEqual([
      {
        file: 'content/articles/b/deal.md',
        field: 'date',
        message: 'this article and content/articles/a/deal.md would both be published at /2018/02/27/deal/; rename one file or change its date',
      },
    ]);
  });

  test('collisions go by the written day: different offsets, same written day, collide', () => {
    const east = record('deal', '2018-02-27T01:00:00+08:00', { file: 'x/deal.md' });
    const west = record('deal', '2018-02-27T23:00:00-05:00', { file: 'y/deal.md' });
    expect(findUrlCollisions([east, west])).toHaveLength(1);
  });

  test('the same instant on different written days does not collide', () => {
    const east = record('deal', '2018-02-28T06:00:00+08:00', { file: 'x/deal.md' });
    const utc = record('deal', '2018-02-27T22:00:00Z', { file: 'y/deal.md' });
    expect(east.date.instant).toBe(utc.date.instant);
    expect(findUrlCollisions([east, utc])).toEqual([]);
  });

  test('different slugs on one day, or one slug on different days, are fine', () => {
    expect(findUrlCollisions([record('a', '2018-02-27'), record('b', '2018-02-27'), record('a2', '2018-02-28', { slug: 'a' })])).toEqual([]);
  });

  test('a draft does not claim its URL', () => {
    const draft = record('deal', '2018-02-27', { file: 'a/deal.md', draft: true });
    const published = record('deal', '2018-02-27', { file: 'b/deal.md' });
    expect(findUrlCollisions([draft, published])).toEqual([]);
  });

  test('three files on one URL: each later one names the first', () => {
    const files = ['c/deal.md', 'a/deal.md', 'b/deal.md'].map((file) => record('deal', '2018-02-27', { file }));
    const problems = findUrlCollisions(files);
    expect(problems.map((p) => p.file)).toEqual(['b/deal.md', 'c/deal.md']);
    for (const p of problems) expect(p.message).toContain('a/deal.md');
  });
});

describe('buildArchive', () => {
  const registry = indexCompanyRegistry([company('xiaomi', 'Xiaomi', ['Xiaomi Corp'])]) as Map<string, CompanyRecord>;
  const records = [
    record('older', '2018-02-26T10:00:00Z', { companies: ['XIAOMI'], topics: ['Cloud computing'], bylines: ['Jane Doe'] }),
    record('beijing', '2018-02-27T06:20:00+08:00', { companies: ['Xiaomi Corp', 'Microsoft'], topics: ['cloud computing', 'AI'] }),
    record('secret', '2018-03-01', { draft: true, companies: ['Secret Co'], topics: ['Leaks'], bylines: ['Mole'] }),
    record('newest', '2018-02-27T06:20:00Z', { companies: ['Microsoft'], bylines: ['Jane Doe', 'John Roe'] }),
  ];
  const archive = buildArchive(records, registry);

  test('drafts never reach the model: not in articles, paths, terms or years', () => {
    expect(archive.articles.map((x) => x.slug)).not.toContain('secret');
    expect(archive.byPath.has('2018/03/01/secret/')).toBe(false);
    expect(archive.terms.companies.has('secret-co')).toBe(false);
    expect(archive.terms.topics.has('leaks')).toBe(false);
    expect(archive.terms.authors.has('mole')).toBe(false);
    expect(archive.years.flatMap((y) => y.months.map((m) => m.month))).not.toContain(3);
  });

  test('articles are newest first by instant, with paths from the written date', () => {
    expect(archive.articles.map((x) => [x.slug, x.path])).toEqual([
      ['newest', '2018/02/27/newest/'],
      ['beijing', '2018/02/27/beijing/'],
      ['older', '2018/02/26/older/'],
    ]);
    expect(archive.byPath.get('2018/02/27/beijing/')?.slug).toBe('beijing');
  });

  test("an article's terms are in the order its file wrote them, whatever the rest of the archive holds", () => {
    const first = (archive: ReturnType<typeof buildArchive>) => archive.articles.find((x) => x.slug === 'first')!;
    const mixed = record('first', '2020-01-01', { companies: ['Zeta', 'Alpha'], topics: ['Rare', 'Common'] });
    const alone = buildArchive([mixed]);
    expect(first(alone).terms.companies.map((ref) => ref.name)).toEqual(['Zeta', 'Alpha']);
    expect(first(alone).terms.topics.map((ref) => ref.name)).toEqual(['Rare', 'Common']);
    // Newer articles that make Alpha and Common the archive's most covered names change nothing.
    const more = [1, 2, 3].map((n) => record(`more-${n}`, `2021-01-0${n}`, { companies: ['Alpha'], topics: ['Common'] }));
    const grown = buildArchive([mixed, ...more]);
    expect(first(grown).terms).toEqual(first(alone).terms);
  });

  test('does not change the records it was given', () => {
    expect(records.map((r) => r.slug)).toEqual(['older', 'beijing', 'secret', 'newest']);
    expect('path' in records[0]).toBe(false);
  });

  test('terms merge name variants and registry aliases, with articles newest first', () => {
    const xiaomi = archive.terms.companies.get('xiaomi')!;
    expect(xiaomi.name).toBe('Xiaomi');
    expect(xiaomi.registry?.file).toBe('content/companies/xiaomi.md');
    expect(xiaomi.articles.map((x) => x.slug)).toEqual(['beijing', 'older']);
    expect(archive.terms.companies.get('microsoft')!.articles.map((x) => x.slug)).toEqual(['newest', 'beijing']);
    expect(archive.terms.topics.get('cloud-computing')!.articles.map((x) => x.slug)).toEqual(['beijing', 'older']);
    expect(archive.terms.authors.get('jane-doe')!.articles.map((x) => x.slug)).toEqual(['newest', 'older']);
  });

  test('each article links to its terms by slug and display name, with the spellings it used', () => {
    const beijing = archive.byPath.get('2018/02/27/beijing/')!;
    expect(beijing.terms.companies).toEqual(
      expect.arrayContaining([
        { kind: 'companies', slug: 'xiaomi', name: 'Xiaomi', spellings: ['Xiaomi Corp'] },
        { kind: 'companies', slug: 'microsoft', name: 'Microsoft', spellings: ['Microsoft'] },
      ]),
    );
    // The raw names live on only as spellings: one field keyed by kind.
    expect(Object.keys(beijing)).not.toContain('companies');
    expect(Object.keys(beijing)).not.toContain('bylines');
    expect(beijing.terms.companies).toHaveLength(2);
    expect(beijing.terms.topics.map((r) => r.slug).sort()).toEqual(['ai', 'cloud-computing']);
    expect(beijing.terms.authors).toEqual([]);
    const newest = archive.byPath.get('2018/02/27/newest/')!;
    expect(newest.terms.authors.map((r) => r.name).sort()).toEqual(['Jane Doe', 'John Roe']);
  });

  test('neighbours: the article just before and just after in time', () => {
    const [newest, beijing, older] = archive.articles;
    expect(archive.neighbours(newest)).toEqual({ newer: undefined, older: beijing });
    expect(archive.neighbours(beijing)).toEqual({ newer: newest, older });
    expect(archive.neighbours(older)).toEqual({ newer: beijing, older: undefined });
  });

  test('neighbours of something not in the archive is empty', () => {
    expect(archive.neighbours({ ...archive.articles[0] })).toEqual({});
  });

  test('years group the published articles', () => {
    expect(archive.years.map((y) => [y.year, y.count])).toEqual([[2018, 3]]);
  });

  test('an empty archive', () => {
    const empty = buildArchive([]);
    expect(empty.articles).toEqual([]);
    expect(empty.years).toEqual([]);
    expect(empty.terms.companies.size).toBe(0);
  });

  test('without a registry, companies still get terms', () => {
    const plain = buildArchive([record('x', '2018-02-27', { companies: ['Xiaomi Corp'] })]);
    expect([...plain.terms.companies.keys()]).toEqual(['xiaomi-corp']);
  });

  test('an article date with a time and one without on the same day order by instant', () => {
    const dated = buildArchive([record('day', '2018-02-27'), record('morning', '2018-02-27T06:20:00Z')]);
    expect(dated.articles.map((x) => x.slug)).toEqual(['morning', 'day']);
    expect(date('2018-02-27').instant).toBeLessThan(date('2018-02-27T06:20:00Z').instant);
  });
});
