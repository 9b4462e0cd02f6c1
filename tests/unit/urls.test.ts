import { describe, expect, test } from 'vitest';
import { absoluteUrl, articlePath, createUrls } from '@/lib/urls';
import { BUILT_IN } from '@/lib/kinds';
import { date } from './helpers';

const article = { date: date('2018-02-07T06:20:00+08:00'), slug: 'microsoft-and-xiaomi' };

describe('articlePath', () => {
  test('is the written calendar date, zero-padded, then the slug, without base', () => {
    expect(articlePath(article.date, article.slug)).toBe('2018/02/07/microsoft-and-xiaomi/');
    // The written day, not the UTC day (06:20+08:00 is 22:20 UTC on the 6th).
    expect(articlePath(date('2018-02-07T06:20:00+08:00'), 's')).toBe('2018/02/07/s/');
  });
});

describe('createUrls at the root', () => {
  const urls = createUrls('/');

  test('every page kind', () => {
    expect(urls.base).toBe('/');
    expect(urls.home()).toBe('/');
    expect(urls.article(article)).toBe('/2018/02/07/microsoft-and-xiaomi/');
    expect(urls.timeline()).toBe('/timeline/');
    expect(urls.year(2018)).toBe('/2018/');
    expect(urls.month(2018, 3)).toBe('/2018/03/');
    expect(urls.day(2018, 3, 5)).toBe('/2018/03/#d05');
    expect(urls.onThisDay()).toBe('/on-this-day/');
    expect(urls.onThisDay(2, 7)).toBe('/on-this-day/02-07/');
    expect(urls.onThisDay(12, 31)).toBe('/on-this-day/12-31/');
    expect(urls.termIndex('companies')).toBe('/companies/');
    expect(urls.term('topics', 'cloud-computing')).toBe('/topics/cloud-computing/');
    expect(urls.termFeed('authors', 'jane-doe')).toBe('/authors/jane-doe/rss.xml');
    expect(urls.feed()).toBe('/rss.xml');
    expect(urls.path('favicon.svg')).toBe('/favicon.svg');
    expect(urls.path('/favicon.svg')).toBe('/favicon.svg');
  });

  test('pagination: page 1 is the plain URL, later pages add the number', () => {
    expect(urls.term('companies', 'xiaomi', 1)).toBe('/companies/xiaomi/');
    expect(urls.term('companies', 'xiaomi', 2)).toBe('/companies/xiaomi/2/');
    expect(urls.term('companies', 'xiaomi', 12)).toBe('/companies/xiaomi/12/');
  });

  test('search URLs encode the query', () => {
    expect(urls.search()).toBe('/search/');
    expect(urls.search('')).toBe('/search/');
    expect(urls.search('AT&T cloud')).toBe('/search/?q=AT%26T%20cloud');
    expect(urls.search('人工智能')).toBe(`/search/?q=${encodeURIComponent('人工智能')}`);
  });
});

describe('createUrls under a sub-path', () => {
  test.each(['/archive/', 'archive', '/archive', 'archive/', '//archive//'])(
    'base %j gives /archive/ links',
    (base) => {
      const urls = createUrls(base);
      expect(urls.base).toBe('/archive/');
      expect(urls.home()).toBe('/archive/');
      expect(urls.article(article)).toBe('/archive/2018/02/07/microsoft-and-xiaomi/');
      expect(urls.timeline()).toBe('/archive/timeline/');
      expect(urls.month(2018, 12)).toBe('/archive/2018/12/');
      expect(urls.term('companies', 'xiaomi', 3)).toBe('/archive/companies/xiaomi/3/');
      expect(urls.termFeed('companies', 'xiaomi')).toBe('/archive/companies/xiaomi/rss.xml');
      expect(urls.feed()).toBe('/archive/rss.xml');
      expect(urls.search('q')).toBe('/archive/search/?q=q');
      expect(urls.onThisDay()).toBe('/archive/on-this-day/');
      expect(urls.onThisDay(2, 29)).toBe('/archive/on-this-day/02-29/');
      expect(urls.path('/favicon.svg')).toBe('/archive/favicon.svg');
    },
  );

  test('a nested base works too', () => {
    expect(createUrls('/news/archive/').article(article)).toBe('/news/archive/2018/02/07/microsoft-and-xiaomi/');
  });

  test('an empty base is the root', () => {
    expect(createUrls('').home()).toBe('/');
  });

  test('every link of every term kind starts with the base', () => {
    const urls = createUrls('/archive/');
    for (const kind of BUILT_IN.keys) {
      for (const link of [
        urls.termIndex(kind),
        urls.term(kind, 'x'),
        urls.term(kind, 'x', 2),
        urls.termFeed(kind, 'x'),
      ]) {
        expect(link.startsWith('/archive/'), link).toBe(true);
        expect(link).not.toContain('//');
      }
    }
  });
});

describe('absoluteUrl', () => {
  test('joins a base-prefixed path to the site origin without doubling the base', () => {
    expect(absoluteUrl('/archive/2018/', 'https://user.github.io/archive/')).toBe(
      'https://user.github.io/archive/2018/',
    );
    expect(absoluteUrl('/rss.xml', 'http://localhost:4321/')).toBe('http://localhost:4321/rss.xml');
    expect(absoluteUrl(createUrls('/archive/').article(article), 'https://x.org/archive/')).toBe(
      'https://x.org/archive/2018/02/07/microsoft-and-xiaomi/',
    );
  });
});
