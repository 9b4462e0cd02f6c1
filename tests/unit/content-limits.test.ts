/** Limits on one content file (src/lib/content/limits.ts), and the frontmatter's alias limit. */
import { describe, expect, test } from 'vitest';
import { readContentFile, validateContentFile } from '@/lib/content/file';
import { parseFrontmatter } from '@/lib/content/frontmatter';
import { bodyLimitProblem, containerDepth, CONTENT_LIMITS } from '@/lib/content/limits';

describe('containerDepth', () => {
  test('counts blockquotes, list markers and list indentation', () => {
    expect(containerDepth('Plain text > not a quote')).toBe(0);
    expect(containerDepth('> > quoted')).toBe(2);
    expect(containerDepth('- > 1. item')).toBe(3);
    expect(containerDepth('    - nested item')).toBe(3);
    expect(containerDepth('-not a list')).toBe(0);
  });
});

describe('bodyLimitProblem', () => {
  test('real copy passes: a 1.5 MB line, lists and quotes a few deep', () => {
    expect(bodyLimitProblem(`${'a'.repeat(1_500_000)}\n`, 5)).toBeUndefined();
    expect(bodyLimitProblem('> quote\n> > reply\n\n- a\n  - b\n    - c\n', 5)).toBeUndefined();
    expect(bodyLimitProblem(`${'>'.repeat(CONTENT_LIMITS.nesting)} at the limit\n`, 5)).toBeUndefined();
  });

  test('past a limit: the line and the limit', () => {
    expect(bodyLimitProblem(`one\ntwo\n${'>'.repeat(CONTENT_LIMITS.nesting + 1)} deep\n`, 5)).toEqual({
      line: 7,
      message: 'blockquotes and lists nest more than 100 levels deep here; at most 100 are allowed',
    });
    expect(bodyLimitProblem('x'.repeat(CONTENT_LIMITS.bodyBytes + 1), 5)).toEqual({
      line: 5,
      message: 'the body is 2.0 MB; at most 2.0 MB is allowed (split the article)',
    });
  });
});

describe('parseFrontmatter and YAML aliases', () => {
  test('a few aliases are read; an alias bomb is an error at its first alias, not a crash', () => {
    const few = parseFrontmatter('---\ntitle: &t A title\nsummary: *t\n---\nBody\n');
    expect('data' in few && few.data).toEqual({ title: 'A title', summary: 'A title' });
    const bomb = ['---', 'a: &a [x, x, x]', ...Array.from({ length: 60 }, (_, i) => `k${i}: *a`), '---', ''].join('\n');
    expect(parseFrontmatter(bomb)).toEqual({
      line: 3,
      message: 'the frontmatter uses 60 YAML aliases (*name); at most 50 are allowed',
    });
  });

  test('frontmatter past its size', () => {
    const big = `---\ntitle: ${'x'.repeat(CONTENT_LIMITS.frontmatterBytes)}\n---\n`;
    expect(parseFrontmatter(big)).toEqual({ line: 2, message: 'the frontmatter is 256 KB; at most 256 KB is allowed' });
  });
});

test('an article naming more companies than the limit: the field, its line, the count and the limit', () => {
  const names = Array.from({ length: CONTENT_LIMITS.names + 1 }, (_, i) => `Company ${i}`).join(', ');
  const read = readContentFile(
    'many.md',
    '/archive/many.md',
    `---\ntitle: Many\ndate: 2020-01-01\ncompanies: [${names}]\n---\nBody.\n`,
  );
  if ('problems' in read) throw new Error('expected the file to be read');
  expect(
    validateContentFile('article', 'many.md', read.slug, read.parsed, { timeZone: 'UTC', derivedSummary: 'Body.' }),
  ).toEqual({
    problems: [
      {
        file: 'many.md',
        line: 4,
        field: 'companies',
        message: 'a list of at most 1000 names is allowed; this one has 1001',
      },
    ],
  });
  // The hostile fixture's 300 are fine.
  const fine = readContentFile(
    '300.md',
    '/archive/300.md',
    `---\ntitle: Many\ndate: 2020-01-01\ncompanies: [${names.split(', ').slice(0, 300).join(', ')}]\n---\nBody.\n`,
  );
  if ('problems' in fine) throw new Error('expected the file to be read');
  expect(
    validateContentFile('article', '300.md', fine.slug, fine.parsed, { timeZone: 'UTC', derivedSummary: 'Body.' }),
  ).not.toHaveProperty('problems');
});
