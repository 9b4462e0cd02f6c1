/**
 * The search index's shards in the browser, on Pagefind's public JS API (`pagefind.js` of the
 * built bundle), and a search over them as one stream of results.
 *
 * Each shard is a Pagefind language index (src/lib/outputs/search-index.ts). Pagefind opens the index
 * of the language it finds on `<html lang>` when an instance is created, so `#open` sets that
 * attribute to the shard's key for the moment `createInstance` runs, and puts it back.
 *
 * A search reads shards in the order the sort asks for (src/lib/client/search-shards.ts, `planShardSearch`):
 * newest first reads the newest shard first and draws its results while older shards wait
 * until the reader scrolls to them; a rare word, or a narrow filter, reads further shards, more
 * at once each round. Relevance reads every shard in range and merges by score. Shards of other
 * languages that cover the same months are merged by date (src/lib/client/search-merge.ts).
 */
import { effectiveSort, MONTH_FILTER, toPagefindFilters, toPagefindSort, DATE_SORT_META } from '@/lib/client/search-state';
import { directoryLanguages, DIRECTORY_SHARD_FILTER, groupOverlapping, planShardSearch, shardMonths, wordDirectoryKey } from '@/lib/client/search-shards';
import type { SearchState } from '@/lib/client/search-state';
import type { ShardInfo, ShardSearch } from '@/lib/client/search-shards';
import { mergeNewestFirst } from '@/lib/client/search-merge';

/** What a result's fragment holds (Pagefind 1.6). */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

type FilterCounts = Record<string, Record<string, number>>;

interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}

interface PagefindInstance {
  init(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options: { filters?: unknown; sort?: Record<string, string> }): Promise<PagefindResponse | null>;
  preload(term: string): Promise<void>;
  destroy(): Promise<void>;
}

interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl: string }): PagefindInstance;
}

export class ShardedIndex {
  #module: Promise<PagefindModule>;
  #instances = new Map<string, Promise<PagefindInstance>>();
  #directories = new Map<string, Promise<PagefindInstance>>();
  #first: Promise<PagefindInstance> | undefined;

  constructor(
    private readonly bundlePath: string,
    private readonly baseUrl: string,
    readonly shards: readonly ShardInfo[],
  ) {
    this.#module = import(/* @vite-ignore */ `${bundlePath}pagefind.js`) as Promise<PagefindModule>;
  }

  /**
   * Loads the newest shard of a language ahead of the first search (the one a newest-first
   * search reads first), so the first results after typing need only the words' index chunks.
   */
  warm(lang: string): void {
    const newest = this.shards.filter((shard) => shard.lang === lang.toLowerCase()).sort((a, b) => b.to - a.to)[0] ?? this.shards[0];
    if (newest) this.#open(newest.key).catch(() => {});
    for (const directory of directoryLanguages(this.shards)) this.#openDirectory(directory).catch(() => {});
  }

  /**
   * While the reader types, loads what the search after the last key will read, so that search
   * finds it loaded: asking the word directories (`shardsHolding`) loads their index chunks for
   * the query; then the first shard the search would read is opened if it is not yet, and its
   * chunks loaded (Pagefind's `preload`, as its own search box does on each key). Only once the
   * last word has three letters: a chunk for "m" may be one "market" never needs.
   */
  preload(state: SearchState): void {
    if ((queryWords(state.q).at(-1)?.length ?? 0) < 3) return;
    this.shardsHolding(state.q)
      .then((holding) => {
        const first = planShardSearch(
          this.shards.filter((shard) => holding.has(shard.key)),
          state,
          effectiveSort(state),
        )[0];
        return first && this.#open(first.shard.key).then((instance) => instance.preload(state.q));
      })
      .catch(() => {});
  }

  /** A language's word directory, loaded with its filter index (which says each document's shard). */
  #openDirectory(lang: string): Promise<PagefindInstance> {
    const known = this.#directories.get(lang);
    if (known) return known;
    const opened = this.#open(wordDirectoryKey(lang)).then(async (instance) => {
      await instance.filters();
      return instance;
    });
    this.#directories.set(lang, opened);
    return opened;
  }

  /**
   * The keys of the shards that can hold every word of `q`, from each language's word directory
   * (src/lib/client/search-shards.ts, `wordDirectoryKey`); a language without one (a single
   * shard) keeps all its shards.
   *
   * The directory is asked as `searchShard` asks a shard (see `#present`): every word but the
   * last exactly, the last as Pagefind would (it may be half typed). Its documents hold all the
   * words of their shard, so every shard where an article matches is kept; one where the words
   * are in different articles may be too, and `searchShard` then finds nothing there. Quotes
   * are left out: the directory holds a shard's words in no order, so it cannot look for a
   * phrase, only for its words.
   */
  async shardsHolding(q: string): Promise<Set<string>> {
    const withDirectory = directoryLanguages(this.shards);
    const holding = new Set(this.shards.filter((shard) => !withDirectory.includes(shard.lang)).map((shard) => shard.key));
    const words = queryWords(q);
    const lookups = words.map((word, i) => (i < words.length - 1 ? `"${word}"` : word));
    await Promise.all(
      withDirectory.map(async (lang) => {
        const directory = await this.#openDirectory(lang);
        const answers = await Promise.all(lookups.map(async (lookup) => (await directory.search(lookup, {}))?.filters[DIRECTORY_SHARD_FILTER]));
        const own = this.shards.filter((shard) => shard.lang === lang);
        // No counts at all is not a directory (an index left from an older build): keep them all.
        const kept = answers.some((counts) => !counts) ? own : own.filter((shard) => answers.every((counts) => (counts?.[shard.key] ?? 0) > 0));
        for (const shard of kept) holding.add(shard.key);
      }),
    );
    return holding;
  }

  /** Resolves when Pagefind's script has loaded; rejects when the bundle is missing. */
  ready(): Promise<unknown> {
    return this.#module;
  }

  /**
   * The shard's Pagefind instance, loaded. Pagefind's WebAssembly module is one per page (and
   * per worker), set up by the first instance that loads; two setting it up at once would each
   * do so, the second pulling the memory from under the first (wrong results, "unreachable").
   * So the first instance finishes loading before any other starts.
   */
  #open(key: string): Promise<PagefindInstance> {
    const known = this.#instances.get(key);
    if (known) return known;
    const first = this.#first;
    const opened = (async () => {
      const pagefind = await this.#module;
      if (first) await first.catch(() => {});
      const html = document.documentElement;
      const lang = html.getAttribute('lang');
      html.setAttribute('lang', key);
      let instance: PagefindInstance;
      try {
        instance = pagefind.createInstance({ basePath: this.bundlePath, baseUrl: this.baseUrl });
      } finally {
        if (lang === null) html.removeAttribute('lang');
        else html.setAttribute('lang', lang);
      }
      // `init` resolves before the WebAssembly is set up; a search waits for it (an empty one
      // returns as soon as the index is loaded, and fetches nothing more).
      await instance.init();
      await instance.search('', {});
      return instance;
    })();
    this.#first ??= opened;
    this.#instances.set(key, opened);
    return opened;
  }

  /**
   * Searches one shard, limited to some months when the date range cuts through it. With
   * `counts`, the response counts the results per facet value: Pagefind counts only once it has
   * loaded the shard's filter index, which costs bytes a plain search does not need.
   */
  async searchShard(search: ShardSearch, state: SearchState, counts = false): Promise<PagefindResponse> {
    const instance = await this.#open(search.shard.key);
    if (counts) await instance.filters();
    const filters: Record<string, unknown> = toPagefindFilters(state.filters);
    const months = search.months ?? (state.q ? undefined : shardMonths(search.shard));
    // Without words Pagefind lists what the filters match: every article has its month.
    if (months) filters[MONTH_FILTER] = { any: months };
    const none: PagefindResponse = { results: [], filters: {} };
    const searching = instance.search(state.q || null, { filters, sort: toPagefindSort(effectiveSort(state)) });
    if (!state.q) return (await searching) ?? none;
    // The check for the query's words runs beside the search itself (see `#present`).
    const [present, response] = await Promise.all([this.#present(instance, state.q), searching]);
    if (!response || !present.slice(0, -1).every(Boolean)) return none;
    if (!present.at(-1) && response.results.length > 0 && !(await completes(state.q, response.results[0]!))) return none;
    return response;
  }

  /**
   * Which words of the query the shard holds.
   *
   * A word not in an index makes Pagefind search for the longest prefix of it that is
   * ("acme" becomes "a" in a shard without Acme), which on one index for a whole archive is a
   * rare fallback, but with shards is the rule: most shards lack most names. An exact search
   * (`"acme"`, stemmed, no prefixes) says whether the word is there. The last word may be half
   * typed: see `completes`.
   */
  #present(instance: PagefindInstance, q: string): Promise<boolean[]> {
    return Promise.all(queryWords(q).map(async (word) => ((await instance.search(`"${word}"`, {}))?.results.length ?? 0) > 0));
  }
}

/**
 * Whether results for a query whose last word is not in the shard matched a longer word it
 * begins (a word being typed: "zorbl" for "zorblaxian"), rather than a shorter word that begins
 * it (the prefix fallback). The best result's excerpt marks what matched.
 */
async function completes(q: string, best: PagefindResult): Promise<boolean> {
  const last = queryWords(q).at(-1) ?? '';
  const marked = [...(await best.data()).excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((match) => normalizeWord(match[1] ?? ''));
  return marked.some((word) => word.startsWith(last));
}

/** A word as Pagefind compares it: lower case, without accents. */
const normalizeWord = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** The words of a query, as Pagefind would look them up. */
const queryWords = (q: string) => normalizeWord(q).match(/[\p{L}\p{N}]+/gu) ?? [];

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
      const responses = await Promise.all(this.#groups.flat().map((search) => this.index.searchShard(search, this.state, true)));
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
      if (sort === 'relevance') results = responses.flatMap((response) => response.results).sort((a, b) => b.score - a.score);
      else {
        const sortValue = async (result: PagefindResult) => (await result.data()).meta[DATE_SORT_META] ?? '';
        // Each shard's list is in the sort's order; the merge wants newest first.
        const lists = responses.map((response) => (sort === 'oldest' ? [...response.results].reverse() : response.results));
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
