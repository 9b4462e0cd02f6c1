/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key
 * is the same as in the last build, and whose code did not change, is not rendered again.
 *
 * So a key must cover everything the page shows. Each route's key is made here from the parts
 * of the model its page reads: an article page shows the article, its neighbours' and related
 * articles' cards, the other reports of its story and its terms; a listing shows its articles' cards. An article's own content
 * (title, dates, body, frontmatter) is covered by the content digest the loader computed from
 * its file; what the model adds (names resolved through the registry, which can change when
 * another file changes) is listed explicitly.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../model/archive.ts';

/** A short, stable hash of any JSON-able parts. */
export function pageKey(...parts: unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}

/** What a listing card (and a pager or related link) shows of an article. */
export function cardData(article: Article | undefined) {
  if (!article) return null;
  return [
    article.path,
    article.title,
    article.date.written,
    article.date.zone,
    article.terms.authors,
    article.summary,
    article.lang ?? null,
    // Its thumbnail: the picture's bytes, as the loader hashed them.
    article.image?.file?.hash ?? null,
  ];
}

/** What "Other reports of this story" shows of a report: its link, headline, source and date. */
export function reportData(article: Article) {
  return [article.path, article.title, article.date.written, article.date.zone, article.terms.sources[0]?.name ?? null];
}

/** What an article's own page and feed item show of it: its file, and the names the model resolved. */
export function articleData(article: Article, contentDigest: string) {
  return [contentDigest, article.path, article.terms.companies, article.terms.topics, article.terms.authors];
}
