/**
 * RSS 2.0 feeds and the OPML list of them, as pure functions of the archive model.
 *
 * One feed for the site (latest 50) and one for every company, topic and author (latest 20).
 * Each item carries the permalink as link and guid, pubDate, one dc:creator per byline, one
 * category per company and topic, the summary as description and the whole article (links made
 * absolute) as content:encoded. The XML itself is written by @astrojs/rss. The same items, built
 * once by `feedItem`, also make the JSON Feed beside every RSS feed (src/lib/outputs/json-feed.ts).
 *
 * Text goes in as text: the XML writer escapes it, so `&`, `<`, quotes, `]]>` and `</script>` in
 * a title or name come back unchanged from any XML parser. The one thing XML 1.0 cannot carry at
 * all, control characters, is dropped.
 */
import { getRssString } from '@astrojs/rss';
import type { Article } from '../model/archive.ts';
import type { ArchiveCorrection } from '../model/corrections.ts';
import { formatShortDate, toIsoInstant } from '../dates.ts';
import { prepareFeedHtml } from './feed-html.ts';
import { lastModified, updatedDate } from '../model/modified.ts';
import { compareTermNames, type TermRef } from '../model/terms.ts';
import { absoluteUrl, type Urls } from '../urls.ts';
import type { Kinds, TermKind } from '../kinds.ts';

/** The media type of an RSS feed (the JSON Feed's is in json-feed.ts). */
export const RSS_TYPE = 'application/rss+xml';

/** How many of the newest articles each feed carries. */
export const FEED_LIMITS = { site: 50, term: 20 } as const;

export interface FeedSite {
  title: string;
  description: string;
  /** Absolute site URL, with its base path. */
  url: string;
  lang: string;
}

export interface FeedContext {
  site: FeedSite;
  urls: Urls;
  /** The archive's kinds of name, for the term feeds' labels and the OPML's groups. */
  kinds: Kinds;
}

/** One feed: what it is called and where it and the page it follows live. */
export interface FeedInfo {
  kind: 'site' | 'corrections' | TermKind;
  /** The term's slug; absent for the site feed. */
  slug?: string;
  /** The term's name, or the site's title. */
  name: string;
  /** Channel title, also used for `<link rel="alternate">` and OPML. */
  title: string;
  description: string;
  /** What its items are, as a phrase for a sentence: "the newest 20 articles about Acme". */
  carries: string;
  /** Path of the feed, with the base (for links on pages). */
  href: string;
  /** Path of the JSON Feed beside it, with the base. */
  jsonHref: string;
  /** Path of the HTML page the feed follows, with the base. */
  pageHref: string;
  /**
   * Path of the page that says how to follow the feed (its page's path plus `feed/`), with the
   * base. Every "Subscribe" link leads there: a browser shows a feed as raw XML, or downloads it.
   */
  subscribeHref: string;
}

/** A byline and the absolute URL of its author page. */
export interface FeedAuthor {
  name: string;
  url: string;
}

/**
 * One article as every feed carries it, RSS and JSON Feed alike. Text is as written, less the
 * characters XML 1.0 cannot carry (so both feeds say the same).
 */
export interface FeedItem {
  title: string;
  /** Absolute permalink, also the guid (RSS) and id (JSON Feed). */
  link: string;
  pubDate: Date;
  /** When the article last changed (its `updated`, else `pubDate`). */
  modified: Date;
  /** The publication instant as RFC 3339, in the offset the article's date was written in. */
  published: string;
  /** When the article changed after publication (`updated` or a correction): its last change as RFC 3339 (see src/lib/model/modified.ts). */
  updated?: string;
  /** The summary as plain text. */
  summary: string;
  /** The summary as HTML (RSS descriptions are HTML): plain text, escaped. */
  description: string;
  /** The full article body, URLs absolute. */
  content: string;
  /** Company names, then topic names. */
  categories: string[];
  /** One per byline, with the author's page. */
  authors: FeedAuthor[];
  /** The article's own language, when it has one (else the site's, the feed's). */
  lang?: string;
  /** Its lead photograph, as the feed carries it (Media RSS, JSON Feed `image`). */
  image?: FeedImage;
}

/** A lead photograph in a feed: an absolute URL to a JPEG, its size, and what the page says of it. */
export interface FeedImage {
  url: string;
  width: number;
  height: number;
  type: string;
  alt: string;
  /** Caption and credit, as plain text and as the HTML the page shows. */
  caption?: { html: string; plain: string };
  credit?: { html: string; plain: string };
}

/** The photograph as a figure, first in the item's content, as the page shows it above the body. */
export function feedFigureHtml(image: FeedImage): string {
  const caption = [image.caption?.html, image.credit?.html].filter(Boolean).join(' ');
  return (
    `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}">` +
    (caption ? `<figcaption>${caption}</figcaption>` : '') +
    '</figure>'
  );
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drops the characters XML 1.0 cannot represent (a stray control character would break every feed). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Escapes text for XML element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return (
    xmlSafe(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Attribute values would otherwise have their line breaks and tabs normalised to spaces.
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
      .replace(/\t/g, '&#9;')
  );
}

/** Escapes plain text for use as HTML (an RSS description is HTML, entity-encoded once more in XML). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function siteFeedInfo({ site, urls }: FeedContext): FeedInfo {
  return {
    kind: 'site',
    name: site.title,
    title: `${site.title}: latest articles`,
    description: site.description,
    carries: `the newest ${FEED_LIMITS.site} articles of the archive`,
    href: urls.feed(),
    jsonHref: urls.jsonFeed(),
    pageHref: urls.home(),
    subscribeHref: urls.subscribe(),
  };
}

export function termFeedInfo(term: TermRef, { site, urls, kinds }: FeedContext): FeedInfo {
  const info = kinds.info(term.kind);
  const label = info.singular.toLowerCase();
  return {
    kind: term.kind,
    slug: term.slug,
    name: term.name,
    title: `${site.title}: ${term.name} (${label})`,
    description: `The latest articles ${info.preposition} ${term.name} in ${site.title}.`,
    carries: `the newest ${FEED_LIMITS.term} articles ${info.preposition} ${term.name}`,
    href: urls.termFeed(term.kind, term.slug),
    jsonHref: urls.termJsonFeed(term.kind, term.slug),
    pageHref: urls.term(term.kind, term.slug),
    subscribeHref: urls.termSubscribe(term.kind, term.slug),
  };
}

/** The feeds an article page offers besides the site feed: one per term it names, of every kind (companies first). */
export function articleFeeds(article: Pick<Article, 'terms'>, context: FeedContext): FeedInfo[] {
  return context.kinds.keys.flatMap((kind) => article.terms[kind] ?? []).map((term) => termFeedInfo(term, context));
}

/** The feed of correction notes (`/corrections/`), newest first. */
export function correctionsFeedInfo({ site, urls }: FeedContext): FeedInfo {
  return {
    kind: 'corrections',
    name: 'Corrections',
    title: `${site.title}: corrections`,
    description: `Every correction to an article of ${site.title}, newest first.`,
    carries: `the newest ${FEED_LIMITS.site} correction notes, each linked to its article`,
    href: urls.correctionsFeed(),
    jsonHref: urls.correctionsJsonFeed(),
    pageHref: urls.corrections(),
    subscribeHref: urls.correctionsSubscribe(),
  };
}

/** A correction note as a feed item: it links to the note on the article's page. */
export function correctionFeedItem(
  { article, correction, anchor }: ArchiveCorrection,
  { site, urls }: FeedContext,
): FeedItem {
  const articleLink = absoluteUrl(urls.article(article), site.url);
  const link = `${articleLink}#${anchor}`;
  return {
    title: xmlSafe(`Correction: ${article.title}`),
    link,
    pubDate: new Date(correction.date.instant),
    modified: new Date(correction.date.instant),
    published: toIsoInstant(correction.date),
    summary: xmlSafe(correction.plain),
    description: xmlSafe(escapeHtml(correction.plain)),
    content: xmlSafe(
      prepareFeedHtml(
        `<p>${correction.html}</p><p>Corrected article: <a href="${escapeHtml(articleLink)}">${escapeHtml(article.title)}</a></p>`,
        link,
      ),
    ),
    categories: [],
    authors: [],
    ...(article.lang ? { lang: article.lang } : {}),
  };
}

/** Every feed of the site: the site feed and the corrections feed, then each kind's terms A–Z. */
export function allFeeds(terms: Record<TermKind, ReadonlyMap<string, TermRef>>, context: FeedContext): FeedInfo[] {
  const feeds = [siteFeedInfo(context), correctionsFeedInfo(context)];
  for (const kind of context.kinds.keys) {
    const sorted = [...terms[kind].values()].sort(compareTermNames);
    feeds.push(...sorted.map((term) => termFeedInfo(term, context)));
  }
  return feeds;
}

/**
 * An article's correction notes as HTML, as its page shows them above the body: a feed reader
 * shows them first too. The notes' HTML was sanitized when the file was read.
 */
export function correctionNotesHtml(article: Pick<Article, 'corrections'>): string {
  return article.corrections
    .map(
      (correction) =>
        `<p><strong>Correction</strong> <time datetime="${toIsoInstant(correction.date)}">${escapeHtml(formatShortDate(correction.date))}</time>: ${correction.html}</p>`,
    )
    .join('');
}

/** One feed item. `html` is the article's rendered body; `image` its lead photograph, when it has one. */
export function feedItem(article: Article, html: string, { site, urls }: FeedContext, image?: FeedImage): FeedItem {
  const link = absoluteUrl(urls.article(article), site.url);
  const modified = lastModified(article);
  return {
    title: xmlSafe(article.title),
    link,
    pubDate: new Date(article.date.instant),
    modified: new Date(modified.instant),
    published: toIsoInstant(article.date),
    ...(updatedDate(article) ? { updated: toIsoInstant(modified) } : {}),
    summary: xmlSafe(article.summary),
    description: xmlSafe(escapeHtml(article.summary)),
    content: xmlSafe(prepareFeedHtml((image ? feedFigureHtml(image) : '') + correctionNotesHtml(article) + html, link)),
    categories: [...article.terms.companies, ...article.terms.topics].map((term) => xmlSafe(term.name)),
    authors: article.terms.authors.map((term) => ({
      name: xmlSafe(term.name),
      url: absoluteUrl(urls.term(term.kind, term.slug), site.url),
    })),
    ...(article.lang ? { lang: article.lang } : {}),
    ...(image ? { image } : {}),
  };
}

// dc:creator, one per byline, is the one element we add to items, and @astrojs/rss (4.0) has one
// way to add an element: an item's `customData` string. It does not copy that string into the
// feed: it parses it with fast-xml-parser (its own options, not ours: `parseTagValue` on) and
// builds the XML again from the result, so element text that looks like a number becomes one:
// "007" comes back as "7", "1e3" as "1000", "0x1F" as "31". Nothing in its public API avoids that:
// - a CDATA section, an attribute on the element or surrounding spaces (trimmed) are parsed the
//   same way; a character reference (`&#48;07`) is not decoded by its parser and comes out
//   double-escaped (`&amp;#48;07`);
// - the item fields it writes as given (`title`, `categories`, `author`, `source`…) are fixed
//   RSS elements: `author` is the author's email in RSS 2.0, not a name, and none is dc:creator;
// - the channel's `customData`, `xmlns` and `stylesheet` do not reach items.
// So each dc:creator goes in as a placeholder that fast-xml-parser leaves alone, and the escaped
// name replaces it in the finished XML. A placeholder cannot collide with content: in the output
// every `<` of text is escaped, so the literal element `<dc:creator>…</dc:creator>` only ever
// comes from here. tests/unit/feeds.test.ts pins the behaviour this works around: when an
// upgrade of @astrojs/rss keeps "007" as written, that test fails and this can go.
const creatorPlaceholder = (index: number) => `<dc:creator>creator-${index}</dc:creator>`;
const CREATOR_PLACEHOLDER = /<dc:creator>creator-(\d+)<\/dc:creator>/g;
// The photograph's Media RSS element goes in the same way, for the same reason (its credit and
// caption are text that could look like numbers).
const mediaPlaceholder = (index: number) => `<media:content>media-${index}</media:content>`;
const MEDIA_PLACEHOLDER = /<media:content>media-(\d+)<\/media:content>/g;

/** Media RSS (https://www.rssboard.org/media-rss) for an item's photograph. */
function mediaContent(image: FeedImage): string {
  return (
    `<media:content url="${escapeXml(image.url)}" medium="image" type="${escapeXml(image.type)}" width="${image.width}" height="${image.height}">` +
    (image.caption ? `<media:description type="plain">${escapeXml(image.caption.plain)}</media:description>` : '') +
    (image.credit ? `<media:credit>${escapeXml(image.credit.plain)}</media:credit>` : '') +
    `<media:text type="plain">${escapeXml(image.alt)}</media:text>` +
    '</media:content>'
  );
}

/** The RSS 2.0 document for one feed. `items` are newest first and already limited. */
export async function renderFeed(feed: FeedInfo, items: readonly FeedItem[], { site }: FeedContext): Promise<string> {
  const self = absoluteUrl(feed.href, site.url);
  // The newest change among the items, so an unchanged archive gives a byte-identical feed.
  const newest = items.reduce<Date | undefined>(
    (latest, item) => (!latest || item.modified > latest ? item.modified : latest),
    undefined,
  );
  const channel = [
    `<language>${escapeXml(site.lang)}</language>`,
    `<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    `<docs>https://www.rssboard.org/rss-specification</docs>`,
    newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '',
  ].join('');

  const creators: string[] = [];
  const media: string[] = [];
  const xml = await getRssString({
    title: xmlSafe(feed.title),
    description: xmlSafe(feed.description),
    site: absoluteUrl(feed.pageHref, site.url),
    xmlns: {
      dc: 'http://purl.org/dc/elements/1.1/',
      atom: 'http://www.w3.org/2005/Atom',
      media: 'http://search.yahoo.com/mrss/',
    },
    customData: channel,
    items: items.map((item) => ({
      title: item.title,
      link: item.link,
      pubDate: item.pubDate,
      description: item.description,
      content: item.content,
      categories: item.categories,
      customData:
        item.authors.map(({ name }) => creatorPlaceholder(creators.push(name) - 1)).join('') +
        (item.image ? mediaPlaceholder(media.push(mediaContent(item.image)) - 1) : '') +
        // RSS 2.0 has no element for a change after publication: Atom's, as many feeds carry.
        (item.updated ? `<atom:updated>${item.updated}</atom:updated>` : ''),
    })),
  });

  let filled = 0;
  const result = xml.replace(CREATOR_PLACEHOLDER, (_, index: string) => {
    filled++;
    return `<dc:creator>${escapeXml(creators[Number(index)])}</dc:creator>`;
  });
  if (filled !== creators.length) {
    throw new Error(
      `feed ${feed.href}: wrote ${filled} of ${creators.length} dc:creator elements; @astrojs/rss changed how it writes customData`,
    );
  }
  let placed = 0;
  const withMedia = result.replace(MEDIA_PLACEHOLDER, (_, index: string) => {
    placed++;
    return media[Number(index)]!;
  });
  if (placed !== media.length)
    throw new Error(
      `feed ${feed.href}: wrote ${placed} of ${media.length} media:content elements; @astrojs/rss changed how it writes customData`,
    );
  return withMedia;
}

/** The articles a feed carries: the newest `limit` of a newest-first list. */
export function latest<A>(articles: readonly A[], limit: number): A[] {
  return articles.slice(0, limit);
}

/** The label of a JSON Feed where it is listed beside its RSS feed (OPML, `<link rel="alternate">`). */
export function jsonFeedTitle(title: string): string {
  return `${title} (JSON Feed)`;
}

/**
 * One feed's outlines: the RSS feed as a subscription (`type="rss"`, `xmlUrl`), then its JSON
 * Feed as an OPML 2.0 link (`type="link"`, `url`). Readers import every outline that has an
 * `xmlUrl`, most of them whatever its `type` (and read the format from the file), so a JSON Feed
 * listed as `type="rss"` would subscribe a reader to each feed twice. As a link it is listed
 * for people and tools that look, and importers pass over it.
 */
function opmlOutlines(feed: FeedInfo, siteUrl: string, indent: string): string[] {
  const outline = (attributes: string[][]) =>
    `${indent}<outline ${attributes.map(([name, value]) => `${name}="${escapeXml(value)}"`).join(' ')}/>`;
  return [
    outline([
      ['type', 'rss'],
      ['text', feed.name],
      ['title', feed.title],
      ['description', feed.description],
      ['xmlUrl', absoluteUrl(feed.href, siteUrl)],
      ['htmlUrl', absoluteUrl(feed.pageHref, siteUrl)],
    ]),
    outline([
      ['type', 'link'],
      ['text', jsonFeedTitle(feed.name)],
      ['title', jsonFeedTitle(feed.title)],
      ['url', absoluteUrl(feed.jsonHref, siteUrl)],
    ]),
  ];
}

/**
 * OPML 2.0 listing every feed, grouped by kind, so a reader can import all company feeds at
 * once; each RSS feed is followed by a link to its JSON Feed. `modified` (the newest article change) keeps the file identical between builds of the
 * same content.
 */
export function renderOpml(feeds: readonly FeedInfo[], { site, kinds }: FeedContext, modified?: Date): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(`${site.title}: all feeds`)}</title>`,
    ...(modified ? [`    <dateModified>${modified.toUTCString()}</dateModified>`] : []),
    '    <docs>http://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
  ];
  for (const feed of feeds.filter((f) => f.kind === 'site' || f.kind === 'corrections'))
    lines.push(...opmlOutlines(feed, site.url, '    '));
  for (const kind of kinds.keys) {
    const ofKind = feeds.filter((feed) => feed.kind === kind);
    if (!ofKind.length) continue;
    const label = escapeXml(kinds.info(kind).plural);
    lines.push(`    <outline text="${label}" title="${label}">`);
    for (const feed of ofKind) lines.push(...opmlOutlines(feed, site.url, '      '));
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
