import { describe, expect, test } from 'vitest';
import { compareSortValues, mergeNewestFirst } from '@/search/browser/merge';

interface Fake {
  id: string;
  date: number;
}

/** Results of one shard, newest first, as Pagefind returns them under a sort. */
function shard(name: string, dates: number[]): Fake[] {
  return [...dates].sort((a, b) => b - a).map((date, i) => ({ id: `${name}_${i.toString(16)}${date}`, date }));
}

function loader() {
  const loaded: string[] = [];
  const value = async (result: Fake) => {
    loaded.push(result.id);
    return String(result.date).padStart(12, '0');
  };
  return { loaded, value };
}

describe('mergeNewestFirst', () => {
  test('one list: the order stands and no fragment is loaded', async () => {
    const { loaded, value } = loader();
    const en = shard('en', [5, 3, 9, 1]);
    expect(await mergeNewestFirst([en, []], value)).toEqual(en);
    expect(loaded).toEqual([]);
  });

  test('interleaved shards come back in date order', async () => {
    const { value } = loader();
    expect(
      (await mergeNewestFirst([shard('en', [100, 300]), shard('zh', [200, 400])], value)).map((r) => r.date),
    ).toEqual([400, 300, 200, 100]);
  });

  test('three lists, ties and uneven sizes', async () => {
    const { value } = loader();
    const en = shard('en', [10, 20, 30, 40, 50, 60]);
    const ordered = await mergeNewestFirst([shard('zh', [35, 60]), en, shard('ja', [5])], value);
    expect(ordered.map((r) => r.date)).toEqual([60, 60, 50, 40, 35, 30, 20, 10, 5]);
    // A tie keeps the bigger list first.
    expect(ordered[0]).toBe(en[0]);
    expect(ordered).toHaveLength(9);
  });

  test('a few results in another shard load few fragments of a long list', async () => {
    const { loaded, value } = loader();
    const dates = Array.from({ length: 1000 }, (_, i) => i * 10);
    const ordered = await mergeNewestFirst([shard('en', dates), shard('zh', [5005, 15])], value);
    expect(ordered.map((r) => r.date)).toEqual([...dates, 5005, 15].sort((a, b) => b - a));
    expect(new Set(loaded).size).toBeLessThan(30);
  });

  test('balanced lists are merged by loading each result once', async () => {
    const { loaded, value } = loader();
    expect(
      (await mergeNewestFirst([shard('en', [1, 3, 5, 7]), shard('zh', [2, 4, 6, 8])], value)).map((r) => r.date),
    ).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(loaded).toHaveLength(8);
  });
});

describe('compareSortValues', () => {
  test('numbers as numbers, else text', () => {
    expect(compareSortValues('9', '10')).toBeLessThan(0);
    expect(compareSortValues('b', 'a')).toBeGreaterThan(0);
    expect(compareSortValues('', '1')).toBeLessThan(0);
    expect(compareSortValues('x', 'x')).toBe(0);
  });
});
