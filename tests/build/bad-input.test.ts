/**
 * README, "Errors": every bad-input class stops the real build non-zero, with a message that
 * names the file, the line (where there is one) and the field, and says what was expected.
 * Each class gets its own temporary content folder holding one valid article besides the bad
 * one, so the failure can only come from the bad input.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DATE_FORMS } from '@/lib/dates';
import {
  astroBuild,
  buildProblemLines,
  makeTempDir,
  md,
  re,
  removeDir,
  runScript,
  snapshot,
  writeFiles,
  type BuildResult,
} from './build-helpers';

const VALID = md(['title: A valid article', 'date: 2018-02-27T06:20:00Z', 'companies: [Microsoft]']);

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map(removeDir));
});

/** Builds a temp content folder made of `files`; checks the folder is left untouched. */
async function buildBad(name: string, files: Record<string, string>): Promise<BuildResult & { content: string }> {
  const work = await makeTempDir(`bad-${name}`);
  temps.push(work);
  const content = path.join(work, 'content');
  await writeFiles(content, { 'articles/valid.md': VALID, ...files });
  const before = await snapshot(content);
  const result = await astroBuild({ contentDir: content, workDir: work });
  expect(await snapshot(content), 'the build modified the content folder').toEqual(before);
  // `npm run check` reads with the build's own rules: it must report each problem the build
  // reported, word for word, and fail too.
  const check = await runScript('scripts/check.mjs', [], { ARCHIVE_CONTENT_DIR: content });
  const problems = buildProblemLines(result.output);
  expect(problems.length, result.output).toBeGreaterThan(0);
  expect(check.code, check.stdout + check.stderr).toBe(1);
  for (const line of problems)
    expect(check.stdout.split('\n'), 'npm run check missed a problem the build found').toContain(line);
  return { ...result, content };
}

/** The build failed with exactly one content problem, and built no pages. */
function expectOneProblem(result: BuildResult): void {
  expect(result.code, result.output).not.toBe(0);
  expect(result.output).toContain('The content has a problem; nothing was built.');
  expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
}

describe('the build stops with a clear message for each bad-input class', () => {
  test('missing date: names the file and the field, and the expected forms', async () => {
    const result = await buildBad('missing-date', { 'articles/no-date.md': md(['title: Microsoft and Xiaomi']) });
    expectOneProblem(result);
    const file = path.join(result.content, 'articles/no-date.md');
    expect(result.output).toContain(`${file}: date: required field is missing; expected ${DATE_FORMS}`);
  });

  test('impossible date: names the file, the line and the field, and why it is impossible', async () => {
    const result = await buildBad('impossible-date', {
      'articles/impossible.md': md(['title: Microsoft and Xiaomi', 'date: 2018-02-30', 'topics: [Cloud computing]']),
    });
    expectOneProblem(result);
    const file = path.join(result.content, 'articles/impossible.md');
    expect(result.output).toContain(`${file}:3: date: "2018-02-30" is not a calendar date: 2018-02 has no day 30`);
  });

  test('empty title: names the file, the line and the field, and expects a non-empty headline', async () => {
    const result = await buildBad('empty-title', { 'articles/empty-title.md': md(['date: 2018-02-27', 'title: ""']) });
    expectOneProblem(result);
    const file = path.join(result.content, 'articles/empty-title.md');
    expect(result.output).toContain(`${file}:3: title: expected a non-empty headline, got an empty value`);
  });

  test('wrong type: a company name where a list is expected', async () => {
    const result = await buildBad('wrong-type', {
      'articles/wrong-type.md': md(['title: Microsoft and Xiaomi', 'date: 2018-02-27', 'companies: Microsoft']),
    });
    expectOneProblem(result);
    const file = path.join(result.content, 'articles/wrong-type.md');
    expect(result.output).toContain(
      `${file}:4: companies: expected a list of company names such as [Microsoft, Xiaomi], got "Microsoft"`,
    );
  });

  test('unknown key: a typo is an error with a suggestion, not silently dropped', async () => {
    const result = await buildBad('unknown-key', {
      'articles/typo.md': md(['title: Microsoft and Xiaomi', 'date: 2018-02-27', 'compnies: [Microsoft, Xiaomi]']),
    });
    expectOneProblem(result);
    const file = path.join(result.content, 'articles/typo.md');
    expect(result.output).toMatch(
      new RegExp(
        `${re(file)}:4: compnies: unknown field \\(did you mean "companies"\\?\\); expected only title, date, .*companies`,
      ),
    );
  });

  test('broken YAML: names the file and the line, for a stray colon and for an unclosed quote', async () => {
    const result = await buildBad('broken-yaml', {
      'articles/colon.md': md(['date: 2018-02-27', 'title: Microsoft: the deal with Xiaomi']),
      'articles/quote.md': md([
        'date: 2018-02-27',
        'title: "Microsoft and Xiaomi',
        'topics: [Cloud computing]',
        'byline: Jane Doe',
      ]),
    });
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain('The content has 2 problems; nothing was built.');
    const colon = path.join(result.content, 'articles/colon.md');
    const quote = path.join(result.content, 'articles/quote.md');
    expect(result.output).toMatch(new RegExp(`${re(colon)}:3: broken YAML in the frontmatter: \\S`));
    // Reported at the line that opened the quote, not where the text ran out.
    expect(result.output).toContain(`${quote}:3: broken YAML in the frontmatter: Missing closing "quote`);
  });

  test('two articles on one URL: the same file name in two folders on the same day names both files', async () => {
    const result = await buildBad('collision', {
      'articles/wire/microsoft-xiaomi.md': md(['title: From the wire', 'date: 2018-03-01T09:00:00Z']),
      'articles/desk/microsoft-xiaomi.md': md(['title: From the desk', 'date: 2018-03-01']),
    });
    expectOneProblem(result);
    const desk = path.join(result.content, 'articles/desk/microsoft-xiaomi.md');
    const wire = path.join(result.content, 'articles/wire/microsoft-xiaomi.md');
    const line = result.output.split('\n').find((l) => l.includes('would both be published at'));
    expect(line, result.output).toBeDefined();
    expect(line).toContain(desk);
    expect(line).toContain(wire);
    expect(line).toContain('/2018/03/01/microsoft-xiaomi/');
    expect(line).toMatch(/rename one file or change its date/);
  });

  test('aliases: one taken twice, one that is a page of the site, one with a query; each at its line', async () => {
    const result = await buildBad('aliases', {
      'articles/first.md': md(['title: First', 'date: 2018-03-01', 'aliases: [/news/story/]']),
      'articles/second.md': md(['title: Second', 'date: 2018-03-02', 'aliases:', '  - /news/story/', '  - /timeline/']),
      'articles/third.md': md(['title: Third', 'date: 2018-03-03', 'aliases: [/story.php?id=3]']),
    });
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain('The content has 3 problems; nothing was built.');
    const at = (name: string) => path.join(result.content, `articles/${name}.md`);
    expect(result.output).toContain(
      `${at('second')}:5: aliases[0]: /news/story/ is already an alias of ${at('first')} (line 4); an alias leads to one article only`,
    );
    expect(result.output).toContain(
      `${at('second')}:6: aliases[1]: /timeline/ is a page the site builds; an alias must be a path no page has`,
    );
    expect(result.output).toContain(`${at('third')}:4: aliases[0]: "/story.php?id=3" has a query or fragment (? or #)`);
  });

  test('a file saved as Latin-1: an error at the first byte that is not UTF-8, nothing published with replacement characters', async () => {
    // "Café" and "crème" with each accent as one Latin-1 byte, where UTF-8 has two.
    const bytes = Buffer.concat([
      Buffer.from('---\ntitle: Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\ndate: 2018-03-01\n---\n\nUne cr'),
      Buffer.from([0xe8]),
      Buffer.from('me.\n'),
    ]);
    const result = await buildBad('latin-1', { 'articles/latin-1.md': bytes as unknown as string });
    expectOneProblem(result);
    expect(result.output).toContain(
      `${path.join(result.content, 'articles/latin-1.md')}:2: the file is not UTF-8: byte 0xE9 at column 11 is not valid UTF-8 (a file saved as Latin-1 or Windows-1252?); save it as UTF-8`,
    );
  });

  test('past the limits: an alias bomb, 20,000 nested quotes, 600 nested list items, a 3 MB body; each file named, no crash', async () => {
    const bomb = [
      'title: Bomb',
      'date: 2018-03-01',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    ];
    const list = Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const result = await buildBad('limits', {
      'articles/bomb.md': md(bomb),
      'articles/quotes.md': md(['title: Quotes', 'date: 2018-03-01'], `${'>'.repeat(20000)} deep\n`),
      'articles/list.md': md(['title: List', 'date: 2018-03-01'], `${list}\n`),
      'articles/huge.md': md(['title: Huge', 'date: 2018-03-01'], `${'word '.repeat(600_000)}\n`),
    });
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain('The content has 4 problems; nothing was built.');
    expect(result.output).not.toMatch(/RangeError|ReferenceError|Maximum call stack/);
    const at = (name: string) => path.join(result.content, 'articles', `${name}.md`);
    expect(result.output).toContain(
      `${at('bomb')}:5: the frontmatter uses 72 YAML aliases (*name); at most 50 are allowed`,
    );
    expect(result.output).toContain(
      `${at('quotes')}:6: blockquotes and lists nest more than 100 levels deep here; at most 100 are allowed`,
    );
    expect(result.output).toContain(
      `${at('list')}:106: blockquotes and lists nest more than 100 levels deep here; at most 100 are allowed`,
    );
    expect(result.output).toContain(
      `${at('huge')}:5: the body is 2.9 MB; at most 2.0 MB is allowed (split the article)`,
    );
  });

  test('a removal without a reason, and an expiry before the article was published', async () => {
    const result = await buildBad('removal', {
      'articles/removed.md': md(['title: Removed', 'date: 2018-03-01', 'removed: { date: 2019-01-01 }']),
      'articles/expires.md': md(['title: Expires', 'date: 2018-03-01', 'expires: 2018-02-01']),
    });
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain(
      `${path.join(result.content, 'articles/removed.md')}:4: removed.reason: required field is missing`,
    );
    expect(result.output).toContain(
      `${path.join(result.content, 'articles/expires.md')}:4: expires: 2018-02-01 is not after the article's date (2018-03-01); an article must be published before it expires`,
    );
  });

  test("a declared kind's field of the wrong type: the file, the line and the field, as for topics", async () => {
    const result = await buildBad('declared-kind', {
      'archive.yaml': 'kinds:\n  places: { label: Place, plural: Places }\n',
      'articles/placed.md': md(['title: Placed', 'date: 2018-03-01', 'places: Lyon']),
    });
    expectOneProblem(result);
    const file = path.join(result.content, 'articles/placed.md');
    expect(result.output).toContain(`${file}:4: places: expected a list of names such as [Lyon, Paris], got "Lyon"`);
  });

  test('a source claimed by two entries of the sources registry', async () => {
    const result = await buildBad('source-registry', {
      'sources/wire.md': '---\nname: Harbour Wire\naliases: [The Wire]\n---\n',
      'sources/other.md': '---\nname: Other Wire\naliases: [The Wire]\n---\n',
    });
    expectOneProblem(result);
    expect(result.output).toMatch(/sources\/(wire|other)\.md: aliases: "the-wire" also names the source in /);
  });
});
