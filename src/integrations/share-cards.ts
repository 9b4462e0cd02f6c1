/**
 * Draws the share cards (src/lib/outputs/share-cards.ts) the pages of this build name, after the
 * pages are written: each card is drawn once, in worker threads on every core (card-worker.ts),
 * into Astro's cache folder under the hash of what it shows, and linked into
 * `<outDir>/_cards/`; a card whose text did not change is not drawn again, and cards no page names
 * any more leave the output folder. The archive model comes from the pages
 * (src/lib/outputs/build-channel.ts).
 */
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../config/site.ts';
import type { Archive } from '../lib/model/archive.ts';
import { subscribe } from '../lib/outputs/build-channel.ts';
import { archiveCards, CARD_FOLDER, cardPath, type CardSpec } from '../lib/outputs/share-cards.ts';
import { WorkerPool } from '../loaders/worker-pool.ts';
import { linkOrCopy } from './link-or-copy.ts';

/** What the last build of cards took, for `npm run bench` (read from the log). */
export interface CardReport {
  drawn: number;
  kept: number;
  seconds: number;
}

export function shareCards(site: SiteConfig): AstroIntegration {
  let archive: Archive | undefined;
  let unsubscribe: (() => void) | undefined;
  let cacheDir = '';
  return {
    name: 'newsroom-archive:share-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'share-cards');
      },
      'astro:build:start': () => {
        archive = undefined;
        unsubscribe = subscribe('archive', (model) => void (archive = model));
      },
      'astro:build:done': async ({ dir, logger }) => {
        unsubscribe?.();
        if (!archive)
          throw new Error('share cards: the pages published no archive; is src/data/archive.ts loaded by a page?');
        const outDir = path.join(fileURLToPath(dir), CARD_FOLDER);
        const cards = new Map<string, CardSpec>();
        for (const spec of archiveCards(archive, site, site.shareCards)) cards.set(path.basename(cardPath(spec)), spec);
        mkdirSync(cacheDir, { recursive: true });
        mkdirSync(outDir, { recursive: true });

        const missing = [...cards].filter(([name]) => !existsSync(path.join(cacheDir, name)));
        const started = performance.now();
        if (missing.length) {
          const threads = Math.min(availableParallelism(), missing.length);
          const pool = new WorkerPool<{ spec: CardSpec; file: string }, number>(
            new URL('./card-worker.ts', import.meta.url),
            threads,
            null,
          );
          try {
            await Promise.all(missing.map(([name, spec]) => pool.run({ spec, file: path.join(cacheDir, name) })));
          } finally {
            await pool.close();
          }
        }
        const seconds = (performance.now() - started) / 1000;

        // The output folder holds this build's cards, and only those.
        for (const name of readdirSync(outDir)) if (!cards.has(name)) rmSync(path.join(outDir, name), { force: true });
        for (const name of cards.keys()) {
          const from = path.join(cacheDir, name);
          const to = path.join(outDir, name);
          if (!existsSync(to) || statSync(to).ino !== statSync(from).ino) linkOrCopy(from, to);
        }
        const each = missing.length ? ` (${((seconds * 1000) / missing.length).toFixed(1)} ms each)` : '';
        logger.info(
          `share cards: ${missing.length} drawn in ${seconds.toFixed(2)} s${each}, ${cards.size - missing.length} kept → ${CARD_FOLDER}/`,
        );
      },
    },
  };
}
