/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) beside every RSS feed, as pure
 * functions of the same feed items (src/lib/outputs/feeds.ts: `feedItem` builds each article's item once
 * for both formats, so the two feeds carry the same articles with the same text).
 *
 * `/feed.json` beside `/rss.xml`, `/<kind>/<slug>/feed.json` beside each term's `rss.xml`.
 * Text goes in as JSON strings, so `&`, `<`, quotes, `]]>` and `</script>` in a title or name
 * parse back unchanged; `content_html` is the same standalone HTML as RSS `content:encoded`.
 * Dates are RFC 3339 in the offset the article's date was written in (`Z` for UTC).
 */
import { absoluteUrl } from '../urls.ts';
import type { FeedContext, FeedInfo, FeedItem } from './feeds.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** The media type of a JSON Feed (for `<link rel="alternate">` and the HTTP header). */
export const JSON_FEED_TYPE = 'application/feed+json';

/** Root-relative path (before the base) of the site's icon, the feed's `icon` and `favicon`. */
export const FEED_ICON = 'favicon.svg';

export interface JsonFeedAuthor {
  name: string;
  url?: string;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  date_published: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  language?: string;
  /** The main image: the lead photograph's URL. */
  image?: string;
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  icon?: string;
  favicon?: string;
  language: string;
  items: JsonFeedItem[];
}

/** One item: the permalink is its id and url. */
export function jsonFeedItem(item: FeedItem): JsonFeedItem {
  return {
    id: item.link,
    url: item.link,
    title: item.title,
    content_html: item.content,
    ...(item.summary ? { summary: item.summary } : {}),
    date_published: item.published,
    ...(item.updated ? { date_modified: item.updated } : {}),
    ...(item.authors.length ? { authors: item.authors.map(({ name, url }) => ({ name, url })) } : {}),
    ...(item.categories.length ? { tags: [...item.categories] } : {}),
    ...(item.lang ? { language: item.lang } : {}),
    ...(item.image ? { image: item.image.url } : {}),
  };
}

/** The JSON Feed for one feed. `items` are newest first and already limited, as for RSS. */
export function jsonFeed(feed: FeedInfo, items: readonly FeedItem[], { site, urls }: FeedContext): JsonFeed {
  const icon = absoluteUrl(urls.path(FEED_ICON), site.url);
  return {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: absoluteUrl(feed.pageHref, site.url),
    feed_url: absoluteUrl(feed.jsonHref, site.url),
    description: feed.description,
    icon,
    favicon: icon,
    language: site.lang,
    items: items.map(jsonFeedItem),
  };
}

/** The JSON Feed document as text: the same items give the same bytes. */
export function renderJsonFeed(feed: FeedInfo, items: readonly FeedItem[], context: FeedContext): string {
  return `${JSON.stringify(jsonFeed(feed, items, context), null, 2)}\n`;
}
