/**
 * Content files read up to their records, as the build reads them (src/lib/content/file.ts), for
 * the tools that read the content folder themselves: `npm run check`, `npm run export` (in its
 * worker threads, which is why this stands apart from the check's warnings and their parsers)
 * and `npm run import`'s registry.
 */
import type { ContentProblem } from '../errors.ts';
import { readContentFile, validateContentFile, type ContentKind } from '../file.ts';
import type { ArticleContext, ArticleRecord, RegistryRecord } from '../schema.ts';
import type { ParsedFrontmatter } from '../frontmatter.ts';
import type { SourceFile } from '../source-files.ts';
import { hasDerivedSummary } from './quick-summary.ts';

/**
 * The records of some files, read and validated as the build reads them; the problems of the
 * others go to `errors`. The derived summary is only asked whether there is one.
 */
export function readRecords<T extends ArticleRecord | RegistryRecord>(
  kind: ContentKind,
  files: readonly SourceFile[],
  errors: ContentProblem[],
  context: Omit<ArticleContext, 'derivedSummary'>,
) {
  const read: { record: T; parsed: ParsedFrontmatter; source: SourceFile }[] = [];
  for (const source of files) {
    if (source.unreadable) {
      errors.push({ file: source.file, line: source.unreadable.line, message: source.unreadable.message });
      continue;
    }
    const file = readContentFile(source.file, source.absolute, source.source);
    if ('problems' in file) {
      errors.push(...file.problems);
      continue;
    }
    const { slug, parsed } = file;
    // A derived summary only matters when none is written (the schema then requires one), and
    // only whether there is one: the check shows no summaries.
    const written = (parsed.data as { summary?: unknown } | undefined)?.summary;
    const derivedSummary = kind === 'article' && written === undefined && hasDerivedSummary(parsed.body) ? 'derived' : '';
    const result = validateContentFile(kind, source.file, slug, parsed, { ...context, derivedSummary });
    if ('problems' in result) errors.push(...result.problems);
    else read.push({ record: result.record as T, parsed, source });
  }
  return read;
}
