/**
 * The plain text of a rendered body, for the export (src/export/): paragraphs, headings, list
 * items, table rows and quotes each on their own, separated by a blank line; a `<br>` a line
 * break; what the pipeline adds for the page, not the prose, left out (a heading's `#` link and
 * its hidden "Link to section" label, a footnote's ↩ link, images).
 *
 * Why not parse the HTML into a tree: the export reads every body of the archive, and parse5
 * costs half a millisecond per 4 KB body (a minute at 100,000 articles) where reading the tags
 * costs a hundredth of that. The input is not any HTML: it is what the body pipeline wrote
 * (src/lib/content/markdown.ts, serialized by hast-util-to-html): every element closed, no
 * comments, attributes quoted, `<` and `&` in text written as character references. A unit test
 * holds the result equal to a parse5 reading of the same bodies.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { UNSPACED, wordSegmenter } from '../words.ts';

/** Elements whose content is text of its own: a break before and after. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'tr',
  'figcaption',
  'dt',
  'dd',
  'div',
  'section',
  'figure',
  'table',
  'ul',
  'ol',
  'dl',
  'hr',
  'details',
  'summary',
  'aside',
]);
/** Elements without content or closing tag. */
const VOID = new Set(['br', 'img', 'hr', 'wbr', 'input', 'col', 'source', 'area', 'embed', 'track']);
/** Elements whose whole content is left out. */
const SKIPPED = new Set(['script', 'style', 'template', 'svg', 'math']);

/** Pipeline additions that are not prose (a heading's link, a footnote's way back). */
function isAddition(tag: string, attributes: string): boolean {
  return (
    tag === 'a' && (/\bclass="[^"]*\bheading-anchor\b/.test(attributes) || /\sdata-footnote-backref\b/.test(attributes))
  );
}

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
const REFERENCE = /&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([a-zA-Z][a-zA-Z0-9]*));/g;

/** Text with its character references (`&#x3C;`, `&amp;`) turned back into characters. */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    REFERENCE,
    (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      if (name !== undefined) {
        const decoded = decodeNamedCharacterReference(name);
        return decoded === false ? whole : decoded;
      }
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    },
  );
}

/** The body's text, blocks apart by one blank line, runs of spaces kept as one (but in `<pre>`). */
export function plainTextOfHtml(html: string): string {
  const blocks: string[] = [];
  let current = '';
  /** Open elements whose content is left out, as a depth: 0 when none. */
  let skipping = 0;
  let skippedTag = '';
  let pre = 0;
  const endBlock = () => {
    const text = pre
      ? current.replace(/^\n+|\s+$/g, '')
      : current
          .replace(/ {2,}/g, ' ')
          .replace(/ *\t */g, '\t')
          .replace(/[ \r\f]*\n[ \r\f]*/g, '\n')
          .trim();
    if (text) blocks.push(text);
    current = '';
  };
  for (const match of html.matchAll(TOKEN)) {
    const [, closing, rawTag, attributes = '', text] = match;
    if (text !== undefined) {
      if (skipping) continue;
      const decoded = decodeReferences(text);
      current += pre ? decoded : decoded.replace(/[ \t\n\r\f]+/g, ' ');
      continue;
    }
    const tag = rawTag!.toLowerCase();
    const selfClosing = VOID.has(tag) || attributes.endsWith('/');
    if (skipping) {
      if (tag === skippedTag && !selfClosing) skipping += closing ? -1 : 1;
      continue;
    }
    if (!closing && !selfClosing && (SKIPPED.has(tag) || isAddition(tag, attributes))) {
      skipping = 1;
      skippedTag = tag;
      continue;
    }
    if (tag === 'br') current += '\n';
    else if (tag === 'td' || tag === 'th') {
      // Cells of a row on one line, a tab apart, as a spreadsheet would paste them.
      if (closing) current += '\t';
    } else if (BLOCK_ELEMENTS.has(tag)) {
      // What came before a `<pre>` is not preformatted; what it holds is, to its end.
      endBlock();
      if (tag === 'pre') pre += closing ? -1 : 1;
    }
  }
  endBlock();
  return blocks.map((block) => block.replace(/\t+$/gm, '')).join('\n\n');
}

/**
 * The number of words in a text: runs between spaces, or, for a text in a script written without
 * spaces (Chinese, Japanese, Thai…), the words the Unicode segmenter finds (ICU's dictionaries).
 */
export function countWords(text: string, lang = 'en'): number {
  if (UNSPACED.test(text)) {
    let count = 0;
    for (const segment of wordSegmenter(lang).segment(text)) if (segment.isWordLike) count += 1;
    return count;
  }
  let count = 0;
  for (const word of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(word)) count += 1;
  return count;
}
