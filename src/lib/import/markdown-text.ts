/**
 * The one way the importers write Markdown: an mdast tree through remark-stringify (with GFM,
 * for tables and strikethrough), so any character in the copy that Markdown would read as
 * syntax (`*`, `_`, `#` or `1.` at a line start, `<`) is escaped and stays text.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const processor = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one' });

/** The Markdown text of a tree, without a trailing newline. */
export function stringifyMarkdown(tree: Root): string {
  return processor.stringify(tree).replace(/\n+$/, '');
}
