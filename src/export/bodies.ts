/**
 * An article's body for the export: its text and word count, and its summary when the pipeline
 * derived it from the first paragraph.
 *
 * From the last build's rendered HTML when it is there (src/loaders/html-files.ts names each
 * file by the pipeline, the trusted-HTML setting and the body, so a file found is this body's
 * HTML, never a stale one); else the body is rendered here, by the build's own pipeline
 * (src/loaders/process-file.ts), one file at a time. The first is a file read per article; the
 * second costs what the build's rendering costs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { countWords, plainTextOfHtml } from '../lib/export/plain-text.ts';
import type { Article } from '../lib/model/archive.ts';
import { bodyHtmlName, derivedSummariesFile, htmlFileOf, htmlFolder } from '../loaders/html-files.ts';
import { ARTICLES_LOADER, pipelineVersion } from '../loaders/markdown-folder.ts';
import { createRenderer, processFile, type ProcessSettings } from '../loaders/process-file.ts';
import type { BodySource } from './read-archive.ts';

export interface ExportBody {
  text: string;
  words: number;
  summary: string;
}

export interface BodyReaderStats {
  /** Bodies read from the last build's HTML. */
  stored: number;
  /** Bodies rendered here, for want of it. */
  rendered: number;
}

export class BodyReader {
  readonly stats: BodyReaderStats = { stored: 0, rendered: 0 };
  readonly #folder: string;
  readonly #pipeline = pipelineVersion();
  readonly #summaries: Record<string, string>;
  #renderer?: Promise<MarkdownRenderer>;
  readonly settings: Omit<ProcessSettings, 'image'>;

  constructor(cacheDir: string, settings: Omit<ProcessSettings, 'image'>) {
    this.settings = settings;
    this.#folder = htmlFolder(cacheDir, ARTICLES_LOADER);
    const summaries = derivedSummariesFile(this.#folder);
    this.#summaries = existsSync(summaries)
      ? (JSON.parse(readFileSync(summaries, 'utf8')) as Record<string, string>)
      : {};
  }

  async read(article: Article, source: BodySource): Promise<ExportBody> {
    const name = bodyHtmlName(this.#pipeline, this.settings.trustedHtml, source.bodyHash);
    const summary = article.summaryDerived ? this.#summaries[name] : article.summary;
    const file = htmlFileOf(this.#folder, name);
    if (summary !== undefined && existsSync(file)) {
      this.stats.stored += 1;
      return this.#body(await readFile(file, 'utf8'), summary, article);
    }
    return this.#render(article, source);
  }

  async #render(article: Article, source: BodySource): Promise<ExportBody> {
    this.#renderer ??= createRenderer(this.settings);
    const result = await processFile(
      { kind: 'article', absolute: source.absolute, file: source.file },
      await this.#renderer,
      this.settings,
    );
    // The file was read and checked a moment ago; it cannot fail now unless it changed meanwhile.
    if ('problems' in result) throw new Error(`${source.file} changed while it was exported; export again`);
    this.stats.rendered += 1;
    return this.#body(result.rendered.html, (result.record as { summary: string }).summary, article);
  }

  #body(html: string, summary: string, article: Article): ExportBody {
    return bodyFromHtml(html, summary, article);
  }
}

/** A body's row fields from its rendered HTML and its summary. */
export function bodyFromHtml(html: string, summary: string, article: Pick<Article, 'lang'>): ExportBody {
  const text = plainTextOfHtml(html);
  return { text, words: countWords(text, article.lang), summary };
}
