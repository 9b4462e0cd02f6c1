/**
 * A short text with inline Markdown (a correction note: `*emphasis*`, `[links](…)`, `code`) as
 * HTML and as plain text, through the same parser and sanitizer as article bodies
 * (src/lib/content/sanitize.ts): a note is data like any other text from content. One paragraph only;
 * a text that makes headings, lists or several paragraphs is refused, so a note stays a note.
 */
import type { Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { sanitize } from 'hast-util-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { ARTICLE_SCHEMA, findRemovals, summarizeRemovals } from './sanitize.ts';

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);
const toHtml = unified().use(rehypeStringify);

export interface InlineText {
  html: string;
  plain: string;
}

/** The HTML (without a wrapping `<p>`) and plain text of one paragraph, or why it is not one. */
export function renderInlineMarkdown(markdown: string): InlineText | string {
  const markdownTree = toHast.parse(markdown);
  // remark-rehype would drop raw HTML without a word: say so instead (a note has no use for it).
  let hasHtml = false;
  visit(markdownTree, 'html', () => void (hasHtml = true));
  if (hasHtml) return 'expected text with inline Markdown, not HTML (write *emphasis* or [a link](https://…))';
  const unsafe = toHast.runSync(markdownTree) as HastRoot;
  // What the sanitizer would take out (a `javascript:` link, say) is refused, not dropped.
  const removals = findRemovals(unsafe, ARTICLE_SCHEMA);
  if (removals.length) return `the text has what a page may not show: ${summarizeRemovals(removals)}`;
  const tree = sanitize(unsafe, ARTICLE_SCHEMA) as HastRoot;
  const blocks = tree.children.filter((node) => node.type !== 'text' || node.value.trim());
  const [paragraph] = blocks;
  if (blocks.length !== 1 || paragraph.type !== 'element' || paragraph.tagName !== 'p') {
    return 'expected one paragraph of text (inline Markdown such as *emphasis* or [a link](https://…) is fine; no headings, lists or blank lines)';
  }
  return { html: toHtml.stringify({ type: 'root', children: paragraph.children }), plain: hastToString(paragraph).replace(/\s+/g, ' ').trim() };
}
