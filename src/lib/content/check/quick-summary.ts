/**
 * Whether a body gives the build a summary to derive (src/lib/content/summary.ts: its first paragraph
 * with prose), without parsing it with remark when its first block plainly is such a paragraph:
 * the check needs the answer for every article without a written summary, and a remark parse
 * of each would take most of the check's time.
 *
 * The first block (up to the first blank line) is a prose paragraph when it starts with a
 * letter, digit or quote (no heading, list, quote, fence, HTML, table, indent or entity), and
 * no setext underline or table row turns it into something else. Anything else is parsed.
 */
import { deriveSummary } from '../summary.ts';

const PROSE_START = /^[\p{L}\p{N}"“‘'(]/u;
const LIST_ITEM = /^\d{1,9}[.)](?:\s|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/m;

export function hasDerivedSummary(body: string): boolean {
  const text = body.replace(/^(?:[ \t]*\n)+/, '');
  const end = text.indexOf('\n\n');
  const block = end < 0 ? text : text.slice(0, end);
  const plainParagraph = PROSE_START.test(block) && !LIST_ITEM.test(block) && !block.includes('|') && !SETEXT_UNDERLINE.test(block.slice(block.indexOf('\n') + 1 || block.length));
  return plainParagraph || deriveSummary(body) !== '';
}
