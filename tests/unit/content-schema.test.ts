import { describe, expect, test } from 'vitest';
import { validateArticle, validateRegistryEntry, type ArticleRecord } from '@/lib/content/schema';
import type { ContentProblem } from '@/lib/content/errors';
import { DATE_FORMS } from '@/lib/dates';
import { deriveSummary } from '@/lib/content/summary';
import { frontmatter, md } from './helpers';

const FILE = 'content/articles/2018/deal.md';

function article(source: string, timeZone = 'UTC') {
  const parsed = frontmatter(source);
  return validateArticle(FILE, 'deal', parsed, { timeZone, derivedSummary: deriveSummary(parsed.body) });
}

function ok(source: string, timeZone = 'UTC'): ArticleRecord {
  const result = article(source, timeZone);
  if ('problems' in result) throw new Error(`expected a valid article, got ${JSON.stringify(result.problems)}`);
  return result.record;
}

function problems(source: string): ContentProblem[] {
  const result = article(source);
  if (!('problems' in result)) throw new Error('expected problems');
  return result.problems;
}

function only(source: string): ContentProblem {
  const found = problems(source);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('validateArticle: valid articles', () => {
  test('a full article becomes a clean record', () => {
    const record = ok(
      md([
        'title: "  Microsoft and Xiaomi expand their partnership  "',
        'date: 2018-02-27T06:20:00Z',
        'updated: 2018-02-28',
        'byline: Jane Doe',
        'companies: [Microsoft, Xiaomi]',
        'topics: [Cloud computing, Artificial intelligence]',
        'summary: One or two sentences.',
        'source: { name: Example News, url: https://example.com/story }',
        'draft: false',
        'lang: zh',
      ]),
    );
    expect(record).toMatchObject({
      slug: 'deal',
      file: FILE,
      title: 'Microsoft and Xiaomi expand their partnership',
      bylines: ['Jane Doe'],
      companies: ['Microsoft', 'Xiaomi'],
      topics: ['Cloud computing', 'Artificial intelligence'],
      summary: 'One or two sentences.',
      summaryDerived: false,
      source: { name: 'Example News', url: 'https://example.com/story' },
      draft: false,
      lang: 'zh',
    });
    expect(record.date).toMatchObject({ year: 2018, month: 2, day: 27, hasTime: true, zone: 'UTC' });
    expect(record.updated).toMatchObject({ year: 2018, month: 2, day: 28, hasTime: false });
  });

  test('byline may be one name or a list; duplicates are dropped', () => {
    expect(ok(md(['title: A', 'date: 2018-02-27', 'byline: Jane Doe'])).bylines).toEqual(['Jane Doe']);
    expect(ok(md(['title: A', 'date: 2018-02-27', 'byline: [Jane Doe, John Roe, Jane Doe]'])).bylines).toEqual([
      'Jane Doe',
      'John Roe',
    ]);
    expect(ok(md(['title: A', 'date: 2018-02-27'])).bylines).toEqual([]);
  });

  test('optional lists default to empty, draft to false, lang to none', () => {
    const record = ok(md(['title: A', 'date: 2018-02-27']));
    expect(record).toMatchObject({ companies: [], topics: [], draft: false });
    expect(record.lang).toBeUndefined();
    expect(record.source).toBeUndefined();
    expect(record.updated).toBeUndefined();
  });

  test('draft: true is kept (the archive leaves drafts out)', () => {
    expect(ok(md(['title: A', 'date: 2018-02-27', 'draft: true'])).draft).toBe(true);
  });

  test('lang is canonicalised', () => {
    expect(ok(md(['title: A', 'date: 2018-02-27', 'lang: ZH-hant'])).lang).toBe('zh-Hant');
    expect(ok(md(['title: A', 'date: 2018-02-27', 'lang: pt-br'])).lang).toBe('pt-BR');
  });

  test('dates without an offset use the given site time zone', () => {
    const record = ok(md(['title: A', 'date: 2018-02-27T12:00:00']), 'Europe/Berlin');
    expect(record.date.zone).toBe('Europe/Berlin');
    expect(record.date.instant).toBe(Date.parse('2018-02-27T11:00:00Z'));
  });

  test('without a summary, the first paragraph is the summary (and marked derived)', () => {
    const record = ok(md(['title: A', 'date: 2018-02-27'], '## Heading\n\nFirst *paragraph* here.\n\nSecond.\n'));
    expect(record.summary).toBe('First paragraph here.');
    expect(record.summaryDerived).toBe(true);
  });

  test('source without a name is fine', () => {
    expect(ok(md(['title: A', 'date: 2018-02-27', 'source: { url: "http://example.com/a" }'])).source).toEqual({
      url: 'http://example.com/a',
    });
  });
  test('story terms are made unless the reader asks for none (the export compares no articles)', () => {
    const source = md(['title: Harbour cranes', 'date: 2018-02-27'], 'The harbour bought new cranes.\n');
    expect(ok(source).storyTerms).toContain('harbour');
    const parsed = frontmatter(source);
    const result = validateArticle(FILE, 'deal', parsed, { timeZone: 'UTC', derivedSummary: 'x', storyTerms: false });
    if ('problems' in result) throw new Error('expected a valid article');
    expect(result.record.storyTerms).toBe('');
    expect(result.record.title).toBe('Harbour cranes');
  });
});

describe('validateArticle: each problem names the field, its line and what was expected', () => {
  test('missing date', () => {
    const p = only(md(['title: A']));
    expect(p).toMatchObject({ file: FILE, field: 'date' });
    expect(p.message).toBe(`required field is missing; expected ${DATE_FORMS}`);
  });

  test('missing title', () => {
    const p = only(md(['date: 2018-02-27']));
    expect(p.field).toBe('title');
    expect(p.message).toMatch(/required field is missing; expected a non-empty headline/);
  });

  test.each(['title: ""', 'title: "   "', 'title:'])('empty title (%s)', (line) => {
    const p = only(md(['date: 2018-02-27', line]));
    expect(p).toMatchObject({ file: FILE, line: 3, field: 'title' });
    expect(p.message).toMatch(/^expected a non-empty headline, got /);
  });

  test('impossible date: the line and the reason', () => {
    const p = only(md(['title: A', 'date: 2018-02-30']));
    expect(p).toMatchObject({ file: FILE, line: 3, field: 'date' });
    expect(p.message).toBe('"2018-02-30" is not a calendar date: 2018-02 has no day 30');
  });

  test('impossible updated date', () => {
    const p = only(md(['title: A', 'date: 2018-02-27', 'updated: 2019-02-29']));
    expect(p).toMatchObject({ line: 4, field: 'updated' });
    expect(p.message).toMatch(/has no day 29/);
  });

  test('a date that YAML reads as a number is a wrong type, with the expected forms', () => {
    const p = only(md(['title: A', 'date: 20180227']));
    expect(p).toMatchObject({ line: 3, field: 'date' });
    expect(p.message).toContain(DATE_FORMS);
    expect(p.message).toContain('20180227');
  });

  test('unknown key with a did-you-mean and the list of known fields', () => {
    const p = only(md(['title: A', 'date: 2018-02-27', 'compnies: [Microsoft]']));
    expect(p).toMatchObject({ file: FILE, line: 4, field: 'compnies' });
    expect(p.message).toBe(
      'unknown field (did you mean "companies"?); expected only title, date, byline, companies, topics, summary, source, updated, corrections, draft, lang, aliases, removed, expires, image',
    );
  });

  test('unknown key matches case-insensitively for the suggestion', () => {
    const p = only(md(['title: A', 'date: 2018-02-27', 'COMPANIES: [Microsoft]']));
    expect(p).toMatchObject({ field: 'COMPANIES', line: 4 });
    expect(p.message).toMatch(/did you mean "companies"\?/);
  });

  test('unknown key that resembles nothing gets no suggestion', () => {
    const p = only(md(['title: A', 'date: 2018-02-27', 'category: news']));
    expect(p).toMatchObject({ line: 4, field: 'category' });
    expect(p.message).toMatch(/^unknown field; expected only /);
  });

  test('unknown key inside source names the nested field', () => {
    const p = only(md(['title: A', 'date: 2018-02-27', 'source:', '  url: https://x.org', '  titel: X']));
    expect(p).toMatchObject({ field: 'source.titel', line: 6 });
    expect(p.message).toMatch(/^unknown field/);
    // NOTE: the expected list should be source's own fields (name, url); at the time of writing
    // it is the top-level list with a suggestion of "title" (reported as a bug).
  });

  test('wrong type: a company string instead of a list', () => {
    const p = only(md(['title: A', 'date: 2018-02-27', 'companies: Microsoft']));
    expect(p).toMatchObject({ line: 4, field: 'companies' });
    expect(p.message).toBe('expected a list of company names such as [Microsoft, Xiaomi], got "Microsoft"');
  });

  test('wrong type: a number title', () => {
    const p = only(md(['title: 12', 'date: 2018-02-27']));
    expect(p).toMatchObject({ line: 2, field: 'title' });
    expect(p.message).toBe('expected a non-empty headline, got number 12');
  });

  test('wrong type: draft as "yes"', () => {
    const p = only(md(['title: A', 'date: 2018-02-27', 'draft: yes']));
    expect(p).toMatchObject({ line: 4, field: 'draft' });
    expect(p.message).toBe('expected true or false, got "yes"');
  });

  test('byline must be a name or a list of names', () => {
    const p = only(md(['title: A', 'date: 2018-02-27', 'byline: 5']));
    expect(p).toMatchObject({ line: 4, field: 'byline' });
    expect(p.message).toBe('expected a name, or a list of names such as [Jane Doe, John Roe], got number 5');
  });

  test('an empty name inside a list points at the item', () => {
    const p = only(md(['title: A', 'date: 2018-02-27', 'topics:', '  - Cloud', '  - ""']));
    expect(p).toMatchObject({ line: 6, field: 'topics[1]' });
    expect(p.message).toBe('expected a non-empty name, got an empty value');
  });

  test.each(['ftp://example.com/story', 'example.com/story', 'not a url'])('bad source url %j', (url) => {
    const p = only(md(['title: A', 'date: 2018-02-27', `source: { name: X, url: "${url}" }`]));
    expect(p).toMatchObject({ line: 4, field: 'source.url' });
    expect(p.message).toBe(`expected an absolute http(s) URL, got "${url}"`);
  });

  test('source given as a plain string', () => {
    const p = only(md(['title: A', 'date: 2018-02-27', 'source: https://example.com']));
    expect(p).toMatchObject({ line: 4, field: 'source' });
    expect(p.message).toMatch(/^expected a source such as \{ name: Example News, url: https:\/\/example.com\/story \}/);
  });

  test('bad lang names the field and line', () => {
    const p = only(md(['title: A', 'date: 2018-02-27', 'lang: "not a tag!"']));
    expect(p).toMatchObject({ file: FILE, line: 4, field: 'lang' });
    // NOTE: the message should also say what was expected (a BCP 47 tag such as en, zh or
    // pt-BR); at the time of writing it is zod's bare "Invalid input" (reported as a bug).
  });

  test('every problem in a file is reported at once, sorted by where it is', () => {
    const found = problems(md(['title: ""', 'date: 2018-13-01', 'compnies: [X]', 'draft: 1']));
    expect(found.map((p) => [p.field, p.line])).toEqual(
      expect.arrayContaining([
        ['title', 2],
        ['date', 3],
        ['compnies', 4],
        ['draft', 5],
      ]),
    );
    expect(found).toHaveLength(4);
  });

  test('no summary and no paragraph to derive one from', () => {
    const p = only(md(['title: A', 'date: 2018-02-27'], '## Only a heading\n'));
    expect(p).toMatchObject({ file: FILE, field: 'summary' });
    expect(p.message).toMatch(/add a summary or a first paragraph/);
  });

  test('a draft may have no body and no summary yet (it is not published)', () => {
    expect(ok(md(['title: A', 'date: 2018-02-27', 'draft: true'], ''))).toMatchObject({ draft: true, summary: '' });
  });
});

describe('validateRegistryEntry', () => {
  const FILE_C = 'content/companies/xiaomi.md';
  const company = (source: string) => validateRegistryEntry(FILE_C, 'xiaomi', frontmatter(source));

  test('a registry entry', () => {
    expect(
      company(
        md(
          ['name: Xiaomi', 'aliases: [Xiaomi Corp, 小米, Xiaomi Corp]', 'website: https://www.mi.com'],
          'A maker of phones.',
        ),
      ),
    ).toEqual({
      record: {
        slug: 'xiaomi',
        file: FILE_C,
        name: 'Xiaomi',
        aliases: ['Xiaomi Corp', '小米'],
        website: 'https://www.mi.com',
      },
    });
  });

  test('name is required; typos and bad websites are reported with lines', () => {
    const missing = company(md(['aliases: [X]']));
    expect(missing).toEqual({
      problems: [
        { file: FILE_C, field: 'name', message: 'required field is missing; expected the company name as text' },
      ],
    });

    const bad = company(md(['name: Xiaomi', 'website: mi.com', 'alias: [Mi]']));
    expect('problems' in bad && bad.problems).toEqual(
      expect.arrayContaining([
        {
          file: FILE_C,
          line: 3,
          field: 'website',
          message: 'expected an absolute http(s) URL such as https://www.example.com, got "mi.com"',
        },
        {
          file: FILE_C,
          line: 4,
          field: 'alias',
          message: 'unknown field (did you mean "aliases"?); expected only name, aliases, website',
        },
      ]),
    );
  });
});

describe('validateArticle: messages for nested and refined fields', () => {
  test('a bad lang says what a language tag looks like', () => {
    const problem = only(md(['title: A', 'date: 2018-02-27', 'lang: "not a tag!"']));
    expect(problem).toMatchObject({ field: 'lang', line: 4 });
    expect(problem.message).toBe('expected a BCP 47 language tag such as en, zh or pt-BR, got "not a tag!"');
  });

  test('an unknown key inside source lists the fields of source', () => {
    const problem = only(md(['title: A', 'date: 2018-02-27', 'source:', '  url: https://x.org', '  titel: X']));
    expect(problem).toMatchObject({ field: 'source.titel', line: 6 });
    expect(problem.message).toBe('unknown field; expected only name, url');
  });
});

describe('corrections', () => {
  test('are dated notes of inline Markdown, kept oldest first, as written, as safe HTML and as plain text', () => {
    const record = ok(
      md([
        'title: A',
        'date: 2018-02-27',
        'corrections:',
        '  - { date: 2018-03-02, text: "A later note." }',
        '  - date: 2018-03-01T10:00:00+08:00',
        '    text: An earlier version misspelt *Xiaomi* & [its chief](https://example.com/a?b=1&c=2).',
      ]),
    );
    expect(record.corrections.map((c) => c.date.written)).toEqual(['2018-03-01T10:00:00+08:00', '2018-03-02']);
    expect(record.corrections[0]).toMatchObject({
      text: 'An earlier version misspelt *Xiaomi* & [its chief](https://example.com/a?b=1&c=2).',
      html: 'An earlier version misspelt <em>Xiaomi</em> &#x26; <a href="https://example.com/a?b=1&#x26;c=2">its chief</a>.',
      plain: 'An earlier version misspelt Xiaomi & its chief.',
    });
  });

  test('each problem names the correction, its field and line', () => {
    const found = problems(
      md([
        'title: A',
        'date: 2018-02-27',
        'corrections:',
        '  - date: 2018-02-30',
        '    text: Fine.',
        '  - date: 2018-03-01',
        '    text: "<b>HTML</b> is not a note"',
        '  - date: 2018-03-01',
        '    text: "[x](javascript:alert(1))"',
        '  - { date: 2018-03-01 }',
        '  - { date: 2018-03-01, text: ok, by: me }',
      ]),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 5,
          field: 'corrections[0].date',
          message: expect.stringMatching(/not a calendar date/),
        }),
        expect.objectContaining({ line: 8, field: 'corrections[1].text', message: expect.stringMatching(/not HTML/) }),
        expect.objectContaining({
          line: 10,
          field: 'corrections[2].text',
          message: expect.stringMatching(/javascript: URL in href/),
        }),
        expect.objectContaining({
          field: 'corrections[3].text',
          message: expect.stringMatching(/required field is missing|expected the correction/),
        }),
        expect.objectContaining({ field: 'corrections[4].by', message: expect.stringMatching(/unknown field/) }),
      ]),
    );
  });
});

describe("the fields of an archive's declared kinds", () => {
  const declared = [
    { field: 'places', multiple: true },
    { field: 'desk', multiple: false },
  ];
  const read = (lines: string[]) => {
    const parsed = frontmatter(md(lines));
    return validateArticle(FILE, 'deal', parsed, {
      timeZone: 'UTC',
      declared,
      derivedSummary: deriveSummary(parsed.body),
    });
  };

  test('are read like topics (a list) or as one name, each name once', () => {
    const result = read(['title: T', 'date: 2020-01-01', 'places: [Lyon, Paris, Lyon]', 'desk: Business']);
    if ('problems' in result) throw new Error(JSON.stringify(result.problems));
    expect(result.record.names).toEqual({ places: ['Lyon', 'Paris'], desk: ['Business'] });
  });

  test('are checked like topics, at their line, and suggested for a typo; undeclared, they are unknown', () => {
    const wrong = read(['title: T', 'date: 2020-01-01', 'places: Lyon', 'desk: [A, B]', 'plcaes: [Lyon]']);
    if (!('problems' in wrong)) throw new Error('expected problems');
    expect(wrong.problems.map((p) => [p.line, p.field])).toEqual([
      [4, 'places'],
      [5, 'desk'],
      [6, 'plcaes'],
    ]);
    expect(wrong.problems[2]!.message).toMatch(/did you mean "places"\?/);
    expect(problems(md(['title: T', 'date: 2020-01-01', 'places: [Lyon]']))[0]!.message).toMatch(/^unknown field/);
  });
});
