/**
 * A worker thread that draws share cards (card-renderer.ts): each job is a card's spec and the
 * file to write; it answers with the file's size. Node loads this file as it is (types stripped).
 */
import { writeFileSync, renameSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { CardSpec } from '../lib/outputs/share-cards.ts';
import { renderCard } from './card-renderer.ts';

parentPort!.on('message', async ({ id, job }: { id: number; job: { spec: CardSpec; file: string } }) => {
  try {
    const png = await renderCard(job.spec);
    // Written aside, then renamed: a card in the cache is always whole.
    const partial = `${job.file}.${process.pid}.${id}.partial`;
    writeFileSync(partial, png);
    renameSync(partial, job.file);
    parentPort!.postMessage({ id, result: png.length });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
