// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { BUILT_IN } from '@/lib/kinds';
import { ResultStream } from '@/search/browser/result-stream';
import { ShardedIndex } from '@/search/browser/sharded-index';
import { searchStateFromParams } from '@/search/contract/url-state';
import { fakePagefind } from './fake-pagefind';
import { fixtureIndexes, SHARDS } from './fixture';

const state = (query: string) => searchStateFromParams(new URLSearchParams(query), BUILT_IN.facets);
const urls = async (stream: ResultStream) =>
  Promise.all(stream.results.map(async (result) => (await result.data()).url));

function setUp() {
  const pagefind = fakePagefind(fixtureIndexes());
  return { pagefind, index: new ShardedIndex('/pagefind/', '/', SHARDS, Promise.resolve(pagefind)) };
}

describe('a search over shards', () => {
  test('newest first reads the newest shard first, and older ones only when more results are asked for', async () => {
    const { index, pagefind } = setUp();
    const stream = new ResultStream(index, state('q=factories'));
    await stream.fill(1);
    expect(await urls(stream)).toEqual(['/2020/06/01/report-12/', '/2020/05/01/report-11/', '/2020/04/01/report-10/']);
    expect(stream.done).toBe(false);
    expect(stream.searched.map((shard) => shard.key)).toEqual(['en']);
    await stream.fill(12);
    expect((await urls(stream)).map((url) => url.match(/report-(\d+)/)![1])).toEqual([
      '12',
      '11',
      '10',
      '9',
      '8',
      '7',
      '6',
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);
    expect(stream.done).toBe(true);
    expect(new Set(pagefind.log.opened)).toEqual(
      new Set(['en', 'en-x-words', 'en-x-202001', 'en-x-201904', 'en-x-201901']),
    );
  });

  test('a rare word reads only the shard the word directory names', async () => {
    const { index, pagefind } = setUp();
    const stream = new ResultStream(index, state('q=zorblaxian'));
    await stream.fill(10);
    expect(await urls(stream)).toEqual(['/2020/01/01/report-7/']);
    const searched = new Set(pagefind.log.searches.map((search) => search.key).filter((key) => key !== 'en-x-words'));
    expect(searched).toEqual(new Set(['en-x-202001']));
  });

  test('a word being typed finds the words it begins; a word no shard holds finds nothing, not its prefix', async () => {
    const { index } = setUp();
    const typing = new ResultStream(index, state('q=zorbl'));
    await typing.fill(10);
    expect(await urls(typing)).toEqual(['/2020/01/01/report-7/']);
    const none = new ResultStream(index, state('q=acmex'));
    await none.fill(10);
    expect(none.results).toEqual([]);
    expect(none.done).toBe(true);
  });

  test('oldest first starts from the oldest shard; a date range reads only its shards, cut by month', async () => {
    const { index, pagefind } = setUp();
    const oldest = new ResultStream(index, state('q=factories&sort=oldest'));
    await oldest.fill(1);
    expect((await urls(oldest))[0]).toBe('/2019/01/01/report-1/');
    pagefind.log.searches.length = 0;
    const ranged = new ResultStream(index, state('q=factories&from=2019-05&to=2019-06'));
    await ranged.fill(10);
    expect(await urls(ranged)).toEqual(['/2019/06/01/report-6/', '/2019/05/01/report-5/']);
    expect(new Set(pagefind.log.searches.map((search) => search.key).filter((key) => key !== 'en-x-words'))).toEqual(
      new Set(['en-x-201904']),
    );
  });

  test('while typing, the first shard of each language that may hold the words is opened and its chunks loaded', async () => {
    const indexes = fixtureIndexes();
    // A newer article in a language of one shard (so no directory): it comes first in date order.
    indexes.zh = [
      { url: '/2021/01/01/zh/', title: '量子', text: '研究', date: '202101', filters: { month: ['2021-01'] } },
    ];
    const shards = [...SHARDS, { key: 'zh', lang: 'zh', from: 202101, to: 202101, count: 1 }];
    const pagefind = fakePagefind(indexes);
    const index = new ShardedIndex('/pagefind/', '/', shards, Promise.resolve(pagefind));
    const preloaded: string[] = [];
    const open = pagefind.createInstance.bind(pagefind);
    pagefind.createInstance = (options) => {
      const instance = open(options);
      const key = document.documentElement.getAttribute('lang')!;
      instance.preload = async () => void preloaded.push(key);
      return instance;
    };
    index.preload(state('q=zo'));
    index.preload(state('q=zorbl'));
    await vi.waitFor(() => expect(new Set(preloaded)).toEqual(new Set(['zh', 'en-x-202001'])));
    expect(pagefind.log.opened).not.toContain('en-x-201901');
  });

  test('counts results and facet values over every shard in range', async () => {
    const { index } = setUp();
    const counts = await new ResultStream(index, state('q=factories&company=Globex')).count();
    expect(counts.total).toBe(6);
    expect(counts.facets.company).toEqual({ Acme: 6, Globex: 6 });
  });
});
