/**
 * The search index's shards in the browser: each shard a Pagefind language index
 * (pagefind-instance.ts opens them), the word directories that say which shards can hold a
 * query's words, and one shard searched at a time. result-stream.ts reads them in order.
 */
import {
  DIRECTORY_SHARD_FILTER,
  directoryLanguages,
  shardMonths,
  wordDirectoryKey,
  type ShardInfo,
} from '../contract/shards.ts';
import { MONTH_FILTER } from '../contract/fields.ts';
import { effectiveSort, toPagefindFilters, toPagefindSort, type SearchState } from '../contract/url-state.ts';
import { wordsOf } from '../contract/words.ts';
import { matchedWords } from './excerpt.ts';
import {
  instanceOpener,
  loadPagefind,
  type InstanceOpener,
  type PagefindInstance,
  type PagefindModule,
  type PagefindResponse,
  type PagefindResult,
} from './pagefind-instance.ts';
import { planShardSearch, type ShardSearch } from './shard-reading.ts';

export class ShardedIndex {
  #module: Promise<PagefindModule>;
  #opener: InstanceOpener;
  #directories = new Map<string, Promise<PagefindInstance>>();

  constructor(
    bundlePath: string,
    baseUrl: string,
    readonly shards: readonly ShardInfo[],
    /** How Pagefind is loaded: its script in the bundle, or a fake in unit tests. */
    module: Promise<PagefindModule> = loadPagefind(bundlePath),
    root: HTMLElement = document.documentElement,
  ) {
    this.#module = module;
    this.#opener = instanceOpener(module, bundlePath, baseUrl, root);
  }

  /**
   * Loads the newest shard of a language ahead of the first search (the one a newest-first
   * search reads first), so the first results after typing need only the words' index chunks.
   */
  warm(lang: string): void {
    const newest =
      this.shards.filter((shard) => shard.lang === lang.toLowerCase()).sort((a, b) => b.to - a.to)[0] ?? this.shards[0];
    if (newest) this.#open(newest.key).catch(() => {});
    for (const directory of directoryLanguages(this.shards)) this.#openDirectory(directory).catch(() => {});
  }

  /**
   * While the reader types, loads what the search after the last key will read, so that search
   * finds it loaded: asking the word directories (`shardsHolding`) loads their index chunks for
   * the query; then the first shard of each language the search would read is opened if it is
   * not yet, and its chunks loaded (Pagefind's `preload`, as its own search box does on each
   * key). Each language's: the shard that comes first overall may be one of a language that
   * does not have the word (a one-shard language has no directory to say so). Only once the last
   * word has three letters: a chunk for "m" may be one "market" never needs.
   */
  preload(state: SearchState): void {
    if ((wordsOf(state.q).at(-1)?.length ?? 0) < 3) return;
    this.shardsHolding(state.q)
      .then((holding) => {
        const plan = planShardSearch(
          this.shards.filter((shard) => holding.has(shard.key)),
          state,
          effectiveSort(state),
        );
        const firstOfEach = new Map<string, string>();
        for (const { shard } of plan) if (!firstOfEach.has(shard.lang)) firstOfEach.set(shard.lang, shard.key);
        return Promise.all(
          [...firstOfEach.values()].map((key) => this.#open(key).then((instance) => instance.preload(state.q))),
        );
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
   * (../contract/shards.ts, `wordDirectoryKey`); a language without one (a single
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
    const holding = new Set(
      this.shards.filter((shard) => !withDirectory.includes(shard.lang)).map((shard) => shard.key),
    );
    const words = wordsOf(q);
    const lookups = words.map((word, i) => (i < words.length - 1 ? `"${word}"` : word));
    await Promise.all(
      withDirectory.map(async (lang) => {
        const directory = await this.#openDirectory(lang);
        const answers = await Promise.all(
          lookups.map(async (lookup) => (await directory.search(lookup, {}))?.filters[DIRECTORY_SHARD_FILTER]),
        );
        const own = this.shards.filter((shard) => shard.lang === lang);
        // No counts at all is not a directory (an index left from an older build): keep them all.
        const kept = answers.some((counts) => !counts)
          ? own
          : own.filter((shard) => answers.every((counts) => (counts?.[shard.key] ?? 0) > 0));
        for (const shard of kept) holding.add(shard.key);
      }),
    );
    return holding;
  }

  /** Resolves when Pagefind's script has loaded; rejects when the bundle is missing. */
  ready(): Promise<unknown> {
    return this.#module;
  }

  #open(key: string): Promise<PagefindInstance> {
    return this.#opener.open(key);
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
    if (!present.at(-1) && response.results.length > 0 && !(await completes(state.q, response.results[0]!)))
      return none;
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
    return Promise.all(
      wordsOf(q).map(async (word) => ((await instance.search(`"${word}"`, {}))?.results.length ?? 0) > 0),
    );
  }
}

/**
 * Whether results for a query whose last word is not in the shard matched a longer word it
 * begins (a word being typed: "zorbl" for "zorblaxian"), rather than a shorter word that begins
 * it (the prefix fallback). The best result's data says which words matched.
 */
async function completes(q: string, best: PagefindResult): Promise<boolean> {
  const last = wordsOf(q).at(-1) ?? '';
  return matchedWords(await best.data()).some((word) => word.startsWith(last));
}
