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

/** A list in words: `companies, topics and sources` (`or` for a choice). */
export function listInWords(words: readonly string[], joiner: 'and' | 'or' = 'and'): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${joiner} ${words.at(-1)}`;
}

/** A phrase as a heading or a sentence starts: `Companies, topics and sources`. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
