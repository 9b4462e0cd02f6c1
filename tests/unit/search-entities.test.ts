/**
 * The entities the search page suggests (src/lib/client/search-entities.ts): the index the build
 * writes from the terms, and the matching the browser does on it.
 */
import { describe, expect, test } from 'vitest';
import { BUILT_IN } from '@/lib/kinds';
import { buildSearchEntities } from '@/search/build/entities';
import { matchEntities } from '@/search/browser/entity-matching';
import type { SearchEntity } from '@/search/contract/entities';
import { normalizeName } from '@/search/contract/words';

const entity = (name: string, extra: Partial<SearchEntity> = {}): SearchEntity => ({
  kind: 'company',
  name,
  aliases: [],
  url: `/companies/${name.toLowerCase()}/`,
  count: 1,
  first: '2020-01',
  last: '2020-01',
  ...extra,
});

describe('normalizeName', () => {
  test('ignores case, accents and punctuation; & reads as "and"', () => {
    expect(normalizeName('Société Générale')).toBe('societe generale');
    expect(normalizeName('AT&T Inc.')).toBe('at and t inc');
    expect(normalizeName('  <img src=x>  ')).toBe('img src x');
    expect(normalizeName('小米')).toBe('小米');
  });
});

describe('matchEntities', () => {
  const entities = [
    entity('Société Générale', { count: 3 }),
    entity('Microsoft', { aliases: ['MSFT'], count: 40 }),
    entity('Microsoft Research Asia', { count: 2 }),
    entity('AT&T', { aliases: ['AT&T Inc.'], count: 5 }),
    entity('Cloud computing', { kind: 'topic', count: 12 }),
    entity('Jane Doe', { kind: 'author', count: 7 }),
  ];
  const names = (query: string) => matchEntities(entities, query).map((m) => m.entity.name);

  test("accents and case ignored, by any word's beginning", () => {
    expect(names('societe')).toEqual(['Société Générale']);
    expect(names('GENER')).toEqual(['Société Générale']);
    expect(names('doe')).toEqual(['Jane Doe']);
    expect(names('omputing')).toEqual([]);
  });

  test('the whole name first, then its beginning, then a later word; more articles first among equals', () => {
    expect(names('microsoft')).toEqual(['Microsoft', 'Microsoft Research Asia']);
    expect(names('research')).toEqual(['Microsoft Research Asia']);
  });

  test('by alias, saying which', () => {
    expect(matchEntities(entities, 'msft')).toEqual([{ entity: entities[1], via: 'MSFT' }]);
    expect(matchEntities(entities, 'AT&T Inc')[0]).toEqual({ entity: entities[3], via: 'AT&T Inc.' });
    // The name matches before an alias does: no "via".
    expect(matchEntities(entities, 'at&t')[0]).toEqual({ entity: entities[3], via: undefined });
  });

  test('nothing for an empty or punctuation-only query; a limit', () => {
    expect(names('  ')).toEqual([]);
    expect(names('?!')).toEqual([]);
    expect(matchEntities(entities, 'm', 1)).toHaveLength(1);
  });
});

describe('buildSearchEntities', () => {
  const at = (year: number, month: number) => ({ date: { year, month } });
  test('every term with kind, page, count, months of first and last coverage, and its other names once', () => {
    const built = buildSearchEntities(
      [
        {
          kind: 'companies',
          slug: 'acme',
          name: 'Acme Corporation',
          registry: { aliases: ['Acme', 'Acme Corp'] },
          spellings: ['ACME', 'Acme Corp.', 'acme corporation'],
          articles: [at(2021, 12), at(2019, 1)],
        },
        { kind: 'authors', slug: 'jane-doe', name: 'Jane Doe', spellings: ['Jane Doe'], articles: [at(2020, 5)] },
        { kind: 'topics', slug: 'empty', name: 'Empty', spellings: [], articles: [] },
      ],
      (kind, slug) => `/base/${kind}/${slug}/`,
      BUILT_IN,
    );
    expect(built).toEqual([
      {
        kind: 'company',
        name: 'Acme Corporation',
        aliases: ['Acme', 'Acme Corp'],
        url: '/base/companies/acme/',
        count: 2,
        first: '2019-01',
        last: '2021-12',
      },
      {
        kind: 'author',
        name: 'Jane Doe',
        aliases: [],
        url: '/base/authors/jane-doe/',
        count: 1,
        first: '2020-05',
        last: '2020-05',
      },
    ]);
  });
});
