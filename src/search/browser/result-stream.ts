/**
 * One search as one stream of results, read shard by shard as they are asked for.
 *
 * A search reads shards in the order the sort asks for (shard-reading.ts, `planShardSearch`):
 * newest first reads the newest shard first and draws its results while older shards wait
 * until the reader scrolls to them; a rare word, or a narrow filter, reads further shards, more
 * at once each round. Relevance reads every shard in range and merges by score. Shards of other
 * languages that cover the same months are merged by date (merge.ts).
 */
import type { ShardInfo } from '../contract/shards.ts';
import { DATE_SORT_META } from '../contract/fields.ts';
import { effectiveSort, type SearchState } from '../contract/url-state.ts';
import { mergeNewestFirst } from './merge.ts';
import type { FilterCounts, PagefindResult } from './pagefind-instance.ts';
import type { ShardedIndex } from './sharded-index.ts';
import { groupOverlapping, planShardSearch, type ShardSearch } from './shard-reading.ts';

/** How many shard groups a round reads, as a search walks further: 1, 2, 4… */
const roundSize = (round: number) => Math.min(8, 2 ** round);

export interface SearchCounts {
  /** Results in every shard in range. */
  total: number;
  /** Results per facet value. */
  facets: FilterCounts;
}

/**
 * One search's results in order, read shard by shard as they are asked for; and, when asked,
 * its counts over every shard in range.
 */
export class ResultStream {
  readonly results: PagefindResult[] = [];
  #groups: ShardSearch[][] = [];
  /** Resolves once the shards to read are known (`#plan`). */
  #planned: Promise<void>;
  #planDone = false;
  #counting: Promise<SearchCounts> | undefined;
  #next = 0;
  #round = 0;
  #reading: Promise<void> | undefined;

  constructor(
    private readonly index: ShardedIndex,
    private readonly state: SearchState,
  ) {
    this.#planned = this.#plan();
  }

  /**
   * The shards to read, in order: those in range, and with words to search for, only those the
   * word directories say can hold them.
   */
  async #plan(): Promise<void> {
    const sort = effectiveSort(this.state);
    const holding = this.state.q ? await this.index.shardsHolding(this.state.q) : undefined;
    const shards = holding ? this.index.shards.filter((shard) => holding.has(shard.key)) : this.index.shards;
    const plan = planShardSearch(shards, this.state, sort);
    // Relevance ranks across the whole range at once; dates read group by group.
    this.#groups = sort === 'relevance' ? (plan.length ? [plan] : []) : groupOverlapping(plan);
    this.#planDone = true;
  }

  /** Whether every shard to read has been read. */
  get done(): boolean {
    return this.#planDone && this.#next >= this.#groups.length;
  }

  /** The shards read so far. */
  get searched(): ShardInfo[] {
    return this.#groups.slice(0, this.#next).flatMap((group) => group.map((search) => search.shard));
  }

  /**
   * Reads shards until at least `count` results are known, or none are left. It returns as soon
   * as a group's results are appended and are enough, though the rest of its round is still being
   * read: a rare word's first results are not held back by an older shard read beside them.
   */
  async fill(count: number): Promise<void> {
    await this.#planned;
    while (this.results.length < count && !this.done) {
      await Promise.race([this.#readRound(), new Promise<void>((wake) => this.#waiting.push(wake))]);
    }
  }

  /** Those waiting for the next group's results to be appended. */
  #waiting: (() => void)[] = [];

  #wake(): void {
    for (const wake of this.#waiting.splice(0)) wake();
  }

  /** The number of results and of results per facet value, in every shard in range. */
  count(): Promise<SearchCounts> {
    this.#counting ??= this.#planned.then(async () => {
      const responses = await Promise.all(
        this.#groups.flat().map((search) => this.index.searchShard(search, this.state, true)),
      );
      const counts: SearchCounts = { total: 0, facets: {} };
      for (const response of responses) {
        counts.total += response.results.length;
        addCounts(counts.facets, response.filters);
      }
      return counts;
    });
    return this.#counting;
  }

  #readRound(size = roundSize(this.#round)): Promise<void> {
    // One round at a time: results must be appended in order.
    this.#reading ??= this.#read(size).finally(() => {
      this.#reading = undefined;
    });
    return this.#reading;
  }

  async #read(size: number): Promise<void> {
    const groups = this.#groups.slice(this.#next, this.#next + size);
    const sort = effectiveSort(this.state);
    const read = groups.map(async (group) => {
      const responses = await Promise.all(group.map((search) => this.index.searchShard(search, this.state)));
      let results: PagefindResult[];
      if (sort === 'relevance')
        results = responses.flatMap((response) => response.results).sort((a, b) => b.score - a.score);
      else {
        const sortValue = async (result: PagefindResult) => (await result.data()).meta[DATE_SORT_META] ?? '';
        // Each shard's list is in the sort's order; the merge wants newest first.
        const lists = responses.map((response) =>
          sort === 'oldest' ? [...response.results].reverse() : response.results,
        );
        const merged = await mergeNewestFirst(lists, sortValue);
        results = sort === 'oldest' ? merged.reverse() : merged;
      }
      return results;
    });
    // Read side by side, appended in order, each as soon as it and every group before it are read.
    for (const group of read) {
      this.results.push(...(await group));
      this.#next += 1;
      this.#wake();
    }
    this.#round += 1;
    this.#wake();
  }
}

function addCounts(into: FilterCounts, from: FilterCounts | undefined): void {
  for (const [facet, values] of Object.entries(from ?? {})) {
    const counts = (into[facet] ??= {});
    for (const [value, count] of Object.entries(values)) counts[value] = (counts[value] ?? 0) + count;
  }
}
