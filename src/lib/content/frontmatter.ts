/**
 * Splits a Markdown file into YAML frontmatter and body, keeping line numbers so that every
 * problem can point at its line.
 *
 * YAML is read with the `core` schema: dates stay the strings the editor wrote (the 1.1
 * timestamp type would turn them into instants and lose the written offset, which the date
 * rule in the README's "Content" says to keep), and duplicate keys are errors.
 */
import { isMap, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { CONTENT_LIMITS } from './limits.ts';

export interface ParsedFrontmatter {
  /** The frontmatter as plain data (`undefined` when there is none). */
  data: unknown;
  body: string;
  /** The line of the file (1-based) the body starts on: a body line `n` is file line `bodyLine + n - 1`. */
  bodyLine: number;
  /** Line (1-based, in the whole file) of a field or list item, when it can be found. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export interface FrontmatterFailure {
  line?: number;
  message: string;
}

const OPEN_RE = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE_RE = /^(?:---|\.\.\.)[ \t]*$/m;

export function parseFrontmatter(source: string): ParsedFrontmatter | FrontmatterFailure {
  const open = OPEN_RE.exec(source);
  if (!open) {
    return {
      line: 1,
      message: 'expected the file to start with a frontmatter block: a line "---", the fields (title, date, …), then another "---"',
    };
  }
  const rest = source.slice(open[0].length);
  const close = CLOSE_RE.exec(rest);
  if (!close) return { line: 1, message: 'the frontmatter block opened by "---" on line 1 is never closed by another "---" line' };

  const yamlText = rest.slice(0, close.index);
  if (yamlText.length > CONTENT_LIMITS.frontmatterBytes) {
    return { line: 2, message: `the frontmatter is ${Math.round(yamlText.length / 1024)} KB; at most ${CONTENT_LIMITS.frontmatterBytes / 1024} KB is allowed` };
  }
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const bodyLine = source.slice(0, source.length - afterClose.length).split('\n').length;
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(yamlText, { schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false });
  // The YAML starts on line 2 of the file.
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + 1;

  const firstError = doc.errors[0];
  if (firstError) {
    const reason = firstError.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
    let offset = firstError.pos[0];
    // An unclosed quote is reported where the text runs out; point at the quote that opened it.
    // So is an unclosed flow list or map: point at the bracket that opened it.
    const opener = /^Missing closing (["'])quote/.exec(reason)?.[1] ?? { ']': '[', '}': '{' }[/end with an? ([\]}])/.exec(reason)?.[1] ?? ''];
    if (opener) offset = Math.max(0, yamlText.lastIndexOf(opener, offset - 1));
    return { line: toFileLine(offset), message: `broken YAML in the frontmatter: ${reason}` };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { line: 2, message: 'expected the frontmatter to be a set of "field: value" lines' };
  }

  // YAML aliases (`*name`) repeat a value; a few nested ones make billions (an alias bomb).
  let aliases = 0;
  let firstAlias: number | undefined;
  visit(doc, {
    Alias(_, node) {
      aliases++;
      firstAlias ??= node.range?.[0];
    },
  });
  if (aliases > CONTENT_LIMITS.yamlAliases) {
    return {
      line: toFileLine(firstAlias ?? 0),
      message: `the frontmatter uses ${aliases} YAML aliases (*name); at most ${CONTENT_LIMITS.yamlAliases} are allowed`,
    };
  }
  let data: unknown;
  try {
    data = doc.contents === null ? {} : doc.toJS({ maxAliasCount: 10 * CONTENT_LIMITS.yamlAliases });
  } catch (error) {
    // The YAML library stops what would expand past its limit; say so, at the first alias.
    return { line: toFileLine(firstAlias ?? 0), message: `the frontmatter's YAML cannot be read: ${(error as Error).message}` };
  }

  return {
    data,
    body: afterClose,
    bodyLine,
    lineOf(path) {
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return toFileLine(node.range[0]);
      // An unknown or missing key: point at the key itself when present, else at the block start.
      if (path.length === 1 && isMap(doc.contents)) {
        const pair = doc.contents.items.find((item) => (item.key as { value?: unknown })?.value === path[0]);
        const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (range) return toFileLine(range[0]);
      }
      return undefined;
    },
  };
}
