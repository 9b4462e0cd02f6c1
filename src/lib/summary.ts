/**
 * A summary for articles that have none: the first paragraph of the body as plain text,
 * shortened at a sentence (or word) boundary so listings and feeds stay readable.
 */
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm);

export const SUMMARY_MAX_LENGTH = 300;

export function shortenText(text: string, max = SUMMARY_MAX_LENGTH): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  if (sentenceEnd > max / 3) return head.slice(0, sentenceEnd + 1);
  const wordEnd = head.lastIndexOf(' ');
  return `${(wordEnd > 0 ? head.slice(0, wordEnd) : head).replace(/[\s,;:–—-]+$/, '')}…`;
}

export function deriveSummary(markdown: string): string {
  const tree = parser.parse(markdown);
  const paragraph = tree.children.find((node) => node.type === 'paragraph' && toString(node).trim());
  if (!paragraph) return '';
  return shortenText(toString(paragraph).replace(/\s+/g, ' ').trim());
}
