/**
 * A worker thread of the export (export-threads.ts): reads the article files and the bodies it
 * is sent, as the export's own thread would (read-archive.ts, bodies.ts), and answers each job
 * with its result. Node loads this file as it is (types stripped).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BodyReader } from './bodies.ts';
import { readArticleFiles } from './read-archive.ts';
import type { ExportJob, ExportThreadSettings } from './export-threads.ts';

const settings = workerData as ExportThreadSettings;
const bodies = new BodyReader(settings);

parentPort!.on('message', async ({ id, job }: { id: number; job: ExportJob }) => {
  try {
    const result = job.articles ? readArticleFiles(job.articles, settings) : await bodies.readAll(job.bodies);
    parentPort!.postMessage({ id, result });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
