/**
 * The archive as the export sees it: every article and registry entry of the content folder read
 * and checked as the build checks them (src/lib/content/file.ts, through the check's
 * `readRecords`), the model built with the build's clock and kinds, so the export holds exactly
 * the articles the site publishes. A content problem stops the export, as it stops the build.
 *
 * Files are read one at a time, in the export's threads, and their text let go: what stays of
 * each article is its record and the hash of its body, by which its rendered HTML is found
 * (bodies.ts).
 */
import path from 'node:path';
import { findUrlConflicts } from '../lib/model/url-claims.ts';
import type { ContentProblem } from '../lib/content/errors.ts';
import { listMarkdownFiles } from '../lib/content/content-files.ts';
import { readRecords } from '../lib/content/check/read-records.ts';
import { readSourceFile, readSourceFiles } from '../lib/content/source-files.ts';
import type { BodySource } from './bodies.ts';
import type { ArticleRecord, DeclaredField, RegistryRecord } from '../lib/content/schema.ts';
import { buildArchive, type Archive } from '../lib/model/archive.ts';
import { indexRegistry, type Registries } from '../lib/model/terms.ts';
import { BUILT_IN, REGISTRY_KINDS, type Kinds } from '../lib/kinds.ts';
import { bodyHash } from '../loaders/html-files.ts';

export interface ReadSettings {
  contentDir: string;
  timeZone: string;
  declared: readonly DeclaredField[];
  kinds: Kinds;
  /** The build's clock (ms): what is scheduled, expired or published. */
  clock: number;
}

/** An article file read and checked: its record, and where its body is. */
export interface ArticleRead {
  record: ArticleRecord;
  source: BodySource;
}

export interface ExportArchive {
  model: Archive;
  /** Each published article's body, by the record's file. */
  bodies: Map<string, BodySource>;
}

export class ContentProblems extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(`${problems.length} content problem${problems.length === 1 ? '' : 's'}`);
    this.problems = problems;
  }
}

/** Reads articles: in this thread, or shared among the export's threads (export-threads.ts). */
export type ReadArticles = (
  absolutes: readonly string[],
) => Promise<{ reads: ArticleRead[]; errors: ContentProblem[] }>;

/**
 * Some article files read one at a time, each checked as the build checks it, its text let go
 * once its record and body hash are made. The export compares no articles: their story terms are
 * left unmade.
 */
export function readArticleFiles(
  absolutes: readonly string[],
  settings: Pick<ReadSettings, 'timeZone' | 'declared'>,
): { reads: ArticleRead[]; errors: ContentProblem[] } {
  const context = { timeZone: settings.timeZone, declared: settings.declared, storyTerms: false };
  const errors: ContentProblem[] = [];
  const reads: ArticleRead[] = [];
  for (const absolute of absolutes) {
    const [read] = readRecords<ArticleRecord>('article', [readSourceFile(absolute)], errors, context);
    if (read)
      reads.push({
        record: read.record,
        source: { absolute, file: read.record.file, bodyHash: bodyHash(read.parsed.body) },
      });
  }
  return { reads, errors };
}

/** Reads and checks the content folder; throws `ContentProblems` listing every problem found. */
export async function readExportArchive(settings: ReadSettings, readArticles: ReadArticles): Promise<ExportArchive> {
  const errors: ContentProblem[] = [];
  const registries: Registries = {};
  for (const kind of REGISTRY_KINDS) {
    const files = readSourceFiles(path.join(settings.contentDir, BUILT_IN.info(kind).registry!));
    const entries = readRecords<RegistryRecord>('registry', files, errors, { timeZone: settings.timeZone }).map(
      ({ record }) => record,
    );
    const indexed = indexRegistry(entries, kind === 'companies' ? 'company' : 'source');
    if (indexed.ok) registries[kind] = indexed.index;
    else errors.push(...indexed.problems);
  }

  const listed = listMarkdownFiles(path.join(settings.contentDir, 'articles'));
  errors.push(...listed.problems);
  const read = await readArticles(listed.files);
  errors.push(...read.errors);
  const records = read.reads.map(({ record }) => record);
  errors.push(...findUrlConflicts(records));
  if (errors.length) throw new ContentProblems(errors);

  const model = buildArchive(records, registries, { clock: settings.clock, kinds: settings.kinds });
  const published = new Set(model.articles.map((article) => article.file));
  const bodies = new Map<string, BodySource>();
  for (const { source } of read.reads) if (published.has(source.file)) bodies.set(source.file, source);
  return { model, bodies };
}
