/**
 * A result's excerpt, from the article's own words. The index puts the headline and the names an
 * article is tagged with (companies with every alias, topics, authors) before its text, so that
 * they rank; Pagefind's own excerpt would then often be that list of names ("Xiaomi · Xiaomi
 * Corp · …"), which the reader never wrote. So the excerpt is made here from the words after
 * them (`LEAD_END` marks where they end), around the matches among them; when only the headline
 * or a name matched, it is the start of the summary.
 */
import { contentWords, LEAD_END } from '../contract/fields.ts';
import { foldText } from '../contract/words.ts';
import type { ResultData } from './pagefind-instance.ts';

/** Words an excerpt holds, as Pagefind's own excerpts do. */
export const EXCERPT_WORDS = 30;
/** Characters of the summary an excerpt shows when no word of the text matched. */
export const SUMMARY_CHARACTERS = 200;

/** A run of an excerpt's text, marked when it is a match. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

type ExcerptSource = Pick<ResultData, 'content' | 'raw_content' | 'locations' | 'meta'>;

/** The text `locations` count words of: the raw content (the escaped one has lost the segmentation). */
const indexedText = (data: Pick<ResultData, 'content' | 'raw_content'>) => data.raw_content ?? data.content ?? '';

/** The excerpt of a result, as text runs (drawn as text and `<mark>`, never as HTML). */
export function excerptOf(data: ExcerptSource, length = EXCERPT_WORDS): ExcerptPart[] {
  const { words, separator } = contentWords(indexedText(data));
  // An index without the mark (made by an older build) has no lead to skip.
  let lead = words.findIndex((word) => word.includes(LEAD_END)) + 1;
  // The full stop Pagefind ends the lead's paragraph with is a word of its own in segmented text.
  while (lead < words.length && !/[\p{L}\p{N}]/u.test(words[lead]!)) lead += 1;
  const hits = [...new Set(data.locations ?? [])].filter((at) => at >= lead && at < words.length).sort((a, b) => a - b);
  if (hits.length === 0) return summaryStart(data.meta.summary || words.slice(lead).join(separator));
  // The window of `length` words holding the most matches, a few words of context before the first.
  const before = Math.floor(length / 5);
  let best = { start: Math.max(lead, hits[0]! - before), count: 0 };
  for (const hit of hits) {
    const start = Math.max(lead, Math.min(hit - before, words.length - length));
    const count = hits.filter((at) => at >= start && at < start + length).length;
    if (count > best.count) best = { start, count };
  }
  const parts: ExcerptPart[] = [];
  const add = (text: string, mark: boolean) => {
    const last = parts.at(-1);
    if (last && !last.mark && !mark) last.text += text;
    else parts.push({ text, mark });
  };
  const marked = new Set(hits);
  const end = Math.min(words.length, best.start + length);
  for (let at = best.start; at < end; at++) {
    if (at > best.start && separator) add(separator, false);
    add(words[at]!, marked.has(at));
  }
  if (end < words.length) add(' …', false);
  return parts;
}

/** The start of a text, cut at a word's end. */
function summaryStart(text: string): ExcerptPart[] {
  const trimmed = text.trim();
  if (trimmed.length <= SUMMARY_CHARACTERS) return trimmed ? [{ text: trimmed, mark: false }] : [];
  const cut = trimmed.slice(0, SUMMARY_CHARACTERS);
  const space = cut.lastIndexOf(' ');
  return [{ text: `${space > SUMMARY_CHARACTERS / 2 ? cut.slice(0, space) : cut} …`, mark: false }];
}

/** The words that matched in a result (any part of it, names included), folded. */
export function matchedWords(data: Pick<ResultData, 'content' | 'raw_content' | 'locations'>): string[] {
  const { words } = contentWords(indexedText(data));
  return (data.locations ?? []).map((at) => foldText(words[at] ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
}
