/**
 * `npm run check`: every article and registry entry read and validated exactly as the build
 * reads it (src/lib/content/file.ts, the same schema and the same checks across files), without
 * rendering a page; plus warnings worth an editor's look (src/lib/content/check/warnings.ts).
 *
 * The build renders every body, which is most of its time; the check parses a body only when a
 * rule needs it (no written summary, raw HTML, relative links), so 10,000 articles take seconds.
 */
import path from 'node:path';
import { findUrlConflicts } from '../../model/url-claims.ts';
import { leadImageFileProblems, type ImageFileFacts } from '../lead-image.ts';
import type { ContentProblem } from '../errors.ts';
import type { ArticleRecord, DeclaredField, RegistryRecord } from '../schema.ts';
import type { SourceFile } from '../source-files.ts';
import { indexRegistry } from '../../model/terms.ts';
import { buildArchive } from '../../model/archive.ts';
import type { Kinds } from '../../kinds.ts';
import { articleStatus } from '../../model/lifecycle.ts';
import { servedUrls } from '../../model/url-claims.ts';
import { checkPublished, type PublishedList } from '../../outputs/published-urls.ts';
import { readRecords } from './read-records.ts';
import { contentWarnings, type CheckedArticle, type WarningOptions } from './warnings.ts';

export interface CheckOptions extends WarningOptions {
  timeZone: string;
  /** The archive's kinds (the built-in ones unless its settings declare more), for the archive model. */
  kinds?: Kinds;
  /** The fields of the archive's declared kinds, checked as the build checks them. */
  declared?: readonly DeclaredField[];
  /**
   * The last published build's list of URLs, to check every URL on it is still served
   * (src/lib/outputs/published-urls.ts); `keyOf` names a record's file as the list does.
   */
  published?: { list: PublishedList; keyOf(record: ArticleRecord): string; display(file: string): string };
  /** What a lead image's file is (src/loaders/image-files.ts), for the rules of lead-image.ts. */
  readImage(absolute: string): Promise<ImageFileFacts>;
}

/** An article whose date or removal decides where it appears, listed (not a problem). */
export interface LifecycleEntry {
  file: string;
  /** The date that decides: when it goes live, when it was removed, when it expired. */
  date: string;
}

export interface CheckReport {
  errors: ContentProblem[];
  warnings: ContentProblem[];
  articles: number;
  companies: number;
  /** Entries of the sources' registry (`sources/`). */
  sources: number;
  /** By the build's clock: articles built nowhere yet (soonest first), removed and expired ones. */
  lifecycle: { scheduled: LifecycleEntry[]; removed: LifecycleEntry[]; expired: LifecycleEntry[] };
}

function byPlace(a: ContentProblem, b: ContentProblem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.field ?? '').localeCompare(b.field ?? '');
}

export async function checkContent(
  input: { articles: readonly SourceFile[]; companies: readonly SourceFile[]; sources?: readonly SourceFile[] },
  options: CheckOptions,
): Promise<CheckReport> {
  const errors: ContentProblem[] = [];
  const context = { timeZone: options.timeZone, declared: options.declared };
  const companies = readRecords<RegistryRecord>('registry', input.companies, errors, context);
  const registryIndex = indexRegistry(companies.map(({ record }) => record));
  if (!registryIndex.ok) errors.push(...registryIndex.problems);
  // The sources' registry is read as the build reads it: its entries checked, no name claimed twice.
  const sources = readRecords<RegistryRecord>('registry', input.sources ?? [], errors, context);
  const sourceIndex = indexRegistry(sources.map(({ record }) => record), 'source');
  if (!sourceIndex.ok) errors.push(...sourceIndex.problems);
  const articles = readRecords<ArticleRecord>('article', input.articles, errors, context);
  const records = articles.map(({ record }) => record);
  errors.push(...findUrlConflicts(records));
  const imageWarnings: ContentProblem[] = [];
  for (const { record, source } of articles) {
    const image = record.image;
    if (!image) continue;
    const { errors: wrong, warnings: notes } = leadImageFileProblems(image.src, await options.readImage(path.resolve(path.dirname(source.absolute), image.src)));
    const at = (message: string): ContentProblem => ({ file: record.file, line: image.line, field: 'image.src', message });
    errors.push(...wrong.map(at));
    imageWarnings.push(...notes.map(at));
  }
  if (options.published) {
    const { list, keyOf, display } = options.published;
    errors.push(...checkPublished(list, servedUrls(records, options.now, keyOf), display).lost);
  }

  const checked: CheckedArticle[] = articles.map(({ record, parsed, source }) => ({ record, parsed, absolute: source.absolute }));
  // The published articles as the build models them, for the warnings that compare stories; only
  // when the registries can be read (their problems are errors above).
  const archive =
    registryIndex.ok && sourceIndex.ok
      ? buildArchive(records, { companies: registryIndex.index, sources: sourceIndex.index }, { clock: options.now, kinds: options.kinds })
      : undefined;
  const warnings = [
    ...contentWarnings(checked, companies.map(({ record }) => record), registryIndex.ok ? registryIndex.index : undefined, options, archive),
    ...imageWarnings,
  ];
  return {
    errors: errors.sort(byPlace),
    warnings: warnings.sort(byPlace),
    articles: input.articles.length,
    companies: input.companies.length,
    sources: input.sources?.length ?? 0,
    lifecycle: lifecycleOf(records, options.now),
  };
}

function lifecycleOf(records: readonly ArticleRecord[], now: number): CheckReport['lifecycle'] {
  const of = (status: string) => records.filter((record) => articleStatus(record, now) === status);
  return {
    scheduled: of('scheduled')
      .sort((a, b) => a.date.instant - b.date.instant)
      .map((record) => ({ file: record.file, date: record.date.written })),
    removed: of('removed').map((record) => ({ file: record.file, date: record.removed!.date.written })),
    expired: of('expired').map((record) => ({ file: record.file, date: record.expires!.written })),
  };
}
