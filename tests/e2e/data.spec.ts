/**
 * The archive as data, read as researchers read it: the hostile archive publishes its export
 * under /data/ (tests/e2e/sites.mjs), so every cell holds what pasted text, markup and
 * spreadsheet formulas make of it. The page in Chromium; every file fetched from the server;
 * the CSV through Python's csv module and through LibreOffice Calc (headless), checked against
 * the NDJSON, which holds the text exactly (both installed by scripts/ensure-browser.mjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { LIST_SEPARATOR } from '../../src/lib/export/csv.ts';
import { HOSTILE } from '../fixtures/make-hostile-content.mjs';
import { SITES, siteUrl } from './sites.mjs';

const DATA = `${siteUrl('hostile')}data/`;

type Manifest = {
  articles: number;
  files: { path: string; format: 'ndjson' | 'csv'; year: number; articles: number; bytes: number; sha256: string }[];
};
type Row = Record<string, unknown> & { url: string; headline: string; summary: string; text: string };

async function bytes(request: APIRequestContext, url: string): Promise<Buffer> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.body();
}

/** The manifest, and the NDJSON rows and CSV files it names, as the server sends them. */
async function download(request: APIRequestContext, folder: string) {
  const manifest = JSON.parse((await bytes(request, `${DATA}manifest.json`)).toString('utf8')) as Manifest;
  const rows: Row[] = [];
  const csvFiles: string[] = [];
  for (const file of manifest.files) {
    const body = await bytes(request, `${DATA}${file.path}`);
    const local = path.join(folder, file.path);
    writeFileSync(local, body);
    if (file.format === 'csv') csvFiles.push(local);
    else
      rows.push(
        ...body
          .toString('utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Row),
      );
  }
  return { manifest, rows, csvFiles };
}

/** What Python's csv module reads: every file's rows as dicts, and whether each began with a BOM. */
const PYTHON_READER = `
import csv, json, sys
out = []
for name in sys.argv[1:]:
    with open(name, 'rb') as raw:
        bom = raw.read(3) == b'\\xef\\xbb\\xbf'
    with open(name, encoding='utf-8-sig', newline='') as f:
        out.append({'bom': bom, 'rows': list(csv.DictReader(f, strict=True))})
json.dump(out, sys.stdout, ensure_ascii=False)
`;

/** A CSV cell's text with the formula guard taken off (the NDJSON has none). */
const unguarded = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

let folder: string;
test.beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'archive-data-'));
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

test.describe('the archive as data', () => {
  test('/data/ is reached from the footer and lists every file, the fields and the licence', async ({
    page,
    request,
  }) => {
    await page.goto(siteUrl('hostile'));
    await page.getByRole('contentinfo').getByRole('link', { name: 'Data', exact: true }).click();
    await expect(page).toHaveURL(DATA);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The archive as data');
    // The hostile archive gives no licence: the page says so rather than implying one.
    await expect(page.locator('.data-licence')).toContainText('gives no licence');
    await expect(page.locator('.data-fields code').first()).toHaveText('url');
    const hrefs = await page
      .locator('.data-files a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    const manifest = JSON.parse((await bytes(request, `${DATA}manifest.json`)).toString('utf8')) as Manifest;
    expect(hrefs.sort()).toEqual(manifest.files.map((file) => `${DATA}${file.path}`).sort());
  });

  test('the NDJSON holds every published article with its text exactly', async ({ request }) => {
    const { manifest, rows } = await download(request, folder);
    // The hostile archive publishes every article it has (no drafts, nothing scheduled).
    const published = readdirSync(path.join(SITES.hostile.content, 'articles'), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.md')).length;
    expect(published).toBeGreaterThan(5);
    expect(rows).toHaveLength(published);
    expect(manifest.articles).toBe(published);
    const formulas = rows.find((row) => row.headline === HOSTILE.formulas.title);
    expect(formulas, 'the spreadsheet-formula article').toBeDefined();
    expect(formulas!.summary).toBe(HOSTILE.formulas.summary);
    expect(formulas!.text).toBe(HOSTILE.formulas.text);
    expect(formulas!.authors).toEqual([HOSTILE.formulas.byline]);
    // Text from frontmatter is data: the markup in a headline arrives as the characters typed.
    expect(rows.map((row) => row.headline)).toContain(HOSTILE.title);
  });

  test("Python's csv module reads every CSV file: a BOM, the NDJSON's rows and cells", async ({ request }) => {
    const { rows, csvFiles } = await download(request, folder);
    const read = JSON.parse(
      execFileSync('python3', ['-c', PYTHON_READER, ...csvFiles], { encoding: 'utf8', maxBuffer: 64 << 20 }),
    ) as { bom: boolean; rows: Record<string, string>[] }[];
    expect(read.every((file) => file.bom)).toBe(true);
    const cells = read.flatMap((file) => file.rows);
    expect(cells.map((cell) => cell.url)).toEqual(rows.map((row) => row.url));
    for (const [index, row] of rows.entries()) {
      const cell = cells[index]!;
      expect(unguarded(cell.headline!), row.url).toBe(row.headline);
      expect(unguarded(cell.summary!), row.url).toBe(row.summary);
      expect(unguarded(cell.authors!), row.url).toBe((row.authors as string[]).join(LIST_SEPARATOR));
      expect(cell.words, row.url).toBe(String(row.words));
      if (cell.truncated!.split(LIST_SEPARATOR).includes('text'))
        expect(row.text.startsWith(unguarded(cell.text!))).toBe(true);
      else expect(unguarded(cell.text!), row.url).toBe(row.text);
    }
    // The guard is there, and only where a spreadsheet needs it.
    const formulas = cells.find((cell) => cell.headline === `'${HOSTILE.formulas.title}`);
    expect(formulas).toMatchObject({
      summary: `'${HOSTILE.formulas.summary}`,
      authors: `'${HOSTILE.formulas.byline}`,
      text: `'${HOSTILE.formulas.text}`,
    });
    expect(cells.find((cell) => cell.headline === HOSTILE.title)).toBeDefined();
  });

  test('LibreOffice Calc opens every CSV file as text: no cell is a formula, every cell as written', async ({
    request,
  }) => {
    test.setTimeout(120_000);
    const { rows, csvFiles } = await download(request, folder);
    const sheetRows: string[][] = [];
    for (const file of csvFiles) {
      // CSV:44,34,76,1 = comma-separated, double-quoted, UTF-8, from line 1 (Calc's import dialog).
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${folder}/lo-profile`,
          '--headless',
          '--infilter=CSV:44,34,76,1',
          '--convert-to',
          'fods',
          '--outdir',
          folder,
          file,
        ],
        { stdio: 'pipe', timeout: 90_000 },
      );
      const fods = readFileSync(file.replace(/\.csv$/, '.fods'), 'utf8');
      expect(fods, `${path.basename(file)}: a formula cell`).not.toContain('table:formula=');
      const [header, ...body] = sheetOf(fods);
      const headlineColumn = header!.indexOf('headline');
      const textColumn = header!.indexOf('text');
      expect(headlineColumn).toBeGreaterThan(0);
      for (const cells of body) sheetRows.push([cells[headlineColumn] ?? '', cells[textColumn] ?? '']);
    }
    expect(sheetRows.map(([headline]) => unguarded(headline!))).toEqual(rows.map((row) => row.headline));
    // Calc drops a tab inside a cell as it imports (LibreOffice 7.4): the cells of a body's table,
    // tab-separated in the text, run together there. Python reads them (above); the README says so.
    expect(sheetRows.map(([, text]) => unguarded(text!))).toEqual(rows.map((row) => row.text.replaceAll('\t', '')));
    const formulas = sheetRows.find(([headline]) => headline === `'${HOSTILE.formulas.title}`);
    expect(formulas?.[1]).toBe(`'${HOSTILE.formulas.text}`);
  });
});

/**
 * The first sheet of a flat OpenDocument spreadsheet as rows of cell texts: paragraphs joined
 * by line breaks, Calc's runs of spaces (`text:s`), tabs and spans put back, repeated cells
 * expanded. Any other markup in a cell fails the test rather than being read wrong.
 */
function sheetOf(fods: string): string[][] {
  const table = fods.match(/<table:table [^>]*>([\s\S]*?)<\/table:table>/)?.[1] ?? '';
  return [...table.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map(([, row]) =>
    [...row!.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].flatMap(
      ([, attributes, inner]) => {
        const repeated = Number(attributes!.match(/table:number-columns-repeated="(\d+)"/)?.[1] ?? 1);
        const text = [...(inner ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>|<text:p\/>/g)]
          .map(([, paragraph]) => paragraphText(paragraph ?? ''))
          .join('\n');
        return Array.from({ length: Math.min(repeated, 64) }, () => text);
      },
    ),
  );
}

function paragraphText(paragraph: string): string {
  const text = paragraph
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, count) => ' '.repeat(Number(count ?? 1)))
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<\/?text:span[^>]*>/g, '');
  if (/</.test(text)) throw new Error(`a cell with markup this test does not read: ${text.slice(0, 200)}`);
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_, decimal, hex, name) =>
    decimal
      ? String.fromCodePoint(Number(decimal))
      : hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'],
  );
}
