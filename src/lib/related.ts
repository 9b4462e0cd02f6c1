/**
 * "Related" articles: the ones sharing the most companies and topics with an article, newest
 * first among equals. Candidates come only from the article's own terms, so the cost is
 * bounded by the sizes of those terms, not by the whole archive.
 */
export interface RelatableArticle {
  companyRefs: { slug: string }[];
  topicRefs: { slug: string }[];
}

export function findRelated<A extends RelatableArticle>(
  article: A,
  termArticles: (kind: 'companies' | 'topics', slug: string) => readonly A[],
  order: (a: A) => number,
  limit = 5,
): A[] {
  const shared = new Map<A, number>();
  const count = (kind: 'companies' | 'topics', slug: string) => {
    for (const other of termArticles(kind, slug)) {
      if (other !== article) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  };
  for (const ref of article.companyRefs) count('companies', ref.slug);
  for (const ref of article.topicRefs) count('topics', ref.slug);
  return [...shared]
    .sort(([a, x], [b, y]) => y - x || order(a) - order(b))
    .slice(0, limit)
    .map(([other]) => other);
}
