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
 * The HTML is parsed into a hast tree with the same tools that wrote it (rehype-parse, as a
 * fragment), changed in one walk of the tree, and serialised with hast-util-to-html, the
 * serialiser behind rehype-stringify. The input is HTML serialised by our own Markdown pipeline
 * (rehype-stringify, after rehype-raw has parsed any raw HTML an editor wrote), so parsing and
 * serialising it again gives the same bytes: only the attributes changed here differ. Text,
 * comments and the contents of `script` and `style` are never read as markup, since an HTML
 * parser (parse5) decides what is a tag. The walk visits each node once: linear in the body.
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { HEADING_ANCHOR_CLASS } from '../content/heading-anchor.ts';

/**
 * hast properties whose value is one URL (attributes href, src, poster, cite, action, formaction,
 * background, longdesc, xlink:href, data).
 */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'poster',
  'cite',
  'action',
  'formAction',
  'background',
  'longDesc',
  'xLinkHref',
  'data',
]);
/** hast properties whose value is a list of `url [descriptor]` candidates (srcset, imagesrcset). */
const SRCSET_PROPERTIES = new Set(['srcSet', 'imageSrcSet']);
/** Classes whose element (an anchor and its content) is dropped from feed content. */
const DROPPED_CLASSES = new Set([HEADING_ANCHOR_CLASS]);

/**
 * The attribute Astro's content layer puts on an `<img>` of a local file instead of `src`
 * (`__ASTRO_IMAGE_`; the HTML parser lower-cases attribute names, and hast keeps an unknown
 * attribute's name as its property name).
 */
const LOCAL_IMAGE_PLACEHOLDER = '__astro_image_';

const parser = unified().use(rehypeParse, { fragment: true });

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

function classes(element: Element): string[] {
  const value = element.properties.className;
  // The parser gives a list (class is space-separated); anything else is read as one string.
  return Array.isArray(value) ? value.map(String) : value == null ? [] : String(value).split(/\s+/);
}

/** An element left out of the feed, with everything inside it. */
function isLeftOut(element: Element): boolean {
  // A heading anchor (an `a` with the anchor class), label and all.
  if (element.tagName === 'a' && classes(element).some((c) => DROPPED_CLASSES.has(c))) return true;
  // A local image: Astro resolves its placeholder only when rendering the page, so the feed
  // cannot know the optimised file's URL; leave the image out rather than break it, and a
  // figure made of it with it (its caption would stand alone).
  if (LOCAL_IMAGE_PLACEHOLDER in element.properties) return true;
  return (
    element.tagName === 'figure' &&
    element.children.some((child) => child.type === 'element' && LOCAL_IMAGE_PLACEHOLDER in child.properties)
  );
}

function makeUrlsAbsolute(element: Element, pageUrl: string): void {
  const { properties } = element;
  for (const [name, value] of Object.entries(properties)) {
    if (typeof value !== 'string') continue;
    if (URL_PROPERTIES.has(name)) properties[name] = resolveUrl(value, pageUrl);
    else if (SRCSET_PROPERTIES.has(name)) properties[name] = resolveSrcset(value, pageUrl);
  }
}

function prepareTree(tree: Root, pageUrl: string): void {
  visit(tree, (node) => {
    if (node.type !== 'root' && node.type !== 'element') return;
    // Dropped children go before the walk reaches them (changes made on entering a node are
    // walked), in one pass over the list: no splicing, no searching the rest of the body.
    if (node.children.some((child) => child.type === 'element' && isLeftOut(child))) {
      node.children = node.children.filter((child) => child.type !== 'element' || !isLeftOut(child));
    }
    if (node.type === 'element') {
      makeUrlsAbsolute(node, pageUrl);
      // A `<template>`'s contents live in a tree of their own.
      if (node.content) prepareTree(node.content, pageUrl);
    }
  });
}

/**
 * Makes every URL in `html` absolute against `pageUrl` (the article's permalink), drops the
 * heading anchors and the local images. Everything else serialises as the Markdown pipeline
 * wrote it.
 */
export function prepareFeedHtml(html: string, pageUrl: string): string {
  const tree = parser.parse(html);
  prepareTree(tree, pageUrl);
  return toHtml(tree);
}
