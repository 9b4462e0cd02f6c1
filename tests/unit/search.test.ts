import { describe, expect, test } from 'vitest';
import {
  browsesWithoutQuery,
  effectiveSort,
  fromPagefindFilters,
  languagesToMerge,
  sameSearch,
  searchRecord,
  searchSortKey,
  searchStateFromParams,
  searchStateToQuery,
  toPagefindFilters,
  toPagefindSort,
  type SearchState,
} from '@/lib/search';
import { isTypingTarget } from '@/lib/search-keys';
import { date } from './helpers';

const params = (query: string) => new URLSearchParams(query);

describe('searchSortKey', () => {
  test('orders by instant, whatever offset each date was written in', () => {
    const written = ['2019-01-10T09:30:00+02:00', '2019-01-10T08:00:00Z', '2019-01-10T03:00:00-05:00', '2019-01-10', '1969-07-20T20:17:00Z'];
    const keys = written.map((w) => searchSortKey(date(w)));
    // By instant: 1969 < 2019-01-10T00:00Z < 07:30Z (+02:00) < 08:00Z < 08:00Z (-05:00 tie).
    expect(keys[4]! < keys[3]!).toBe(true);
    expect(keys[3]! < keys[0]!).toBe(true);
    expect(keys[0]! < keys[1]!).toBe(true);
    expect(keys[1]).toBe(keys[2]);
  });

  test('keys are equally wide digits, so text and number order agree', () => {
    const keys = ['0001-01-01', '1969-12-31T23:59:59Z', '1970-01-01', '2024-02-29', '9999-12-31T23:59:59Z'].map((w) => searchSortKey(date(w)));
    expect(new Set(keys.map((k) => k.length)).size).toBe(1);
    for (const key of keys) expect(key).toMatch(/^\d+$/);
    expect([...keys].sort()).toEqual(keys);
    expect([...keys].sort((a, b) => Number(a) - Number(b))).toEqual(keys);
  });
});

describe('searchRecord', () => {
  const article = {
    date: date('2018-02-27T06:20:00Z'),
    summary: 'One, two: three.',
    companyRefs: [{ name: 'Microsoft' }, { name: 'Xiaomi' }, { name: 'Xiaomi' }],
    topicRefs: [{ name: 'Cloud computing' }],
    authorRefs: [{ name: 'Doe, Jane' }],
  };

  test('carries the facets, keeping names with commas and colons whole and dropping repeats', () => {
    expect(searchRecord(article).filters).toEqual({
      company: ['Microsoft', 'Xiaomi'],
      topic: ['Cloud computing'],
      author: ['Doe, Jane'],
      year: ['2018'],
    });
  });

  test('shows the date as written and sorts by instant', () => {
    const record = searchRecord(article);
    expect(record.meta.date).toBe('27 February 2018, 06:20 UTC');
    expect(record.meta.summary).toBe('One, two: three.');
    expect(record.sort.date).toBe(searchSortKey(article.date));
    expect(record.meta.date_sort).toBe(record.sort.date);
  });

  test('the year facet is the year as written, not the UTC year', () => {
    const newYear = { ...article, date: date('2019-01-01T01:00:00+09:00') };
    expect(searchRecord(newYear).filters.year).toEqual(['2019']);
  });
});

describe('search state in the URL', () => {
  test('reads the query, facets (repeated keys) and sort', () => {
    expect(searchStateFromParams(params('q=+cloud+deal+&company=Globex&company=Acme+Corporation&year=2020&sort=newest'))).toEqual({
      q: 'cloud deal',
      filters: { company: ['Globex', 'Acme Corporation'], year: ['2020'] },
      sort: 'newest',
    });
  });

  test('ignores unknown keys, empty values and unknown sorts', () => {
    expect(searchStateFromParams(params('x=1&company=&company=%20&topic=AI&topic=AI&sort=oldest'))).toEqual({
      q: '',
      filters: { topic: ['AI'] },
      sort: 'relevance',
    });
  });

  test('writes a canonical query string and round-trips awkward values', () => {
    const state: SearchState = {
      q: 'Q&A "tags"',
      filters: { year: ['2021', '2019'], company: ['Fish & Chips <Ltd> "Q"', 'A+B=C?'] },
      sort: 'newest',
    };
    const query = searchStateToQuery(state);
    expect(query.startsWith('?q=')).toBe(true);
    expect(query.indexOf('company=')).toBeLessThan(query.indexOf('year='));
    expect(query.endsWith('&sort=newest')).toBe(true);
    const back = searchStateFromParams(params(query.slice(1)));
    expect(back.q).toBe(state.q);
    expect(back.sort).toBe('newest');
    expect(back.filters.company?.sort()).toEqual([...state.filters.company!].sort());
    expect(back.filters.year?.sort()).toEqual(['2019', '2021']);
  });

  test('leaves out defaults: an empty search is the bare page', () => {
    expect(searchStateToQuery({ q: '  ', filters: {}, sort: 'relevance' })).toBe('');
    expect(searchStateToQuery({ q: 'x', filters: { topic: [] }, sort: 'relevance' })).toBe('?q=x');
  });

  test('equal searches compare equal whatever the order of values', () => {
    const a: SearchState = { q: 'x', filters: { company: ['B', 'A'] }, sort: 'relevance' };
    const b: SearchState = { q: ' x ', filters: { company: ['A', 'B'] }, sort: 'relevance' };
    expect(sameSearch(a, b)).toBe(true);
    expect(sameSearch(a, { ...b, sort: 'newest' })).toBe(false);
  });
});

describe('Pagefind options', () => {
  test('filters go in the shape the filter pane uses, in facet order', () => {
    expect(toPagefindFilters({ year: ['2020'], company: ['Acme'] })).toEqual({ company: ['Acme'], year: ['2020'] });
    expect(Object.keys(toPagefindFilters({ year: ['2020'], company: ['Acme'] }))).toEqual(['company', 'year']);
  });

  test('reads back every filter shape and drops unknown facets', () => {
    expect(
      fromPagefindFilters({ company: ['Acme', 'Acme', ''], topic: { any: ['AI'], all: 'Cloud' }, author: 'Jane', language: ['en'], year: [] }),
    ).toEqual({ company: ['Acme'], topic: ['AI', 'Cloud'], author: ['Jane'] });
    expect(fromPagefindFilters(undefined)).toEqual({});
    expect(fromPagefindFilters('company')).toEqual({});
  });

  test('newest sorts by the date key descending; relevance needs no sort', () => {
    expect(toPagefindSort('newest')).toEqual({ date: 'desc' });
    expect(toPagefindSort('relevance')).toEqual({});
  });

  test('without a query, articles are listed only for filters or newest-first browsing', () => {
    expect(browsesWithoutQuery({ filters: {}, sort: 'relevance' })).toBe(false);
    expect(browsesWithoutQuery({ filters: { company: [] }, sort: 'relevance' })).toBe(false);
    expect(browsesWithoutQuery({ filters: { year: ['2020'] }, sort: 'relevance' })).toBe(true);
    expect(browsesWithoutQuery({ filters: {}, sort: 'newest' })).toBe(true);
  });

  test('without a query, results are newest first whatever the control says', () => {
    expect(effectiveSort({ q: '', sort: 'relevance' })).toBe('newest');
    expect(effectiveSort({ q: 'cloud', sort: 'relevance' })).toBe('relevance');
    expect(effectiveSort({ q: 'cloud', sort: 'newest' })).toBe('newest');
  });
});

describe('language indexes', () => {
  test('the search page merges every language but its own', () => {
    expect(languagesToMerge({ en: 14, zh: 1 }, 'en')).toEqual(['zh']);
    expect(languagesToMerge({ en: 14 }, 'en')).toEqual([]);
    expect(languagesToMerge({}, 'en')).toEqual([]);
  });

  test('follows Pagefind when the page language has no index of its own', () => {
    // Region tag: Pagefind falls back to the primary subtag.
    expect(languagesToMerge({ en: 3, 'pt-br': 2, zh: 1 }, 'en-GB')).toEqual(['pt-br', 'zh']);
    // No match at all: Pagefind loads the biggest index, the others are merged.
    expect(languagesToMerge({ de: 2, fr: 5, zh: 1 }, 'en')).toEqual(['de', 'zh']);
  });
});

describe('isTypingTarget (the / shortcut leaves typing alone)', () => {
  test.each([
    [{ tagName: 'INPUT', type: 'text' }, true],
    [{ tagName: 'INPUT', type: 'search' }, true],
    [{ tagName: 'input' }, true],
    [{ tagName: 'TEXTAREA' }, true],
    [{ tagName: 'SELECT' }, true],
    [{ tagName: 'DIV', isContentEditable: true }, true],
    [{ tagName: 'INPUT', type: 'checkbox' }, false],
    [{ tagName: 'BUTTON' }, false],
    [{ tagName: 'A' }, false],
    [null, false],
  ])('%o → %s', (target, expected) => {
    expect(isTypingTarget(target)).toBe(expected);
  });
});
