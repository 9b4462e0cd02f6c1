/**
 * What each document of the index carries, as the build writes it (../build/documents.ts) and
 * the browser reads it back from a result: its metadata, filters, sort key and the weight of the
 * names it is tagged with.
 */
import type { Facet } from '../../lib/kinds.ts';

/** The Pagefind sort key every article carries. */
export const DATE_SORT_KEY = 'date';
/** The metadata field repeating it, where the browser can read it (a result's data). */
export const DATE_SORT_META = 'date_sort';
/** The filter that holds each article's month (`2018-02`): the date range reads it. */
export const MONTH_FILTER = 'month';

/**
 * Pagefind weight of the tagged names (companies with their aliases, topics, authors): below the
 * headline (7), above body text (1). They rank a result but are never its excerpt
 * (`LEAD_END`).
 */
export const NAMES_WEIGHT = 4;

/**
 * The mark that ends a document's lead (its headline and tagged names) in a result's `content`:
 * the words after the first one are the article's own, which excerpts are made from
 * (../browser/excerpt.ts). A symbol, so Pagefind indexes no word for it.
 */
export const LEAD_END = '⁂';

/**
 * Pagefind's words of a result's `content`, which `locations` count: split at zero-width spaces
 * where Pagefind segmented the text (Chinese, Japanese…), else at white space. With their
 * separator, to put them back together.
 */
export function contentWords(text: string): { words: string[]; separator: string } {
  if (text.includes('\u200B')) return { words: text.split('\u200B'), separator: '' };
  return { words: text.split(/\s+/).filter(Boolean), separator: ' ' };
}

/** A term as a result shows it: its facet, name and page URL (with the site's base). */
export type ResultTerm = [facet: Facet, name: string, url: string];

/** The metadata a result carries (Pagefind's `meta`), as the page shows it. */
export interface ResultMeta {
  title?: string;
  /** The date as written on the article page. */
  date?: string;
  /** The written summary, or the first paragraph. */
  summary?: string;
  /** JSON of `ResultTerm`s. */
  terms?: string;
  /** A thumbnail of the lead image, when it has one. */
  image?: string;
  [DATE_SORT_META]?: string;
}

/** `ResultTerm`s from a result's `terms`, dropping anything malformed. */
export function parseResultTerms(json: string | undefined): ResultTerm[] {
  try {
    const terms = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(terms)
      ? terms.filter(
          (t): t is ResultTerm => Array.isArray(t) && t.length === 3 && t.every((x) => typeof x === 'string'),
        )
      : [];
  } catch {
    return [];
  }
}
