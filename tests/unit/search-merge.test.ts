import { describe, expect, test } from 'vitest';
import { compareSortValues, orderNewestAcrossLanguages, resultLanguage } from '@/lib/search-merge';

interface Fake {
  id: string;
  date: number;
}

/** Results of one language index, newest first, as Pagefind returns them under a sort. */
function index(language: string, dates: number[]): Fake[] {
  return [...dates].sort((a, b) => b - a).map((date, i) => ({ id: `${language}_${i.toString(16)}${date}`, date }));
}

/** Pagefind's merge: concatenated and ordered by score, which under a sort is the rank within each index. */
function pagefindMerge(...lists: Fake[][]): Fake[] {
  const scored = lists.flatMap((list) => list.map((result, i) => ({ result, score: list.length > 1 ? 1 - i / (list.length - 1) : 1 })));
  return scored.sort((a, b) => b.score - a.score).map((entry) => entry.result);
}

function loader() {
  const loaded: string[] = [];
  const value = async (result: Fake) => {
    loaded.push(result.id);
    return String(result.date).padStart(12, '0');
  };
  return { loaded, value };
}

describe('resultLanguage', () => {
  test('reads the language index from the page id', () => {
    expect(resultLanguage({ id: 'zh_1ac7fdc' })).toBe('zh');
    expect(resultLanguage({ id: 'pt-br_3e5322c' })).toBe('pt-br');
    expect(resultLanguage({ id: 'nolang' })).toBe('');
  });
});

describe('orderNewestAcrossLanguages', () => {
  test('one language: the order stands and no fragment is loaded', async () => {
    const { loaded, value } = loader();
    const en = index('en', [5, 3, 9, 1]);
    expect(await orderNewestAcrossLanguages(en, value)).toEqual(en);
    expect(loaded).toEqual([]);
  });

  test('interleaved languages come back in date order', async () => {
    const { value } = loader();
    const merged = pagefindMerge(index('en', [100, 300]), index('zh', [200, 400]));
    // What Pagefind returns: en 300, zh 400, en 100, zh 200.
    expect(merged.map((r) => r.date)).toEqual([300, 400, 100, 200]);
    expect((await orderNewestAcrossLanguages(merged, value)).map((r) => r.date)).toEqual([400, 300, 200, 100]);
  });

  test('three languages, ties and uneven sizes', async () => {
    const { value } = loader();
    const merged = pagefindMerge(index('en', [10, 20, 30, 40, 50, 60]), index('zh', [35, 60]), index('ja', [5]));
    const ordered = await orderNewestAcrossLanguages(merged, value);
    expect(ordered.map((r) => r.date)).toEqual([60, 60, 50, 40, 35, 30, 20, 10, 5]);
    // A tie keeps the bigger language first.
    expect(resultLanguage(ordered[0]!)).toBe('en');
    expect(ordered).toHaveLength(merged.length);
  });

  test('a few results in another language load few fragments of a long list', async () => {
    const { loaded, value } = loader();
    const dates = Array.from({ length: 1000 }, (_, i) => i * 10);
    const merged = pagefindMerge(index('en', dates), index('zh', [5005, 15]));
    const ordered = await orderNewestAcrossLanguages(merged, value);
    expect(ordered.map((r) => r.date)).toEqual([...dates, 5005, 15].sort((a, b) => b - a));
    expect(new Set(loaded).size).toBeLessThan(30);
  });

  test('balanced languages are merged by loading each result once', async () => {
    const { loaded, value } = loader();
    const merged = pagefindMerge(index('en', [1, 3, 5, 7]), index('zh', [2, 4, 6, 8]));
    expect((await orderNewestAcrossLanguages(merged, value)).map((r) => r.date)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
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
