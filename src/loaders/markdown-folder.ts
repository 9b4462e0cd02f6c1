/**
 * A content-layer loader for one folder of Markdown files with strict frontmatter.
 *
 * Astro's glob loader reads YAML with js-yaml's default schema, which turns
 * `2018-02-27T06:20:00+08:00` into an instant and loses the offset the date rule tells us to
 * show; its schema errors carry no line numbers; and it renders Markdown on one core. This
 * loader keeps the written text, checks every file, reports all problems at once (file, line,
 * field, expectation) and only then stops the build; it renders the files that changed in
 * worker threads, one per core (process-file.ts); and it warns, once per file and on every
 * build, about markup the sanitizer removed, so nothing is dropped silently. Like the glob
 * loader it skips files whose content digest is unchanged, so a warm rebuild re-renders only
 * what changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError, formatProblem, type ContentProblem } from '../lib/content/errors.ts';
import type { ArticleRecord } from '../lib/content/schema.ts';
import { listMarkdownFiles } from '../lib/content/content-files.ts';
import { displayPath } from '../lib/content/display-path.ts';
import { summarizeRemovals, type Removal } from '../lib/content/sanitize.ts';
import { createRenderer, processFile, type FileJob, type FileResult, type ProcessSettings } from './process-file.ts';
import {
  HTML_FILE_KEY,
  bodyHtmlName,
  derivedSummariesFile,
  hasStoredHtml,
  htmlFileOf,
  htmlFolder,
  pruneHtmlFiles,
  writeFileWhole,
} from './html-files.ts';
import { pipelineVersion } from './pipeline-sources.ts';
import { sharedPool } from './worker-pool.ts';

export interface MarkdownFolderOptions<T extends { slug: string; file: string }> {
  name: string;
  /** Absolute folder to read `**\/*.md` from. */
  folder: string;
  /** Whether the folder must exist (articles) or may be absent (the company registry). */
  required: boolean;
  kind: FileJob['kind'];
  /** Settings that change what a file turns into (time zone, trusted HTML). */
  settings: Omit<ProcessSettings, 'image'>;
  /** Checks across all records (two articles on one URL, say); `log` reports what is not a problem. */
  checkAll?(records: T[], log: { info(message: string): void }): ContentProblem[] | Promise<ContentProblem[]>;
}

/** Where the loader keeps a file's removals (lines of the file) beside the rendered HTML. */
const STORED_REMOVALS_KEY = 'removedMarkup';
/** Where it keeps a file's other warnings (a small lead image), to give them again on every build. */
const WARNINGS_KEY = 'fileWarnings';
/**
 * Where it keeps the lead image a file names: its path, and its content hash with the size and
 * time it was hashed at. An entry's digest covers its text and, for a file with a lead image, that
 * image's bytes, so a replaced or deleted image sends the article through again (and Astro takes
 * the new picture); an image whose size and time are unchanged is not read again to know it.
 */
const IMAGE_FILE_KEY = 'leadImageFile';

interface ImageStamp {
  path: string;
  size: number;
  mtimeMs: number;
  hash: string;
}

/** The lead image's stamp now, reusing the hash of `known` when the file's size and time are the same. */
function stampImage(file: string, known?: ImageStamp): ImageStamp | undefined {
  if (!existsSync(file)) return undefined;
  const { size, mtimeMs } = statSync(file);
  if (known && known.path === file && known.size === size && known.mtimeMs === mtimeMs) return known;
  return { path: file, size, mtimeMs, hash: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

/** The digest of a file's text, with its lead image's content when it has one. */
function withImage(
  textDigest: string,
  stamp: ImageStamp | undefined,
  imageFile: string | undefined,
  generateDigest: (data: string) => string,
): string {
  if (!imageFile) return textDigest;
  return generateDigest(`${textDigest}\n${path.basename(imageFile)}\n${stamp?.hash ?? 'missing'}`);
}

/** Below this many changed files, workers cost more to start than they save. */
const FEWEST_FOR_WORKERS = 64;

export function markdownFolderLoader<T extends { slug: string; file: string }>(
  options: MarkdownFolderOptions<T>,
): Loader {
  const { folder } = options;

  async function loadAll(context: LoaderContext): Promise<void> {
    const { store, generateDigest, logger } = context;
    const warnRemoved = (file: string, removed: unknown) => {
      if (Array.isArray(removed) && removed.length)
        logger.warn(`${file}: removed ${summarizeRemovals(removed as Removal[])}`);
    };
    const warnAll = (warnings: unknown) => {
      for (const warning of (warnings ?? []) as ContentProblem[])
        logger.warn(formatProblem({ ...warning, message: `warning: ${warning.message}` }));
    };
    if (!existsSync(folder)) {
      if (options.required) {
        throw new ContentError([
          {
            file: displayPath(folder),
            message: 'the content folder does not exist; set ARCHIVE_CONTENT_DIR to a folder holding articles/',
          },
        ]);
      }
      store.clear();
      return;
    }
    const { domains, remotePatterns } = context.config.image;
    const settings: ProcessSettings = { ...options.settings, image: { domains, remotePatterns } };
    const pipeline = pipelineVersion();
    const settingsKey = `${pipeline}\n${JSON.stringify(settings)}`;
    const listed = listMarkdownFiles(folder);
    const files = listed.files;
    const htmlDir = htmlFolder(fileURLToPath(context.config.cacheDir), options.name);
    const problems: ContentProblem[] = [...listed.problems];
    const untouched = new Set(store.keys());

    // Unchanged files keep their entries; the rest are processed below, on every core.
    const changed: { id: string; digest: string; job: FileJob }[] = [];
    for (const absolute of files) {
      const id = path.relative(folder, absolute).split(path.sep).join('/').replace(/\.md$/, '');
      untouched.delete(id);
      // Blocking reads: thousands of small files are read far quicker one after another than
      // through as many awaited promises, and nothing else waits on this thread meanwhile.
      const source = readFileSync(absolute, 'utf8');
      const textDigest = generateDigest(`${folder}\n${settingsKey}\n${source}`);
      const existing = store.get(id);
      const file = displayPath(absolute);
      const metadata = existing?.rendered?.metadata;
      const known = metadata?.[IMAGE_FILE_KEY] as ImageStamp | undefined;
      const stamp = known && stampImage(known.path, known);
      const digest = withImage(textDigest, stamp, known?.path, generateDigest);
      if (existing?.digest === digest && hasStoredHtml(metadata)) {
        warnRemoved(file, metadata?.[STORED_REMOVALS_KEY]);
        warnAll(metadata?.[WARNINGS_KEY]);
        continue;
      }
      // The worker reads the file again (from the OS cache): queued jobs hold no text.
      changed.push({ id, digest: textDigest, job: { kind: options.kind, absolute, file } });
    }

    // Each result goes into the store as it arrives, so finished HTML does not pile up.
    await processAll(changed, settings, async ({ id, digest: textDigest, job }, result) => {
      if ('problems' in result) {
        // A file that fails leaves the store, so checks across files see only valid records.
        problems.push(...result.problems);
        store.delete(id);
        return;
      }
      warnRemoved(job.file, result.removed);
      warnAll(result.warnings);
      const filePath = path.relative(context.config.root.pathname, job.absolute);
      const leadImage = (result.record as ArticleRecord).image;
      const imageFile = leadImage && path.resolve(path.dirname(job.absolute), leadImage.src);
      const stamp = imageFile ? stampImage(imageFile) : undefined;
      const digest = withImage(textDigest, stamp, imageFile, generateDigest);
      // A lead image goes through the collection's schema, whose image() has Astro resolve the
      // file for the pages (its URL and size) and keep it in the asset pipeline.
      const data = leadImage
        ? await context.parseData({
            id,
            data: {
              ...result.record,
              image: {
                ...leadImage,
                file: leadImage.file && { ...leadImage.file, hash: stamp?.hash ?? '' },
                asset: leadImage.src,
              },
            },
            filePath,
          })
        : result.record;
      const { html, metadata } = result.rendered;
      // The HTML goes to a file beside the store (html-files.ts says why), unless Astro must
      // resolve images in it when it renders the entry.
      const htmlFile = metadata.imagePaths.length
        ? undefined
        : htmlFileOf(htmlDir, bodyHtmlName(pipeline, settings.trustedHtml, result.rendered.bodyHash));
      if (htmlFile) writeFileWhole(htmlFile, html);
      store.set({
        id,
        data,
        filePath,
        digest,
        rendered: {
          html: htmlFile ? '' : html,
          metadata: {
            ...metadata,
            [STORED_REMOVALS_KEY]: result.removed,
            [WARNINGS_KEY]: result.warnings,
            [HTML_FILE_KEY]: htmlFile,
            [IMAGE_FILE_KEY]: stamp,
          },
        },
        assetImports: metadata.imagePaths,
      });
    });
    for (const id of untouched) store.delete(id);
    const named = new Set<string>();
    for (const entry of store.values()) {
      const file = entry.rendered?.metadata?.[HTML_FILE_KEY];
      if (typeof file === 'string') named.add(file);
    }
    pruneHtmlFiles(htmlDir, named);
    writeDerivedSummaries(htmlDir, store.values());

    if (options.checkAll) {
      problems.push(
        ...(await options.checkAll(
          store.values().map((entry) => entry.data as T),
          logger,
        )),
      );
    }
    if (problems.length) throw new ContentError(problems);
  }

  return {
    name: options.name,
    async load(context) {
      await loadAll(context);
      // In `astro dev`, reload when a file in the folder changes (unchanged files are skipped).
      context.watcher?.add(folder);
      context.watcher?.on('all', (_event, changed) => {
        if (!changed.startsWith(folder) || !changed.endsWith('.md')) return;
        loadAll(context).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

/**
 * Writes the summaries the pipeline derived (html-files.ts `derivedSummariesFile`), by the name of
 * each body's HTML file, A–Z so the same store writes the same bytes; none for a collection
 * without derived summaries (registries).
 */
function writeDerivedSummaries(
  htmlDir: string,
  entries: Iterable<{ data: unknown; rendered?: { metadata?: Record<string, unknown> } }>,
): void {
  const summaries: [string, string][] = [];
  for (const entry of entries) {
    const file = entry.rendered?.metadata?.[HTML_FILE_KEY];
    const record = entry.data as Partial<ArticleRecord>;
    if (typeof file === 'string' && record.summaryDerived && record.summary)
      summaries.push([path.basename(file, '.html'), record.summary]);
  }
  const target = derivedSummariesFile(htmlDir);
  if (summaries.length === 0) {
    rmSync(target, { force: true });
    return;
  }
  summaries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  writeFileWhole(target, JSON.stringify(Object.fromEntries(summaries)));
}

/**
 * Processes files and hands each result to `done`: in worker threads, one per core (shared by
 * the collections loading at the same time), when there are enough of them; else in this thread.
 */
async function processAll<E extends { job: FileJob }>(
  entries: E[],
  settings: ProcessSettings,
  done: (entry: E, result: FileResult) => void | Promise<void>,
): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length < FEWEST_FOR_WORKERS) {
    const renderer = await createRenderer(settings);
    for (const entry of entries) await done(entry, await processFile(entry.job, renderer, settings));
    return;
  }
  const { pool, release } = sharedPool<FileJob, FileResult>(
    new URL('./render-worker.ts', import.meta.url),
    availableParallelism(),
    settings,
  );
  try {
    await Promise.all(entries.map(async (entry) => done(entry, await pool.run(entry.job))));
  } finally {
    await release();
  }
}
