/**
 * One content file, start to finish: frontmatter parsed with line numbers, the body rendered by
 * the Markdown pipeline (src/lib/content/markdown.ts, parsed once: the derived summary and the
 * sanitizer's report come from the same pass), the record validated. The loader runs this in
 * worker threads, one per core (render-worker.ts), or in its own thread for a few files.
 *
 * Plain Node can load this module (Node strips the types), so it imports only `.ts` files and
 * packages; it must not import Astro's virtual modules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, type AstroMarkdownOptions, type MarkdownRenderer } from '@astrojs/markdown-remark';
import type { ContentProblem } from '../lib/content/errors.ts';
import { decodeContent } from '../lib/content/encoding.ts';
import { readContentFile, validateContentFile, type ContentKind } from '../lib/content/file.ts';
import type { ArticleRecord, DeclaredField, RegistryRecord } from '../lib/content/schema.ts';
import { markdownOptions, pipelineReport } from '../lib/content/markdown.ts';
import type { Removal } from '../lib/content/sanitize.ts';
import { leadImageFileProblems } from '../lib/content/lead-image.ts';
import { readImageFacts } from './image-files.ts';
import { bodyHash } from './html-files.ts';

/** What a worker needs to know besides the file: the same for every file of a build. */
export interface ProcessSettings {
  trustedHtml: boolean;
  timeZone: string;
  /** The fields of the archive's declared kinds (src/lib/content/declared-kinds.ts). */
  declared: readonly DeclaredField[];
  /** Astro's `image` settings that decide which remote images the pipeline collects. */
  image?: AstroMarkdownOptions['image'];
  /** Whether to make each article's story terms: the build does, the export never reads them. */
  storyTerms?: boolean;
}

export interface FileJob {
  kind: ContentKind;
  /** Absolute path of the file. */
  absolute: string;
  /** The path as shown in messages. */
  file: string;
}

export interface RenderedHtml {
  html: string;
  /** The hash of the Markdown body it was rendered from (html-files.ts `bodyHash`). */
  bodyHash: string;
  metadata: Record<string, unknown> & { imagePaths: string[] };
}

export type FileResult =
  | { record: ArticleRecord | RegistryRecord; rendered: RenderedHtml; removed: Removal[]; warnings: ContentProblem[] }
  | { problems: ContentProblem[] };

export function createRenderer(settings: ProcessSettings): Promise<MarkdownRenderer> {
  return createMarkdownProcessor({ ...markdownOptions({ trustedHtml: settings.trustedHtml }), image: settings.image });
}

export async function processFile(
  job: FileJob,
  renderer: MarkdownRenderer,
  settings: ProcessSettings,
): Promise<FileResult> {
  const { file } = job;
  // A worker has nothing else to do meanwhile: a blocking read is the quickest.
  const decoded = decodeContent(readFileSync(job.absolute));
  if ('problem' in decoded)
    return { problems: [{ file, line: decoded.problem.line, message: decoded.problem.message }] };
  const read = readContentFile(file, job.absolute, decoded.text);
  if ('problems' in read) return read;
  const { slug, parsed } = read;

  const { code, metadata } = await renderer.render(parsed.body, {
    fileURL: pathToFileURL(job.absolute),
    frontmatter: {},
  });
  const report = pipelineReport(metadata);
  const result = validateContentFile(job.kind, file, slug, parsed, {
    timeZone: settings.timeZone,
    declared: settings.declared,
    derivedSummary: report.derivedSummary,
    storyTerms: settings.storyTerms ?? true,
  });
  if ('problems' in result) return result;
  const image = 'image' in result.record ? result.record.image : undefined;
  const warnings: ContentProblem[] = [];
  if (image) {
    const facts = await readImageFacts(path.resolve(path.dirname(job.absolute), image.src));
    const { errors, warnings: notes } = leadImageFileProblems(image.src, facts);
    const at = (message: string): ContentProblem => ({ file, line: image.line, field: 'image.src', message });
    if (errors.length) return { problems: errors.map(at) };
    warnings.push(...notes.map(at));
    // Its size and format, for the pages (the loader adds the hash of its bytes: markdown-folder.ts).
    if (!('missing' in facts) && !('unreadable' in facts))
      image.file = { width: facts.width, height: facts.height, format: facts.format, hash: '' };
  }

  // As Astro's content layer stores a rendered entry (its `renderMarkdown`).
  const imagePaths = [...metadata.localImagePaths, ...metadata.remoteImagePaths];
  return {
    record: result.record,
    rendered: {
      html: code,
      bodyHash: bodyHash(parsed.body),
      metadata: {
        headings: metadata.headings,
        localImagePaths: metadata.localImagePaths,
        remoteImagePaths: metadata.remoteImagePaths,
        imagePaths,
      },
    },
    // Lines of the body, as the pipeline saw it, become lines of the file.
    removed: report.removed.map((removal) => ({
      ...removal,
      line: removal.line && removal.line + parsed.bodyLine - 1,
    })),
    warnings,
  };
}
