/**
 * What an article's HTML may contain, and what the sanitizer took out of it.
 *
 * Archives are fed wire copy, pasted web pages and CMS exports, so raw HTML in Markdown is
 * untrusted. `ARTICLE_SCHEMA` is rehype-sanitize's GitHub schema widened for news copy (figures,
 * captions, `abbr`, `cite`, `mark`, `time`…) and narrowed where GitHub is generous (links may be
 * http(s), mailto, relative or a fragment; images http(s) or relative). Everything else goes:
 * scripts, styles, frames, objects, forms, `base`, `meta`, SVG/MathML, event handlers, `style`
 * attributes, and URLs with any other scheme however they are spelled (the check runs on the
 * parsed, entity-decoded value, and allows only the exact lower-case schemes listed).
 *
 * `findRemovals` says what sanitizing a tree with a schema takes out, so the build can warn
 * instead of dropping text silently. It asks hast-util-sanitize itself about each attribute,
 * so the report and the sanitizer cannot disagree.
 */
import type { Element, Nodes, Properties } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';

/**
 * Elements removed with everything inside them. Any other element the schema does not allow is
 * unwrapped: it goes, its text stays (a `<font>` or `<center>` around a paragraph).
 */
const STRIPPED = [
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'textarea',
  'select',
  'title',
  'xmp',
  'noembed',
  'noframes',
];

/** Elements news copy uses beyond GitHub's list. */
const EXTRA_TAGS = ['abbr', 'bdi', 'bdo', 'caption', 'cite', 'col', 'colgroup', 'dfn', 'figcaption', 'figure', 'mark', 'small', 'time', 'u', 'wbr'];

const defaults = defaultSchema.attributes ?? {};

export const ARTICLE_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...EXTRA_TAGS],
  strip: STRIPPED,
  attributes: {
    ...defaults,
    // GitHub also allows `longDesc`, a URL nobody reads; drop it rather than police its scheme.
    img: [...(defaults.img ?? []).filter((name) => name !== 'longDesc'), 'loading', 'decoding'],
    col: ['span'],
    colgroup: ['span'],
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
};

/** One thing the sanitizer took out, where it was (1-based line in the Markdown it came from). */
export interface Removal {
  /** What an editor reads: `<script>`, `onerror attribute`, `javascript: URL in href`. */
  what: string;
  line?: number;
}

/** The HTML attribute name of a hast property (`onError` → `onerror`, `className` → `class`). */
function attributeName(property: string): string {
  return find(html, property).attribute;
}

/** The scheme of a URL that has one (`JaVaScRiPt:alert(1)` → `javascript:`), as sanitize reads it. */
function schemeOf(value: string): string | undefined {
  const match = /^([^:/?#]+):/.exec(value);
  // Shown without the spaces and control characters that hide a scheme (`java\tscript:`).
  return match ? `${match[1].replace(/[\s\p{Cc}]/gu, '').toLowerCase()}:` : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/** The property as sanitize keeps it on this element (ancestors aside), or undefined. */
function keptValue(tagName: string, key: string, value: Properties[string], schema: Schema): unknown {
  const probe = sanitize({ type: 'element', tagName, properties: { [key]: value }, children: [] }, { ...schema, ancestors: {}, required: {} });
  return probe.type === 'element' ? probe.properties[key] : undefined;
}

function describeProperty(key: string, value: unknown, kept: unknown, schema: Schema): string {
  const name = attributeName(key);
  const protocols = schema.protocols?.[key];
  if (protocols?.length && typeof value === 'string') {
    const scheme = schemeOf(value);
    if (scheme) return `${scheme} URL in ${name}`;
  }
  // A list attribute (class) may lose only some values.
  if (Array.isArray(value) && Array.isArray(kept)) {
    const dropped = value.filter((item) => !kept.includes(item));
    return `${name} "${dropped.join(' ')}"`;
  }
  return `${name} attribute`;
}

function allowedHere(name: string, stack: readonly string[], schema: Schema): boolean {
  if (!schema.tagNames?.includes(name)) return false;
  const ancestors = schema.ancestors?.[name];
  return !ancestors || ancestors.some((ancestor) => stack.includes(ancestor));
}

/**
 * What `sanitize(tree, schema)` removes: elements (stripped or unwrapped) and attributes or
 * attribute values, in document order. Comments and doctypes are not reported: they are never
 * shown on a page, so dropping them changes nothing a reader sees.
 */
export function findRemovals(tree: Nodes, schema: Schema = ARTICLE_SCHEMA): Removal[] {
  const removals: Removal[] = [];
  const stack: string[] = [];
  const clobber = new Set(schema.clobber ?? []);
  const prefix = schema.clobberPrefix ?? '';

  const visit = (node: Nodes) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const element = node as Element;
      const name = element.tagName;
      const line = element.position?.start.line;
      if (!allowedHere(name, stack, schema)) {
        removals.push({ what: `<${name}>`, line });
        if (schema.strip?.includes(name)) return;
      } else {
        for (const [key, value] of Object.entries(element.properties ?? {})) {
          if (value === undefined || value === null) continue;
          const kept = keptValue(name, key, value, schema);
          // Clobber-prone values (ids, names) are kept with a prefix: not a removal.
          const expected = clobber.has(key) && prefix ? (Array.isArray(value) ? value.map((item) => `${prefix}${item}`) : `${prefix}${value}`) : value;
          if (!sameValue(kept, expected)) removals.push({ what: describeProperty(key, value, kept, schema), line });
        }
      }
      stack.push(name);
      for (const child of element.children) visit(child);
      stack.pop();
      return;
    }
    for (const child of node.children) visit(child);
  };
  visit(tree);
  return removals;
}

/**
 * One line for an article's removals: each kind once, in order of first appearance, with how
 * often and the first line it was found on: `<script> ×2 (line 12), onerror attribute (line 14)`.
 */
export function summarizeRemovals(removals: readonly Removal[]): string {
  const seen = new Map<string, { count: number; line?: number }>();
  for (const { what, line } of removals) {
    const entry = seen.get(what);
    if (entry) entry.count++;
    else seen.set(what, { count: 1, line });
  }
  return [...seen]
    .map(([what, { count, line }]) => `${what}${count > 1 ? ` ×${count}` : ''}${line ? ` (line ${line})` : ''}`)
    .join(', ');
}
