/**
 * The feed endpoints' shared half: binds the pure feed functions (src/lib/feeds.ts) to this
 * build's archive and settings. The route files only pick which feed they serve.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '@/config/site';
import { urls } from '@/config/urls';
import type { Archive, ArchiveTerm, Article } from '@/lib/archive';
import { allFeeds, FEED_LIMITS, feedItem, latest, renderFeed, renderOpml, siteFeedInfo, termFeedInfo, type FeedContext, type FeedInfo, type FeedItem } from '@/lib/feeds';
import { newestChange } from '@/lib/modified';
import type { TermKind } from '@/lib/urls';
import { articleData, cardData, pageKey } from '@/lib/page-keys';
import { articleHtml, contentDigest, getArchive, siteKey } from './archive';

export const feedContext: FeedContext = { site, urls };

// An article sits in the site feed and in several term feeds; its item is built once.
const items = new Map<Article, Promise<FeedItem>>();
function itemOf(article: Article): Promise<FeedItem> {
  let item = items.get(article);
  if (!item) {
    item = articleHtml(article).then((html) => feedItem(article, html, feedContext));
    items.set(article, item);
  }
  return item;
}

async function feedResponse(feed: FeedInfo, articles: readonly Article[]): Promise<Response> {
  const xml = await renderFeed(feed, await Promise.all(articles.map(itemOf)), feedContext, { stylesheet: true });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

/** `/rss.xml`: the newest articles of the whole archive. */
export const siteFeedGET: APIRoute = async () => {
  const archive = await getArchive();
  return feedResponse(siteFeedInfo(feedContext), latest(archive.articles, FEED_LIMITS.site));
};

/** `/<kind>/<slug>/rss.xml`: one feed per company, topic or author. */
export function termFeedRoute(kind: TermKind) {
  const getStaticPaths = (async () => {
    const archive = await getArchive();
    return [...archive.terms[kind].values()].map((term) => ({
      params: { slug: term.slug },
      props: { term },
      // The feed's items, whole (src/lib/page-keys.ts): unchanged, the feed is not written again.
      cacheKey: pageKey(siteKey, kind, term.slug, term.name, latest(term.articles, FEED_LIMITS.term).map((a) => [articleData(a, contentDigest(a)), cardData(a)])),
    }));
  }) satisfies GetStaticPaths;
  const GET: APIRoute<{ term: ArchiveTerm }> = ({ props }) =>
    feedResponse(termFeedInfo(props.term, feedContext), latest(props.term.articles, FEED_LIMITS.term));
  return { getStaticPaths, GET };
}

/** Every feed of the archive, for the OPML file. */
export function archiveFeeds(archive: Archive): FeedInfo[] {
  return allFeeds(archive.terms, feedContext);
}

/** `/feeds.opml`. */
export const opmlGET: APIRoute = async () => {
  const archive = await getArchive();
  const modified = newestChange(archive.articles);
  const opml = renderOpml(archiveFeeds(archive), feedContext, modified && new Date(modified.instant));
  return new Response(opml, { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
};
