/**
 * The one word normaliser of search, for the build and the browser alike: text is compared as
 * Pagefind compares it, in lower case and without accents ("Société" is "societe"), split into
 * runs of letters and digits. Names (suggestions, the tagged names of a document) and queries
 * all go through here, so a spelling that matches in one place matches in every other.
 */

/** Lower case, accents gone: the form words are compared in. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a text (a query, a name), folded: "Acme Corp." → ["acme", "corp"]. */
export function wordsOf(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A name as names are matched: its words, with `&` read as "and", joined by single spaces.
 * "AT&T" and "AT and T" are one name; so are "Acme Corp" and "Acme Corp.".
 */
export function normalizeName(name: string): string {
  return wordsOf(name.replace(/&/g, ' and ')).join(' ');
}
