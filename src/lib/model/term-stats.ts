/**
 * What a company, topic or author page shows besides its articles: coverage by year, first
 * and last coverage, the companies and topics most often in the same articles.
 */
import type { ArchiveDate } from '../dates.ts';
import type { TermRef } from './terms.ts';
import type { TermKind } from '../urls.ts';

export interface TermCount {
  ref: TermRef;
  count: number;
}

export interface TermStats {
  count: number;
  first?: ArchiveDate;
  last?: ArchiveDate;
  /** Every year from the first to the last coverage, oldest first, zeros included. */
  byYear: { year: number; count: number }[];
  companies: TermCount[];
  topics: TermCount[];
}

interface StatArticle {
  date: ArchiveDate;
  terms: Pick<Record<TermKind, TermRef[]>, 'companies' | 'topics'>;
}

function countRefs(lists: TermRef[][], exclude?: TermRef): TermCount[] {
  const counts = new Map<string, TermCount>();
  for (const refs of lists) {
    for (const ref of refs) {
      if (exclude && ref.kind === exclude.kind && ref.slug === exclude.slug) continue;
      const entry = counts.get(ref.slug);
      if (entry) entry.count++;
      else counts.set(ref.slug, { ref, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.ref.name.localeCompare(b.ref.name));
}

/** `articles` newest first, as the model keeps them. */
export function termStats(term: TermRef, articles: readonly StatArticle[]): TermStats {
  const years = new Map<number, number>();
  for (const article of articles) years.set(article.date.year, (years.get(article.date.year) ?? 0) + 1);
  const byYear: TermStats['byYear'] = [];
  if (years.size) {
    const min = Math.min(...years.keys());
    const max = Math.max(...years.keys());
    for (let year = min; year <= max; year++) byYear.push({ year, count: years.get(year) ?? 0 });
  }
  return {
    count: articles.length,
    first: articles.at(-1)?.date,
    last: articles[0]?.date,
    byYear,
    companies: countRefs(
      articles.map((a) => a.terms.companies),
      term,
    ),
    topics: countRefs(
      articles.map((a) => a.terms.topics),
      term,
    ),
  };
}

/**
 * Terms with the most articles since an instant (the home page's "most covered"), for
 * `articles` newest first.
 */
export function mostCovered(
  articles: readonly StatArticle[],
  kind: 'companies' | 'topics',
  since: number,
  limit: number,
): TermCount[] {
  const recent: TermRef[][] = [];
  for (const article of articles) {
    if (article.date.instant < since) break;
    recent.push(article.terms[kind]);
  }
  return countRefs(recent).slice(0, limit);
}
