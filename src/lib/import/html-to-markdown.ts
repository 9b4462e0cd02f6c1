/**
 * HTML copy (a WordPress post body, a pasted page) to the Markdown an article file holds.
 *
 * 1. WordPress's own markup goes first: comments (Gutenberg's `<!-- wp:paragraph -->` block
 *    delimiters, `<!--more-->`), shortcodes (`[caption]` keeps its image and caption as a
 *    figure, `[embed]` its URL; `[gallery]`, `[video]` and any other shortcode go and are
 *    reported), and, for classic-editor bodies that have loose text instead of `<p>` tags,
 *    WordPress's paragraphs: a blank line ends a paragraph, a single newline is a `<br>`
 *    (the core of WordPress's `wpautop`).
 * 2. The HTML is parsed as a fragment and sanitized with the build's own schema
 *    (`ARTICLE_SCHEMA`), so the importer never writes markup the build would remove.
 * 3. rehype-remark turns it into a Markdown tree and `stringifyMarkdown` writes it, escaping
 *    any text that Markdown would read as syntax.
 *
 * What is reported: elements the sanitizer removes (`<script>`, `<iframe>`, `<font>`), event
 * handler attributes (`onerror attribute`) and URLs with a scheme it does not allow
 * (`javascript: URL in href`), plus dropped shortcodes (`[gallery] shortcode`). Other
 * attributes it drops (`class`, `style`, `srcset`, `data-*`…) are not: Markdown has no place
 * for them, so the written article is the same with or without them, and every WordPress body
 * has them. Removals carry no line: a line of the HTML is no line of the file written.
 */
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { Nodes as MdastNodes, Parent as MdastParent, Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { ARTICLE_SCHEMA, findRemovals, type Removal } from '../content/sanitize.ts';
import { stringifyMarkdown } from './markdown-text.ts';

const htmlParser = unified().use(rehypeParse, { fragment: true });
const toMarkdownTree = unified().use(rehypeRemark);

/** WordPress's block-level tags (wpautop's `$allblocks`): they break paragraphs. */
const BLOCK =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)';
/** Block tags that never have a closing tag. */
const VOID_BLOCKS = new Set(['hr', 'col', 'area']);

/** Elements whose text is code or not text at all: no paragraphs, shortcodes or line breaks inside. */
const RAW_ELEMENT = /(<(pre|code|script|style|textarea)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)/gi;

/** Private-use characters around the number of a protected span while the text is rewritten. */
const HOLD_OPEN = '\uE000';
const HOLD_CLOSE = '\uE001';

/** Sets the raw elements' text aside (`<pre>…</pre>` → `<pre>placeholder</pre>`) and gives a function to put it back. */
function protectRawElements(html: string): { text: string; restore: (text: string) => string } {
  const held: string[] = [];
  const text = html.replace(
    RAW_ELEMENT,
    (_, open: string, _name: string, content: string, close: string) =>
      `${open}${HOLD_OPEN}${held.push(content) - 1}${HOLD_CLOSE}${close}`,
  );
  const pattern = new RegExp(`${HOLD_OPEN}(\\d+)${HOLD_CLOSE}`, 'g');
  return { text, restore: (rewritten) => rewritten.replace(pattern, (_, index: string) => held[Number(index)]) };
}

// ---------------------------------------------------------------------------------------------
// Shortcodes

/** Shortcodes whose content is the copy: kept, without the shortcode. */
const KEEP_CONTENT = new Set(['caption', 'wp_caption', 'embed']);
/** Shortcodes WordPress itself registers: always read as shortcodes. */
const CORE_SHORTCODES = new Set([...KEEP_CONTENT, 'gallery', 'playlist', 'audio', 'video']);

/**
 * WordPress's shortcode grammar (`get_shortcode_regex`) for any name: `[[escaped]]`,
 * `[name attrs]`, `[name attrs /]`, `[name attrs]content[/name]`.
 */
const SHORTCODE =
  /\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]/]*(?:\/(?!\])[^\]/]*)*?)(?:(\/)\]|\](?:([^[]*(?:\[(?!\/\2\])[^[]*)*)(\[\/\2\]))?)(\]?)/g;

/** A `[caption]`'s image (optionally linked) and its caption text, as a figure. */
function captionFigure(content: string, attributes: string): string {
  const media = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content);
  if (!media) return content;
  let caption = media[2].trim();
  // Before WordPress 3.4 the caption was an attribute.
  if (!caption)
    caption =
      /\bcaption=(?:"([^"]*)"|'([^']*)')/
        .exec(attributes)
        ?.slice(1)
        .find((value) => value !== undefined) ?? '';
  return `<figure>${media[1]}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/**
 * Replaces shortcodes: the content of `[caption]` and `[embed]` stays (a caption as a figure),
 * any other shortcode goes (an enclosing one keeps its content) and is reported. Bracketed text
 * that is not shortcode-shaped (`[sic]`, `[1]`, `[Editor's note: …]`) stays: a name not known
 * to WordPress is read as a shortcode only with attributes (`name="…"`), a closing `/`, or a
 * closing tag.
 */
function replaceShortcodes(text: string, removals: Removal[]): string {
  return text.replace(
    SHORTCODE,
    (
      match,
      escapeOpen: string,
      name: string,
      attributes: string,
      selfClosing: string | undefined,
      content: string | undefined,
      closing: string | undefined,
      escapeClose: string,
    ) => {
      const isShortcode =
        CORE_SHORTCODES.has(name) || attributes.includes('=') || selfClosing !== undefined || closing !== undefined;
      // Without a closing tag the match is the brackets alone: they stay text.
      if (!isShortcode) return match;
      // `[[gallery]]` is WordPress's way to write the text `[gallery]`.
      if (escapeOpen && escapeClose) return match.slice(1, -1);
      const inner = content === undefined ? '' : replaceShortcodes(content, removals);
      let replacement: string;
      if (name === 'caption' || name === 'wp_caption') replacement = captionFigure(inner, attributes);
      else if (KEEP_CONTENT.has(name)) replacement = inner;
      else {
        removals.push({ what: `[${name}] shortcode` });
        replacement = inner;
      }
      return `${escapeOpen}${replacement}${escapeClose}`;
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Paragraphs (wpautop)

/** Whether any text stands outside block tags (a classic-editor body, or text between blocks). */
function hasLooseText(html: string): boolean {
  const tag = new RegExp(`<(/?)(${BLOCK})(?=[\\s/>])[^>]*>`, 'gi');
  let depth = 0;
  let last = 0;
  for (const match of html.matchAll(tag)) {
    if (depth === 0 && html.slice(last, match.index).trim()) return true;
    const name = match[2].toLowerCase();
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (!VOID_BLOCKS.has(name) && !match[0].endsWith('/>')) depth++;
    last = match.index + match[0].length;
  }
  return depth === 0 && html.slice(last).trim() !== '';
}

/**
 * WordPress's paragraphs, as `wpautop` makes them: text between blank lines (and between block
 * tags) becomes a `<p>`, a single newline inside one a `<br>`. The raw elements (`<pre>`…)
 * must already be set aside.
 */
function autop(html: string): string {
  let text = `${html}\n`;
  const block = (pattern: string) => new RegExp(pattern.replaceAll('BLOCK', BLOCK), 'gi');
  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, '\n\n');
  text = text.replace(block('(<BLOCK[\\s/>])'), '\n\n$1');
  text = text.replace(block('(</BLOCK>)'), '$1\n\n');
  text = text.replace(/<hr\s*\/?>/gi, '<hr>\n\n');
  // A newline inside a tag (attributes on several lines) is no line break.
  text = text.replace(/<[a-z/][^<>]*>/gi, (tag) => tag.replace(/\s*\n\s*/g, ' '));
  text = text
    .split(/\n\s*\n/)
    .filter((chunk) => chunk.trim())
    .map((chunk) => `<p>${chunk.replace(/^\n+|\n+$/g, '')}</p>\n`)
    .join('');
  text = text.replace(/<p>\s*<\/p>/g, '');
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/gi, '<p>$1</p></$2>');
  text = text.replace(block('<p>\\s*(</?BLOCK[^>]*>)\\s*</p>'), '$1');
  text = text.replace(/<p>(<li.+?)<\/p>/gi, '$1');
  text = text.replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>');
  text = text.replace(/<\/blockquote><\/p>/gi, '</p></blockquote>');
  text = text.replace(block('<p>\\s*(</?BLOCK[^>]*>)'), '$1');
  text = text.replace(block('(</?BLOCK[^>]*>)\\s*</p>'), '$1');
  text = text.replace(/(?<!<br\s*\/?>)[^\S\n]*\n/gi, '<br>\n');
  text = text.replace(block('(</?BLOCK[^>]*>)\\s*<br>'), '$1');
  text = text.replace(/<br>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/gi, '$1');
  return text.replace(/<br>\n$/, '').replace(/\n<\/p>$/, '</p>');
}

/** WordPress's markup made plain HTML: no comments, no shortcodes, paragraphs where it implies them. */
function unwordpress(html: string, removals: Removal[]): string {
  const isBlockEditor = /<!--\s*wp:/.test(html);
  const { text, restore } = protectRawElements(html.replace(/\r\n?/g, '\n'));
  let rewritten = text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  rewritten = replaceShortcodes(rewritten, removals);
  // The block editor writes its own paragraphs; WordPress skips wpautop for its posts too.
  if (!isBlockEditor && hasLooseText(rewritten)) rewritten = autop(rewritten);
  return restore(rewritten);
}

// ---------------------------------------------------------------------------------------------
// Conversion

/** Whether a removal changes what the Markdown says (see the module comment). */
function isReported(removal: Removal): boolean {
  return removal.what.startsWith('<') || / URL in /.test(removal.what) || /^on[a-z]+ attribute$/.test(removal.what);
}

/** Text that is only white space (WordPress's `<p>&nbsp;</p>` spacers). */
function isBlank(node: MdastNodes): boolean {
  if (node.type === 'text') return !node.value.trim();
  if (node.type === 'break') return true;
  return 'children' in node && (node.children as MdastNodes[]).every(isBlank);
}

/** A paragraph that is a URL alone: WordPress shows what it points to (an embed, oEmbed). */
const EMBED_URL = /^\s*(https?:\/\/\S+)\s*$/;

/**
 * After sanitizing: a link whose URL was removed is its text, an image without a source goes,
 * and so do empty paragraphs and headings. A paragraph that is only a URL (an `[embed]`, a
 * block-editor embed, a URL on its own line in a classic post) becomes a link to it: Markdown
 * cannot embed, and the escaped text would not even be a link.
 */
function tidy(parent: MdastParent): void {
  const children: MdastNodes[] = [];
  for (const child of parent.children as MdastNodes[]) {
    if ('children' in child) tidy(child as MdastParent);
    if (child.type === 'link' && !child.url) children.push(...child.children);
    else if (child.type === 'image' && !child.url) continue;
    else if ((child.type === 'paragraph' || child.type === 'heading') && isBlank(child)) continue;
    else {
      const only = child.type === 'paragraph' && child.children.length === 1 ? child.children[0] : undefined;
      const url = only?.type === 'text' ? EMBED_URL.exec(only.value)?.[1] : undefined;
      if (child.type === 'paragraph' && url)
        child.children = [{ type: 'link', url, children: [{ type: 'text', value: url }] }];
      children.push(child);
    }
  }
  (parent as { children: MdastNodes[] }).children = children;
}

export interface HtmlConversion {
  /** The body as Markdown, without a trailing newline. */
  markdown: string;
  /** What was left out (see the module comment), in order: shortcodes first, then markup. */
  removed: Removal[];
}

export function htmlToMarkdown(html: string): HtmlConversion {
  const removed: Removal[] = [];
  const prepared = unwordpress(html, removed);
  const tree = htmlParser.parse(prepared);
  for (const removal of findRemovals(tree, ARTICLE_SCHEMA)) {
    if (isReported(removal)) removed.push({ what: removal.what });
  }
  const clean = sanitize(tree, ARTICLE_SCHEMA) as HastRoot;
  const markdownTree = toMarkdownTree.runSync(clean) as MdastRoot;
  tidy(markdownTree);
  return { markdown: stringifyMarkdown(markdownTree), removed };
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** Elements whose content is no text a reader sees. */
const NOT_TEXT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'textarea',
  'select',
  'title',
  'head',
]);
/** Elements between which words are separated (block-level tags, line breaks, cells). */
const SEPARATED = new RegExp(`^(?:${BLOCK}|br|img|tr|td|th|li)$`);

/**
 * The text of an HTML fragment on one line: tags stripped, entities decoded, white space
 * collapsed, words in separate blocks kept apart. For excerpts, titles and term names, which
 * WordPress keeps as HTML (`Science &amp; Tech`).
 */
export function htmlToPlainText(html: string): string {
  const parts: string[] = [];
  const walk = (node: HastNodes | ElementContent) => {
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element' || node.type === 'root') {
      const element = node.type === 'element' ? (node as Element) : undefined;
      if (element && NOT_TEXT.has(element.tagName)) return;
      const separated = element !== undefined && SEPARATED.test(element.tagName);
      if (separated) parts.push(' ');
      for (const child of node.children) walk(child);
      if (separated) parts.push(' ');
    }
  };
  walk(htmlParser.parse(html.replace(/<!--[\s\S]*?(?:-->|$)/g, '')));
  return parts.join('').replace(/\s+/g, ' ').trim();
}
