/**
 * Newest-first order across shards of the search index that cover the same months (shards of
 * different languages; shard-reading.ts, `groupOverlapping`).
 *
 * Each shard returns its results in date order, but Pagefind scores them by rank within that
 * shard, so the lists must be merged by date. A result's date lives in its fragment (one small
 * request each), so the merge loads as few as it can: the smaller list's results are placed
 * into the larger one by binary search, which loads about m·log2(n) fragments for m results in
 * the smaller list; when that would be more than loading everything, it loads everything.
 * Fragments stay cached, so the results shown later cost nothing extra.
 *
 * Pure: the search page's script bundles it.
 */

/**
 * Merges lists that are each newest first into one, given each result's sort value (larger =
 * newer). Each list keeps its relative order; ties keep the larger list's result first.
 */
export async function mergeNewestFirst<R>(
  lists: readonly (readonly R[])[],
  sortValue: (result: R) => Promise<string>,
): Promise<R[]> {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) return [...(nonEmpty[0] ?? [])];

  const cache = new Map<R, Promise<string>>();
  const valueOf = (result: R) => {
    let value = cache.get(result);
    if (!value) {
      value = sortValue(result);
      cache.set(result, value);
    }
    return value;
  };

  // Largest first, so each merge places the smaller list into the bigger one.
  const [first, ...rest] = [...nonEmpty].sort((a, b) => b.length - a.length);
  let merged = [...first!];
  for (const list of rest) merged = await mergeTwo(merged, [...list], valueOf);
  return merged;
}

/** Merges two newest-first lists; `small` is placed into `big` (ties: `big` first). */
async function mergeTwo<R>(big: R[], small: R[], valueOf: (result: R) => Promise<string>): Promise<R[]> {
  const compare = (a: string, b: string) => compareSortValues(a, b);

  if (small.length * Math.ceil(Math.log2(big.length + 1)) >= big.length) {
    // Binary search would load about as much as a linear merge: load both lists in parallel.
    const [bigValues, smallValues] = await Promise.all([
      Promise.all(big.map(valueOf)),
      Promise.all(small.map(valueOf)),
    ]);
    const out: R[] = [];
    let i = 0;
    let j = 0;
    while (i < big.length || j < small.length) {
      if (j >= small.length || (i < big.length && compare(bigValues[i]!, smallValues[j]!) >= 0)) out.push(big[i++]!);
      else out.push(small[j++]!);
    }
    return out;
  }

  const smallValues = await Promise.all(small.map(valueOf));
  const out: R[] = [];
  let from = 0;
  for (let j = 0; j < small.length; j++) {
    // First position in big[from…] holding something older than small[j].
    let lo = from;
    let hi = big.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(await valueOf(big[mid]!), smallValues[j]!) >= 0) lo = mid + 1;
      else hi = mid;
    }
    out.push(...big.slice(from, lo), small[j]!);
    from = lo;
  }
  out.push(...big.slice(from));
  return out;
}

/** Sort values are numeric strings when they look like numbers (as ours do), else text. */
export function compareSortValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
