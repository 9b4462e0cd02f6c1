/**
 * `npm run check`: every article and registry entry read and validated exactly as the build
 * reads it (src/lib/content/file.ts, the same schema and the same checks across files), without
 * rendering a page; plus warnings worth an editor's look (src/lib/content/check/warnings.ts).
 *
 * The build renders every body, which is most of its time; the check parses a body only when a
 * rule needs it (no written summary, raw HTML, relative links), so 10,000 articles take seconds.
 */
import { findUrlCollisions } from '../../model/archive.ts';
import type { ContentProblem } from '../errors.ts';
import { readContentFile, validateContentFile, type ContentKind } from '../file.ts';
import type { ArticleRecord, CompanyRecord } from '../schema.ts';
import type { ParsedFrontmatter } from '../frontmatter.ts';
import type { SourceFile } from '../source-files.ts';
import { indexCompanyRegistry } from '../../model/terms.ts';
import { hasDerivedSummary } from './quick-summary.ts';
import { contentWarnings, type CheckedArticle, type WarningOptions } from './warnings.ts';

export interface CheckOptions extends WarningOptions {
  timeZone: string;
}

export interface CheckReport {
  errors: ContentProblem[];
  warnings: ContentProblem[];
  articles: number;
  companies: number;
}

/**
 * The records of some files, read and validated as the build reads them; the problems of the
 * others go to `errors`. The derived summary is only asked whether there is one.
 */
export function readRecords<T extends ArticleRecord | CompanyRecord>(kind: ContentKind, files: readonly SourceFile[], timeZone: string, errors: ContentProblem[]) {
  const read: { record: T; parsed: ParsedFrontmatter; source: SourceFile }[] = [];
  for (const source of files) {
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
    const result = validateContentFile(kind, source.file, slug, parsed, { timeZone, derivedSummary });
    if ('problems' in result) errors.push(...result.problems);
    else read.push({ record: result.record as T, parsed, source });
  }
  return read;
}

function byPlace(a: ContentProblem, b: ContentProblem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.field ?? '').localeCompare(b.field ?? '');
}

export function checkContent(input: { articles: readonly SourceFile[]; companies: readonly SourceFile[] }, options: CheckOptions): CheckReport {
  const errors: ContentProblem[] = [];
  const companies = readRecords<CompanyRecord>('company', input.companies, options.timeZone, errors);
  const registryIndex = indexCompanyRegistry(companies.map(({ record }) => record));
  if (Array.isArray(registryIndex)) errors.push(...registryIndex);
  const articles = readRecords<ArticleRecord>('article', input.articles, options.timeZone, errors);
  errors.push(...findUrlCollisions(articles.map(({ record }) => record)));

  const checked: CheckedArticle[] = articles.map(({ record, parsed, source }) => ({ record, parsed, absolute: source.absolute }));
  const warnings = contentWarnings(checked, companies.map(({ record }) => record), Array.isArray(registryIndex) ? undefined : registryIndex, options);
  return { errors: errors.sort(byPlace), warnings: warnings.sort(byPlace), articles: input.articles.length, companies: input.companies.length };
}
