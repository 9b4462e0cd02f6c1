/**
 * Pagefind's JS API as the search page uses it (`pagefind.js` of the built bundle), and the one
 * place that leans on a detail of it Pagefind does not document for this use: opening one
 * language index of a bundle by choice.
 *
 * Each shard of the index is a language index of the one bundle (../build/pagefind-bundle.ts
 * says why). `createInstance` opens the language it reads from `<html lang>` at that moment, so
 * `openInstance` sets the attribute to the shard's key while the instance is created and puts it
 * back. Pagefind's WebAssembly module is one per page (and per worker), set up by the first
 * instance that loads; two setting it up at once would each do so, the second pulling the memory
 * from under the first (wrong results, "unreachable"). So the first instance finishes loading
 * before any other starts. Pinned with Pagefind (package.json); tests/e2e/search.spec.ts
 * searches across shards in Chromium.
 */

/** What a result's data holds (Pagefind 1.6, documented in its JS API). */
export interface ResultData {
  url: string;
  /** The indexed text, HTML-escaped, segmented text joined up again. */
  content: string;
  /**
   * The indexed text as written, its segmented words (Chinese, Japanese…) apart by zero-width
   * spaces: the words `locations` count.
   */
  raw_content?: string;
  excerpt: string;
  /** Positions of the words that matched. */
  locations: number[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}

export interface PagefindInstance {
  init(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(
    term: string | null,
    options: { filters?: unknown; sort?: Record<string, string> },
  ): Promise<PagefindResponse | null>;
  preload(term: string): Promise<void>;
  destroy(): Promise<void>;
}

export interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl: string }): PagefindInstance;
}

/** Loads Pagefind's script from the bundle; rejects when the bundle is missing. */
export function loadPagefind(bundlePath: string): Promise<PagefindModule> {
  return import(/* @vite-ignore */ `${bundlePath}pagefind.js`) as Promise<PagefindModule>;
}

export interface InstanceOpener {
  /** The instance of one language index of the bundle (a shard's key), loaded. */
  open(key: string): Promise<PagefindInstance>;
}

/** Opens language indexes of one bundle, each once, the first before any other. */
export function instanceOpener(
  module: Promise<PagefindModule>,
  bundlePath: string,
  baseUrl: string,
  root: HTMLElement,
): InstanceOpener {
  const instances = new Map<string, Promise<PagefindInstance>>();
  let first: Promise<PagefindInstance> | undefined;
  return {
    open(key) {
      const known = instances.get(key);
      if (known) return known;
      const before = first;
      const opened = (async () => {
        const pagefind = await module;
        if (before) await before.catch(() => {});
        const lang = root.getAttribute('lang');
        root.setAttribute('lang', key);
        let instance: PagefindInstance;
        try {
          instance = pagefind.createInstance({ basePath: bundlePath, baseUrl });
        } finally {
          if (lang === null) root.removeAttribute('lang');
          else root.setAttribute('lang', lang);
        }
        // `init` resolves before the WebAssembly is set up; a search waits for it (an empty one
        // returns as soon as the index is loaded, and fetches nothing more).
        await instance.init();
        await instance.search('', {});
        return instance;
      })();
      first ??= opened;
      instances.set(key, opened);
      return opened;
    },
  };
}
