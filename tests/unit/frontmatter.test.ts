import { describe, expect, test } from 'vitest';
import { parseFrontmatter, type FrontmatterFailure } from '@/lib/content/frontmatter';
import { frontmatter } from './helpers';

function failure(source: string): FrontmatterFailure {
  const parsed = parseFrontmatter(source);
  if ('lineOf' in parsed) throw new Error('expected the frontmatter to fail');
  return parsed;
}

describe('parseFrontmatter: valid files', () => {
  test('splits data and body, and keeps dates as the written strings', () => {
    const parsed = frontmatter(
      '---\ntitle: Microsoft and Xiaomi\ndate: 2018-02-27T06:20:00+08:00\nupdated: 2018-02-28\n---\n\nBody text.\n',
    );
    // The YAML 1.1 timestamp type would have turned these into Date objects and lost the offset.
    expect(parsed.data).toEqual({
      title: 'Microsoft and Xiaomi',
      date: '2018-02-27T06:20:00+08:00',
      updated: '2018-02-28',
    });
    expect(parsed.body).toBe('\nBody text.\n');
  });

  test('YAML core schema: yes/no stay strings, true/false are booleans', () => {
    expect(frontmatter('---\na: yes\nb: true\nc: 12\n---\n').data).toEqual({ a: 'yes', b: true, c: 12 });
  });

  test('lineOf gives the file line of fields, list items and nested fields', () => {
    const parsed = frontmatter(
      [
        '---',
        'title: A',
        'date: 2018-02-27',
        'companies:',
        '  - Microsoft',
        '  - Xiaomi',
        'source: { name: X, url: https://x.org }',
        '---',
        'Body',
      ].join('\n'),
    );
    expect(parsed.lineOf(['title'])).toBe(2);
    expect(parsed.lineOf(['date'])).toBe(3);
    expect(parsed.lineOf(['companies'])).toBe(5); // the value starts at the first item
    expect(parsed.lineOf(['companies', 0])).toBe(5);
    expect(parsed.lineOf(['companies', 1])).toBe(6);
    expect(parsed.lineOf(['source', 'url'])).toBe(7);
    expect(parsed.lineOf(['missing'])).toBeUndefined();
  });

  test('lineOf points at a key whose value is empty', () => {
    const parsed = frontmatter('---\ntitle: A\nsummary:\ndate: 2018-02-27\n---\n');
    expect(parsed.lineOf(['summary'])).toBe(3);
  });

  test('an empty frontmatter block is an empty map', () => {
    const parsed = frontmatter('---\n---\nBody');
    expect(parsed.data).toEqual({});
    expect(parsed.body).toBe('Body');
  });

  test('a byte-order mark and CRLF line endings are accepted', () => {
    const parsed = frontmatter('\uFEFF---\r\ntitle: A\r\ndate: 2018-02-27\r\n---\r\nBody\r\n');
    expect(parsed.data).toEqual({ title: 'A', date: '2018-02-27' });
    expect(parsed.body).toBe('Body\r\n');
    expect(parsed.lineOf(['date'])).toBe(3);
  });

  test('a "---" inside the body (a thematic break) does not end the frontmatter twice', () => {
    const parsed = frontmatter('---\ntitle: A\n---\nOne\n\n---\n\nTwo\n');
    expect(parsed.data).toEqual({ title: 'A' });
    expect(parsed.body).toBe('One\n\n---\n\nTwo\n');
  });
});

describe('parseFrontmatter: errors point at the right line', () => {
  test('no frontmatter at all: line 1', () => {
    const f = failure('# Just a heading\n\nText.');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/start with a frontmatter block/);
  });

  test('frontmatter not at the very start is no frontmatter', () => {
    expect(failure('\n---\ntitle: A\n---\n').line).toBe(1);
  });

  test('a block that is never closed', () => {
    const f = failure('---\ntitle: A\ndate: 2018-02-27\n\nBody');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/never closed/);
  });

  test('an unclosed double quote points at the line that opened it, not where the text ran out', () => {
    const f = failure(
      '---\ndate: 2018-02-27\ntitle: "Microsoft and Xiaomi\ncompanies: [Microsoft]\ntopics: [AI]\n---\nBody',
    );
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/^broken YAML in the frontmatter: Missing closing "quote/);
  });

  test('an unclosed single quote, likewise', () => {
    const f = failure("---\ntitle: 'Microsoft\ndate: 2018-02-27\n---\n");
    expect(f.line).toBe(2);
    expect(f.message).toMatch(/Missing closing 'quote/);
  });

  test('a colon inside an unquoted title', () => {
    const f = failure('---\ndate: 2018-02-27\ntitle: Microsoft: the deal\n---\n');
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/^broken YAML in the frontmatter: /);
    // The message is one line, without yaml's own "at line …" (the line is given separately).
    expect(f.message).not.toMatch(/\n|at line \d/);
  });

  test('tab indentation', () => {
    const f = failure('---\ntitle: A\n\tdate: 2018-02-27\n---\n');
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/Tabs are not allowed/);
  });

  test('a duplicate key is an error at the second occurrence', () => {
    const f = failure('---\ntitle: A\ndate: 2018-02-27\ntitle: B\n---\n');
    expect(f.line).toBe(4);
    expect(f.message).toMatch(/Map keys must be unique/);
  });

  test('frontmatter that is a list or a plain string is not a set of fields', () => {
    for (const source of ['---\n- title\n- date\n---\n', '---\njust some text\n---\n']) {
      const f = failure(source);
      expect(f.line).toBe(2);
      expect(f.message).toMatch(/set of "field: value" lines/);
    }
  });
});

describe('parseFrontmatter points at the opener of an unclosed flow list', () => {
  test('an unclosed [ is reported on its own line', () => {
    const result = parseFrontmatter('---\ntitle: A\ncompanies: [Microsoft, Xiaomi\ndate: 2018-02-27\n---\nBody\n');
    expect('lineOf' in result).toBe(false);
    expect(result).toMatchObject({ line: 3 });
  });
});
