import { describe, expect, test } from 'vitest';
import { ContentError, formatProblem } from '@/lib/content/errors';

describe('formatProblem', () => {
  test('file:line: field: message', () => {
    expect(formatProblem({ file: 'content/articles/a.md', line: 3, field: 'date', message: 'bad' })).toBe(
      'content/articles/a.md:3: date: bad',
    );
  });
  test('without a line or field, those parts are left out', () => {
    expect(formatProblem({ file: 'a.md', field: 'date', message: 'missing' })).toBe('a.md: date: missing');
    expect(formatProblem({ file: 'a.md', line: 1, message: 'no frontmatter' })).toBe('a.md:1: no frontmatter');
    expect(formatProblem({ file: 'a.md', message: 'x' })).toBe('a.md: x');
  });
});

describe('ContentError', () => {
  test('lists every problem sorted by file then line, with a count', () => {
    const error = new ContentError([
      { file: 'b.md', line: 2, field: 'title', message: 'empty' },
      { file: 'a.md', line: 9, field: 'lang', message: 'bad tag' },
      { file: 'a.md', line: 3, field: 'date', message: 'impossible' },
      { file: 'a.md', field: 'summary', message: 'none' },
    ]);
    expect(error.name).toBe('ContentError');
    expect(error.problems.map((p) => `${p.file}:${p.line ?? '-'}`)).toEqual(['a.md:-', 'a.md:3', 'a.md:9', 'b.md:2']);
    expect(error.message).toBe(
      [
        'The content has 4 problems; nothing was built.',
        '  a.md: summary: none',
        '  a.md:3: date: impossible',
        '  a.md:9: lang: bad tag',
        '  b.md:2: title: empty',
      ].join('\n'),
    );
  });

  test('one problem reads "a problem"', () => {
    expect(new ContentError([{ file: 'a.md', message: 'x' }]).message).toMatch(
      /^The content has a problem; nothing was built\.\n {2}a\.md: x$/,
    );
  });

  test("does not reorder the caller's array", () => {
    const problems = [
      { file: 'b.md', message: 'x' },
      { file: 'a.md', message: 'y' },
    ];
    new ContentError(problems);
    expect(problems.map((p) => p.file)).toEqual(['b.md', 'a.md']);
  });

  test('the stack is just the message, not a trace into the loader', () => {
    const error = new ContentError([{ file: 'a.md', message: 'x' }]);
    expect(error.stack).toBe(`ContentError: ${error.message}`);
    expect(error).toBeInstanceOf(Error);
  });
});
