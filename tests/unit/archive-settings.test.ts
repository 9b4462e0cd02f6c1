import { describe, expect, test } from 'vitest';
import { parseArchiveSettings } from '@/lib/content/archive-settings';

const FILE = 'content/archive.yaml';
const read = (text: string) => parseArchiveSettings(text, FILE);

describe('archive.yaml', () => {
  test('reads every setting, canonical and trimmed', () => {
    const { settings, problems } = read(
      [
        'title: Harbour Gazette Archive',
        'description: Three decades of the Harbour Gazette.',
        'url: https://archive.example.org/gazette/',
        'language: pt-br',
        'timeZone: Europe/Paris',
        'pageSize: 25',
        'ageNoticeYears: 0',
        'shareCards: false',
        'searchShardSize: 1000',
        'publisher: Published by the Harbour Gazette Trust',
        'licence: Text © Harbour Gazette, CC BY 4.0',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      title: 'Harbour Gazette Archive',
      description: 'Three decades of the Harbour Gazette.',
      url: 'https://archive.example.org/gazette/',
      language: 'pt-BR',
      timeZone: 'Europe/Paris',
      pageSize: 25,
      ageNoticeYears: 0,
      shareCards: false,
      searchShardSize: 1000,
      publisher: 'Published by the Harbour Gazette Trust',
      licence: 'Text © Harbour Gazette, CC BY 4.0',
    });
  });

  test('an empty file, or one of comments, is the defaults', () => {
    expect(read('')).toEqual({ settings: {}, problems: [] });
    expect(read('# nothing set yet\n')).toEqual({ settings: {}, problems: [] });
  });

  test('every problem named with its line and key: unknown keys with a suggestion, wrong types, bad values', () => {
    const { settings, problems } = read(
      [
        'title: Gazette',
        'pagesize: 10',
        'timeZone: Mars/Olympus',
        'pageSize: ten',
        'url: ftp://archive.example.org/',
        'shareCards: "no"',
        'description: [a, list]',
        'language: "not a tag!"',
        'ageNoticeYears: -1',
        '',
      ].join('\n'),
    );
    expect(settings).toEqual({ title: 'Gazette' });
    expect(problems.map(({ line, field }) => [line, field])).toEqual([
      [2, 'pagesize'],
      [3, 'timeZone'],
      [4, 'pageSize'],
      [5, 'url'],
      [6, 'shareCards'],
      [7, 'description'],
      [8, 'language'],
      [9, 'ageNoticeYears'],
    ]);
    expect(problems[0]!.message).toMatch(
      /^unknown setting \(did you mean "pageSize"\?\); the settings are title, description/,
    );
    expect(problems[1]!.message).toBe('expected an IANA time zone such as Europe/Paris, got "Mars/Olympus"');
    expect(problems.every((problem) => problem.file === FILE)).toBe(true);
  });

  test('sanitizing cannot be switched off from the content, and kinds of its own are refused, saying why', () => {
    const { problems } = read('trustedHtml: true\nkinds:\n  places: { label: Place }\n');
    expect(problems).toEqual([
      { file: FILE, line: 1, field: 'trustedHtml', message: expect.stringContaining('ARCHIVE_TRUSTED_HTML') },
      { file: FILE, line: 2, field: 'kinds', message: expect.stringContaining('not supported yet') },
    ]);
  });

  test('"license" is pointed to the key it is spelt as', () => {
    expect(read('license: CC BY 4.0\n').problems).toEqual([
      { file: FILE, line: 1, field: 'license', message: 'is spelt "licence" here' },
    ]);
  });

  test('broken YAML, a list instead of keys, and a repeated key are errors at their line', () => {
    expect(read('title: "Gazette\n').problems[0]).toMatchObject({
      file: FILE,
      message: expect.stringMatching(/^broken YAML/),
    });
    expect(read('- title\n').problems).toEqual([
      { file: FILE, line: 1, message: expect.stringContaining('"key: value" lines') },
    ]);
    expect(read('title: A\ntitle: B\n').problems[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^broken YAML/),
    });
  });

  test('an alias is never expanded: a setting takes a plain value', () => {
    const { problems } = read('title: &t Gazette\ndescription: *t\n');
    expect(problems).toEqual([
      { file: FILE, line: 2, field: 'description', message: 'expected a one-line description' },
    ]);
  });
});
