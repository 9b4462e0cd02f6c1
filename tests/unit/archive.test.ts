import { describe, expect, test } from 'vitest';
import { buildArchive, compareNewestFirst } from '@/lib/model/archive';
import { Kinds, type KindInfo } from '@/lib/kinds';
import type { RegistryRecord } from '@/lib/content/schema';
import { indexRegistry } from '@/lib/model/terms';
import { company, date, record } from './helpers';

describe('compareNewestFirst', () => {
  test('orders by instant, newest first, whatever the written offsets', () => {
    const beijing = record('beijing', '2018-02-27T06:20:00+08:00'); // 22:20 UTC on the 26th
    const london = record('london', '2018-02-27T00:00:00Z');
    const newYork = record('new-york', '2018-02-27T01:30:00-05:00'); // 06:30 UTC
    expect([beijing, newYork, london].sort(compareNewestFirst).map((r) => r.slug)).toEqual([
      'new-york',
      'london',
      'beijing',
    ]);
  });

  test('equal instants fall back to the slug, so the order is stable', () => {
    const b = record('b', '2018-02-27T08:00:00+02:00');
    const a = record('a', '2018-02-27T06:00:00Z');
    expect([b, a].sort(compareNewestFirst).map((r) => r.slug)).toEqual(['a', 'b']);
    expect([a, b].sort(compareNewestFirst).map((r) => r.slug)).toEqual(['a', 'b']);
  });
});

describe('buildArchive', () => {
  const indexed = indexRegistry([company('xiaomi', 'Xiaomi', ['Xiaomi Corp'])]);
  const registry = indexed.ok ? indexed.index : new Map<string, RegistryRecord>();
  const records = [
    record('older', '2018-02-26T10:00:00Z', {
      companies: ['XIAOMI'],
      topics: ['Cloud computing'],
      bylines: ['Jane Doe'],
    }),
    record('beijing', '2018-02-27T06:20:00+08:00', {
      companies: ['Xiaomi Corp', 'Microsoft'],
      topics: ['cloud computing', 'AI'],
    }),
    record('secret', '2018-03-01', { draft: true, companies: ['Secret Co'], topics: ['Leaks'], bylines: ['Mole'] }),
    record('newest', '2018-02-27T06:20:00Z', { companies: ['Microsoft'], bylines: ['Jane Doe', 'John Roe'] }),
  ];
  const archive = buildArchive(records, { companies: registry });

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
    const more = [1, 2, 3].map((n) =>
      record(`more-${n}`, `2021-01-0${n}`, { companies: ['Alpha'], topics: ['Common'] }),
    );
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

describe('buildArchive by the clock: withdrawn, scheduled and redirected articles', () => {
  const clock = Date.parse('2024-02-01T00:00:00Z');
  const removed = {
    date: date('2023-06-01'),
    text: 'Court order.',
    html: 'Court order.',
    plain: 'Court order.',
    showTitle: false,
  };
  const records = [
    record('live', '2023-01-01', { file: 'live.md', companies: ['Acme'], aliases: [{ path: 'news/live/' }] }),
    record('gone', '2023-02-01', {
      file: 'gone.md',
      companies: ['Acme', 'Only Gone'],
      removed,
      aliases: [{ path: 'news/gone/' }],
    }),
    record('over', '2023-03-01', { file: 'over.md', companies: ['Acme'], expires: date('2024-01-01') }),
    record('later', '2024-06-01', { file: 'later.md', companies: ['Acme'] }),
  ];
  const model = buildArchive(records, undefined, { clock, moved: [{ from: '2022/12/31/live/', file: 'live.md' }] });

  test('only published articles are listed, counted and named as terms', () => {
    expect(model.articles.map((a) => a.slug)).toEqual(['live']);
    expect(model.terms.companies.get('acme')!.articles).toHaveLength(1);
    expect(model.terms.companies.has('only-gone')).toBe(false);
    expect(model.years.map((y) => y.year)).toEqual([2023]);
  });

  test('removed and expired articles keep their URL for a removal page, with no terms', () => {
    expect(model.withdrawn.map((a) => [a.path, a.status])).toEqual([
      ['2023/03/01/over/', 'expired'],
      ['2023/02/01/gone/', 'removed'],
    ]);
    expect(model.withdrawn[0]).not.toHaveProperty('terms');
  });

  test('aliases and moved URLs redirect, by path, to the page or removal page', () => {
    expect(model.redirects.map((r) => [r.from, r.to.path, r.reason])).toEqual([
      ['2022/12/31/live/', '2023/01/01/live/', 'moved'],
      ['news/gone/', '2023/02/01/gone/', 'alias'],
      ['news/live/', '2023/01/01/live/', 'alias'],
    ]);
  });
});

describe('sources', () => {
  const wire: RegistryRecord = {
    slug: 'harbour-wire',
    file: 'content/sources/harbour-wire.md',
    name: 'Harbour Wire',
    aliases: ['Harbour Wire Service', 'harbourwire.example'],
  };
  const indexed = indexRegistry([wire], 'source');
  if (!indexed.ok) throw new Error('registry');
  const model = buildArchive(
    [
      record('by-alias', '2020-01-03', {
        source: { name: 'Harbour Wire Service', url: 'https://harbourwire.example/a' },
      }),
      // No name: the host of its address (without www.) names it, and the registry claims that host.
      record('by-host', '2020-01-02', { source: { url: 'https://www.harbourwire.example/b' } }),
      record('other', '2020-01-01', { source: { name: 'Example & Sons', url: 'https://example.com/c' } }),
      record('unnamed', '2019-12-31', { source: { url: 'https://news.example.org/d' } }),
      record('none', '2019-12-30'),
    ],
    { sources: indexed.index },
  );

  test("an article's source is a term: by its name, an alias, or its address's host", () => {
    const terms = model.terms.sources;
    expect([...terms.keys()].sort()).toEqual(['example-and-sons', 'harbour-wire', 'news-example-org']);
    const term = terms.get('harbour-wire')!;
    expect(term.name).toBe('Harbour Wire');
    expect(term.registry).toBe(wire);
    expect(term.articles.map((a) => a.slug)).toEqual(['by-alias', 'by-host']);
    expect(term.spellings).toEqual(['Harbour Wire Service', 'harbourwire.example']);
    expect(terms.get('news-example-org')!.name).toBe('news.example.org');
  });

  test('each article names its one source, or none; the link to the original stays', () => {
    const bySlug = new Map(model.articles.map((a) => [a.slug, a]));
    expect(bySlug.get('by-host')!.terms.sources).toEqual([
      { kind: 'sources', slug: 'harbour-wire', name: 'Harbour Wire', spellings: ['harbourwire.example'] },
    ]);
    expect(bySlug.get('by-host')!.source).toEqual({ url: 'https://www.harbourwire.example/b' });
    expect(bySlug.get('none')!.terms.sources).toEqual([]);
  });

  test("the company registry does not claim a source's names, nor the other way round", () => {
    const acme = indexRegistry([company('acme', 'Acme', ['Harbour Wire'])]);
    if (!acme.ok) throw new Error('registry');
    const both = buildArchive(
      [
        record('x', '2020-01-01', {
          companies: ['Harbour Wire'],
          source: { name: 'Harbour Wire', url: 'https://h.example/' },
        }),
      ],
      { companies: acme.index },
    );
    expect([...both.terms.companies.keys()]).toEqual(['acme']);
    expect([...both.terms.sources.keys()]).toEqual(['harbour-wire']);
  });
});

describe('kinds an archive declares', () => {
  const place: KindInfo = {
    kind: 'places',
    field: 'places',
    multiple: true,
    facet: 'place',
    singular: 'Place',
    plural: 'Places',
    description: 'Every place in the archive, A–Z, with its number of articles.',
    preposition: 'about',
    declared: true,
  };
  const desk: KindInfo = {
    ...place,
    kind: 'desks',
    field: 'desk',
    multiple: false,
    facet: 'desk',
    singular: 'Desk',
    plural: 'Desks',
  };
  const kinds = new Kinds([place, desk]);
  const model = buildArchive(
    [
      record('a', '2020-01-02', { names: { places: ['Rotterdam', 'Lyon'], desk: ['Business'] } }),
      record('b', '2020-01-01', { names: { places: ['ROTTERDAM'] } }),
      record('c', '2019-12-31'),
    ],
    {},
    { kinds },
  );

  test('come after the built-in ones, each with its facet', () => {
    expect(kinds.keys).toEqual(['companies', 'topics', 'authors', 'sources', 'places', 'desks']);
    expect(kinds.facets).toEqual(['company', 'topic', 'author', 'source', 'place', 'desk']);
    expect(kinds.declared).toEqual([place, desk]);
    expect(kinds.facetInfo('place')).toBe(place);
    expect(kinds.inWords('plural')).toBe('companies, topics, authors, sources, places and desks');
    expect(() => kinds.info('regions')).toThrow('no kind "regions"');
  });

  test("gather articles into terms from the kind's field, keyed by its path, as companies are", () => {
    expect(model.kinds).toBe(kinds);
    const rotterdam = model.terms.places!.get('rotterdam')!;
    expect(rotterdam.name).toBe('Rotterdam');
    expect(rotterdam.articles.map((a) => a.slug)).toEqual(['a', 'b']);
    expect([...model.terms.desks!.keys()]).toEqual(['business']);
    const [a, , c] = model.articles;
    expect(a!.terms.places!.map((ref) => [ref.kind, ref.name])).toEqual([
      ['places', 'Rotterdam'],
      ['places', 'Lyon'],
    ]);
    expect(c!.terms.places).toEqual([]);
    expect(a).not.toHaveProperty('names');
  });

  test('an archive that declares none has the built-in kinds alone', () => {
    expect(Object.keys(buildArchive([record('x', '2020-01-01')]).terms)).toEqual([
      'companies',
      'topics',
      'authors',
      'sources',
    ]);
  });
});
