/**
 * An article's body for the export: its text and word count, and its summary when the pipeline
 * derived it from the first paragraph.
 *
 * From the last build's rendered HTML when it is there (src/loaders/html-files.ts names each
 * file by the pipeline, the trusted-HTML setting and the body, so a file found is this body's
 * HTML, never a stale one); else the body is rendered here, by the build's own pipeline
 * (src/loaders/process-file.ts), one file at a time. The first is a file read per article; the
 * second costs what the build's rendering costs. Either runs in the export's worker threads
 * (export-threads.ts), so what a job holds is plain data.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { countWords, plainTextOfHtml } from '../lib/export/plain-text.ts';
import type { Article } from '../lib/model/archive.ts';
import { bodyHtmlName, derivedSummariesFile, htmlFileOf, htmlFolder } from '../loaders/html-files.ts';
import { ARTICLES_LOADER, pipelineVersion } from '../loaders/pipeline-sources.ts';
import type { ProcessSettings } from '../loaders/process-file.ts';

export interface ExportBody {
  text: string;
  words: number;
  summary: string;
}

/** Where an article's body is: its file, and the hash of its Markdown body. */
export interface BodySource {
  absolute: string;
  file: string;
  bodyHash: string;
}

/** What the reader needs of an article to give its body. */
export interface BodyJob {
  article: Pick<Article, 'summary' | 'summaryDerived' | 'lang'>;
  source: BodySource;
}

export interface BodyReaderStats {
  /** Bodies read from the last build's HTML. */
  stored: number;
  /** Bodies rendered here, for want of it. */
  rendered: number;
}

export interface BodyReaderSettings extends Omit<ProcessSettings, 'image'> {
  cacheDir: string;
}

export class BodyReader {
  readonly #folder: string;
  readonly #pipeline = pipelineVersion();
  readonly #summaries: Record<string, string>;
  #renderer?: Promise<{ render: MarkdownRenderer; process: typeof import('../loaders/process-file.ts').processFile }>;
  readonly settings: BodyReaderSettings;

  constructor(settings: BodyReaderSettings) {
    this.settings = settings;
    this.#folder = htmlFolder(settings.cacheDir, ARTICLES_LOADER);
    const summaries = derivedSummariesFile(this.#folder);
    this.#summaries = existsSync(summaries)
      ? (JSON.parse(readFileSync(summaries, 'utf8')) as Record<string, string>)
      : {};
  }

  /** The bodies of `jobs`, in their order, and how many came from the last build. */
  async readAll(jobs: readonly BodyJob[]): Promise<{ bodies: ExportBody[]; stats: BodyReaderStats }> {
    const stats: BodyReaderStats = { stored: 0, rendered: 0 };
    const bodies: ExportBody[] = [];
    for (const job of jobs) {
      const stored = this.#stored(job);
      if (stored) stats.stored += 1;
      else stats.rendered += 1;
      bodies.push(stored ?? (await this.#render(job)));
    }
    return { bodies, stats };
  }

  #stored({ article, source }: BodyJob): ExportBody | undefined {
    const name = bodyHtmlName(this.#pipeline, this.settings.trustedHtml, source.bodyHash);
    const summary = article.summaryDerived ? this.#summaries[name] : article.summary;
    const file = htmlFileOf(this.#folder, name);
    if (summary === undefined || !existsSync(file)) return undefined;
    // Read at once: a thread reads one body at a time, and an asynchronous read would leave it
    // idle while it waits (a third of the export's time at 10,000 articles).
    return bodyFromHtml(readFileSync(file, 'utf8'), summary, article);
  }

  async #render({ article, source }: BodyJob): Promise<ExportBody> {
    // The pipeline is loaded only when a body must be rendered: it takes a second to load, in
    // every thread, and an export from the last build's HTML needs none of it.
    this.#renderer ??= import('../loaders/process-file.ts').then(async ({ createRenderer, processFile }) => ({
      render: await createRenderer(this.settings),
      process: processFile,
    }));
    const { render, process } = await this.#renderer;
    const result = await process(
      { kind: 'article', absolute: source.absolute, file: source.file },
      render,
      // The rows hold no story terms.
      { ...this.settings, storyTerms: false },
    );
    // The file was read and checked a moment ago; it cannot fail now unless it changed meanwhile.
    if ('problems' in result) throw new Error(`${source.file} changed while it was exported; export again`);
    return bodyFromHtml(result.rendered.html, (result.record as { summary: string }).summary, article);
  }
}

/** A body's row fields from its rendered HTML and its summary. */
export function bodyFromHtml(html: string, summary: string, article: Pick<Article, 'lang'>): ExportBody {
  const text = plainTextOfHtml(html);
  return { text, words: countWords(text, article.lang), summary };
}
