/**
 * Turns an article's rendered body HTML into HTML that stands on its own in a feed reader.
 *
 * Feed readers show content:encoded away from the site, so:
 * - every relative URL (links, images, footnote and heading fragments) must become absolute,
 *   resolved against the article's permalink (a `#fn-1` link points into the article page);
 * - local images (files next to the Markdown) are left out: their optimised URL only exists
 *   when Astro renders the page (remote images pass through);
 * - the heading anchors rehype-autolink-headings appends (`<a class="heading-anchor">` with a
 *   visually hidden "Link to section: …" label) go: without the site's CSS a reader would show
 *   that label as text after every heading.
 *
 * The input is HTML serialised by our own Markdown pipeline (rehype-stringify), plus any raw
 * HTML an editor wrote. We therefore only need to find tags, not build a tree: in serialised
 * HTML a `<` that starts a tag is never part of text (text escapes it), and attribute values are
 * quoted. Raw-text elements (`script`, `style`) and comments are skipped whole so a `<a` inside
 * them is never mistaken for a tag.
 */
import { HEADING_ANCHOR_CLASS } from './heading-anchor.ts';

/** Attributes whose value is one URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'action', 'formaction', 'background', 'longdesc', 'xlink:href', 'data']);
/** Attributes whose value is a list of `url [descriptor]` candidates. */
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);
/** Classes whose element (an anchor and its content) is dropped from feed content. */
const DROPPED_CLASSES = new Set([HEADING_ANCHOR_CLASS]);

/** The attribute Astro's content layer puts on an `<img>` of a local file instead of `src`. */
const LOCAL_IMAGE_PLACEHOLDER = '__astro_image_';

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references that occur in serialised attribute values. */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    try {
      return String.fromCodePoint(code);
    } catch {
      return whole;
    }
  });
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Resolves one URL against the page; leaves it alone when it is not a URL at all. */
export function resolveUrl(value: string, pageUrl: string): string {
  const trimmed = value.trim();
  if (!trimmed) return value;
  try {
    return new URL(trimmed, pageUrl).href;
  } catch {
    return value;
  }
}

function resolveSrcset(value: string, pageUrl: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url, ...descriptors] = candidate.trim().split(/\s+/);
      return url ? [resolveUrl(url, pageUrl), ...descriptors].join(' ') : candidate;
    })
    .join(', ');
}

interface Attribute {
  name: string;
  /** Decoded value; undefined for a bare attribute such as `hidden`. */
  value?: string;
}

function parseAttributes(source: string): Attribute[] {
  const attributes: Attribute[] = [];
  for (const m of source.matchAll(ATTRIBUTE)) {
    const raw = m[2] ?? m[3] ?? m[4];
    attributes.push({ name: m[1], value: raw === undefined ? undefined : decodeAttribute(raw) });
  }
  return attributes;
}

function serialiseTag(name: string, attributes: Attribute[], selfClosing: boolean): string {
  const parts = attributes.map((a) => (a.value === undefined ? a.name : `${a.name}="${encodeAttribute(a.value)}"`));
  return `<${name}${parts.length ? ` ${parts.join(' ')}` : ''}${selfClosing ? ' /' : ''}>`;
}

function isDropped(attributes: Attribute[]): boolean {
  const classes = attributes.find((a) => a.name.toLowerCase() === 'class')?.value?.split(/\s+/) ?? [];
  return classes.some((c) => DROPPED_CLASSES.has(c));
}

/**
 * Makes every URL in `html` absolute against `pageUrl` (the article's permalink) and drops the
 * heading anchors. Text, entities and everything else pass through byte for byte.
 */
export function prepareFeedHtml(html: string, pageUrl: string): string {
  let out = '';
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const [whole, closing, rawName, attributeSource, selfClosing] = m;
    out += html.slice(last, m.index);
    last = m.index + whole.length;
    if (rawName === undefined || closing) {
      out += whole;
      continue;
    }
    const name = rawName.toLowerCase();
    const attributes = parseAttributes(attributeSource);

    // A dropped anchor goes with its content, up to its own end tag (anchors do not nest).
    if (name === 'a' && isDropped(attributes)) {
      const end = html.toLowerCase().indexOf('</a>', last);
      last = end < 0 ? html.length : end + '</a>'.length;
      TOKEN.lastIndex = last;
      continue;
    }

    // A local image: Astro resolves its placeholder only when rendering the page, so the
    // feed cannot know the optimised file's URL; leave the image out rather than break it.
    if (attributes.some((a) => a.name.toLowerCase() === LOCAL_IMAGE_PLACEHOLDER)) continue;

    let changed = false;
    for (const attribute of attributes) {
      if (attribute.value === undefined) continue;
      const attrName = attribute.name.toLowerCase();
      const next = URL_ATTRIBUTES.has(attrName)
        ? resolveUrl(attribute.value, pageUrl)
        : SRCSET_ATTRIBUTES.has(attrName)
          ? resolveSrcset(attribute.value, pageUrl)
          : attribute.value;
      if (next !== attribute.value) {
        attribute.value = next;
        changed = true;
      }
    }
    out += changed ? serialiseTag(rawName, attributes, selfClosing === '/') : whole;

    // Raw text: copy through to the end tag unparsed.
    if (name === 'script' || name === 'style') {
      const end = html.toLowerCase().indexOf(`</${name}`, last);
      const stop = end < 0 ? html.length : end;
      out += html.slice(last, stop);
      last = stop;
      TOKEN.lastIndex = stop;
    }
  }
  return out + html.slice(last);
}
