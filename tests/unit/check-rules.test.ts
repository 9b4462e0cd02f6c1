import { describe, expect, test } from 'vitest';
import { findRelativeTargets, isRelativeAddress } from '@/lib/content/check/body-scan';
import { hasDerivedSummary } from '@/lib/content/check/quick-summary';
import { createSitePaths } from '@/lib/content/check/site-paths';
import { editDistanceWithin } from '@/lib/edit-distance';
import { deriveSummary } from '@/lib/content/summary';
import { record } from './helpers';

describe('hasDerivedSummary agrees with the build whether a body gives a summary', () => {
  test.each([
    'Plain first paragraph.\n\nSecond.',
    '“Quoted” opening.',
    '## Only a heading\n',
    '# Heading\n\nThen prose.',
    '- a list item\n',
    '1. a numbered item\n\nand prose after.',
    'Setext heading\n===\n',
    'Setext heading\n---\n\nProse.',
    '| a | b |\n| - | - |\n| 1 | 2 |\n',
    '&#32;\n\nReal text.',
    '![only an image](x.png)\n',
    '```\ncode\n```\n',
    '<div>raw html</div>\n',
    '> a quote\n',
    '',
    '\n\n  \nLate start.',
    `${'Long words. '.repeat(300)}\n\nMore.`,
  ])('%j', (body) => {
    expect(hasDerivedSummary(body)).toBe(deriveSummary(body) !== '');
  });
});

describe('editDistanceWithin', () => {
  test('measures edits up to the limit and gives up past it', () => {
    expect(editDistanceWithin('microsoft', 'microsft', 2)).toBe(1);
    expect(editDistanceWithin('xiaomi', 'xiaomi', 1)).toBe(0);
    expect(editDistanceWithin('acme', 'globex', 2)).toBe(3);
    expect(editDistanceWithin('kitten', 'sitting', 3)).toBe(3);
  });
});

describe('relative addresses in a body', () => {
  test('finds Markdown links, images, reference definitions and raw HTML, and only relative ones', () => {
    const body = [
      'See [a](../a/), [b](https://x.org/), [c](#notes) and [d][ref].',
      '',
      '![p](photo.jpg) <img src="./raw.png"> <a href="mailto:x@y.z">mail</a>',
      '',
      '[ref]: /about/',
    ].join('\n');
    expect(findRelativeTargets(body)).toEqual([
      { kind: 'link', url: '../a/', line: 1 },
      { kind: 'link', url: '/about/', line: 1 },
      { kind: 'image', url: 'photo.jpg', line: 3 },
      { kind: 'image', url: './raw.png', line: 3 },
    ]);
    expect(findRelativeTargets('Only [absolute](https://x.org/) links.')).toEqual([]);
    expect(['//cdn.x/a', 'HTTPS://x', '#top', ''].map(isRelativeAddress)).toEqual([false, false, false, false]);
  });
});

describe('site paths', () => {
  const paths = createSitePaths([
    record('deal', '2018-02-27T06:20:00Z'),
    record('draft', '2019-01-01', { draft: true }),
  ]);
  const article = record('other', '2018-03-01');
  test('resolves a link against the article page and knows the pages a build has', () => {
    expect(paths.resolve('../../../02/27/deal', article)).toBe('2018/02/27/deal/');
    expect(paths.has('2018/02/27/deal/')).toBe(true);
    expect(paths.has('2018/02/')).toBe(true);
    expect(paths.has('companies/acme/2/')).toBe(true);
    // The pages issues 11–13 added: On this day, corrections, JSON Feeds.
    for (const page of [
      'on-this-day/',
      'on-this-day/02-29/',
      'corrections/',
      'corrections/2/',
      'feed.json',
      'topics/ai/feed.json',
    ])
      expect(paths.has(page), page).toBe(true);
    expect(paths.has('on-this-day/13-01/')).toBe(false);
    expect(paths.has('2019/01/01/draft/')).toBe(false);
    expect(paths.has('2019/')).toBe(false);
  });
});
