/**
 * The archive as data, for real: `npm run export` on a small archive (published, draft,
 * scheduled, removed and expired articles; CJK, quotes, a formula-like headline, a body past a
 * spreadsheet cell's limit, a declared kind) in both formats; the same bytes from the last
 * build's bodies and from bodies rendered anew; the manifest's sums; content errors and bad
 * arguments; and `/data/` published with the site, the same files as the command writes.
 * (Python's csv module reads the CSV in tests/e2e/data.spec.ts, where Python is installed.)
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  astroBuild,
  makeTempDir,
  md,
  removeDir,
  runScript,
  snapshot,
  writeFiles,
  type BuildResult,
} from './build-helpers';

const LONG_PARAGRAPH = `${'A very long paragraph of the record. '.repeat(1000).trim()}`;
/** Built as if on 1 February 2024. */
const CLOCK = '1706745600';

const FILES: Record<string, string> = {
  'archive.yaml': [
    'title: Harbour Data Archive',
    'url: https://data.example.org/archive/',
    'licence: Text © Harbour Gazette, CC BY 4.0',
    'kinds:',
    '  places: { label: Place, plural: Places }',
    '',
  ].join('\n'),
  'companies/microsoft.md': '---\nname: Microsoft\naliases: [Microsoft Corp]\n---\n',
  'articles/2018/deal.md': md(
    [
      'title: "Microsoft and Xiaomi sign a \\"broad\\" deal"',
      'date: 2018-02-27T06:20:00+08:00',
      'byline: [Jane Doe]',
      'companies: [Microsoft Corp, Xiaomi]',
      'places: [Beijing]',
      'source: { name: Example Wire, url: "https://wire.example.com/deal" }',
      'corrections:',
      '  - date: 2018-03-01',
      '    text: An earlier version misspelt *Xiaomi*.',
    ],
    'The companies said the deal, "a first", covers cloud & devices.\n\n## Terms\n\nNo figures < were > given.\n',
  ),
  'articles/2019/cjk.md': md(
    ['title: 量子实验室取得突破', 'date: 2019-05-01', 'lang: zh'],
    '研究人员今天宣布，实验室取得了重要进展。\n',
  ),
  'articles/2019/formula.md': md(
    ['title: "=HYPERLINK(\\"https://evil.example\\")"', 'date: 2019-06-01', 'summary: "+1 for the spreadsheet"'],
    `${LONG_PARAGRAPH}\n`,
  ),
  'articles/2020/draft.md': md(['title: A draft', 'date: 2020-01-01', 'draft: true']),
  'articles/2030/scheduled.md': md(['title: Scheduled', 'date: 2030-01-01']),
  'articles/2020/removed.md': md([
    'title: Removed',
    'date: 2020-02-01',
    'removed: { date: 2021-01-01, reason: A court order }',
  ]),
  'articles/2020/expired.md': md(['title: Expired', 'date: 2020-03-01', 'expires: 2023-01-01']),
};

const PUBLISHED = 3;

const ndjsonRows = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ndjson'))
    .sort()
    .flatMap((name) =>
      readFileSync(path.join(dir, name), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    );

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A folder's files by their bytes alone (`snapshot` also holds their times). */
const contentsOf = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, sha256(path.join(dir, name))]),
  );

describe('npm run export', () => {
  let work: string;
  let content: string;
  let built: BuildResult;
  const env = () => ({
    ARCHIVE_CONTENT_DIR: content,
    ARCHIVE_CACHE_DIR: path.join(work, 'cache'),
    SOURCE_DATE_EPOCH: CLOCK,
  });

  beforeAll(async () => {
    work = await makeTempDir('export');
    content = path.join(work, 'content');
    await writeFiles(content, FILES);
    built = await astroBuild({
      contentDir: content,
      workDir: work,
      env: { SOURCE_DATE_EPOCH: CLOCK, ARCHIVE_PUBLISH_DATA: '1' },
    });
    expect(built.code, built.output).toBe(0);
  });
  afterAll(() => removeDir(work));

  test('one row per published article, each year its file, the text intact', async () => {
    const before = await snapshot(content);
    const out = path.join(work, 'ndjson');
    const run = await runScript('scripts/export.mjs', ['--out', out], env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Exported ${PUBLISHED} articles (2 years) as ndjson`);
    expect(run.stdout).toContain(`(${PUBLISHED} bodies from the last build, 0 rendered here)`);
    expect(readdirSync(out).sort()).toEqual(['articles-2018.ndjson', 'articles-2019.ndjson', 'manifest.json']);

    const rows = ndjsonRows(out);
    expect(rows.map((row) => row.headline)).toEqual([
      'Microsoft and Xiaomi sign a "broad" deal',
      '量子实验室取得突破',
      '=HYPERLINK("https://evil.example")',
    ]);
    const [deal, cjk, formula] = rows as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    expect(deal).toMatchObject({
      url: 'https://data.example.org/archive/2018/02/27/deal/',
      date: '2018-02-27T06:20:00+08:00',
      instant: '2018-02-27T06:20:00+08:00',
      updated: null,
      companies: ['Microsoft', 'Xiaomi'],
      authors: ['Jane Doe'],
      sources: ['Example Wire'],
      places: ['Beijing'],
      source: { name: 'Example Wire', url: 'https://wire.example.com/deal' },
      language: 'en',
      summary: 'The companies said the deal, “a first”, covers cloud & devices.',
      text: 'The companies said the deal, “a first”, covers cloud & devices.\n\nTerms\n\nNo figures < were > given.',
      corrections: [{ date: '2018-03-01', text: 'An earlier version misspelt Xiaomi.' }],
    });
    expect(cjk).toMatchObject({ language: 'zh', text: '研究人员今天宣布，实验室取得了重要进展。' });
    expect(formula.text).toBe(LONG_PARAGRAPH);
    expect(formula.words).toBe(LONG_PARAGRAPH.split(' ').length);
    // Nothing unpublished, under any name.
    const all = readdirSync(out)
      .map((name) => readFileSync(path.join(out, name), 'utf8'))
      .join('\n');
    for (const hidden of ['A draft', 'Scheduled', 'Removed', 'Expired']) expect(all).not.toContain(`"${hidden}"`);
    // The export never writes into the content folder.
    expect(await snapshot(content)).toEqual(before);
  });

  test('the manifest names every file with its count, size and SHA-256, the fields and the licence', async () => {
    const out = path.join(work, 'both');
    const run = await runScript('scripts/export.mjs', ['--format', 'csv', '--format', 'ndjson', '--out', out], env());
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      title: 'Harbour Data Archive',
      licence: 'Text © Harbour Gazette, CC BY 4.0',
      articles: PUBLISHED,
    });
    expect(manifest.formats).toEqual(['ndjson', 'csv']);
    expect(manifest.fields.map((field: { name: string }) => field.name)).toContain('places');
    expect(manifest.files).toHaveLength(4);
    for (const file of manifest.files) {
      const absolute = path.join(out, file.path);
      expect(file.sha256).toBe(sha256(absolute));
      expect(file.bytes).toBe(readFileSync(absolute).length);
    }
    expect(manifest.files.reduce((sum: number, file: { articles: number }) => sum + file.articles, 0)).toBe(
      PUBLISHED * 2,
    );
  });

  test('CSV: a byte-order mark, the formula guarded, a cell past the limit cut and named', async () => {
    const out = path.join(work, 'csv');
    const run = await runScript('scripts/export.mjs', ['--format', 'csv', '--out', out], env());
    expect(run.code, run.stderr).toBe(0);
    const csv = readFileSync(path.join(out, 'articles-2019.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFurl,headline,date,instant,updated,companies,topics,authors,sources,places,')).toBe(
      true,
    );
    expect(csv).toContain(`,"'=HYPERLINK(""https://evil.example"")",`);
    expect(csv).toContain(`,'+1 for the spreadsheet,`);
    const formulaRow = csv.split('\r\n').find((line) => line.includes('HYPERLINK'))!;
    expect(formulaRow.endsWith(',text')).toBe(true);
    expect(formulaRow.length).toBeLessThan(LONG_PARAGRAPH.length);
  });

  test('in worker threads (`--threads 2`), the same bytes as in this one', async () => {
    const threaded = path.join(work, 'threaded');
    const run = await runScript(
      'scripts/export.mjs',
      ['--format', 'ndjson', '--format', 'csv', '--threads', '2', '--out', threaded],
      env(),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`(${PUBLISHED} bodies from the last build, 0 rendered here)`);
    expect(contentsOf(threaded)).toEqual(contentsOf(path.join(work, 'both')));
  });

  test('the same bytes whether the bodies come from the last build or are rendered anew', async () => {
    const stored = path.join(work, 'both');
    rmSync(path.join(work, 'cache', 'rendered-html'), { recursive: true, force: true });
    const fresh = path.join(work, 'fresh');
    const run = await runScript('scripts/export.mjs', ['--format', 'ndjson', '--format', 'csv', '--out', fresh], env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`(0 bodies from the last build, ${PUBLISHED} rendered here)`);
    expect(contentsOf(fresh)).toEqual(contentsOf(stored));
  });

  test('/data/ is published with the site: the command’s files, a page with the fields and the licence', async () => {
    const data = path.join(built.outDir, 'data');
    const page = readFileSync(path.join(data, 'index.html'), 'utf8');
    expect(page).toContain('Text © Harbour Gazette, CC BY 4.0');
    expect(page).toContain('href="/archive/data/articles-2018.ndjson"');
    expect(page).toContain('href="/archive/data/articles-2019.csv"');
    expect(page).toContain('<code>places</code>');
    expect(readFileSync(path.join(built.outDir, 'index.html'), 'utf8')).toContain('href="/archive/data/">Data</a>');
    const files = contentsOf(data);
    delete files['index.html'];
    expect(files).toEqual(contentsOf(path.join(work, 'both')));
  });

  test('off by default: no page, no link, and the files of an earlier build removed', async () => {
    const off = await astroBuild({ contentDir: content, workDir: work, env: { SOURCE_DATE_EPOCH: CLOCK } });
    expect(off.code, off.output).toBe(0);
    expect(existsSync(path.join(off.outDir, 'data', 'index.html'))).toBe(false);
    expect(existsSync(path.join(off.outDir, 'data', 'manifest.json'))).toBe(false);
    expect(existsSync(path.join(off.outDir, 'data', 'articles-2018.csv'))).toBe(false);
    expect(readFileSync(path.join(off.outDir, 'index.html'), 'utf8')).not.toContain('/data/');
  });

  test('content errors stop it, naming the file and line; bad arguments are usage errors', async () => {
    const broken = path.join(work, 'broken');
    await writeFiles(broken, { 'articles/2018/bad.md': md(['title: Bad', 'date: 2018-02-30']) });
    const run = await runScript('scripts/export.mjs', ['--out', path.join(work, 'never')], {
      ARCHIVE_CONTENT_DIR: broken,
      ARCHIVE_CACHE_DIR: path.join(work, 'cache-broken'),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/articles\/2018\/bad\.md:\d+: date: /);
    expect(run.stderr).toContain('Nothing exported');
    expect(existsSync(path.join(work, 'never'))).toBe(false);
    // Read in worker threads, the same problems.
    const threaded = await runScript('scripts/export.mjs', ['--threads', '2', '--out', path.join(work, 'never')], {
      ARCHIVE_CONTENT_DIR: broken,
      ARCHIVE_CACHE_DIR: path.join(work, 'cache-broken'),
    });
    expect(threaded.code).toBe(1);
    expect(threaded.stderr).toBe(run.stderr);

    const format = await runScript('scripts/export.mjs', ['--format', 'xlsx'], env());
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('"xlsx" is not a format of the export');
    const inside = await runScript('scripts/export.mjs', ['--out', path.join(content, 'export')], env());
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('inside the content folder');
    const threads = await runScript('scripts/export.mjs', ['--threads', '0'], env());
    expect(threads.code).toBe(2);
    expect(threads.stderr).toContain('--threads: "0" is not a whole number of threads');
  });
});
