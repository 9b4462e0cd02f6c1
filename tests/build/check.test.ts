/**
 * `npm run check` on a folder with several bad files: every error at once as
 * `file:line: field: message`, every warning worth a look, `--json` for tools, exit codes, and
 * the content folder left as it was. (That the check finds each problem the build finds, word
 * for word, is proven in bad-input.test.ts, on every bad-input class.)
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTempDir, md, removeDir, runScript, snapshot, writeFiles, type ScriptResult } from './build-helpers';

const MICROSOFT = '---\nname: Microsoft\naliases: [Microsoft Corp]\n---\nAmerican technology company.\n';

const FILES: Record<string, string> = {
  'companies/microsoft.md': MICROSOFT,
  'companies/broken.md': '---\nname: Broken\nwebsite: not a url\n---\n',
  // The sources' registry is checked as the companies' is: a name claimed twice is an error.
  'sources/wire.md': '---\nname: Harbour Wire\naliases: [Wire Service]\n---\n',
  'sources/other-wire.md': '---\nname: Other Wire\naliases: [Wire Service]\n---\n',
  'articles/2018/good.md': md(['title: A good article', 'date: 2018-02-27T06:20:00Z', 'companies: [Microsoft]']),
  // Errors: two in one file, a file without frontmatter, broken YAML, two files on one URL.
  'articles/2018/two-errors.md': md(['title: ""', 'date: 2018-02-30']),
  'articles/2018/no-frontmatter.md': 'Just text.\n',
  'articles/2018/broken-yaml.md': md(['title: "unclosed', 'date: 2018-02-27']),
  'articles/2018/same.md': md(['title: One', 'date: 2018-03-01']),
  'articles/2019/same.md': md(['title: Two', 'date: 2018-03-01T10:00:00Z']),
  // Warnings.
  'articles/2018/typo.md': md(['title: A typo', 'date: 2018-02-27', 'companies: [Xiaomi, Microsft]']),
  'articles/2099/future.md': md(['title: From the future', 'date: 2099-01-01']),
  'articles/2018/updated-later.md': md(['title: Updated later', 'date: 2018-02-27', 'updated: 2099-01-01']),
  'articles/2018/long-summary.md': md([
    'title: Long',
    'date: 2018-02-27',
    `summary: ${'A long summary. '.repeat(25).trim()}`,
  ]),
  'articles/2018/twice-a.md': md(['title: Same Story', 'date: 2018-04-01T08:00:00Z']),
  'articles/2018/twice-b.md': md(['title: Same story!', 'date: 2018-04-01T20:00:00Z']),
  'articles/2018/markup.md': md(
    ['title: Markup', 'date: 2018-02-27'],
    'Text.\n\n<script>alert(1)</script>\n\n<img src="https://example.com/a.png" onerror="alert(1)">\n',
  ),
  'articles/2018/links.md': md(
    ['title: Links', 'date: 2018-02-27'],
    'See [the good one](../good/), [nothing](../no-such-article/) and ![a photo](./missing.jpg).\n\n![here](./present.png)\n',
  ),
  'articles/2018/present.png': 'not really a png',
};

let content: string;
let work: string;
let text: ScriptResult;
let json: ScriptResult;
let before: Record<string, string>;

beforeAll(async () => {
  work = await makeTempDir('check');
  content = path.join(work, 'content');
  await writeFiles(content, FILES);
  before = await snapshot(content);
  text = await runScript('scripts/check.mjs', [], { ARCHIVE_CONTENT_DIR: content });
  json = await runScript('scripts/check.mjs', ['--json'], { ARCHIVE_CONTENT_DIR: content });
});

afterAll(() => removeDir(work));

const at = (name: string) => path.join(content, name);

describe('npm run check on a folder with several bad files', () => {
  test('fails, and changes nothing in the content folder', async () => {
    expect(text.code, text.stdout + text.stderr).toBe(1);
    expect(await snapshot(content)).toEqual(before);
  });

  test('reports every error at once as file:line: field: message', () => {
    const lines = text.stdout.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        `${at('articles/2018/two-errors.md')}:2: title: expected a non-empty headline, got an empty value`,
        `${at('articles/2018/two-errors.md')}:3: date: "2018-02-30" is not a calendar date: 2018-02 has no day 30`,
        `${at('articles/2018/no-frontmatter.md')}:1: expected the file to start with a frontmatter block: a line "---", the fields (title, date, …), then another "---"`,
        `${at('companies/broken.md')}:3: website: expected an absolute http(s) URL such as https://www.example.com, got "not a url"`,
      ]),
    );
    expect(text.stdout).toMatch(
      /sources\/(wire|other-wire)\.md: aliases: "wire-service" also names the source in .*sources\/(wire|other-wire)\.md; each name or alias may belong to one source only/,
    );
    expect(text.stdout).toMatch(
      new RegExp(
        `${at('articles/2018/broken-yaml.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: broken YAML in the frontmatter`,
      ),
    );
    expect(text.stdout).toContain(
      `${at('articles/2019/same.md')}: date: this article and ${at('articles/2018/same.md')} would both be published at /2018/03/01/same/`,
    );
    expect(text.stdout).toMatch(
      /Checked 14 articles, 2 company files and 2 source files in [\d.]+ s: 7 errors, \d+ warnings; 1 scheduled, 0 removed, 0 expired\./,
    );
  });

  test('warns of a name close to a registry company, naming the line of the list item', () => {
    expect(text.stdout).toContain(
      `${at('articles/2018/typo.md')}:4: companies[1]: warning: "Microsft" is close to "Microsoft" (in the company registry); a misspelling would get a page of its own`,
    );
    // Xiaomi is nothing like Microsoft: no warning for it.
    expect(text.stdout).not.toMatch(/"Xiaomi" is close/);
  });

  test('lists a scheduled article (not as a problem); warns of an update in the future, a long summary and one headline twice on a day', () => {
    expect(text.stdout).toContain(
      `${at('articles/2099/future.md')}: scheduled: goes live at 2099-01-01, built nowhere until then`,
    );
    expect(text.stdout).not.toContain(`${at('articles/2099/future.md')}:3: date: warning`);
    expect(text.stdout).toContain(
      `${at('articles/2018/updated-later.md')}:4: updated: warning: 2099-01-01 is in the future`,
    );
    expect(text.stdout).toMatch(new RegExp(`long-summary\\.md:4: summary: warning: 399 characters, more than the 300`));
    expect(text.stdout).toContain(
      `${at('articles/2018/twice-b.md')}:2: title: warning: ${at('articles/2018/twice-a.md')} has the same headline on the same day`,
    );
  });

  test('warns of markup the sanitizer will remove, at its line', () => {
    expect(text.stdout).toContain(
      `${at('articles/2018/markup.md')}:8: body: warning: the sanitizer will remove <script>`,
    );
    expect(text.stdout).toContain(
      `${at('articles/2018/markup.md')}:10: body: warning: the sanitizer will remove onerror attribute`,
    );
  });

  test('warns of a relative link or image that points at nothing, and only those', () => {
    const links = text.stdout.split('\n').filter((line) => line.includes('links.md'));
    expect(links).toEqual([
      `${at('articles/2018/links.md')}:6: body: warning: link "../no-such-article/" points at /2018/02/27/no-such-article/, which the site will not have`,
      `${at('articles/2018/links.md')}:6: body: warning: image "./missing.jpg" is not a file beside the article (looked for ${at('articles/2018/missing.jpg')})`,
    ]);
  });

  test('--json gives the same findings for tools', () => {
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      ok: boolean;
      errors: { file: string; line?: number; field?: string; message: string }[];
      warnings: unknown[];
      articles: number;
      companies: number;
    };
    expect(report).toMatchObject({
      ok: false,
      articles: 14,
      companies: 2,
      sources: 2,
      lifecycle: { scheduled: [{ file: at('articles/2099/future.md'), date: '2099-01-01' }] },
    });
    expect(report.errors).toHaveLength(7);
    expect(report.errors).toContainEqual({
      file: at('articles/2018/two-errors.md'),
      line: 3,
      field: 'date',
      message: '"2018-02-30" is not a calendar date: 2018-02 has no day 30',
    });
    expect(report.warnings.length).toBe(text.stdout.split('\n').filter((line) => line.includes(': warning: ')).length);
  });
});

describe('npm run check on good content', () => {
  test('the seed archive has no error and no warning, and exits 0', async () => {
    const result = await runScript('scripts/check.mjs', []);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/Checked 2 articles and 2 company files in [\d.]+ s: 0 errors, 0 warnings\./);
  });

  test("reads the archive's settings file too: its problems are errors with the file, line and key, and no stack trace", async () => {
    const folder = path.join(work, 'bad-settings');
    await writeFiles(folder, {
      'archive.yaml': 'title: Gazette\nlanguage: "not a tag!"\n',
      'articles/a.md': md(['title: A', 'date: 2021-01-01']),
    });
    const result = await runScript('scripts/check.mjs', [], { ARCHIVE_CONTENT_DIR: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${path.join(folder, 'archive.yaml')}:2: language: expected a language tag such as en, fr or zh-Hans, got "not a tag!"`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('checks the fields of the kinds the settings declare as the build does; an undeclared one is unknown', async () => {
    const folder = path.join(work, 'declared-kinds');
    await writeFiles(folder, {
      'archive.yaml': 'kinds:\n  places: { label: Place, plural: Places }\n  desk: { label: Desk, multiple: false }\n',
      'articles/good.md': md(['title: Good', 'date: 2021-01-01', 'places: [Lyon, Paris]', 'desk: Business']),
      'articles/bad.md': md(['title: Bad', 'date: 2021-01-01', 'places: Lyon', 'regions: [North]']),
    });
    const result = await runScript('scripts/check.mjs', [], { ARCHIVE_CONTENT_DIR: folder });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const bad = path.join(folder, 'articles/bad.md');
    expect(result.stdout).toContain(`${bad}:4: places: expected a list of names such as [Lyon, Paris], got "Lyon"`);
    expect(result.stdout).toMatch(
      new RegExp(`bad\\.md:5: regions: unknown field; expected only .*, image, places, desk`),
    );
    expect(result.stdout).not.toContain('good.md');
  });

  test('warnings alone pass, unless --strict', async () => {
    const folder = path.join(work, 'warnings-only');
    await writeFiles(folder, {
      'articles/2018/updated-later.md': md(['title: Updated later', 'date: 2018-02-27', 'updated: 2099-01-01']),
    });
    expect((await runScript('scripts/check.mjs', [], { ARCHIVE_CONTENT_DIR: folder })).code).toBe(0);
    expect((await runScript('scripts/check.mjs', ['--strict'], { ARCHIVE_CONTENT_DIR: folder })).code).toBe(1);
  });
});
