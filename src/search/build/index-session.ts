/**
 * The search index of one build, on Pagefind's Node API: the pages' documents in, each shard
 * indexed by a Pagefind run of its own when its documents changed, one bundle out.
 *
 * The index is fed from memory, not from the built pages: the pages publish one small document
 * per article (documents.ts says what it holds) as soon as they have the archive model, and
 * Pagefind, a process of its own, indexes them on the other core while Astro writes the pages.
 * Pagefind never reads the 3,000 pages it would not index, nor the navigation and footers of
 * the ones it does.
 *
 * The shards (shard-plan.ts) are indexed one after another, so memory stays bounded by a shard
 * whatever the archive's size. A shard whose documents are the same as in the last build is not
 * indexed again: its files are kept in Astro's cache folder. An edit to one article re-indexes
 * one shard.
 *
 * After the shards, each language of more than one shard gets its word directory
 * (../contract/shards.ts, `wordDirectoryKey`): a Pagefind index of one document per shard
 * holding the shard's words, which tells the search page which shards to read. Each shard keeps
 * its words (`words.txt`) beside its index in the cache, so the directory is made again from
 * them, reading no article, whenever a shard changed. Then the bundles become one
 * (pagefind-bundle.ts, the one adapter to Pagefind's files).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import type { BuildMessages } from '../../lib/outputs/build-channel.ts';
import { directoryLanguages, wordDirectoryKey } from '../contract/shards.ts';
import { wordDirectoryDocument } from './directory.ts';
import { documentContent, type SearchDocument } from './documents.ts';
import { mergeBundles } from './pagefind-bundle.ts';
import { documentsDigest } from './shard-plan.ts';

/** Where the bundle goes in the built site. */
export const BUNDLE_DIR = 'pagefind';

export interface IndexOptions {
  /**
   * Elements whose text must not be indexed although they sit inside an article body: the
   * heading permalinks' "Link to section: …" text would otherwise match "section" everywhere.
   */
  excludeSelectors?: string[];
}

/** The words of a shard, one a line, kept beside its index for the word directory. */
const WORDS_FILE = 'words.txt';
const DIGEST_FILE = 'digest';

/** The index of one build: documents in, shards indexed as needed, one bundle out. */
export class IndexSession {
  /** Each shard's size, and whether the last build's index of it was kept. */
  #shards = new Map<string, { count: number; reused: boolean }>();
  /** Each language's word directory, when it has one, and whether it was kept. */
  #directories = new Map<string, { reused: boolean }>();
  #indexing: Promise<void> = Promise.resolve();
  #received = false;
  readonly #started = performance.now();

  constructor(
    private readonly cacheDir: string,
    private readonly options: IndexOptions,
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
    return (
      existsSync(digestFile) &&
      readFileSync(digestFile, 'utf8').trim() === digest &&
      files.every((file) => existsSync(path.join(dir, file)))
    );
  }

  /** Takes the documents and the shard plan, and starts indexing the shards whose documents changed. */
  add({ documents, plan }: BuildMessages['searchDocuments']): void {
    if (this.#received) throw new Error('search index: the documents were sent twice');
    this.#received = true;
    const byShard = new Map<string, SearchDocument[]>(plan.shards.map((shard) => [shard.key, []]));
    for (const document of documents) byShard.get(document.shard)!.push(document);
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
    for (const lang of directoryLanguages(plan.shards)) {
      const own = plan.shards.filter((shard) => shard.lang === lang);
      const digest = createHash('sha256')
        .update(own.map(({ key }) => `${key}\0${digests.get(key)}`).join('\n'))
        .digest('hex');
      const reused = this.#upToDate(this.#directoryDir(lang), digest);
      this.#directories.set(lang, { reused });
      if (!reused) this.#indexing = this.#indexing.then(() => this.#indexDirectory(own, digest));
    }
    const changed = [...this.#shards.values(), ...this.#directories.values()].filter((index) => !index.reused).length;
    const total = this.#shards.size + this.#directories.size;
    this.logger.info(
      changed
        ? `search index: indexing ${changed} of ${total} index(es) while the pages are written`
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
      if (written.errors.length)
        throw new Error(`Pagefind could not write the index:\n  ${written.errors.join('\n  ')}`);
      finish?.(partial);
    } finally {
      // Ends Pagefind's process, and with it the memory this index took.
      await pagefind.close();
    }
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    writeFileSync(path.join(dir, DIGEST_FILE), `${digest}\n`);
  }

  /** Puts the shards and directories together into `<siteDir>/pagefind/`. */
  async finish(siteDir: string): Promise<void> {
    if (!this.#received) throw new Error('search index: the pages sent no documents');
    await this.#indexing;
    const outputPath = path.join(siteDir, BUNDLE_DIR);
    // Every shard and word directory is a Pagefind language index of its own.
    mergeBundles(
      [
        ...[...this.#shards.keys()].map((key) => ({ key, dir: this.#shardDir(key) })),
        ...[...this.#directories.keys()].map((lang) => ({
          key: wordDirectoryKey(lang),
          dir: this.#directoryDir(lang),
        })),
      ],
      outputPath,
      new Set([DIGEST_FILE, WORDS_FILE]),
    );

    const shards = [...this.#shards];
    const indexed = [
      ...shards.filter(([, s]) => !s.reused).map(([k, s]) => `${k} (${s.count})`),
      ...[...this.#directories].filter(([, d]) => !d.reused).map(([lang]) => `the ${lang} word directory`),
    ];
    const articles = shards.reduce((sum, [, s]) => sum + s.count, 0);
    const shown = path.relative(process.cwd(), outputPath) || outputPath;
    const what = indexed.length ? indexed.join(', ') : 'none (no indexed text changed)';
    this.logger.info(
      `search index: ${articles} article(s) in ${shards.length} shard(s); indexed ${what} in ${Math.round(performance.now() - this.#started)} ms → ${shown}/`,
    );
    if (articles === 0) this.logger.warn('no article was indexed: search will find nothing');
  }
}
