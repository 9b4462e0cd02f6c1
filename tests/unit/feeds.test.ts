import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { checkXml } from '@/lib/xml';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { prepareFeedHtml } from '@/lib/outputs/feed-html';
import { markdownOptions } from '@/lib/content/markdown';
import {
  allFeeds,
  articleFeeds,
  escapeXml,
  FEED_LIMITS,
  feedItem,
  latest,
  renderFeed,
  renderOpml,
  correctionsFeedInfo,
  siteFeedInfo,
  termFeedInfo,
  xmlSafe,
} from '@/lib/outputs/feeds';
import { lastModified } from '@/lib/model/modified';
import { feedTestArchive, feedTestContext, TRICKY_TITLE } from './feed-fixtures';
import { date, record } from './helpers';

const TRICKY_COMPANY = 'Fish & Chips <Ltd> "Q"';
const context = feedTestContext();
const archive = () => feedTestArchive(TRICKY_COMPANY);

const BODY =
  '<p>See <a href="/archive/2021/01/02/plain/">the other story</a>, <a href="#fn-1">a note</a> and ' +
  '<a href="https://example.com/x?a=1&#x26;b=2">a site</a>.</p>\n' +
  '<h2 id="details">Details<a class="heading-anchor" href="#details"><span aria-hidden="true">#</span><span class="visually-hidden">Link to section: Details</span></a></h2>\n' +
  '<p><img src="chart.png" alt="A chart" srcset="chart.png 1x, /archive/big.png 2x"> Code: <code>&#x3C;a href="/nope">]]> &#x26;</code></p>';

async function parseFeed(xml: string) {
  expect(checkXml(xml)).toBe(true);
  return new Parser({
    customFields: {
      item: [
        ['dc:creator', 'creators', { keepArray: true }],
        ['category', 'categoryList', { keepArray: true }],
      ],
    },
  }).parseString(xml);
}

describe('feed items', () => {
  test('carry the permalink, dates, bylines, companies then topics, summary and absolute body', () => {
    const model = archive();
    const tricky = model.articles.find((a) => a.slug === 'tricky')!;
    const item = feedItem(tricky, BODY, context);
    expect(item.link).toBe('https://news.example.org/archive/2022/03/04/tricky/');
    expect(item.title).toBe(TRICKY_TITLE);
    expect(item.pubDate.toISOString()).toBe('2022-03-05T04:30:00.000Z');
    expect(item.modified.toISOString()).toBe('2022-03-06T00:00:00.000Z');
    expect(item.authors).toEqual([
      { name: "Zoë O'Brien & Co", url: 'https://news.example.org/archive/authors/zoe-o-brien-and-co/' },
      { name: '007', url: 'https://news.example.org/archive/authors/007/' },
      { name: '1e3', url: 'https://news.example.org/archive/authors/1e3/' },
    ]);
    expect(item.categories).toEqual([TRICKY_COMPANY, 'Acme Corporation', 'R&D <experimental>']);
    // RSS descriptions are HTML: the summary is plain text, so it is escaped once as HTML.
    expect(item.description).toBe(
      'Summary with &amp; and &lt; and &quot;quotes&quot; and ]]&gt; and &lt;/script&gt; inside.',
    );
    expect(item.summary).toBe('Summary with & and < and "quotes" and ]]> and </script> inside.');
    // RFC 3339 in the offset the date was written in; `updated` (a bare date) in the site's zone.
    expect(item.published).toBe('2022-03-04T23:30:00-05:00');
    expect(item.updated).toBe('2022-03-06T00:00:00Z');
    expect(item.content).toContain('href="https://news.example.org/archive/2021/01/02/plain/"');
  });

  test('an article updated before its date counts as changed on its date', () => {
    const backdated = record('x', '2020-05-06', { updated: date('2020-05-01') });
    expect(lastModified(backdated)).toBe(backdated.date);
  });
});

describe('renderFeed', () => {
  test('writes well-formed RSS 2.0 that a feed parser reads back unchanged', async () => {
    const model = archive();
    const items = model.articles.map((a) => feedItem(a, BODY, context));
    const xml = await renderFeed(siteFeedInfo(context), items, context);
    const feed = await parseFeed(xml);

    expect(feed.title).toBe('Test & <Archive>: latest articles');
    expect(feed.description).toBe('News ]]> "archive"');
    expect(feed.link).toBe('https://news.example.org/archive/');
    expect(feed.items).toHaveLength(3);
    const [first] = feed.items as unknown as (Parser.Item & {
      creators: string[];
      categoryList: string[];
      'content:encoded': string;
    })[];
    expect(first.title).toBe(TRICKY_TITLE);
    expect(first.link).toBe('https://news.example.org/archive/2022/03/04/tricky/');
    expect(first.guid).toBe(first.link);
    expect(new Date(first.pubDate!).toISOString()).toBe('2022-03-05T04:30:00.000Z');
    // Numeric-looking names stay as written (fast-xml-parser would turn "007" into 7).
    expect(first.creators).toEqual(["Zoë O'Brien & Co", '007', '1e3']);
    expect(first.categoryList).toEqual([TRICKY_COMPANY, 'Acme Corporation', 'R&D <experimental>']);
    expect(first['content:encoded']).toContain('<code>&#x3C;a href="/nope">]]> &#x26;</code>');
    expect(first['content:encoded']).not.toContain('heading-anchor');
  });

  test('has the channel elements RSS 2.0 requires and the self link, language and build date', async () => {
    const model = archive();
    const xml = await renderFeed(
      siteFeedInfo(context),
      model.articles.map((a) => feedItem(a, '<p>x</p>', context)),
      context,
    );
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const channel = doc.rss.channel;
    expect(doc.rss['@_version']).toBe('2.0');
    expect(channel.title).toBeTruthy();
    expect(channel.link).toBeTruthy();
    expect(channel.description).toBeTruthy();
    expect(channel.language).toBe('en');
    expect(channel['atom:link']['@_href']).toBe('https://news.example.org/archive/rss.xml');
    expect(channel['atom:link']['@_rel']).toBe('self');
    // The newest change (the tricky article's `updated`), so unchanged content gives the same file.
    expect(channel.lastBuildDate).toBe('Sun, 06 Mar 2022 00:00:00 GMT');
    // Plain RSS: no XSL stylesheet for browsers (they are dropping XSLT); the feed's subscribe
    // page is the readable one.
    expect(xml).not.toContain('xml-stylesheet');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><rss ')).toBe(true);
  });

  test('a byline that looks like XML stays text and cannot add elements', async () => {
    const first = archive().articles[0];
    const article = {
      ...first,
      terms: {
        ...first.terms,
        authors: [{ kind: 'authors' as const, slug: 'x', name: '</dc:creator><evil/>', spellings: [] }],
      },
    };
    const xml = await renderFeed(siteFeedInfo(context), [feedItem(article, '', context)], context);
    const feed = await parseFeed(xml);
    expect((feed.items[0] as unknown as { creators: string[] }).creators).toEqual(['</dc:creator><evil/>']);
    expect(xml).not.toContain('<evil/>');
  });

  // renderFeed writes dc:creator through a placeholder because of what this test pins (see the
  // comment in src/lib/outputs/feeds.ts). When an upgrade of @astrojs/rss makes it fail, numeric-looking
  // names survive its customData and the placeholder can go: write the escaped names directly.
  test('@astrojs/rss still turns numeric-looking customData text into numbers, however it is written', async () => {
    const creators = async (customData: string) => {
      const xml = await getRssString({
        title: 't',
        description: 'd',
        site: 'https://news.example.org/',
        xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
        items: [{ title: 'a', link: 'https://news.example.org/a/', customData }],
      });
      return [...xml.matchAll(/<dc:creator>(.*?)<\/dc:creator>/g)].map((m) => m[1]);
    };
    expect(
      await creators('<dc:creator>007</dc:creator><dc:creator>1e3</dc:creator><dc:creator>0x1F</dc:creator>'),
    ).toEqual(['7', '1000', '31']);
    // Neither CDATA nor a character reference is a way round it.
    expect(await creators('<dc:creator><![CDATA[007]]></dc:creator><dc:creator>&#48;07</dc:creator>')).toEqual([
      '7',
      '&amp;#48;07',
    ]);
    // The placeholder renderFeed uses goes through unchanged.
    expect(await creators('<dc:creator>creator-0</dc:creator>')).toEqual(['creator-0']);
  });

  test('control characters, which XML 1.0 cannot carry, are dropped instead of breaking the feed', async () => {
    const article = { ...archive().articles[1], title: 'Bell\u0007 and form feed\u000C here' };
    const xml = await renderFeed(siteFeedInfo(context), [feedItem(article, '<p>a\u0000b</p>', context)], context);
    const feed = await parseFeed(xml);
    expect(feed.items[0].title).toBe('Bell and form feed here');
    expect(xmlSafe('tab\tline\nemoji 😀 \uFFFE')).toBe('tab\tline\nemoji 😀 ');
  });

  test('a feed with no items is still valid', async () => {
    const xml = await renderFeed(siteFeedInfo(context), [], context);
    const feed = await parseFeed(xml);
    expect(feed.items).toEqual([]);
  });
});

describe('feed lists', () => {
  test('term feeds are named after the term and kind and live under the base', () => {
    const feed = termFeedInfo({ kind: 'companies', slug: 'fish-and-chips-ltd-q', name: TRICKY_COMPANY }, context);
    expect(feed).toMatchObject({
      title: `Test & <Archive>: ${TRICKY_COMPANY} (company)`,
      href: '/archive/companies/fish-and-chips-ltd-q/rss.xml',
      pageHref: '/archive/companies/fish-and-chips-ltd-q/',
    });
    expect(termFeedInfo({ kind: 'authors', slug: 'jane-doe', name: 'Jane Doe' }, context).description).toBe(
      'The latest articles by Jane Doe in Test & <Archive>.',
    );
  });

  test("every feed owner's subscribe page is its own page's path plus feed/, under the base", () => {
    expect(siteFeedInfo(context).subscribeHref).toBe('/archive/feed/');
    expect(correctionsFeedInfo(context).subscribeHref).toBe('/archive/corrections/feed/');
    const company = termFeedInfo({ kind: 'companies', slug: 'acme', name: 'Acme' }, context);
    expect(company.subscribeHref).toBe(`${company.pageHref}feed/`);
    expect(company.carries).toBe('the newest 20 articles about Acme');
    // A term whose slug is "feed" keeps its page and gets its own subscribe page below it.
    const feedNamed = termFeedInfo({ kind: 'topics', slug: 'feed', name: 'Feed' }, context);
    expect([feedNamed.pageHref, feedNamed.subscribeHref]).toEqual([
      '/archive/topics/feed/',
      '/archive/topics/feed/feed/',
    ]);
  });

  test("an article offers its companies', topics' and authors' feeds", () => {
    const tricky = archive().articles[0];
    expect(articleFeeds(tricky, context).map((f) => f.href)).toEqual([
      '/archive/companies/fish-and-chips-ltd-q/rss.xml',
      '/archive/companies/acme/rss.xml',
      '/archive/topics/r-and-d-experimental/rss.xml',
      '/archive/authors/zoe-o-brien-and-co/rss.xml',
      '/archive/authors/007/rss.xml',
      '/archive/authors/1e3/rss.xml',
    ]);
  });

  test('every feed: the site feed, the corrections feed, then each kind A–Z', () => {
    const feeds = allFeeds(archive().terms, context);
    expect(feeds.map((f) => `${f.kind}:${f.name}`)).toEqual([
      'site:Test & <Archive>',
      'corrections:Corrections',
      'companies:Acme Corporation',
      `companies:${TRICKY_COMPANY}`,
      'topics:R&D <experimental>',
      // Numeric collation, as on the index pages: 1 sorts before 7.
      'authors:1e3',
      'authors:007',
      'authors:Jane Doe',
      "authors:Zoë O'Brien & Co",
    ]);
  });

  test('feeds carry the newest articles up to their limit', () => {
    expect(FEED_LIMITS).toEqual({ site: 50, term: 20 });
    expect(latest([5, 4, 3, 2, 1], 3)).toEqual([5, 4, 3]);
  });

  test('OPML lists every feed, grouped by kind, with absolute addresses, and parses back', () => {
    const feeds = allFeeds(archive().terms, context);
    const opml = renderOpml(feeds, context, new Date(Date.UTC(2022, 2, 6)));
    expect(checkXml(opml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'outline' }).parse(opml);
    expect(doc.opml['@_version']).toBe('2.0');
    expect(doc.opml.head.dateModified).toBe('Sun, 06 Mar 2022 00:00:00 GMT');
    const [site, siteJson, corrections, correctionsJson, companies, topics, authors] = doc.opml.body.outline;
    expect([corrections['@_xmlUrl'], correctionsJson['@_url']]).toEqual([
      'https://news.example.org/archive/corrections/rss.xml',
      'https://news.example.org/archive/corrections/feed.json',
    ]);
    expect(site['@_xmlUrl']).toBe('https://news.example.org/archive/rss.xml');
    // Each JSON Feed is a link beside its RSS feed: no xmlUrl, so a reader does not subscribe twice.
    expect([siteJson['@_type'], siteJson['@_url'], siteJson['@_xmlUrl']]).toEqual([
      'link',
      'https://news.example.org/archive/feed.json',
      undefined,
    ]);
    expect(siteJson['@_text']).toBe('Test & <Archive> (JSON Feed)');
    expect(companies['@_text']).toBe('Companies');
    expect(
      companies.outline.map((o: Record<string, string>) => [o['@_text'], o['@_xmlUrl'] ?? o['@_url'], o['@_type']]),
    ).toEqual([
      ['Acme Corporation', 'https://news.example.org/archive/companies/acme/rss.xml', 'rss'],
      ['Acme Corporation (JSON Feed)', 'https://news.example.org/archive/companies/acme/feed.json', 'link'],
      [TRICKY_COMPANY, 'https://news.example.org/archive/companies/fish-and-chips-ltd-q/rss.xml', 'rss'],
      [
        `${TRICKY_COMPANY} (JSON Feed)`,
        'https://news.example.org/archive/companies/fish-and-chips-ltd-q/feed.json',
        'link',
      ],
    ]);
    expect(topics.outline).toHaveLength(2);
    expect(authors.outline).toHaveLength(8);
  });

  test('escapeXml keeps line breaks in attributes', () => {
    expect(escapeXml('a\n"b"\t<c>')).toBe('a&#10;&quot;b&quot;&#9;&lt;c&gt;');
  });
});

describe('prepareFeedHtml', () => {
  const page = 'https://news.example.org/archive/2022/03/04/tricky/';

  test('makes links, fragments, images and srcsets absolute against the permalink', () => {
    const html = prepareFeedHtml(BODY, page);
    expect(html).toContain('<a href="https://news.example.org/archive/2021/01/02/plain/">');
    expect(html).toContain('<a href="https://news.example.org/archive/2022/03/04/tricky/#fn-1">');
    expect(html).toContain('src="https://news.example.org/archive/2022/03/04/tricky/chart.png"');
    expect(html).toContain(
      'srcset="https://news.example.org/archive/2022/03/04/tricky/chart.png 1x, https://news.example.org/archive/big.png 2x"',
    );
  });

  test('absolute URLs keep their query strings, escaped once', () => {
    expect(prepareFeedHtml(BODY, page)).toContain('<a href="https://example.com/x?a=1&#x26;b=2">');
    expect(prepareFeedHtml('<a href="x?a=1&#x26;b=&quot;2&quot;" title="T">', page)).toBe(
      '<a href="https://news.example.org/archive/2022/03/04/tricky/x?a=1&#x26;b=%222%22" title="T"></a>',
    );
  });

  test('drops heading anchors, label and all, and keeps the heading', () => {
    const html = prepareFeedHtml(BODY, page);
    expect(html).toContain('<h2 id="details">Details</h2>');
    expect(html).not.toContain('Link to section');
  });

  test('leaves text, code and entities alone, even when they look like tags', () => {
    expect(prepareFeedHtml(BODY, page)).toContain('<code>&#x3C;a href="/nope">]]> &#x26;</code>');
    const text = '<p>5 > 3 and href="/x" in text</p><!-- <a href="/c"> --><script>var a = "<a href=\'/s\'>";</script>';
    expect(prepareFeedHtml(text, page)).toBe(text);
  });

  test('leaves unchanged tags byte for byte and other schemes alone', () => {
    const html = '<a href="mailto:a@b.example">mail</a><img src="data:image/png;base64,AAAA" alt=""><input disabled>';
    expect(prepareFeedHtml(html, page)).toBe(html);
  });

  test('leaves out local images Astro has not resolved yet', () => {
    const html = '<p>Before<img __ASTRO_IMAGE_="{&#x22;src&#x22;:&#x22;./a.png&#x22;}" alt="x">after</p>';
    expect(prepareFeedHtml(html, page)).toBe('<p>Beforeafter</p>');
  });

  test('a heading anchor goes with its content however its class list is written; other links stay', () => {
    const html =
      '<h3 id="a">A<a class="x heading-anchor" href="#a"><span>#</span></a></h3><p><a class="heading-anchor-like" href="#a">kept</a></p>';
    expect(prepareFeedHtml(html, page)).toBe(
      `<h3 id="a">A</h3><p><a class="heading-anchor-like" href="${page}#a">kept</a></p>`,
    );
  });

  test("the Markdown pipeline's own HTML comes back byte for byte, but for the anchors and the URLs", async () => {
    const processor = await createMarkdownProcessor(markdownOptions({ trustedHtml: false }));
    const markdown = [
      '## Results & <outlook>',
      '',
      'Text with & and < and > and ]]> and "quotes", a [site](https://example.com/x?a=1&b=2 "T & "q"") and a note.[^1]',
      '',
      '| L | C |',
      '| :- | :-: |',
      '| a & b | <c> |',
      '',
      '```html',
      '<script>alert("&")</script>',
      '```',
      '',
      '> quoted *text* with <abbr title="a &quot;b&quot; &amp; c">ABC</abbr>',
      '',
      '<!-- an editor\'s comment with <a href="/x"> -->',
      '',
      '[^1]: The note.',
    ].join('\n');
    const { code: html } = await processor.render(markdown, { frontmatter: {} });
    expect(html).toContain('class="heading-anchor"');
    const expected = html.replace(/<a class="heading-anchor"[^]*?<\/a>/g, '').replace(/href="#/g, `href="${page}#`);
    expect(prepareFeedHtml(html, page)).toBe(expected);
  });

  test('a long body is handled in linear time', () => {
    const body = (sections: number) =>
      Array.from(
        { length: sections },
        (_, i) =>
          `<h2 id="s${i}">Section ${i}<a class="heading-anchor" href="#s${i}"><span aria-hidden="true">#</span><span class="visually-hidden">Link to section: Section ${i}</span></a></h2>\n` +
          `<p>Paragraph ${i} with <a href="/archive/x/${i}/">a link</a>, <img src="img${i}.png" alt=""> and &#x26; text.</p>\n`,
      ).join('');
    // The faster of two runs, so one pause of a busy machine does not count.
    const run = (html: string) => {
      let ms = Infinity;
      let out = '';
      for (let i = 0; i < 2; i++) {
        const start = performance.now();
        out = prepareFeedHtml(html, page);
        ms = Math.min(ms, performance.now() - start);
      }
      return { out, ms };
    };
    // 2,000 paragraphs, each under a heading with an anchor (the old tokenizer re-read the whole
    // body for every anchor it dropped). Measured here: about 0.25 s, and 1 s for four times as
    // many; the bounds below only catch a return to quadratic time (16 times as long).
    run(body(200)); // warm up
    const small = run(body(2000));
    expect(small.out).not.toContain('heading-anchor');
    expect(small.out.match(/<h2 id="s\d+">Section \d+<\/h2>/g)).toHaveLength(2000);
    expect(small.out.match(/href="https:\/\/news\.example\.org\/archive\/x\/\d+\/"/g)).toHaveLength(2000);
    expect(small.ms).toBeLessThan(20_000);
    const large = run(body(8000));
    expect(large.out.match(/<\/h2>/g)).toHaveLength(8000);
    expect(large.ms / Math.max(small.ms, 50)).toBeLessThan(10);
  });
});
