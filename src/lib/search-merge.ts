/**
 * Newest-first order across Pagefind's language indexes.
 *
 * Pagefind searches each language index separately and, when several are merged, concatenates
 * their results and orders them by score. With a sort option each index returns its results in
 * sort order but scores them by rank within that index (1 … 0), so the merged list interleaves
 * the languages by rank instead of by date. This puts them back in date order.
 *
 * Each index's own list is already newest first, so this is a merge of sorted lists. A result's
 * date lives in its fragment (one small request each), so the merge loads as few as it can: the
 * smaller list's results are placed into the larger one by binary search, which loads about
 * m·log2(n) fragments for m results in the minority language; when that would be more than
 * loading everything, it loads everything. Fragments stay cached, so the results shown later
 * cost nothing extra.
 */

export interface LanguageTaggedResult {
  /** Pagefind's page id, `<language>_<hash>` (e.g. `zh_1ac7fdc`). */
  id: string;
}

/** The language index a Pagefind result came from. */
export function resultLanguage(result: LanguageTaggedResult): string {
  const cut = result.id.lastIndexOf('_');
  return cut > 0 ? result.id.slice(0, cut) : '';
}

/**
 * Reorders merged results newest first, given each result's sort value (larger = newer).
 * Results of one language keep their relative order; ties keep the larger language first.
 */
export async function orderNewestAcrossLanguages<R extends LanguageTaggedResult>(
  results: readonly R[],
  sortValue: (result: R) => Promise<string>,
): Promise<R[]> {
  const groups = new Map<string, R[]>();
  for (const result of results) {
    const language = resultLanguage(result);
    const group = groups.get(language);
    if (group) group.push(result);
    else groups.set(language, [result]);
  }
  if (groups.size <= 1) return [...results];

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
  const [first, ...rest] = [...groups.values()].sort((a, b) => b.length - a.length);
  let merged = first!;
  for (const group of rest) merged = await mergeTwo(merged, group, valueOf);
  return merged;
}

/** Merges two newest-first lists; `small` is placed into `big` (ties: `big` first). */
async function mergeTwo<R>(big: R[], small: R[], valueOf: (result: R) => Promise<string>): Promise<R[]> {
  const compare = (a: string, b: string) => compareSortValues(a, b);

  if (small.length * Math.ceil(Math.log2(big.length + 1)) >= big.length) {
    // Binary search would load about as much as a linear merge: load both lists in parallel.
    const [bigValues, smallValues] = await Promise.all([Promise.all(big.map(valueOf)), Promise.all(small.map(valueOf))]);
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
