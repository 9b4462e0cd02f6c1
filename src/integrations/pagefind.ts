/**
 * Builds the Pagefind search index during `astro build`, into `<outDir>/pagefind/`, and serves
 * the last built index during `astro dev`.
 *
 * The index is fed from memory, not from the built pages: when the build starts this
 * integration opens a sink (src/lib/build-handoff.ts); the pages send one small document per
 * article as soon as they have the archive model (src/lib/search-index.ts says what it holds);
 * Pagefind, a process of its own, indexes them on the other core while Astro writes the pages.
 * When the build is done the index is written. Pagefind never reads the 3,000 pages it would
 * not index, nor the navigation and footers of the ones it does.
 *
 * Pagefind cannot update an index. So the documents are hashed: when they are the same as the
 * last build's (no article's indexed text, date, names or URL changed), the index kept in
 * Astro's cache folder is copied instead of built again.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import sirv from 'sirv';
import { openSearchIndex } from '../lib/build-handoff.ts';
import { documentsDigest, type SearchDocument } from '../lib/search-index.ts';

export interface PagefindIntegrationOptions {
  /**
   * Elements whose text must not be indexed although they sit inside an article body: the
   * heading permalinks' "Link to section: …" text would otherwise match "section" everywhere.
   */
  excludeSelectors?: string[];
}

const BUNDLE_DIR = 'pagefind';

/** The part of `pagefind-entry.json` read here. */
interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** The index of one build: documents in, bundle out. */
class IndexSession {
  #documents: readonly SearchDocument[] | undefined;
  #digest = '';
  #reuse = false;
  #indexing: Promise<pagefind.PagefindIndex> | undefined;
  readonly #started = performance.now();

  constructor(
    private readonly cache: { bundle: string; digestFile: string },
    private readonly options: PagefindIntegrationOptions,
  ) {}

  /** Takes the documents and, unless the cached index has them all, starts indexing. */
  add(documents: readonly SearchDocument[]): void {
    if (this.#documents) throw new Error('search index: the documents were sent twice');
    this.#documents = documents;
    this.#digest = documentsDigest(documents);
    const cachedDigest = existsSync(this.cache.digestFile) ? readFileSync(this.cache.digestFile, 'utf8').trim() : '';
    this.#reuse = cachedDigest === this.#digest && existsSync(path.join(this.cache.bundle, 'pagefind-entry.json'));
    if (!this.#reuse) this.#indexing = this.#index(documents);
    // Errors are reported when the build is done; keep Node from calling them unhandled now.
    this.#indexing?.catch(() => {});
  }

  async #index(documents: readonly SearchDocument[]): Promise<pagefind.PagefindIndex> {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: this.options.excludeSelectors });
    if (!index || errors.length) throw new Error(`Pagefind could not start:\n  ${errors.join('\n  ')}`);
    const failures: string[] = [];
    // All at once: the Node API queues them for Pagefind's process.
    await Promise.all(
      documents.map(async (document) => {
        const added = await index.addHTMLFile(document);
        if (added.errors.length) failures.push(`${document.url}: ${added.errors.join('; ')}`);
      }),
    );
    if (failures.length) throw new Error(`Pagefind could not index:\n  ${failures.join('\n  ')}`);
    return index;
  }

  /** Writes the bundle into the site, from Pagefind or from the cache. */
  async finish(siteDir: string, logger: AstroIntegrationLogger): Promise<void> {
    const outputPath = path.join(siteDir, BUNDLE_DIR);
    const shown = path.relative(process.cwd(), outputPath) || outputPath;
    // Pagefind names fragments by content hash and never deletes old ones: start clean.
    rmSync(outputPath, { recursive: true, force: true });
    if (!this.#documents) throw new Error('search index: the pages sent no documents');
    try {
      if (this.#reuse) {
        cpSync(this.cache.bundle, outputPath, { recursive: true });
        logger.info(`no indexed text changed: reused the search index of the last build → ${shown}/`);
      } else {
        const index = await this.#indexing!;
        const written = await index.writeFiles({ outputPath });
        if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}:\n  ${written.errors.join('\n  ')}`);
        // Keep a copy for the next build; the digest last, so a half-written copy is never reused.
        rmSync(this.cache.digestFile, { force: true });
        rmSync(this.cache.bundle, { recursive: true, force: true });
        mkdirSync(path.dirname(this.cache.bundle), { recursive: true });
        cpSync(outputPath, this.cache.bundle, { recursive: true });
        writeFileSync(this.cache.digestFile, `${this.#digest}\n`);
        const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
        const languages = Object.entries(entry.languages).map(([lang, { page_count }]) => `${lang} ${page_count}`);
        logger.info(`indexed ${this.#documents.length} article(s) (${languages.join(', ')}) in ${Math.round(performance.now() - this.#started)} ms → ${shown}/`);
      }
      if (this.#documents.length === 0) logger.warn('no article was indexed: search will find nothing');
    } finally {
      // The Node API talks to a Pagefind process; stop it so the build can exit.
      await pagefind.close();
    }
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

      'astro:build:start': () => {
        const cache = path.join(cacheDir, 'search-index');
        session = new IndexSession({ bundle: path.join(cache, 'bundle'), digestFile: path.join(cache, 'digest') }, options);
        openSearchIndex(session);
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
        openSearchIndex(undefined);
        await session!.finish(fileURLToPath(dir), logger);
      },
    },
  };
}
