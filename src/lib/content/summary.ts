/**
 * A summary for articles that have none: the first paragraph of the body as plain text,
 * shortened at a sentence (or word) boundary so listings and feeds stay readable.
 */
import type { Root } from 'mdast';
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
  // Leave room for the ellipsis so the result stays within `max`.
  return `${(wordEnd > 0 ? head.slice(0, wordEnd) : head.slice(0, max - 1)).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** The summary of a parsed body: the Markdown pipeline derives it from the tree it renders. */
export function summaryOfTree(tree: Root): string {
  // The first paragraph with prose in it: an image's alt text alone is no summary.
  const paragraph = tree.children.find(
    (node) =>
      node.type === 'paragraph' &&
      node.children.some((child) => child.type !== 'image' && child.type !== 'imageReference' && toString(child).trim()),
  );
  if (!paragraph) return '';
  return shortenText(toString(paragraph).replace(/\s+/g, ' ').trim());
}

/** The summary of a Markdown body, parsed here (for tools that do not render it). */
export function deriveSummary(markdown: string): string {
  return summaryOfTree(parser.parse(markdown));
}
