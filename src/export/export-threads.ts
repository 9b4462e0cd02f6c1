/**
 * Where the export's work per article is done: reading and checking each file (read-archive.ts)
 * and reading or rendering each body (bodies.ts) cost nearly all of an export's time and need
 * nothing of the other articles, so a large archive shares them among worker threads, one per
 * core (export-worker.ts), in jobs of a few hundred articles; a small one, or `threads: 1`, is
 * read in this thread. Either way the results come back in the order asked, so the export's
 * bytes are the same.
 */
import { availableParallelism } from 'node:os';
import type { ContentProblem } from '../lib/content/errors.ts';
import { WorkerPool } from '../loaders/worker-pool.ts';
import { BodyReader, type BodyJob, type BodyReaderSettings, type BodyReaderStats, type ExportBody } from './bodies.ts';
import { readArticleFiles, type ArticleRead, type ReadArticles, type ReadSettings } from './read-archive.ts';

export interface ExportThreadSettings extends BodyReaderSettings, Pick<ReadSettings, 'timeZone' | 'declared'> {}

export type ExportJob = { articles: string[]; bodies?: undefined } | { articles?: undefined; bodies: BodyJob[] };

/** Below this many articles, threads cost more to start than they save. */
const FEWEST_FOR_THREADS = 64;
/** Articles per job: enough that a message costs little beside its work, few enough to keep every thread busy to the end. */
const ARTICLES_PER_JOB = 256;
/** Bodies per job, for the same reasons. */
export const BODIES_PER_JOB = 64;

export interface ExportThreads {
  readArticles: ReadArticles;
  /** How many threads read (1 when this one does), known once the articles are read. */
  threads(): number;
  /** The bodies of `jobs`, in their order. */
  readBodies(jobs: readonly BodyJob[]): Promise<ExportBody[]>;
  /** How many bodies came from the last build, and how many were rendered. */
  readonly stats: BodyReaderStats;
  close(): Promise<void>;
}

/**
 * The export's threads: `threads` worker threads (one per core when not given, for an archive of
 * more than a few dozen articles), or this thread alone when 1.
 */
export function exportThreads(settings: ExportThreadSettings, threads?: number): ExportThreads {
  const stats: BodyReaderStats = { stored: 0, rendered: 0 };
  let pool: WorkerPool<ExportJob, unknown> | undefined;
  let here: BodyReader | undefined;
  const count = (batch: { bodies: ExportBody[]; stats: BodyReaderStats }) => {
    stats.stored += batch.stats.stored;
    stats.rendered += batch.stats.rendered;
    return batch;
  };
  let size = 1;
  return {
    stats,
    threads: () => size,
    async readArticles(absolutes) {
      size = threads ?? (absolutes.length < FEWEST_FOR_THREADS ? 1 : availableParallelism());
      if (size <= 1) return readArticleFiles(absolutes, settings);
      pool = new WorkerPool(new URL('./export-worker.ts', import.meta.url), size, settings);
      const jobs: string[][] = [];
      for (let i = 0; i < absolutes.length; i += ARTICLES_PER_JOB) jobs.push(absolutes.slice(i, i + ARTICLES_PER_JOB));
      const results = (await Promise.all(jobs.map((articles) => pool!.run({ articles })))) as {
        reads: ArticleRead[];
        errors: ContentProblem[];
      }[];
      return { reads: results.flatMap((result) => result.reads), errors: results.flatMap((result) => result.errors) };
    },
    async readBodies(jobs) {
      if (pool) {
        const batch = (await pool.run({ bodies: [...jobs] })) as { bodies: ExportBody[]; stats: BodyReaderStats };
        return count(batch).bodies;
      }
      here ??= new BodyReader(settings);
      return count(await here.readAll(jobs)).bodies;
    },
    async close() {
      await pool?.close();
    },
  };
}
