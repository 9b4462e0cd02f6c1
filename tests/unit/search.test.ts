/**
 * The search page's rules (src/lib/client/search-state.ts, src/lib/client/search-shards.ts): the search in the URL, Pagefind's options, which
 * shards a search reads and in what order, and queries not worth running.
 */
import { describe, expect, test } from 'vitest';
import { BUILT_IN } from '@/lib/kinds';
import {
  effectiveSort,
  hasFilters,
  listsArticles,
  queryProblem,
  sameSearch,
  searchStateFromParams,
  searchStateToQuery,
  toPagefindFilters,
  toPagefindSort,
  type SearchState,
} from '@/search/contract/url-state';
import { directoryLanguages, shardMonths, wordDirectoryKey, type ShardInfo } from '@/search/contract/shards';
import { groupOverlapping, monthLabel, planShardSearch } from '@/search/browser/shard-reading';
import { isTypingTarget } from '@/search/browser/typing-target';

const params = (query: string) => new URLSearchParams(query);

describe('search state in the URL', () => {
  test('reads the query, facets (repeated keys), date range and sort', () => {
    expect(
      searchStateFromParams(
        params('q=+cloud+deal+&company=Globex&company=Acme+Corporation&from=2015-01&to=2017-12&sort=oldest'),
        BUILT_IN.facets,
      ),
    ).toEqual({
      q: 'cloud deal',
      filters: { company: ['Globex', 'Acme Corporation'] },
      from: '2015-01',
      to: '2017-12',
      sort: 'oldest',
    });
  });

  test('ignores unknown keys, empty values, bad months and unknown sorts; newest first is the default', () => {
    expect(
      searchStateFromParams(
        params('x=1&company=&company=%20&topic=AI&topic=AI&sort=sideways&from=2015-13&to=15-01'),
        BUILT_IN.facets,
      ),
    ).toEqual({
      q: '',
      filters: { topic: ['AI'] },
      from: undefined,
      to: undefined,
      sort: 'newest',
    });
  });

  test("a range given backwards is the same range; an old link's year is that year", () => {
    const backwards = searchStateFromParams(params('from=2019-06&to=2018-02'), BUILT_IN.facets);
    expect([backwards.from, backwards.to]).toEqual(['2018-02', '2019-06']);
    const year = searchStateFromParams(params('year=2020'), BUILT_IN.facets);
    expect([year.from, year.to]).toEqual(['2020-01', '2020-12']);
    // A range in the link wins over a year.
    expect(searchStateFromParams(params('year=2020&from=2021-03'), BUILT_IN.facets).from).toBe('2021-03');
  });

  test('writes a canonical query string and round-trips awkward values', () => {
    const state: SearchState = {
      q: 'Q&A "tags"',
      filters: { author: ['Zoë'], company: ['Fish & Chips <Ltd> "Q"', 'A+B=C?'] },
      from: '2019-01',
      sort: 'relevance',
    };
    const query = searchStateToQuery(state);
    expect(query.startsWith('?q=')).toBe(true);
    // Facets A–Z, whatever order they were chosen in.
    expect(query.indexOf('author=')).toBeLessThan(query.indexOf('company='));
    expect(
      searchStateToQuery({ ...state, filters: { company: state.filters.company, author: state.filters.author } }),
    ).toBe(query);
    expect(query.endsWith('&from=2019-01&sort=relevance')).toBe(true);
    const back = searchStateFromParams(params(query.slice(1)), BUILT_IN.facets);
    expect(back.q).toBe(state.q);
    expect(back.sort).toBe('relevance');
    expect(back.from).toBe('2019-01');
    expect(back.filters.company?.sort()).toEqual([...state.filters.company!].sort());
  });

  test('leaves out defaults: an empty search is the bare page', () => {
    expect(searchStateToQuery({ q: '  ', filters: {}, sort: 'newest' })).toBe('');
    expect(searchStateToQuery({ q: 'x', filters: { topic: [] }, sort: 'newest' })).toBe('?q=x');
  });

  test('equal searches compare equal whatever the order of values', () => {
    const a: SearchState = { q: 'x', filters: { company: ['B', 'A'] }, sort: 'newest' };
    const b: SearchState = { q: ' x ', filters: { company: ['A', 'B'] }, sort: 'newest' };
    expect(sameSearch(a, b)).toBe(true);
    expect(sameSearch(a, { ...b, sort: 'oldest' })).toBe(false);
    expect(sameSearch(a, { ...b, to: '2020-01' })).toBe(false);
  });

  test('a search lists articles with a query, a facet or a date range; the bare page lists none', () => {
    expect(listsArticles({ q: '', filters: {}, sort: 'newest' })).toBe(false);
    expect(listsArticles({ q: '', filters: { company: [] }, sort: 'newest' })).toBe(false);
    expect(listsArticles({ q: '', filters: { company: ['Acme'] }, sort: 'newest' })).toBe(true);
    expect(listsArticles({ q: '', filters: {}, from: '2020-01', sort: 'newest' })).toBe(true);
    expect(hasFilters({ filters: {}, to: '2020-01' })).toBe(true);
  });
});

describe('Pagefind options', () => {
  test('facet filters in facet order, each value required', () => {
    expect(Object.keys(toPagefindFilters({ company: ['Acme'], author: ['Jane'] }))).toEqual(['author', 'company']);
    expect(toPagefindFilters({ topic: ['AI', 'Cloud'] })).toEqual({ topic: ['AI', 'Cloud'] });
  });

  test('dates sort by the date key; relevance needs no sort; without a query relevance means newest', () => {
    expect(toPagefindSort('newest')).toEqual({ date: 'desc' });
    expect(toPagefindSort('oldest')).toEqual({ date: 'asc' });
    expect(toPagefindSort('relevance')).toEqual({});
    expect(effectiveSort({ q: '', sort: 'relevance' })).toBe('newest');
    expect(effectiveSort({ q: 'cloud', sort: 'relevance' })).toBe('relevance');
    expect(effectiveSort({ q: '', sort: 'oldest' })).toBe('oldest');
  });
});

describe('which shards a search reads', () => {
  const shard = (key: string, from: number, to: number, lang = 'en'): ShardInfo => ({ key, lang, from, to, count: 1 });
  const shards = [
    shard('en-x-201801', 201801, 201812),
    shard('en-x-201901', 201901, 201906),
    shard('en', 201907, 202003),
    shard('zh', 201905, 201905, 'zh'),
  ];
  const keys = (plan: ReturnType<typeof planShardSearch>) => plan.map((search) => search.shard.key);

  test('newest first starts with the newest shard; oldest first with the oldest', () => {
    expect(keys(planShardSearch(shards, {}, 'newest'))).toEqual(['en', 'en-x-201901', 'zh', 'en-x-201801']);
    expect(keys(planShardSearch(shards, {}, 'oldest'))).toEqual(['en-x-201801', 'en-x-201901', 'zh', 'en']);
  });

  test('a date range leaves out the shards outside it and names the months of the ones it cuts', () => {
    const plan = planShardSearch(shards, { from: '2018-11', to: '2019-02' }, 'newest');
    expect(keys(plan)).toEqual(['en-x-201901', 'en-x-201801']);
    expect(plan[0]!.months).toEqual(['2019-01', '2019-02']);
    expect(plan[1]!.months).toEqual(['2018-11', '2018-12']);
    // A shard wholly in the range needs no month filter.
    expect(
      planShardSearch(shards, { from: '2019-01' }, 'newest').find((s) => s.shard.key === 'en-x-201901')!.months,
    ).toBeUndefined();
    expect(planShardSearch(shards, { from: '2030-01' }, 'newest')).toEqual([]);
  });

  test('shards covering the same months (other languages) are read together, to merge by date', () => {
    const groups = groupOverlapping(planShardSearch(shards, {}, 'newest'));
    expect(groups.map((group) => group.map((s) => s.shard.key))).toEqual([
      ['en'],
      ['en-x-201901', 'zh'],
      ['en-x-201801'],
    ]);
  });

  test('a language of more than one shard has a word directory, named so no shard can be', () => {
    expect(directoryLanguages(shards)).toEqual(['en']);
    expect(directoryLanguages([shard('en', 201907, 202003)])).toEqual([]);
    expect(wordDirectoryKey('en')).toBe('en-x-words');
    expect(shards.map((s) => s.key)).not.toContain(wordDirectoryKey('en'));
  });

  test('months of a shard across a new year, and their names', () => {
    expect(shardMonths({ from: 201911, to: 202002 })).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
    expect(monthLabel(202003, ['January', 'February', 'March'])).toBe('March 2020');
  });
});

describe('queries not worth running', () => {
  test('punctuation alone, or only common English words', () => {
    expect(queryProblem('?! …', 'en')).toEqual({ kind: 'no-words' });
    expect(queryProblem('The of the', 'en')).toEqual({ kind: 'only-common-words', words: ['the', 'of'] });
    expect(queryProblem('the cloud', 'en')).toBeUndefined();
    expect(queryProblem('', 'en')).toBeUndefined();
    // Stop words are English: another site language keeps them.
    expect(queryProblem('the of', 'de')).toBeUndefined();
    expect(queryProblem('量子', 'en')).toBeUndefined();
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
