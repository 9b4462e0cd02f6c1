/** A count in words, the same everywhere: `1 article`, `12 articles`, `1 company`, `3 companies`. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** `1 article`, `12 articles`. */
export function countArticles(n: number): string {
  return countOf(n, 'article');
}

/** `1 result`, `12 results`, for search. */
export function countResults(n: number): string {
  return countOf(n, 'result');
}
