/**
 * Feeds, OPML, sitemap and robots.txt of real builds, read the way feed readers and crawlers
 * read them: every feed through an XML validator and a real feed parser, every JSON Feed beside
 * it through JSON.parse and against its RSS feed, the sitemap against the sitemaps.org XSD
 * (xmllint, see scripts/ensure-browser.mjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import type { JsonFeed } from '../../src/lib/outputs/json-feed.ts';
import { checkXml } from '../../src/lib/xml.ts';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import Parser from 'rss-parser';
import { visit } from 'unist-util-visit';
import { FIXTURE } from '../fixtures/make-content.mjs';
import { siteUrl } from './sites.mjs';

type Item = Parser.Item & { creators?: string[]; categoryList?: string[]; 'content:encoded'?: string };
const parser = new Parser<Record<string, unknown>, Item>({
  customFields: {
    item: [
      ['dc:creator', 'creators', { keepArray: true }],
      ['category', 'categoryList', { keepArray: true }],
    ],
  },
});
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['outline', 'url', 'sitemap', 'item'].includes(name),
});
const SITEMAP_XSD = path.resolve('node_modules/sitemap/schema/sitemap.xsd');

async function text(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.text();
}

/**
 * Fetches a feed, checks it is well-formed XML (served as RSS where `_headers` applies, at the
 * root of a host) and parses it as a feed reader would.
 */
async function readFeed(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  if (new URL(url).pathname.split('/')[1] !== 'archive')
    expect(response.headers()['content-type'], url).toBe('application/rss+xml; charset=utf-8');
  const body = await response.text();
  expect(checkXml(body), `${url} is well-formed XML`).toBe(true);
  return { body, feed: await parser.parseString(body), doc: xml.parse(body) };
}

/**
 * Every RSS feed the OPML file lists (`type="rss"`), by kind; and the JSON Feed links
 * (`type="link"`) listed beside them.
 */
async function opmlFeeds(request: APIRequestContext, site: string) {
  const body = await text(request, `${site}feeds.opml`);
  expect(checkXml(body)).toBe(true);
  const outlines = xml.parse(body).opml.body.outline as Record<string, unknown>[];
  // The site's own feeds (latest articles first, then corrections) stand at the top level.
  const topFeeds = outlines.filter((o) => o['@_type'] === 'rss').map((o) => o['@_xmlUrl'] as string);
  const groupOutlines = outlines
    .filter((o) => o.outline)
    .map((group) => [group['@_text'] as string, group.outline as Record<string, string>[]] as const);
  const groups = Object.fromEntries(
    groupOutlines.map(([name, list]) => [name, list.filter((o) => o['@_type'] === 'rss').map((o) => o['@_xmlUrl'])]),
  );
  const jsonFeeds = [...outlines, ...groupOutlines.flatMap(([, list]) => list)]
    .filter((o) => o['@_type'] === 'link')
    .map((o) => o['@_url'] as string);
  return { siteFeed: topFeeds[0]!, topFeeds, groups: groups as Record<string, string[]>, jsonFeeds };
}

/** The JSON Feed beside an RSS feed: `…/rss.xml` → `…/feed.json`. */
const jsonFeedUrl = (rssUrl: string) => rssUrl.replace(/rss\.xml$/, 'feed.json');

/** Fetches a JSON Feed and parses it; on a site at the root of its host, `_headers` gives its media type. */
async function readJsonFeed(request: APIRequestContext, site: string, url: string): Promise<JsonFeed> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  if (new URL(site).pathname === '/')
    expect(response.headers()['content-type'], url).toBe('application/feed+json; charset=utf-8');
  return JSON.parse(await response.text()) as JsonFeed;
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The `<link rel="alternate">` elements of a page's head, in order. */
async function alternates(
  request: APIRequestContext,
  url: string,
): Promise<{ type: string; title: string; href: string }[]> {
  const links: { type: string; title: string; href: string }[] = [];
  visit(fromHtml(await text(request, url)), 'element', (node: Element) => {
    const { rel, type, title, href } = node.properties;
    if (node.tagName === 'link' && Array.isArray(rel) && rel.includes('alternate')) {
      links.push({ type: String(type), title: String(title), href: new URL(String(href), url).href });
    }
  });
  return links;
}

async function sitemapUrls(request: APIRequestContext, site: string): Promise<{ loc: string; lastmod?: string }[]> {
  const index = xml.parse(await text(request, `${site}sitemap-index.xml`));
  const urls: { loc: string; lastmod?: string }[] = [];
  for (const entry of index.sitemapindex.sitemap as { loc: string }[]) {
    expect(entry.loc.startsWith(site), entry.loc).toBe(true);
    urls.push(...(xml.parse(await text(request, entry.loc)).urlset.url as { loc: string; lastmod?: string }[]));
  }
  return urls;
}

for (const name of ['fixture', 'seedBase'] as const) {
  test.describe(`${name} site`, () => {
    const site = siteUrl(name);

    test('every feed is well-formed RSS 2.0 with the required elements and absolute links under the base', async ({
      request,
    }) => {
      const { siteFeed, groups } = await opmlFeeds(request, site);
      const feeds = [siteFeed, ...Object.values(groups).flat()];
      expect(feeds.length).toBeGreaterThan(5);
      for (const url of feeds) {
        expect(url.startsWith(site), url).toBe(true);
        const { feed, doc } = await readFeed(request, url);
        expect(doc.rss['@_version']).toBe('2.0');
        for (const element of ['title', 'link', 'description'] as const)
          expect(feed[element], `${url} channel ${element}`).toBeTruthy();
        expect(feed.link!.startsWith(site), feed.link).toBe(true);
        expect(doc.rss.channel['atom:link']['@_href']).toBe(url);
        expect(feed.items.length, url).toBeGreaterThan(0);
        expect(feed.items.length).toBeLessThanOrEqual(url === siteFeed ? 50 : 20);
        for (const item of feed.items) {
          expect(item.title, url).toBeTruthy();
          expect(item.link!.startsWith(site), item.link).toBe(true);
          expect(item.guid).toBe(item.link);
          expect(Number.isNaN(Date.parse(item.pubDate!)), item.pubDate).toBe(false);
          expect(item.content, `${item.link} description`).toBeTruthy();
          expect(item['content:encoded'], `${item.link} content:encoded`).toBeTruthy();
        }
        // Newest first.
        const dates = feed.items.map((item) => Date.parse(item.pubDate!));
        expect(dates).toEqual([...dates].sort((a, b) => b - a));
      }
    });

    test('every RSS feed has a JSON Feed 1.1 beside it with the same items, listed in the OPML and linked from its page', async ({
      request,
    }) => {
      const { siteFeed, topFeeds, groups, jsonFeeds } = await opmlFeeds(request, site);
      expect(topFeeds).toEqual([`${site}rss.xml`, `${site}corrections/rss.xml`]);
      const feeds = [...topFeeds, ...Object.values(groups).flat()];
      expect(jsonFeeds).toEqual(feeds.map(jsonFeedUrl));
      for (const url of feeds) {
        const jsonUrl = jsonFeedUrl(url);
        const { feed } = await readFeed(request, url);
        const json = await readJsonFeed(request, site, jsonUrl);
        expect(json.version, jsonUrl).toBe('https://jsonfeed.org/version/1.1');
        expect(json.title).toBe(feed.title);
        expect(json.feed_url).toBe(jsonUrl);
        expect(json.home_page_url).toBe(feed.link);
        expect(json.language).toBe('en');
        expect(json.icon!.startsWith(site), json.icon).toBe(true);
        // The same items, in the same order, with the same text and instants.
        expect(
          json.items.map((i) => [i.id, i.url, i.title]),
          jsonUrl,
        ).toEqual(feed.items.map((i) => [i.guid, i.link, i.title]));
        for (const [index, item] of json.items.entries()) {
          const rssItem = feed.items[index];
          expect(item.date_published, item.id).toMatch(RFC_3339);
          expect(Date.parse(item.date_published), item.id).toBe(Date.parse(rssItem.pubDate!));
          if (item.date_modified) expect(item.date_modified, item.id).toMatch(RFC_3339);
          expect(item.content_html, item.id).toBe(rssItem['content:encoded']);
          expect(item.authors?.map((a) => a.name) ?? [], item.id).toEqual(rssItem.creators ?? []);
          expect(item.tags ?? [], item.id).toEqual(rssItem.categoryList ?? []);
          for (const author of item.authors ?? [])
            expect(author.url?.startsWith(`${site}authors/`), author.url).toBe(true);
        }
        // The page the feed follows links both, RSS first, the JSON Feed right after it.
        const links = await alternates(request, feed.link!);
        const rssAt = links.findIndex((l) => l.href === url);
        expect(rssAt, `${feed.link} links ${url}`).toBeGreaterThanOrEqual(0);
        expect(links[rssAt].type).toBe('application/rss+xml');
        expect(links[rssAt + 1], `${feed.link} links ${jsonUrl}`).toEqual({
          type: 'application/feed+json',
          title: `${feed.title} (JSON Feed)`,
          href: jsonUrl,
        });
        expect(links[0]).toMatchObject({ type: 'application/rss+xml', href: siteFeed });
      }
    });

    test('item links, and links inside item content, lead to real pages under the base', async ({ request }) => {
      const { feed } = await readFeed(request, `${site}rss.xml`);
      for (const item of feed.items.slice(0, 10)) {
        expect((await request.get(item.link!)).status(), item.link).toBe(200);
        for (const [, href] of item['content:encoded']!.matchAll(/href="([^"]+)"/g)) {
          expect(/^(https?:|mailto:)/.test(href), `${href} in ${item.link} is absolute`).toBe(true);
          if (href.startsWith(new URL(site).origin)) expect(href.startsWith(site), href).toBe(true);
        }
      }
    });

    test('OPML lists a feed for every company, topic, author and source page', async ({ request }) => {
      const { groups } = await opmlFeeds(request, site);
      const urls = (await sitemapUrls(request, site)).map((u) => u.loc);
      for (const [group, kind] of [
        ['Companies', 'companies'],
        ['Topics', 'topics'],
        ['Authors', 'authors'],
        ['Sources', 'sources'],
        // The fixture's settings declare places (tests/fixtures/make-content.mjs).
        ['Places', 'places'],
      ]) {
        const pages = urls.filter((url) => new RegExp(`^${site}${kind}/[^/]+/$`).test(url));
        // A kind with no terms (the seed has no bylines) has no group at all.
        expect([...(groups[group] ?? [])].sort(), kind).toEqual(pages.map((page) => `${page}rss.xml`).sort());
      }
      expect(groups.Companies.length).toBeGreaterThan(0);
    });

    test('the sitemap validates against the sitemaps.org schema and lists only pages that exist', async ({
      request,
    }) => {
      const index = await text(request, `${site}sitemap-index.xml`);
      const dir = mkdtempSync(path.join(tmpdir(), 'sitemap-'));
      try {
        const locs = (xml.parse(index).sitemapindex.sitemap as { loc: string }[]).map((s) => s.loc);
        for (const [i, loc] of locs.entries()) {
          const file = path.join(dir, `sitemap-${i}.xml`);
          writeFileSync(file, await text(request, loc));
          // Throws (and fails the test) with xmllint's message when the file does not validate.
          execFileSync('xmllint', ['--noout', '--schema', SITEMAP_XSD, file], { stdio: 'pipe' });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const urls = await sitemapUrls(request, site);
      for (const { loc, lastmod } of urls) {
        expect(loc.startsWith(site), loc).toBe(true);
        expect(loc, 'no feeds, search or subscribe pages in the sitemap').not.toMatch(
          /\.(xml|opml|txt)$|\/search\/$|\/feed\/$/,
        );
        expect(lastmod, `${loc} has a lastmod`).toBeTruthy();
        expect((await request.get(loc)).status(), loc).toBe(200);
      }
      expect(urls.some(({ loc }) => loc === site)).toBe(true);
    });

    test('robots.txt names the sitemap index under the base', async ({ request }) => {
      const robots = await text(request, `${site}robots.txt`);
      expect(robots).toContain(`Sitemap: ${site}sitemap-index.xml`);
      expect(robots).toMatch(/^User-agent: \*$/m);
    });

    test('feeds are plain RSS for feed readers; each has a subscribe page, for people, with its addresses', async ({
      request,
    }) => {
      const { topFeeds, groups } = await opmlFeeds(request, site);
      for (const url of [...topFeeds, ...Object.values(groups).flat()]) {
        const { body, feed } = await readFeed(request, url);
        // No XSL stylesheet: browsers are removing XSLT, and nothing a reader needs depends on it.
        expect(body, url).not.toContain('<?xml-stylesheet');
        const subscribe = `${feed.link}feed/`;
        const page = await text(request, subscribe);
        expect(page, subscribe).toContain(`<code class="feed-address">${url}</code>`);
        expect(page, subscribe).toContain(`<code class="feed-address">${jsonFeedUrl(url)}</code>`);
        expect(page, subscribe).toContain('<meta name="robots" content="noindex">');
      }
    });
  });
}

test.describe('fixture content with characters that break naive XML', () => {
  const site = siteUrl('fixture');

  test('titles, names, summaries and bodies come back unchanged from the site feed', async ({ request }) => {
    const { feed, body } = await readFeed(request, `${site}rss.xml`);
    const item = feed.items.find((i) => i.link === `${site}2022/03/04/tricky-characters/`)!;
    expect(item.title).toBe(FIXTURE.trickyTitle);
    expect(item.creators).toEqual(["Zoë O'Brien & Co"]);
    expect(item.categoryList).toEqual(expect.arrayContaining([FIXTURE.trickyCompany, 'Globex', 'R&D <experimental>']));
    // The description is HTML; as text it is the summary as written.
    expect(item.contentSnippet).toBe('Summary with & and < and "quotes" and ]]> and </script> inside.');
    const html = item['content:encoded']!;
    expect(html).toContain(FIXTURE.uniqueWord);
    expect(html).toContain('<code>&#x3C;script></code>');
    expect(html).toContain('<th>Column &#x26; A</th>');
    expect(html).toContain(']]> in text');
    expect(html).toContain(`href="${site}2022/03/04/tricky-characters/#user-content-fn-1"`);
    expect(html).not.toContain('Link to section');
    expect(body).not.toContain(FIXTURE.draftWord);

    // The JSON Feed: the same text as JSON strings, dates in the offset they were written in,
    // and an article's own language.
    const json = await readJsonFeed(request, site, `${site}feed.json`);
    const entry = json.items.find((i) => i.id === item.link)!;
    expect(entry.title).toBe(FIXTURE.trickyTitle);
    expect(entry.summary).toBe('Summary with & and < and "quotes" and ]]> and </script> inside.');
    expect(entry.content_html).toBe(html);
    expect(entry.date_published).toBe('2022-03-04T23:30:00-05:00');
    expect(entry.language).toBeUndefined();
    const chinese = json.items.find((i) => i.id === `${site}2023/06/01/quantum-lab/`)!;
    expect(chinese).toMatchObject({
      title: '量子实验室取得突破',
      language: 'zh',
      date_published: '2023-06-01T08:00:00+08:00',
    });
  });

  test("the tricky company's feed and OPML entry keep its name", async ({ request }) => {
    const { groups } = await opmlFeeds(request, site);
    const url = groups.Companies.find((u) => u.includes('/companies/fish-and-chips-ltd-q/'))!;
    expect(url).toBe(`${site}companies/fish-and-chips-ltd-q/rss.xml`);
    const { feed } = await readFeed(request, url);
    expect(feed.title).toContain(FIXTURE.trickyCompany);
    expect(feed.items.map((i) => i.title)).toEqual([FIXTURE.trickyTitle]);

    const opml = xml.parse(await text(request, `${site}feeds.opml`));
    const companies = opml.opml.body.outline.find((o: Record<string, string>) => o['@_text'] === 'Companies').outline;
    expect(companies.map((o: Record<string, string>) => o['@_text'])).toContain(FIXTURE.trickyCompany);
    expect(companies.map((o: Record<string, string>) => o['@_text'])).toContain(`${FIXTURE.trickyCompany} (JSON Feed)`);

    // And its JSON Feed, parsed: every name and title exactly as written.
    const json = await readJsonFeed(request, site, jsonFeedUrl(url));
    expect(json.title).toBe(feed.title);
    expect(json.title).toContain(FIXTURE.trickyCompany);
    expect(json.items.map((i) => i.title)).toEqual([FIXTURE.trickyTitle]);
    expect(json.items[0].tags).toEqual(expect.arrayContaining([FIXTURE.trickyCompany, 'Globex', 'R&D <experimental>']));
    expect(json.items[0].authors).toEqual([{ name: "Zoë O'Brien & Co", url: `${site}authors/zoe-o-brien-and-co/` }]);
    expect(json.items[0].summary).toBe('Summary with & and < and "quotes" and ]]> and </script> inside.');
    expect(json.items[0].content_html).toContain(FIXTURE.uniqueWord);
  });

  test('a paginated company feed carries its newest 20 (here all 12) articles, and no drafts anywhere', async ({
    request,
  }) => {
    const { feed } = await readFeed(request, `${site}companies/acme/rss.xml`);
    expect(feed.items).toHaveLength(FIXTURE.pagedCompany.count);
    const { siteFeed, groups, jsonFeeds } = await opmlFeeds(request, site);
    for (const url of [siteFeed, ...Object.values(groups).flat(), ...jsonFeeds])
      expect(await text(request, url)).not.toContain(FIXTURE.draftWord);
  });

  test('the sitemap dates an article by its update, else its date', async ({ request }) => {
    const urls = await sitemapUrls(request, site);
    const lastmodOf = (path: string) => urls.find((u) => u.loc === `${site}${path}`)?.lastmod;
    // tricky-characters: 2022-03-04T23:30-05:00, updated 2022-03-05 (midnight UTC, earlier): its date.
    expect(lastmodOf('2022/03/04/tricky-characters/')).toBe('2022-03-05T04:30:00.000Z');
    expect(lastmodOf('2023/12/31/local-time/')).toBe('2023-12-31T23:45:00.000Z');
    expect(lastmodOf('')).toBe('2023-12-31T23:45:00.000Z');
    expect(lastmodOf('companies/acme/3/')).toBe('2019-02-11T07:30:00.000Z');
  });
});
