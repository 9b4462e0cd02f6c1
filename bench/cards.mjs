#!/usr/bin/env node
/**
 * Share cards against their reference (`npm run bench`), in one run, nothing else running:
 * - plain: a satori + sharp card as a site would draw one without more thought: satori lays out
 *   the same card with the same fonts, sharp writes it as a PNG (with libvips's own threads), one
 *   card after another;
 * - ours: the build's own drawing (src/integrations/card-renderer.ts) in its pool of worker
 *   threads, one per core, writing each card to a file as the build does.
 * On the headlines of the first `--count` articles of a content folder; prints one JSON line
 * with the wall time per card of each, and their sizes.
 *
 *   node bench/cards.mjs --content <folder> --count 200
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import satori from 'satori';
import sharp from 'sharp';
import { fontsFor } from '../src/integrations/card-renderer.ts';
import { articleCard, CARD_SIZE, cardTree } from '../src/lib/outputs/share-cards.ts';
import { WorkerPool } from '../src/loaders/worker-pool.ts';

const { values } = parseArgs({ options: { content: { type: 'string' }, count: { type: 'string', default: '100' } } });
const folder = path.join(values.content, 'articles');
const files = readdirSync(folder, { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .slice(0, Number(values.count));
const site = { title: 'Newsroom Archive', description: '', lang: 'en' };
const specs = files.map((file) => {
  const text = readFileSync(path.join(folder, file), 'utf8');
  const title = /^title: "?(.*?)"?$/m.exec(text)?.[1] ?? file;
  const date = /^date: (\S+)/m.exec(text)?.[1] ?? '';
  return articleCard({ title, dateText: date.slice(0, 10), bylines: [] }, site);
});

// The first card warms satori and sharp up; it is not counted.
const draw = async (spec) => {
  const { fonts, family } = fontsFor(spec);
  const svg = await satori(cardTree(spec, family), { ...CARD_SIZE, fonts });
  return sharp(Buffer.from(svg)).png().toBuffer();
};
await draw(specs[0]);
let started = performance.now();
let bytes = 0;
for (const spec of specs) bytes += (await draw(spec)).length;
const plainMs = performance.now() - started;

// Ours, as the build draws them: threads started (and warmed on one card each) before the clock starts.
const threads = availableParallelism();
const out = mkdtempSync(path.join(tmpdir(), 'cards-'));
const pool = new WorkerPool(new URL('../src/integrations/card-worker.ts', import.meta.url), threads, null);
await Promise.all(
  Array.from({ length: threads }, (_, i) => pool.run({ spec: specs[0], file: path.join(out, `warm-${i}.jpg`) })),
);
started = performance.now();
await Promise.all(specs.map((spec, i) => pool.run({ spec, file: path.join(out, `${i}.jpg`) })));
const oursMs = performance.now() - started;
await pool.close();
const ourBytes = specs.reduce((sum, _, i) => sum + statSync(path.join(out, `${i}.jpg`)).size, 0);
rmSync(out, { recursive: true, force: true });

const each = (ms) => Math.round((ms / specs.length) * 10) / 10;
console.log(
  JSON.stringify({
    cards: specs.length,
    threads,
    msEach: each(plainMs),
    kbEach: Math.round(bytes / specs.length / 102.4) / 10,
    oursMsEach: each(oursMs),
    oursKbEach: Math.round(ourBytes / specs.length / 102.4) / 10,
    ratio: Math.round((oursMs / plainMs) * 100) / 100,
  }),
);
