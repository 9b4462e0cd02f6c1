/**
 * Limits on one content file, so that no input can crash the build or `npm run check` (a stack
 * overflow in the Markdown parser, a YAML alias bomb) or hold them for minutes: past one, the file
 * gets an error naming its line and the limit, and every other file is still checked. Each is
 * well above what real copy needs (the hostile fixture's 300 companies, a 1.5 MB line); the
 * README's "Errors" lists them.
 */
export const CONTENT_LIMITS = {
  /** Bytes of YAML between the `---` lines. */
  frontmatterBytes: 256 * 1024,
  /** YAML aliases (`*name`) in the frontmatter: real frontmatter has none. */
  yamlAliases: 50,
  /** Bytes of the Markdown body. */
  bodyBytes: 2 * 1024 * 1024,
  /** Names in one list of an article (companies, topics, bylines, aliases). */
  names: 1000,
  /** Blockquotes and lists inside one another. */
  nesting: 100,
} as const;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * How deep a line's block containers go, read from its start: each `>` is a blockquote, each
 * list marker (`-`, `*`, `+`, `1.`, `1)`) followed by a space a list item, and indentation of a
 * list's content counts one level per two columns (how nested lists are written).
 */
export function containerDepth(line: string): number {
  let depth = 0;
  let i = 0;
  let indent = 0;
  while (i < line.length) {
    const char = line[i]!;
    if (char === ' ') {
      indent++;
      i++;
    } else if (char === '\t') {
      indent += 4;
      i++;
    } else if (char === '>') {
      // The one space after a `>` belongs to the marker.
      depth++;
      i += line[i + 1] === ' ' ? 2 : 1;
    } else if ((char === '-' || char === '*' || char === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) {
      depth++;
      i += 2;
    } else {
      const ordered = /^\d{1,9}[.)][ \t]/.exec(line.slice(i, i + 12));
      if (!ordered) break;
      depth++;
      i += ordered[0].length;
    }
  }
  return depth + Math.floor(indent / 2);
}

/** The body's first problem with the limits, at its line of the file, if any. */
export function bodyLimitProblem(body: string, bodyLine: number): { line: number; message: string } | undefined {
  const bytes = Buffer.byteLength(body);
  if (bytes > CONTENT_LIMITS.bodyBytes) {
    return { line: bodyLine, message: `the body is ${mb(bytes)}; at most ${mb(CONTENT_LIMITS.bodyBytes)} is allowed (split the article)` };
  }
  let line = bodyLine;
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    // Only a line that could nest that deep is read closely, and only as far as the limit needs.
    if (end - start > CONTENT_LIMITS.nesting && containerDepth(body.slice(start, Math.min(end, start + 8 * CONTENT_LIMITS.nesting))) > CONTENT_LIMITS.nesting) {
      return { line, message: `blockquotes and lists nest more than ${CONTENT_LIMITS.nesting} levels deep here; at most ${CONTENT_LIMITS.nesting} are allowed` };
    }
    start = end + 1;
    line++;
  }
  return undefined;
}
