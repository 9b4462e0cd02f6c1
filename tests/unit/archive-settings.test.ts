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
        'publishData: true',
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
      publishData: true,
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
        'publishData: 1',
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
      [10, 'publishData'],
    ]);
    expect(problems[0]!.message).toMatch(
      /^unknown setting \(did you mean "pageSize"\?\); the settings are title, description/,
    );
    expect(problems[1]!.message).toBe('expected an IANA time zone such as Europe/Paris, got "Mars/Olympus"');
    expect(problems.every((problem) => problem.file === FILE)).toBe(true);
  });

  test('sanitizing cannot be switched off from the content, saying why', () => {
    const { problems } = read('trustedHtml: true\n');
    expect(problems).toEqual([
      { file: FILE, line: 1, field: 'trustedHtml', message: expect.stringContaining('ARCHIVE_TRUSTED_HTML') },
    ]);
  });

  test('declares kinds of its own: label, plural, path and multiple, with defaults', () => {
    const { settings, problems } = read(
      'kinds:\n  places: { label: Place, plural: Places, path: places }\n  desk:\n    label: Desk\n    multiple: false\n',
    );
    expect(problems).toEqual([]);
    expect(settings.kinds).toEqual([
      expect.objectContaining({
        kind: 'places',
        field: 'places',
        facet: 'place',
        singular: 'Place',
        plural: 'Places',
        multiple: true,
        declared: true,
      }),
      expect.objectContaining({
        kind: 'desk',
        field: 'desk',
        facet: 'desk',
        singular: 'Desk',
        plural: 'Desks',
        multiple: false,
      }),
    ]);
    expect(settings.kinds![0]!.description).toBe('Every place in the archive, A–Z, with its number of articles.');
  });

  test("a kind that takes an article's field, a built path, a year, a used facet or an unknown key is an error at its line", () => {
    const { settings, problems } = read(
      [
        'kinds:',
        '  topics: { label: Theme }', // 2: a built-in field
        '  image: { label: Picture }', // 3: an article field
        '  series: { label: Series, path: search }', // 4: a page of the site
        '  era: { label: Era, path: "1999" }', // 5: a year
        '  wire: { label: Source }', // 6: the sources' facet
        '  desk: { label: Desk, plurl: Desks }', // 7: a typo
        '  beat: { label: Beat, multiple: "yes" }', // 8: a wrong type
        '  place: { plural: Places }', // 9: no label
        '  region: { label: Region, path: Regions! }', // 10: not a URL segment
        '  areas: { label: Area, path: companies }', // 11: a built-in kind's pages
        '  words: { label: Word }', // 12: a column of the data export
      ].join('\n'),
    );
    expect(settings.kinds).toBeUndefined();
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'kinds.topics'],
      [3, 'kinds.image'],
      [4, 'kinds.series.path'],
      [5, 'kinds.era.path'],
      [6, 'kinds.wire.label'],
      [7, 'kinds.desk.plurl'],
      [8, 'kinds.beat.multiple'],
      [9, 'kinds.place.label'],
      [10, 'kinds.region.path'],
      [11, 'kinds.areas.path'],
      [12, 'kinds.words'],
    ]);
    expect(problems[0]!.message).toContain("already an article's field");
    expect(problems[2]!.message).toBe('/search/ is already a page of the site; choose another path');
    expect(problems[3]!.message).toContain("would be read as a year's page");
    expect(problems[4]!.message).toContain('"source" (from the label) is already the sources\' facet');
    expect(problems[5]!.message).toContain('did you mean "plural"?');
    expect(problems[9]!.message).toBe("/companies/ is already the companies' pages; choose another path");
    expect(problems[10]!.message).toContain("is a column of the archive's data export");
    expect(read('kinds: places\n').problems).toEqual([
      { file: FILE, line: 1, field: 'kinds', message: expect.stringContaining('one entry per kind') },
    ]);
  });

  test('two declared kinds may not share a path or a facet', () => {
    const { problems } = read(
      'kinds:\n  places: { label: Place }\n  spots: { label: Spot, path: places }\n  towns: { label: Place, path: towns }\n',
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'kinds.spots.path'],
      [4, 'kinds.towns.label'],
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
