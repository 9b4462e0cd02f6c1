/**
 * A worker thread of the content loader: processes the files it is sent (process-file.ts) and
 * answers each with its result. Node loads this file as it is (types stripped), so Markdown
 * renders on every core while the loader's thread reads files and fills the data store.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer, processFile, type FileJob, type ProcessSettings } from './process-file.ts';

const settings = workerData as ProcessSettings;
const renderer = await createRenderer(settings);

parentPort!.on('message', async ({ id, job }: { id: number; job: FileJob }) => {
  try {
    parentPort!.postMessage({ id, result: await processFile(job, renderer, settings) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
