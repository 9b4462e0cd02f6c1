/**
 * "Related" articles: the ones sharing the most companies and topics with an article, newest
 * first among equals.
 *
 * Candidates come only from the article's own terms. In a large archive a term can hold
 * thousands of articles, so the work is kept to what can change the answer: an article that
 * shares two or more terms appears in at least two lists, so in some list other than the
 * longest; those are counted exactly (with typed arrays over article positions, since this runs
 * for every article of the archive). The rest share one term, and the newest of them are simply
 * the heads of the lists.
 */

/** Articles are numbered by position, newest first; a term's list holds positions in order. */
export class RelatedIndex {
  readonly #lists: Map<string, readonly number[]>;
  readonly #bitsets = new Map<string, Uint32Array>();
  /** Shared scratch space: how many of an article's terms each candidate shares. */
  readonly #counts: Uint16Array;
  readonly #size: number;

  /** `lists`: every term's article positions in ascending order, by a key of the caller's choosing. */
  constructor(size: number, lists: Map<string, readonly number[]>) {
    this.#size = size;
    this.#lists = lists;
    this.#counts = new Uint16Array(size);
  }

  #bitset(key: string): Uint32Array {
    let bits = this.#bitsets.get(key);
    if (!bits) {
      bits = new Uint32Array(Math.ceil(this.#size / 32));
      for (const position of this.#lists.get(key) ?? []) bits[position >>> 5] |= 1 << (position & 31);
      this.#bitsets.set(key, bits);
    }
    return bits;
  }

  /** Positions of up to `limit` articles related to the one at `self` with these terms. */
  related(self: number, termKeys: readonly string[], limit = 5): number[] {
    const keys = [...new Set(termKeys)].filter((key) => this.#lists.has(key));
    if (keys.length === 0) return [];
    const lists = keys.map((key) => this.#lists.get(key)!);
    let longest = 0;
    for (let i = 1; i < lists.length; i++) if (lists[i].length > lists[longest].length) longest = i;

    const counts = this.#counts;
    const touched: number[] = [];
    for (let i = 0; i < lists.length; i++) {
      if (i === longest) continue;
      for (const position of lists[i]) {
        if (position === self) continue;
        if (counts[position]++ === 0) touched.push(position);
      }
    }
    const longestBits = this.#bitset(keys[longest]);
    const shared: number[] = [];
    for (const position of touched) {
      if (longestBits[position >>> 5] & (1 << (position & 31))) counts[position]++;
      if (counts[position] >= 2) shared.push(position);
    }
    shared.sort((a, b) => counts[b] - counts[a] || a - b);
    const best = shared.slice(0, limit);
    const taken = new Set(best);
    const isShared = (position: number) => counts[position] >= 2;

    // Fill up with articles sharing one term: the newest across the lists' heads.
    const heads = lists.map(() => 0);
    while (best.length < limit) {
      let pick = -1;
      for (let i = 0; i < lists.length; i++) {
        const list = lists[i];
        while (
          heads[i] < list.length &&
          (list[heads[i]] === self || taken.has(list[heads[i]]) || isShared(list[heads[i]]))
        )
          heads[i]++;
        if (heads[i] < list.length && (pick < 0 || list[heads[i]] < lists[pick][heads[pick]])) pick = i;
      }
      if (pick < 0) break;
      const next = lists[pick][heads[pick]];
      taken.add(next);
      best.push(next);
    }
    // Leave the scratch space empty for the next article.
    for (const position of touched) counts[position] = 0;
    return best;
  }
}
