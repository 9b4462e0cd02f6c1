/**
 * Builds the Pagefind search index during `astro build`, into `<outDir>/pagefind/`, and serves
 * the last built index during `astro dev`.
 *
 * The index is fed from memory, not from the built pages: when the build starts this
 * integration opens a receiver (src/lib/outputs/build-handoff.ts); the pages send one small document per
 * article as soon as they have the archive model (src/lib/outputs/search-index.ts says what it holds);
 * Pagefind, a process of its own, indexes them on the other core while Astro writes the pages.
 * Pagefind never reads the 3,000 pages it would not index, nor the navigation and footers of
 * the ones it does.
 *
 * The index is built in date shards (src/lib/outputs/search-index.ts, `planShards`), one Pagefind run
 * each, one after another, so memory stays bounded by a shard whatever the archive's size. A
 * shard whose documents are the same as in the last build is not indexed again: its files are
 * kept in Astro's cache folder. An edit to one article re-indexes one shard.
 *
 * After the shards, each language of more than one shard gets its word directory
 * (src/lib/client/search-shards.ts, `wordDirectoryKey`): a Pagefind index of one document per
 * shard holding the shard's words, which tells the search page which shards to read. Each shard
 * keeps its words (`words.txt`) beside its index in the cache, so the directory is made again
 * from them, reading no article, whenever a shard changed.
 *
 * The bundles of the shards and directories are then put together into one: their files (meta,
 * index chunks, fragments, filters) are named by content hash, so they sit side by side; the
 * entry file lists each as a language index; those of one language share its WebAssembly file
 * (Pagefind writes the same bytes for `en`, `en-x-…` and `en-x-words`), so a browser fetches it
 * once. This reads two things of the
 * bundle format Pagefind does not document: `pagefind-entry.json` and the `wasm.<lang>` file
 * names. `pagefind` is pinned to an exact version, and tests/e2e/search.spec.ts searches
 * across shards.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import sirv from 'sirv';
import { openReceiver } from '../lib/outputs/build-handoff.ts';
import { documentContent, documentsDigest, wordDirectoryDocument, type SearchDocument } from '../lib/outputs/search-index.ts';
import { directoryLanguages, wordDirectoryKey } from '../lib/client/search-shards.ts';

export interface PagefindIntegrationOptions {
  /**
   * Elements whose text must not be indexed although they sit inside an article body: the
   * heading permalinks' "Link to section: …" text would otherwise match "section" everywhere.
   */
  excludeSelectors?: string[];
}

const BUNDLE_DIR = 'pagefind';
const ENTRY_FILE = 'pagefind-entry.json';
/** Pagefind's own search interfaces: the search page has its own (src/scripts/search-page.ts). */
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/** The part of `pagefind-entry.json` used here. */
interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
  [key: string]: unknown;
}

const readEntry = (bundle: string) => JSON.parse(readFileSync(path.join(bundle, ENTRY_FILE), 'utf8')) as PagefindEntry;
/** The language a shard is stemmed as: `en` for `en` and `en-x-201803`. */
const languageOf = (shard: string) => shard.split('-x-')[0];

/** Every file below `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** The words of a shard, one a line, kept beside its index for the word directory. */
const WORDS_FILE = 'words.txt';
const DIGEST_FILE = 'digest';

/** The index of one build: documents in, shards indexed as needed, one bundle out. */
class IndexSession {
  /** Each shard's size, and whether the last build's index of it was kept. */
  #shards = new Map<string, { count: number; reused: boolean }>();
  /** Each language's word directory, when it has one, and whether it was kept. */
  #directories = new Map<string, { reused: boolean }>();
  #indexing: Promise<void> = Promise.resolve();
  #received = false;
  readonly #started = performance.now();

  constructor(
    private readonly cacheDir: string,
    private readonly options: PagefindIntegrationOptions,
    private readonly logger: AstroIntegrationLogger,
  ) {}

  #shardDir(shard: string): string {
    return path.join(this.cacheDir, 'shards', shard);
  }

  #directoryDir(lang: string): string {
    return path.join(this.cacheDir, 'directories', lang);
  }

  /** Whether `dir` holds the index of exactly these documents (and, when asked, their words). */
  #upToDate(dir: string, digest: string, files: string[] = []): boolean {
    const digestFile = path.join(dir, DIGEST_FILE);
    return existsSync(digestFile) && readFileSync(digestFile, 'utf8').trim() === digest && files.every((file) => existsSync(path.join(dir, file)));
  }

  /** Takes the documents and starts indexing the shards whose documents changed. */
  add(documents: readonly SearchDocument[]): void {
    if (this.#received) throw new Error('search index: the documents were sent twice');
    this.#received = true;
    const byShard = new Map<string, SearchDocument[]>();
    for (const document of documents) {
      if (!byShard.has(document.shard)) byShard.set(document.shard, []);
      byShard.get(document.shard)!.push(document);
    }
    const digests = new Map<string, string>();
    for (const [shard, docs] of [...byShard].sort(([a], [b]) => a.localeCompare(b))) {
      const digest = documentsDigest(docs);
      digests.set(shard, digest);
      const reused = this.#upToDate(this.#shardDir(shard), digest, [WORDS_FILE]);
      this.#shards.set(shard, { count: docs.length, reused });
      // One Pagefind run at a time: memory is bounded by a shard.
      if (!reused) this.#indexing = this.#indexing.then(() => this.#indexShard(shard, docs, digest));
    }
    // Then each language's word directory, from the words its shards kept.
    const shards = [...byShard.keys()].map((key) => ({ key, lang: languageOf(key) }));
    for (const lang of directoryLanguages(shards)) {
      const own = shards.filter((shard) => shard.lang === lang);
      const digest = createHash('sha256')
        .update(own.map(({ key }) => `${key}\0${digests.get(key)}`).join('\n'))
        .digest('hex');
      const reused = this.#upToDate(this.#directoryDir(lang), digest);
      this.#directories.set(lang, { reused });
      if (!reused) this.#indexing = this.#indexing.then(() => this.#indexDirectory(own, digest));
    }
    const changed = [...this.#shards.values(), ...this.#directories.values()].filter((index) => !index.reused).length;
    this.logger.info(
      changed
        ? `search index: indexing ${changed} of ${this.#shards.size + this.#directories.size} index(es) while the pages are written`
        : 'search index: no indexed text changed',
    );
    // Errors are reported when the build is done; keep Node from calling them unhandled now.
    this.#indexing.catch(() => {});
  }

  async #indexShard(shard: string, documents: readonly SearchDocument[], digest: string): Promise<void> {
    const words = new Set<string>();
    await this.#writeIndex(
      this.#shardDir(shard),
      digest,
      // Each body is read now, and let go once Pagefind has it.
      documents.map((document) => async () => ({ url: document.url, content: await documentContent(document, words) })),
      // Sorted: the set fills in the order the bodies were read, which varies from run to run.
      (partial) => writeFileSync(path.join(partial, WORDS_FILE), [...words].sort().join('\n')),
    );
  }

  async #indexDirectory(shards: readonly { key: string; lang: string }[], digest: string): Promise<void> {
    await this.#writeIndex(
      this.#directoryDir(shards[0]!.lang),
      digest,
      shards.map((shard) => async () => {
        const words = readFileSync(path.join(this.#shardDir(shard.key), WORDS_FILE), 'utf8').split('\n');
        return wordDirectoryDocument(shard, words);
      }),
    );
  }

  /**
   * One Pagefind run: indexes the documents into `dir` (through `<dir>.partial`, so a run cut
   * short leaves no half index), writes what `finish` adds, then the digest, last, so an index
   * half written is never reused.
   */
  async #writeIndex(
    dir: string,
    digest: string,
    documents: readonly (() => Promise<{ url: string; content: string }>)[],
    finish?: (partial: string) => void,
  ): Promise<void> {
    const partial = `${dir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    try {
      const { index, errors } = await pagefind.createIndex({ excludeSelectors: this.options.excludeSelectors });
      if (!index || errors.length) throw new Error(`Pagefind could not start:\n  ${errors.join('\n  ')}`);
      const failures: string[] = [];
      // The bodies are read all at once, but handed to Pagefind in the documents' order, each
      // without waiting for the one before (the Node API queues them for Pagefind's process):
      // Pagefind numbers pages in the order it receives them, so another order would give the
      // same index in other bytes, and a rebuild would not be the clean build's byte for byte.
      const added: Promise<void>[] = [];
      for (const reading of documents.map((document) => document())) {
        const { url, content } = await reading;
        added.push(
          index.addHTMLFile({ url, content }).then((result) => {
            if (result.errors.length) failures.push(`${url}: ${result.errors.join('; ')}`);
          }),
        );
      }
      await Promise.all(added);
      if (failures.length) throw new Error(`Pagefind could not index:\n  ${failures.join('\n  ')}`);
      const written = await index.writeFiles({ outputPath: partial });
      if (written.errors.length) throw new Error(`Pagefind could not write the index:\n  ${written.errors.join('\n  ')}`);
      finish?.(partial);
    } finally {
      // Ends Pagefind's process, and with it the memory this index took.
      await pagefind.close();
    }
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    writeFileSync(path.join(dir, DIGEST_FILE), `${digest}\n`);
  }

  /** Puts the shards together into `<siteDir>/pagefind/`. */
  async finish(siteDir: string, logger: AstroIntegrationLogger): Promise<void> {
    if (!this.#received) throw new Error('search index: the pages sent no documents');
    await this.#indexing;
    const outputPath = path.join(siteDir, BUNDLE_DIR);
    const wanted = new Map<string, string>(); // file in the bundle → where it comes from
    const entry: PagefindEntry = { version: '', languages: {} };
    // Every shard and word directory is a Pagefind language index of its own.
    const indexes = [
      ...[...this.#shards.keys()].map((key) => ({ key, dir: this.#shardDir(key) })),
      ...[...this.#directories.keys()].map((lang) => ({ key: wordDirectoryKey(lang), dir: this.#directoryDir(lang) })),
    ];
    for (const { key, dir } of indexes) {
      const indexEntry = readEntry(dir);
      const language = languageOf(key);
      const own = indexEntry.languages[key];
      if (!own) throw new Error(`search index: Pagefind wrote no "${key}" index in ${dir}/${ENTRY_FILE}`);
      Object.assign(entry, { ...indexEntry, languages: entry.languages });
      // A language Pagefind has no stemmer for keeps its shared `unknown` WebAssembly.
      entry.languages[key] = { ...own, wasm: own.wasm === key ? language : own.wasm };
      for (const file of filesUnder(dir)) {
        if (file === DIGEST_FILE || file === WORDS_FILE || file === ENTRY_FILE || UNUSED_FILES.test(file)) continue;
        const wasm = /^wasm\.(.+)\.pagefind$/.exec(file);
        // The index's copy of its language's WebAssembly becomes the language's one file.
        if (wasm && wasm[1] === key) wanted.set(`wasm.${language}.pagefind`, path.join(dir, file));
        else if (!wasm || !wanted.has(file)) wanted.set(file, path.join(dir, file));
      }
    }
    // Index files are named by content hash: one already there is already right.
    mkdirSync(outputPath, { recursive: true });
    const present = new Set(filesUnder(outputPath));
    for (const [file, source] of wanted) {
      const immutable = file.includes(path.sep) || file.endsWith('.pf_meta');
      if (immutable && present.has(file)) continue;
      mkdirSync(path.dirname(path.join(outputPath, file)), { recursive: true });
      cpSync(source, path.join(outputPath, file));
    }
    for (const file of present) if (!wanted.has(file) && file !== ENTRY_FILE) rmSync(path.join(outputPath, file));
    writeFileSync(path.join(outputPath, ENTRY_FILE), JSON.stringify(entry));

    const shards = [...this.#shards];
    const indexed = [
      ...shards.filter(([, s]) => !s.reused).map(([k, s]) => `${k} (${s.count})`),
      ...[...this.#directories].filter(([, d]) => !d.reused).map(([lang]) => `the ${lang} word directory`),
    ];
    const articles = shards.reduce((sum, [, s]) => sum + s.count, 0);
    const shown = path.relative(process.cwd(), outputPath) || outputPath;
    logger.info(
      `search index: ${articles} article(s) in ${shards.length} shard(s); indexed ${indexed.length ? indexed.join(', ') : 'none (no indexed text changed)'} in ${Math.round(performance.now() - this.#started)} ms → ${shown}/`,
    );
    if (articles === 0) logger.warn('no article was indexed: search will find nothing');
  }
}

export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  let outDir = '';
  let base = '/';
  let cacheDir = '';
  let session: IndexSession | undefined;
  return {
    name: 'newsroom-archive:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheDir = fileURLToPath(config.cacheDir);
      },

      'astro:build:start': ({ logger }) => {
        session = new IndexSession(path.join(cacheDir, 'search-index'), options, logger);
        openReceiver('searchIndex', session);
      },

      // `astro dev` renders pages on demand and builds no index. Serve the one the last
      // `npm run build` left in the output folder, so search works (on that content) in dev;
      // without one, the search page says that search needs a build.
      'astro:server:setup': ({ server, logger }) => {
        const bundle = path.join(outDir, BUNDLE_DIR);
        const prefix = `${base}${BUNDLE_DIR}/`;
        const serve = sirv(bundle, { dev: true, etag: true });
        server.middlewares.use((req, res, next) => {
          const url = req.url ?? '';
          if (!url.startsWith(prefix) || !existsSync(bundle)) return next();
          req.url = url.slice(prefix.length - 1);
          serve(req, res, () => {
            req.url = url;
            next();
          });
        });
        if (existsSync(bundle)) logger.info(`search uses the index of the last build: ${path.relative(process.cwd(), bundle)}/`);
        else logger.info('no search index yet: run `npm run build` to make search work in dev');
      },

      'astro:build:done': async ({ dir, logger }) => {
        openReceiver('searchIndex', undefined);
        await session!.finish(fileURLToPath(dir), logger);
      },
    },
  };
}
