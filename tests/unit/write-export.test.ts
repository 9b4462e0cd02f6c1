/**
 * Writing the export's files (src/export/write-export.ts) from bodies asked for in batches: rows
 * in each year's file oldest first, a year whose last article comes after the next year's first
 * in time still one file, only a few batches asked for ahead of the writing (memory stays flat
 * however large the archive), and the same bytes whatever the batch size.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeExport, type Batching } from '@/export/write-export';
import type { ExportBody } from '@/export/bodies';
import { buildArchive, type Article } from '@/lib/model/archive';
import { Kinds } from '@/lib/kinds';
import { createUrls } from '@/lib/urls';
import { record } from './helpers';

const kinds = new Kinds();
const archive = buildArchive(
  [
    record('late-in-2018', '2018-12-31T23:30:00-10:00'), // 1 January 2019, 09:30 UTC
    record('first-of-2019', '2019-01-01T02:00:00Z'),
    record('spring-2019', '2019-04-01'),
    ...Array.from({ length: 9 }, (_, i) => record(`day-${i + 1}-2018`, `2018-03-0${i + 1}`)),
  ],
  {},
  { kinds },
);
const options = (out: string) => ({
  out,
  formats: ['ndjson', 'csv'] as const,
  site: { title: 'Archive', url: 'https://example.org/', lang: 'en' },
  context: { kinds, urls: createUrls('/'), siteUrl: 'https://example.org/', lang: 'en' },
});

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

async function exportWith(batching: Batching) {
  const out = mkdtempSync(path.join(tmpdir(), 'write-export-'));
  folders.push(out);
  const asked: string[][] = [];
  let outstanding = 0;
  let most = 0;
  const bodiesOf = async (articles: readonly Article[]): Promise<ExportBody[]> => {
    asked.push(articles.map((article) => article.slug));
    most = Math.max(most, ++outstanding);
    await new Promise((resolve) => setTimeout(resolve, 1));
    outstanding -= 1;
    return articles.map((article) => ({ text: `Body of ${article.slug}.`, words: 3, summary: article.summary }));
  };
  const manifest = await writeExport(archive.articles, bodiesOf, options(out), batching);
  const files = Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(path.join(out, name), 'utf8')]));
  return { manifest, files, asked, most };
}

const slugsOf = (ndjson: string) =>
  ndjson
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { url: string }).url.split('/').at(-2));

describe('writeExport', () => {
  test('each year one file, oldest first, even when a year ends after the next begins', async () => {
    const { files, manifest } = await exportWith({ size: 2, ahead: 2 });
    expect(slugsOf(files['articles-2018.ndjson']!)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `day-${i + 1}-2018`),
      'late-in-2018',
    ]);
    expect(slugsOf(files['articles-2019.ndjson']!)).toEqual(['first-of-2019', 'spring-2019']);
    expect(manifest.files.map((file) => [file.path, file.articles])).toEqual([
      ['articles-2018.csv', 10],
      ['articles-2018.ndjson', 10],
      ['articles-2019.csv', 2],
      ['articles-2019.ndjson', 2],
    ]);
  });

  test('bodies are asked for in batches, never more than `ahead` at once, each article once', async () => {
    const { asked, most } = await exportWith({ size: 3, ahead: 2 });
    expect(asked.map((batch) => batch.length)).toEqual([3, 3, 3, 3]);
    expect(new Set(asked.flat()).size).toBe(12);
    expect(most).toBe(2);
  });

  test('the same bytes whatever the batching', async () => {
    const one = await exportWith({ size: 1, ahead: 1 });
    const many = await exportWith({ size: 5, ahead: 3 });
    expect(many.files).toEqual(one.files);
    expect(many.manifest).toEqual(one.manifest);
  });
});
