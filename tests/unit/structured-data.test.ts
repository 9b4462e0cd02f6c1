import { describe, expect, test } from 'vitest';
import { buildArchive } from '@/lib/model/archive';
import { isSitemapPage, robotsTxt, sitemapLastmod } from '@/lib/outputs/sitemap';
import { lastModified, updatedDate } from '@/lib/model/modified';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/outputs/structured-data';
import { indexRegistry } from '@/lib/model/terms';
import { createUrls } from '@/lib/urls';
import { company, date, record } from './helpers';

const TRICKY_TITLE = 'Q&A: <b>"Tags"</b> & ]]> end </script> here';
const site = { title: 'Test Archive', url: 'https://news.example.org/archive/', lang: 'en' };
const urls = createUrls('/archive/');

function archive() {
  const indexed = indexRegistry([
    { ...company('acme', 'Acme Corporation', ['Acme']), website: 'https://acme.example/' },
  ]);
  const registry = indexed.ok ? indexed.index : undefined;
  if (Array.isArray(registry)) throw new Error('registry');
  return buildArchive(
    [
      record('tricky', '2022-03-04T23:30:00-05:00', {
        title: TRICKY_TITLE,
        bylines: ['Jane </script> Doe'],
        companies: ['Fish & Chips <Ltd> "Q"', 'Acme'],
        topics: ['R&D <experimental>'],
        summary: 'Summary with </script><script>alert(1)</script> inside.',
        updated: date('2022-03-06'),
        source: { name: 'Example & Sons', url: 'https://example.com/story?a=1&b=2' },
        lang: 'en-GB',
      }),
      record('a1', '2021-01-05T10:00:00+02:00', { companies: ['Acme'] }),
      record('a2', '2021-01-03', { companies: ['Acme'], updated: date('2021-02-01T12:00:00+01:00') }),
      record('a3', '2020-12-31', { companies: ['Acme'] }),
      record('staff', '2019-07-01'),
    ],
    { companies: registry },
  );
}

describe('newsArticleJsonLd', () => {
  test('describes the article with absolute URLs and its dates in their written zone', () => {
    const tricky = archive().articles[0];
    const data = newsArticleJsonLd(tricky, { site, urls }, (slug) =>
      slug === 'acme' ? 'https://acme.example/' : undefined,
    );
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': 'https://news.example.org/archive/2022/03/04/tricky/#article',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.org/archive/2022/03/04/tricky/' },
      url: 'https://news.example.org/archive/2022/03/04/tricky/',
      headline: TRICKY_TITLE,
      description: 'Summary with </script><script>alert(1)</script> inside.',
      datePublished: '2022-03-04T23:30:00-05:00',
      dateModified: '2022-03-06T00:00:00Z',
      inLanguage: 'en-GB',
      author: [
        {
          '@type': 'Person',
          name: 'Jane </script> Doe',
          url: 'https://news.example.org/archive/authors/jane-script-doe/',
        },
      ],
      publisher: { '@type': 'Organization', name: 'Test Archive', url: 'https://news.example.org/archive/' },
      about: [
        {
          '@type': 'Organization',
          name: 'Fish & Chips <Ltd> "Q"',
          url: 'https://news.example.org/archive/companies/fish-and-chips-ltd-q/',
        },
        {
          '@type': 'Organization',
          name: 'Acme Corporation',
          url: 'https://news.example.org/archive/companies/acme/',
          sameAs: 'https://acme.example/',
        },
      ],
      keywords: ['R&D <experimental>'],
      isBasedOn: { '@type': 'CreativeWork', url: 'https://example.com/story?a=1&b=2', name: 'Example & Sons' },
    });
  });

  test('without a byline the publisher is the author; without companies or topics those fields are absent', () => {
    const staff = archive().articles.find((a) => a.slug === 'staff')!;
    const data = newsArticleJsonLd(staff, { site, urls });
    expect(data.author).toEqual([
      { '@type': 'Organization', name: 'Test Archive', url: 'https://news.example.org/archive/' },
    ]);
    expect(data.dateModified).toBe(data.datePublished);
    expect(data.inLanguage).toBe('en');
    expect(data).not.toHaveProperty('about');
    expect(data).not.toHaveProperty('keywords');
    expect(data).not.toHaveProperty('isBasedOn');
  });
});

describe('serializeJsonLd', () => {
  test('no text can end the script element or open a comment, and JSON.parse gives it all back', () => {
    const data = { headline: TRICKY_TITLE, a: '</SCRIPT >', b: '<!-- x -->', c: 'line\u2028sep\u2029end', d: 'R&D' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('sitemap', () => {
  const context = { urls, siteUrl: site.url, pageSize: 2 };
  const abs = (path: string) => `https://news.example.org${path}`;

  test('an article is last modified when updated, else when published, in its written zone', () => {
    const lastmod = sitemapLastmod(archive(), context);
    expect(lastmod.get(abs('/archive/2022/03/04/tricky/'))).toBe('2022-03-06T00:00:00Z');
    expect(lastmod.get(abs('/archive/2021/01/05/a1/'))).toBe('2021-01-05T10:00:00+02:00');
  });

  test('a listing page is last modified when the newest change among its articles happened', () => {
    const lastmod = sitemapLastmod(archive(), context);
    expect(lastmod.get(abs('/archive/'))).toBe('2022-03-06T00:00:00Z');
    expect(lastmod.get(abs('/archive/companies/'))).toBe('2022-03-06T00:00:00Z');
    expect(lastmod.get(abs('/archive/2021/'))).toBe('2021-02-01T12:00:00+01:00');
    expect(lastmod.get(abs('/archive/2021/01/'))).toBe('2021-02-01T12:00:00+01:00');
    expect(lastmod.get(abs('/archive/2020/12/'))).toBe('2020-12-31T00:00:00Z');
    // Acme, newest first: tricky, a1 | a2, a3 (two a page).
    expect(lastmod.get(abs('/archive/companies/acme/'))).toBe('2022-03-06T00:00:00Z');
    expect(lastmod.get(abs('/archive/companies/acme/2/'))).toBe('2021-02-01T12:00:00+01:00');
    expect(lastmod.has(abs('/archive/companies/acme/3/'))).toBe(false);
    expect(lastmod.has(abs('/archive/search/'))).toBe(false);
  });

  test('only HTML pages go in the sitemap, not feeds, OPML, robots.txt or the search page', () => {
    const inSitemap = (path: string) => isSitemapPage(abs(path), context);
    expect(inSitemap('/archive/')).toBe(true);
    expect(inSitemap('/archive/companies/acme/2/')).toBe(true);
    expect(inSitemap('/archive/2022/03/04/tricky/')).toBe(true);
    expect(inSitemap('/archive/rss.xml')).toBe(false);
    expect(inSitemap('/archive/companies/acme/rss.xml')).toBe(false);
    expect(inSitemap('/archive/feeds.opml')).toBe(false);
    expect(inSitemap('/archive/robots.txt')).toBe(false);
    expect(inSitemap('/archive/search/')).toBe(false);
  });

  test('robots.txt names the sitemap index', () => {
    expect(robotsTxt('https://news.example.org/archive/sitemap-index.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/archive/sitemap-index.xml\n',
    );
  });
});

describe('corrections', () => {
  const correction = (written: string, plain: string) => ({ date: date(written), text: plain, html: plain, plain });

  test('each is a CorrectionComment, and the latest change of updated and corrections is dateModified', () => {
    const [article] = buildArchive([
      record('fixed', '2020-01-01T09:00:00Z', {
        updated: date('2020-01-02'),
        corrections: [
          correction('2020-01-03T08:00:00+01:00', 'An earlier version misspelt Xiaomi.'),
          correction('2020-01-05', 'A figure was wrong: 92.4 million, not 94.2.'),
        ],
      }),
    ]).articles;
    const data = JSON.parse(serializeJsonLd(newsArticleJsonLd(article, { site, urls })));
    expect(data.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        datePublished: '2020-01-03T08:00:00+01:00',
        text: 'An earlier version misspelt Xiaomi.',
      },
      {
        '@type': 'CorrectionComment',
        datePublished: '2020-01-05T00:00:00Z',
        text: 'A figure was wrong: 92.4 million, not 94.2.',
      },
    ]);
    expect(data.dateModified).toBe('2020-01-05T00:00:00Z');
    expect(lastModified(article).written).toBe('2020-01-05');
    expect(updatedDate(article)?.written).toBe('2020-01-05');
  });

  test('an article without corrections or updates has none, and no "Updated" date', () => {
    const [article] = buildArchive([record('plain', '2020-01-01')]).articles;
    expect(newsArticleJsonLd(article, { site, urls }).correction).toBeUndefined();
    expect(updatedDate(article)).toBeUndefined();
  });
});
