/** Counts in words, the same on every page: `1 article`, `12 articles`. */
export function countArticles(n: number): string {
  return `${n} ${n === 1 ? 'article' : 'articles'}`;
}

/** `1 result`, `12 results`, for search. */
export function countResults(n: number): string {
  return `${n} ${n === 1 ? 'result' : 'results'}`;
}
