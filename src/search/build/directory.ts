/**
 * The word directory (../contract/shards.ts): the words a shard's documents may be found by,
 * and the one document per shard that holds them.
 */
import { escapeHtml } from '../../lib/outputs/feeds.ts';
import { DIRECTORY_SHARD_FILTER, wordDirectoryKey, type ShardInfo } from '../contract/shards.ts';

/**
 * The elements Pagefind (1.6, `SENTENCE_SELECTORS` and `br` in its HTML parser) puts a space
 * around; around any other element it joins the text as it stands (`<th>Net</th><th>Sales</th>`
 * is one word to it).
 */
const SPACED_TAG = /<\/?(?:h[1-6]|p|td|div|ul|li|article|section|br)\b[^>]*>/gi;

/**
 * Adds to `words` every word the searchable HTML of a document may be indexed under, for the
 * word directory (`wordDirectoryDocument`): its text split at white space, each word once.
 *
 * The directory must hold at least every word Pagefind indexed, or a search would skip a shard
 * that has its word. So the text is read twice: as Pagefind reads it (a space around the
 * elements it spaces, none around others: "Nex<b>tia</b>" is one word), and with a space around
 * every element, so a word is there whichever way Pagefind splits it. Words stay as the HTML
 * writes them (`AT&amp;T`), so the directory document, which is HTML too, gives Pagefind the
 * same text. Upper and lower case are one word to Pagefind.
 */
export function addDocumentWords(html: string, words: Set<string>): void {
  for (const text of [html.replace(SPACED_TAG, ' ').replace(/<[^>]*>/g, ''), html.replace(/<[^>]*>/g, ' ')]) {
    for (const word of text.split(/\s+/)) {
      // A character reference keeps its case: `&Eacute;` is not `&eacute;` to the parser.
      if (word) words.add(word.includes('&') ? word : word.toLowerCase());
    }
  }
}

/**
 * The word directory's document for one shard (../contract/shards.ts, `wordDirectoryKey`):
 * every word of the shard once, and the shard's key as its filter value.
 */
export function wordDirectoryDocument(
  shard: Pick<ShardInfo, 'key' | 'lang'>,
  words: Iterable<string>,
): { url: string; content: string } {
  // The words come from HTML text, where no `<` is left unescaped; escape one anyway.
  const text = [...words].map((word) => word.replaceAll('<', '&lt;')).join(' ');
  return {
    url: `/${shard.key}/`,
    content: [
      `<html lang="${escapeHtml(wordDirectoryKey(shard.lang))}"><body>`,
      `<p>${text}</p>`,
      `<div data-pagefind-ignore><span data-pagefind-filter="${DIRECTORY_SHARD_FILTER}">${escapeHtml(shard.key)}</span></div>`,
      '</body></html>',
    ].join(''),
  };
}
