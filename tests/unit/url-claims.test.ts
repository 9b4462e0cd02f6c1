import { describe, expect, test } from 'vitest';
import { findUrlConflicts } from '@/lib/model/url-claims';
import { record } from './helpers';

describe('article URLs', () => {
  test('the same file name in two folders on the same day: one problem naming both files', () => {
    const first = record('deal', '2018-02-27T06:20:00Z', { file: 'content/articles/a/deal.md' });
    const second = record('deal', '2018-02-27', { file: 'content/articles/b/deal.md' });
    expect(findUrlConflicts([second, first])).toEqual([
      {
        file: 'content/articles/b/deal.md',
        field: 'date',
        message:
          'this article and content/articles/a/deal.md would both be published at /2018/02/27/deal/; rename one file or change its date',
      },
    ]);
  });

  test('collisions go by the written day: different offsets, same written day, collide', () => {
    const east = record('deal', '2018-02-27T01:00:00+08:00', { file: 'x/deal.md' });
    const west = record('deal', '2018-02-27T23:00:00-05:00', { file: 'y/deal.md' });
    expect(findUrlConflicts([east, west])).toHaveLength(1);
  });

  test('the same instant on different written days does not collide', () => {
    const east = record('deal', '2018-02-28T06:00:00+08:00', { file: 'x/deal.md' });
    const utc = record('deal', '2018-02-27T22:00:00Z', { file: 'y/deal.md' });
    expect(east.date.instant).toBe(utc.date.instant);
    expect(findUrlConflicts([east, utc])).toEqual([]);
  });

  test('different slugs on one day, or one slug on different days, are fine', () => {
    expect(
      findUrlConflicts([
        record('a', '2018-02-27'),
        record('b', '2018-02-27'),
        record('a2', '2018-02-28', { slug: 'a' }),
      ]),
    ).toEqual([]);
  });

  test('a draft does not claim its URL', () => {
    const draft = record('deal', '2018-02-27', { file: 'a/deal.md', draft: true });
    const published = record('deal', '2018-02-27', { file: 'b/deal.md' });
    expect(findUrlConflicts([draft, published])).toEqual([]);
  });

  test('three files on one URL: each later one names the first', () => {
    const files = ['c/deal.md', 'a/deal.md', 'b/deal.md'].map((file) => record('deal', '2018-02-27', { file }));
    const problems = findUrlConflicts(files);
    expect(problems.map((p) => p.file)).toEqual(['b/deal.md', 'c/deal.md']);
    for (const p of problems) expect(p.message).toContain('a/deal.md');
  });
});

describe('aliases', () => {
  const alias = (path: string, line = 7) => ({ path, line });

  test('an alias taken by two articles: a problem on the later file, at the alias line, naming the first', () => {
    const a = record('a', '2018-02-27', { file: 'a.md', aliases: [alias('news/old/', 5)] });
    const b = record('b', '2018-02-28', { file: 'b.md', aliases: [alias('other/'), alias('news/old/', 9)] });
    expect(findUrlConflicts([b, a])).toEqual([
      {
        file: 'b.md',
        line: 9,
        field: 'aliases[1]',
        message: '/news/old/ is already an alias of a.md (line 5); an alias leads to one article only',
      },
    ]);
  });

  test("an alias may not be another article's URL, its own, or a page the site builds", () => {
    const a = record('a', '2018-02-27', { file: 'a.md' });
    const b = record('b', '2019-05-01', {
      file: 'b.md',
      aliases: [
        alias('2018/02/27/a/', 3),
        alias('2019/05/01/b/', 4),
        alias('2019/', 5),
        alias('companies/acme/', 6),
        alias('feed/', 7),
        alias('search/', 8),
      ],
    });
    const problems = findUrlConflicts([a, b]);
    expect(problems.map((p) => [p.line, p.message.split(';')[0]])).toEqual([
      [3, '/2018/02/27/a/ is the URL of a.md'],
      [4, "/2019/05/01/b/ is this article's own URL"],
      [5, '/2019/ is a page the site builds'],
      [6, '/companies/acme/ is a page the site builds'],
      [7, '/feed/ is a page the site builds'],
      [8, '/search/ is a page the site builds'],
    ]);
  });

  test("a scheduled article's URL is claimed already; a draft's aliases claim nothing yet", () => {
    const scheduled = record('later', '2030-01-01', { file: 'later.md' });
    const draft = record('draft', '2018-01-01', {
      file: 'draft.md',
      draft: true,
      aliases: [alias('2030/01/01/later/')],
    });
    const other = record('other', '2018-01-02', { file: 'other.md', aliases: [alias('2030/01/01/later/')] });
    expect(findUrlConflicts([scheduled, draft, other]).map((p) => p.file)).toEqual(['other.md']);
  });
});
