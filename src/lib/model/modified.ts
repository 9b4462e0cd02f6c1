/**
 * When an article last changed, for its dateline ("Updated"), feeds (lastBuildDate, the item's
 * updated date), JSON-LD (dateModified) and the sitemap (lastmod). One rule: the latest of
 * `date`, `updated` and its corrections' dates.
 */
import type { ArticleRecord } from '../content/schema.ts';
import type { ArchiveDate } from '../dates.ts';

type Dated = Pick<ArticleRecord, 'date' | 'updated'> & { corrections?: readonly { date: ArchiveDate }[] };

export function lastModified(article: Dated): ArchiveDate {
  let latest = article.date;
  for (const changed of [article.updated, ...(article.corrections ?? []).map((correction) => correction.date)]) {
    if (changed && changed.instant > latest.instant) latest = changed;
  }
  return latest;
}

/** The date an article's dateline shows as "Updated", when it changed after it was published. */
export function updatedDate(article: Dated): ArchiveDate | undefined {
  const latest = lastModified(article);
  return latest === article.date ? undefined : latest;
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
