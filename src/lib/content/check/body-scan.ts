/**
 * What the check reads in a body: raw HTML the sanitizer would remove, links and images with
 * relative addresses, and images without alt text. Each parses the body with remark only when a
 * quick look finds something to read (a `<`, a link's `](`, an image's `![`), which few articles
 * have.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { REMARK_REHYPE_OPTIONS } from '../markdown.ts';
import { ARTICLE_SCHEMA, findRemovals, type Removal } from '../sanitize.ts';

const markdown = unified().use(remarkParse).use(remarkGfm);
// As the build's pipeline sees HTML: raw HTML parsed into elements before the sanitizer runs.
const toHtml = unified().use(remarkRehype, { ...REMARK_REHYPE_OPTIONS, allowDangerousHtml: true }).use(rehypeRaw);

/** What sanitizing the body's HTML removes (lines of the body), as the build reports it. */
export function findMarkupRemovals(body: string): Removal[] {
  if (!/<[A-Za-z!/?]/.test(body)) return [];
  const tree = toHtml.runSync(markdown.parse(body)) as HastRoot;
  return findRemovals(tree, ARTICLE_SCHEMA);
}

export interface LinkTarget {
  kind: 'link' | 'image';
  url: string;
  /** Line of the body. */
  line?: number;
}

/** An address with no scheme and no host, that is not only a fragment: `../x/`, `photo.jpg`, `/about/`. */
export function isRelativeAddress(url: string): boolean {
  return url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//') && !url.startsWith('#');
}

const RELATIVE_CANDIDATE = /(?:\]\(\s*<?|\]:\s*<?|\b(?:href|src)\s*=\s*["']?)(?![a-z][a-z0-9+.-]*:|#|\/\/)/i;

const HTML_ADDRESS = /<(a|img)\b[^>]*?\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** Links and images (Markdown, reference definitions and raw HTML) whose address is relative. */
export function findRelativeTargets(body: string): LinkTarget[] {
  // Only a body with an address that has no scheme is worth parsing.
  if (!RELATIVE_CANDIDATE.test(body)) return [];
  const tree = markdown.parse(body) as MdastRoot;
  const targets: LinkTarget[] = [];
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => void definitions.set(node.identifier, node.url));
  visit(tree, (node) => {
    const line = node.position?.start.line;
    if (node.type === 'link' || node.type === 'image') targets.push({ kind: node.type, url: node.url, line });
    else if (node.type === 'linkReference' || node.type === 'imageReference') {
      const url = definitions.get(node.identifier);
      if (url !== undefined) targets.push({ kind: node.type === 'imageReference' ? 'image' : 'link', url, line });
    } else if (node.type === 'html') {
      for (const match of node.value.matchAll(HTML_ADDRESS)) {
        targets.push({ kind: match[1].toLowerCase() === 'img' ? 'image' : 'link', url: (match[3] ?? match[4] ?? match[5]).trim(), line });
      }
    }
  });
  return targets.filter((target) => isRelativeAddress(target.url));
}

const RAW_IMG = /<img\b[^>]*>/gi;
const ALT_ATTRIBUTE = /\salt\s*=/i;

/** Images in the body without alt text (Markdown `![](photo.jpg)`, raw `<img>` without `alt`), with their lines. */
export function findImagesWithoutAlt(body: string): { url: string; line?: number }[] {
  if (!body.includes('![') && !/<img\b/i.test(body)) return [];
  const tree = markdown.parse(body) as MdastRoot;
  const found: { url: string; line?: number }[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line;
    if ((node.type === 'image' || node.type === 'imageReference') && !node.alt?.trim()) {
      found.push({ url: node.type === 'image' ? node.url : `[${node.identifier}]`, line });
    } else if (node.type === 'html') {
      for (const [tag] of node.value.matchAll(RAW_IMG)) {
        if (!ALT_ATTRIBUTE.test(tag)) found.push({ url: /\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1] ?? '', line });
      }
    }
  });
  return found;
}
