/**
 * When an article last changed, for feeds (lastBuildDate), JSON-LD (dateModified) and the
 * sitemap (lastmod). One rule: `updated` when it is later than `date`, else `date`.
 */
import type { ArticleRecord } from './content-schema.ts';
import type { ArchiveDate } from './dates.ts';

type Dated = Pick<ArticleRecord, 'date' | 'updated'>;

export function lastModified(article: Dated): ArchiveDate {
  return article.updated && article.updated.instant > article.date.instant ? article.updated : article.date;
}

/** The newest change among some articles, if any. */
export function newestChange(articles: Iterable<Dated>): ArchiveDate | undefined {
  let newest: ArchiveDate | undefined;
  for (const article of articles) {
    const changed = lastModified(article);
    if (!newest || changed.instant > newest.instant) newest = changed;
  }
  return newest;
}
