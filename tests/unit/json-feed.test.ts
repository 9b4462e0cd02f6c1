/**
 * JSON Feed 1.1 (src/lib/outputs/json-feed.ts): the required fields, the same items as the RSS feed
 * beside it, text that parses back exactly as written, RFC 3339 dates, and the media type the
 * host is told to send (public/_headers, read as scripts/serve.mjs reads it).
 */
import { readFileSync } from 'node:fs';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { feedItem, renderFeed, RSS_TYPE, siteFeedInfo, termFeedInfo } from '@/lib/outputs/feeds';
import {
  FEED_ICON,
  JSON_FEED_TYPE,
  JSON_FEED_VERSION,
  jsonFeed,
  renderJsonFeed,
  type JsonFeed,
} from '@/lib/outputs/json-feed';
import { headersFor, parseHeadersFile } from '../../scripts/serve.mjs';
import { kindHeadersRules } from '@/lib/outputs/host-headers';
import { BUILT_IN } from '@/lib/kinds';
import { feedTestArchive, feedTestContext, TRICKY_SUMMARY, TRICKY_TITLE } from './feed-fixtures';
import { record } from './helpers';

const TRICKY_COMPANY = 'Fish & Chips <Ltd> "Q" ]]> </script>';
const context = feedTestContext('News ]]> "archive" </script>');
const archive = () =>
  feedTestArchive(TRICKY_COMPANY, [
    record('chinese', '2021-06-01T08:00:00+08:00', { title: '人工智能', lang: 'zh', companies: ['Acme'] }),
  ]);

const BODY =
  '<p>See <a href="/archive/2021/01/02/plain/">the other story</a> and <a href="#fn-1">a note</a>: &#x3C;/script> ]]> &#x26;</p>';

/** The feed as a reader gets it: written out and parsed back. */
function read(feed: JsonFeed): JsonFeed {
  return JSON.parse(JSON.stringify(feed));
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

describe('JSON Feed 1.1', () => {
  test('the site feed has the version, title, items and the recommended fields, under the base', () => {
    const model = archive();
    const text = renderJsonFeed(
      siteFeedInfo(context),
      model.articles.map((a) => feedItem(a, BODY, context)),
      context,
    );
    const feed = JSON.parse(text) as JsonFeed;
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(JSON_FEED_VERSION).toBe(feed.version);
    expect(JSON_FEED_TYPE).toBe('application/feed+json');
    expect(feed.title).toBe('Test & <Archive>: latest articles');
    expect(feed.description).toBe('News ]]> "archive" </script>');
    expect(feed.home_page_url).toBe('https://news.example.org/archive/');
    expect(feed.feed_url).toBe('https://news.example.org/archive/feed.json');
    expect(feed.icon).toBe(`https://news.example.org/archive/${FEED_ICON}`);
    expect(feed.favicon).toBe(feed.icon);
    expect(feed.language).toBe('en');
    expect(feed.items).toHaveLength(4);
    // The same items give the same bytes.
    expect(
      renderJsonFeed(
        siteFeedInfo(context),
        model.articles.map((a) => feedItem(a, BODY, context)),
        context,
      ),
    ).toBe(text);
  });

  test('an item carries the permalink, title, standalone HTML, summary, dates, authors, tags and its language', () => {
    const model = archive();
    const tricky = model.articles.find((a) => a.slug === 'tricky')!;
    const item = feedItem(tricky, BODY, context);
    const [entry] = read(jsonFeed(siteFeedInfo(context), [item], context)).items;
    expect(entry).toEqual({
      id: 'https://news.example.org/archive/2022/03/04/tricky/',
      url: 'https://news.example.org/archive/2022/03/04/tricky/',
      title: TRICKY_TITLE,
      // The very HTML RSS puts in content:encoded.
      content_html: item.content,
      summary: TRICKY_SUMMARY,
      // The article's own offset; `updated`, a bare date, in the site's zone (UTC here).
      date_published: '2022-03-04T23:30:00-05:00',
      date_modified: '2022-03-06T00:00:00Z',
      authors: [
        { name: "Zoë O'Brien & Co", url: 'https://news.example.org/archive/authors/zoe-o-brien-and-co/' },
        { name: '007', url: 'https://news.example.org/archive/authors/007/' },
        { name: '1e3', url: 'https://news.example.org/archive/authors/1e3/' },
      ],
      tags: [TRICKY_COMPANY, 'Acme Corporation', 'R&D <experimental>'],
    });
    expect(entry.content_html).toContain('href="https://news.example.org/archive/2022/03/04/tricky/#fn-1"');
    expect(entry.content_html).toContain('&#x3C;/script> ]]> &#x26;');
  });

  test('optional fields are left out when the article has nothing for them; its own language is kept', () => {
    const model = archive();
    const items = read(
      jsonFeed(
        siteFeedInfo(context),
        model.articles.map((a) => feedItem(a, '', context)),
        context,
      ),
    ).items;
    const bySlug = (slug: string) => items.find((i) => i.id.endsWith(`/${slug}/`))!;
    expect(bySlug('older')).toEqual({
      id: 'https://news.example.org/archive/2020/05/06/older/',
      url: 'https://news.example.org/archive/2020/05/06/older/',
      title: 'Title of older',
      content_html: '',
      summary: 'Summary of older.',
      date_published: '2020-05-06T10:00:00Z',
    });
    expect(bySlug('chinese').language).toBe('zh');
    expect(bySlug('chinese').date_published).toBe('2021-06-01T08:00:00+08:00');
    expect(bySlug('plain').language).toBeUndefined();
    // A bare date is midnight in the site's zone.
    expect(bySlug('plain').date_published).toBe('2021-01-02T00:00:00Z');
    for (const item of items) {
      expect(item.date_published, item.id).toMatch(RFC_3339);
      if (item.date_modified) expect(item.date_modified, item.id).toMatch(RFC_3339);
      expect(Date.parse(item.date_published)).not.toBeNaN();
    }
  });

  test('titles and names with & < " ]]> </script> come back from the JSON exactly as written', () => {
    const model = archive();
    const tricky = model.articles.find((a) => a.slug === 'tricky')!;
    const term = tricky.terms.companies[0];
    const text = renderJsonFeed(termFeedInfo(term, context), [feedItem(tricky, BODY, context)], context);
    const feed = JSON.parse(text) as JsonFeed;
    expect(feed.title).toBe(`Test & <Archive>: ${TRICKY_COMPANY} (company)`);
    expect(feed.description).toBe(`The latest articles about ${TRICKY_COMPANY} in Test & <Archive>.`);
    expect(feed.items[0].title).toBe(TRICKY_TITLE);
    expect(feed.items[0].summary).toBe(TRICKY_SUMMARY);
    expect(feed.items[0].tags).toContain(TRICKY_COMPANY);
    expect(feed.items[0].authors!.map((a) => a.name)).toEqual(["Zoë O'Brien & Co", '007', '1e3']);
  });

  test("a term's JSON Feed lives beside its RSS feed and follows its page", () => {
    const feed = jsonFeed(
      termFeedInfo({ kind: 'topics', slug: 'r-and-d-experimental', name: 'R&D <experimental>' }, context),
      [],
      context,
    );
    expect(feed.feed_url).toBe('https://news.example.org/archive/topics/r-and-d-experimental/feed.json');
    expect(feed.home_page_url).toBe('https://news.example.org/archive/topics/r-and-d-experimental/');
    expect(feed.items).toEqual([]);
    expect(context.urls.jsonFeed()).toBe('/archive/feed.json');
    expect(context.urls.termJsonFeed('authors', '007')).toBe('/archive/authors/007/feed.json');
    expect(termFeedInfo({ kind: 'authors', slug: '007', name: '007' }, context).jsonHref).toBe(
      '/archive/authors/007/feed.json',
    );
  });

  test('carries the same items as the RSS feed, in the same order', async () => {
    const model = archive();
    const items = model.articles.map((a) => feedItem(a, BODY, context));
    const rss = await new Parser().parseString(await renderFeed(siteFeedInfo(context), items, context));
    const json = read(jsonFeed(siteFeedInfo(context), items, context));
    expect(json.items.map((i) => [i.id, i.url, i.title])).toEqual(rss.items.map((i) => [i.guid, i.link, i.title]));
    expect(json.items.map((i) => Date.parse(i.date_published))).toEqual(rss.items.map((i) => Date.parse(i.pubDate!)));
  });
});

describe('the host sends each feed in its own media type (public/_headers, and the rules of each kind)', () => {
  // As the build writes them: the fixed rules, then each kind's (src/integrations/security-headers.ts).
  const rules = parseHeadersFile(`${readFileSync('public/_headers', 'utf8')}\n${kindHeadersRules(BUILT_IN.keys)}`);
  const FEEDS = [
    '/',
    '/companies/acme/',
    '/topics/r-and-d/',
    '/authors/007/',
    '/sources/harbour-wire/',
    '/corrections/',
  ];

  test('JSON Feeds as application/feed+json, with one Cache-Control each', () => {
    for (const path of FEEDS.map((owner) => `${owner}feed.json`)) {
      const headers = headersFor(rules, path);
      expect(headers.get('content-type'), path).toBe('application/feed+json; charset=utf-8');
      expect(headers.get('cache-control'), path).toBe('public, max-age=0, must-revalidate');
    }
    expect(headersFor(rules, '/search/entities.json').get('content-type')).toBeUndefined();
  });

  test('RSS feeds as application/rss+xml and the OPML list as text/x-opml, with one Cache-Control each', () => {
    for (const path of FEEDS.map((owner) => `${owner}rss.xml`)) {
      const headers = headersFor(rules, path);
      expect(headers.get('content-type'), path).toBe(`${RSS_TYPE}; charset=utf-8`);
      expect(headers.get('cache-control'), path).toBe('public, max-age=0, must-revalidate');
    }
    expect(headersFor(rules, '/feeds.opml').get('content-type')).toBe('text/x-opml; charset=utf-8');
    expect(headersFor(rules, '/sitemap-0.xml').get('content-type')).toBeUndefined();
    // The subscribe pages are HTML: the host's own type; a term's page revalidates, like its feeds.
    expect(headersFor(rules, '/companies/acme/feed/').get('content-type')).toBeUndefined();
    expect(headersFor(rules, '/sources/harbour-wire/2/').get('cache-control')).toBe(
      'public, max-age=0, must-revalidate',
    );
  });
});
