/**
 * The feed endpoints' shared half: binds the pure feed functions (src/lib/outputs/feeds.ts,
 * src/lib/outputs/json-feed.ts) to this build's archive and settings. The route files only pick which
 * feed they serve, and in which format: RSS 2.0 (`rss.xml`) or JSON Feed 1.1 (`feed.json`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '@/config/site';
import { urls } from '@/config/urls';
import type { Archive, ArchiveTerm, Article } from '@/lib/model/archive';
import { listCorrections } from '@/lib/model/corrections';
import {
  allFeeds,
  correctionFeedItem,
  correctionsFeedInfo,
  FEED_LIMITS,
  feedItem,
  latest,
  renderFeed,
  renderOpml,
  RSS_TYPE,
  siteFeedInfo,
  termFeedInfo,
  type FeedContext,
  type FeedInfo,
  type FeedItem,
} from '@/lib/outputs/feeds';
import { JSON_FEED_TYPE, renderJsonFeed } from '@/lib/outputs/json-feed';
import { newestChange } from '@/lib/model/modified';
import { kinds } from '@/config/kinds';
import { articleData, cardData, pageKey } from '@/lib/outputs/page-keys';
import { articleHtml, getArchive, getDigests, siteKey } from './archive';
import { articleFeedImage } from './previews';

export const feedContext: FeedContext = { site, urls, kinds };

// An article sits in the site feed and in several term feeds, each in two formats; its item is
// built once.
const items = new Map<Article, Promise<FeedItem>>();
function itemOf(article: Article): Promise<FeedItem> {
  let item = items.get(article);
  if (!item) {
    item = Promise.all([articleHtml(article), articleFeedImage(article)]).then(([html, image]) =>
      feedItem(
        article,
        html,
        feedContext,
        image && { ...image, caption: article.image?.caption, credit: article.image?.credit },
      ),
    );
    items.set(article, item);
  }
  return item;
}

/** The two formats of every feed: RSS 2.0 at `rss.xml`, JSON Feed 1.1 at `feed.json`. */
export type FeedFormat = 'rss' | 'json';

/** One feed's document in one format, with its media type. */
async function feedDocument(feed: FeedInfo, items: readonly FeedItem[], format: FeedFormat): Promise<Response> {
  if (format === 'json') {
    return new Response(renderJsonFeed(feed, items, feedContext), {
      headers: { 'Content-Type': `${JSON_FEED_TYPE}; charset=utf-8` },
    });
  }
  return new Response(await renderFeed(feed, items, feedContext), {
    headers: { 'Content-Type': `${RSS_TYPE}; charset=utf-8` },
  });
}

async function feedResponse(feed: FeedInfo, articles: readonly Article[], format: FeedFormat): Promise<Response> {
  return feedDocument(feed, await Promise.all(articles.map(itemOf)), format);
}

/** `/rss.xml` or `/feed.json`: the newest articles of the whole archive. */
export function siteFeedRoute(format: FeedFormat): APIRoute {
  return async () => {
    const archive = await getArchive();
    return feedResponse(siteFeedInfo(feedContext), latest(archive.articles, FEED_LIMITS.site), format);
  };
}

/** `/rss.xml`. */
export const siteFeedGET = siteFeedRoute('rss');
/** `/feed.json`. */
export const siteJsonFeedGET = siteFeedRoute('json');

/** `/<kind>/<slug>/rss.xml` or `/<kind>/<slug>/feed.json`: one feed per term of every kind. */
export function termFeedRoute(format: FeedFormat) {
  const getStaticPaths = (async () => {
    const archive = await getArchive();
    const digests = await getDigests();
    return kinds.keys.flatMap((kind) =>
      [...archive.terms[kind].values()].map((term) => ({
        params: { kind, slug: term.slug },
        props: { term },
        // The feed's items, whole (src/lib/outputs/page-keys.ts): unchanged, the feed is not written again.
        cacheKey: pageKey(
          siteKey,
          kind,
          term.slug,
          term.name,
          latest(term.articles, FEED_LIMITS.term).map((a) => [articleData(a, digests.article(a)), cardData(a)]),
        ),
      })),
    );
  }) satisfies GetStaticPaths;
  const GET: APIRoute<{ term: ArchiveTerm }> = ({ props }) =>
    feedResponse(termFeedInfo(props.term, feedContext), latest(props.term.articles, FEED_LIMITS.term), format);
  return { getStaticPaths, GET };
}

/** `/corrections/rss.xml` or `/corrections/feed.json`: the newest correction notes. */
export function correctionsFeedRoute(format: FeedFormat): APIRoute {
  return async () => {
    const archive = await getArchive();
    const items = listCorrections(archive.articles)
      .slice(0, FEED_LIMITS.site)
      .map((entry) => correctionFeedItem(entry, feedContext));
    return feedDocument(correctionsFeedInfo(feedContext), items, format);
  };
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

/** `/<kind>/<slug>/feed/`: the page that says how to follow a term's feeds, for every kind. */
export async function subscribePagePaths() {
  const archive = await getArchive();
  return kinds.keys.flatMap((kind) => {
    const parent = { name: kinds.info(kind).plural, href: urls.termIndex(kind) };
    return [...archive.terms[kind].values()].map((term) => ({
      params: { kind, slug: term.slug },
      props: { feed: termFeedInfo(term, feedContext), parent },
      // It shows the term's name and addresses only: renamed, it is rendered again.
      cacheKey: pageKey(siteKey, kind, term.slug, term.name, 'subscribe'),
    }));
  });
}
