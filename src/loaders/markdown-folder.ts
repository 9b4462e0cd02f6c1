/**
 * A content-layer loader for one folder of Markdown files with strict frontmatter.
 *
 * Astro's glob loader reads YAML with js-yaml's default schema, which turns
 * `2018-02-27T06:20:00+08:00` into an instant and loses the offset SPEC.md tells us to show;
 * and its schema errors do not carry line numbers. This loader keeps the written text, checks
 * every file, reports all problems at once (file, line, field, expectation) and only then stops
 * the build. It warns, once per file and on every build, about markup the sanitizer removed
 * (src/lib/markdown.ts), so nothing is dropped silently. Like the glob loader it skips files whose content digest is unchanged, so a warm
 * rebuild re-renders only what changed.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'tinyglobby';
import { ContentError, type ContentProblem } from '../lib/content-errors';
import { displayPath } from '../lib/display-path';
import { parseFrontmatter } from '../lib/frontmatter';
import { removalsOf } from '../lib/markdown';
import { summarizeRemovals, type Removal } from '../lib/sanitize';
import { slugify } from '../lib/slug';
import type { Validated } from '../lib/content-schema';
import type { ParsedFrontmatter } from '../lib/frontmatter';

export interface MarkdownFolderOptions<T extends { slug: string; file: string }> {
  name: string;
  /** Absolute folder to read `**\/*.md` from. */
  folder: string;
  /** Whether the folder must exist (articles) or may be absent (the company registry). */
  required: boolean;
  /** Anything besides the file that changes what a file turns into (e.g. the time zone). */
  settingsKey: string;
  validate(file: string, slug: string, parsed: ParsedFrontmatter): Validated<T>;
  /** Checks across all records (two articles on one URL, say). */
  checkAll?(records: T[]): ContentProblem[];
}

/** Where the loader keeps a file's removals (lines of the file) beside the rendered HTML. */
const REMOVED_KEY = 'removedMarkup';

export function markdownFolderLoader<T extends { slug: string; file: string }>(options: MarkdownFolderOptions<T>): Loader {
  const { folder } = options;

  async function loadAll(context: LoaderContext): Promise<void> {
    const { store, generateDigest, renderMarkdown, logger } = context;
    const warnRemoved = (file: string, removed: unknown) => {
      if (Array.isArray(removed) && removed.length) logger.warn(`${file}: removed ${summarizeRemovals(removed as Removal[])}`);
    };
    if (!existsSync(folder)) {
      if (options.required) {
        throw new ContentError([{ file: displayPath(folder), message: 'the content folder does not exist; set ARCHIVE_CONTENT_DIR to a folder holding articles/' }]);
      }
      store.clear();
      return;
    }
    const files = (await glob('**/*.md', { cwd: folder, absolute: true })).sort();
    const problems: ContentProblem[] = [];
    const untouched = new Set(store.keys());

    for (const absolute of files) {
      const id = path.relative(folder, absolute).split(path.sep).join('/').replace(/\.md$/, '');
      untouched.delete(id);
      const source = await readFile(absolute, 'utf8');
      const digest = generateDigest(`${folder}\n${options.settingsKey}\n${source}`);
      const existing = store.get(id);
      const file = displayPath(absolute);
      if (existing?.digest === digest) {
        warnRemoved(file, existing.rendered?.metadata?.[REMOVED_KEY]);
        continue;
      }

      // A file that fails leaves the store, so checks across files see only valid records.
      const fail = (...found: ContentProblem[]) => {
        problems.push(...found);
        store.delete(id);
      };
      const slug = slugify(path.basename(absolute, '.md'));
      if (!slug) {
        fail({ file, message: 'the file name gives no usable slug; name the file after its title, e.g. microsoft-and-xiaomi.md' });
        continue;
      }
      const parsed = parseFrontmatter(source);
      if (!('lineOf' in parsed)) {
        fail({ file, line: parsed.line, message: parsed.message });
        continue;
      }
      const result = options.validate(file, slug, parsed);
      if ('problems' in result) {
        fail(...result.problems);
        continue;
      }
      const rendered = await renderMarkdown(parsed.body, { fileURL: pathToFileURL(absolute) });
      // Lines of the body, as the pipeline saw it, become lines of the file.
      const removed = removalsOf(rendered.metadata).map((r) => ({ ...r, line: r.line && r.line + parsed.bodyLine - 1 }));
      rendered.metadata = { ...rendered.metadata, [REMOVED_KEY]: removed };
      warnRemoved(file, removed);
      store.set({
        id,
        data: result.record as unknown as Record<string, unknown>,
        body: parsed.body,
        filePath: path.relative(context.config.root.pathname, absolute),
        digest,
        rendered,
        assetImports: rendered.metadata?.imagePaths,
      });
    }
    for (const id of untouched) store.delete(id);

    if (options.checkAll) {
      problems.push(...options.checkAll(store.values().map((entry) => entry.data as unknown as T)));
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
