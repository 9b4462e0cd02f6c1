/**
 * The Markdown pipeline: Astro's own Markdown processor (`@astrojs/markdown-remark`: GFM,
 * remark-rehype, local images, stringify) with our steps. `markdownOptions` is the
 * one definition: astro.config.mjs gives it to Astro, and the content loader's workers
 * (src/loaders/render-worker.ts) build the same processor from it.
 *
 * On the Markdown tree, `remarkTypography` is Astro's SmartyPants step (remark-smartypants,
 * the same plugin with the same options, in the same place), run only on a body that has
 * something for it to change; then `remarkDerivedSummary` takes the first paragraph as the
 * summary for articles that have none, so a body is parsed once. Then, on the HTML tree, in order (Astro
 * runs these after remark-rehype and before its own last steps):
 *
 * 1. rehype-raw: raw HTML in the Markdown becomes elements now, so the sanitizer sees it
 *    (Astro would otherwise parse it only at the very end, after every plugin).
 * 2. `rehypeReportRemovals`, then rehype-sanitize with `ARTICLE_SCHEMA` (src/lib/content/sanitize.ts):
 *    what the schema does not allow goes, and the build is told what went; `rehypeTidyAfterSanitizing`
 *    clears what it leaves behind. Skipped for a trusted archive (`trustedHtml`).
 * 3. rehype-slug: heading ids, added after the sanitizer so they carry no `user-content-`
 *    prefix; then `rehypeContentIds` keeps them clear of the page's own ids and points
 *    fragment links at the ids the sanitizer prefixed (footnotes, an editor's `<a id>`).
 * 4. rehype-autolink-headings: the `#` permalink after each heading.
 * 5. `rehypeTableAlignClasses`: GFM's column alignment as classes, not the obsolete `align`.
 * 6. `rehypeImageFigures`: an image alone in its paragraph with a title becomes a figure with
 *    that title as its caption. Astro then resolves local images (sized, responsive, lazy).
 */
import type { AstroMarkdownOptions, RehypePlugins } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkSmartypants from 'remark-smartypants';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { HEADING_ANCHOR_CLASS, headingAnchorContent } from './heading-anchor.ts';
import { isPageId } from './page-ids.ts';
import { ARTICLE_SCHEMA, findRemovals, type Removal } from './sanitize.ts';
import { summaryOfTree } from './summary.ts';

/** Where the pipeline's findings travel to the loader: see `pipelineReport`. */
const SANITIZER_REMOVALS_KEY = 'sanitizerRemoved';
const SUMMARY_KEY = 'derivedSummary';

export interface MarkdownPipelineOptions {
  /**
   * Keep raw HTML as written (embeds, scripts, styles): only for an archive whose every author
   * is trusted. Off by default; see the README on its risks.
   */
  trustedHtml: boolean;
}

/**
 * remark-rehype's options: footnote ids without a prefix of their own, since the sanitizer
 * adds its `user-content-` prefix to every id from the content (no double prefix).
 */
export const REMARK_REHYPE_OPTIONS = { clobberPrefix: '' };

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

/**
 * Hands a value back from a plugin. It rides in the file's frontmatter data, the channel Astro
 * documents for plugins: the renderer returns it as `metadata.frontmatter`.
 */
function report(file: VFile, key: string, value: unknown): void {
  const data = file.data as AstroFileData;
  data.astro ??= {};
  data.astro.frontmatter ??= {};
  data.astro.frontmatter[key] = value;
}

/**
 * What SmartyPants changes (remark-smartypants with Astro's options: quotes, `--` and `---`,
 * `...` and `. . .`, two backticks and two single quotes): a text without any of these comes out
 * as it went in.
 */
const TYPOGRAPHY = /["']|--|\.\.\.|\. \. \.|``/;

/**
 * Astro's SmartyPants step, skipped where it cannot change anything. It turns the whole text of
 * the body into a natural-language tree (retext) twice to decide each quote, which is more than
 * half of the time a plain body takes to render; most bodies of an archive are plain in places,
 * some entirely. Only text nodes count: inline code is never changed.
 */
function remarkTypography() {
  // The plugin's attacher reads nothing of the processor (`this`) and returns a plain transform.
  const smartypants = (remarkSmartypants as unknown as () => (tree: MdastRoot) => void)();
  return (tree: MdastRoot) => {
    let found = false;
    visit(tree, 'text', (node) => {
      if (TYPOGRAPHY.test(node.value)) {
        found = true;
        return false;
      }
    });
    if (found) smartypants(tree);
  };
}

/** The first paragraph of the body as a summary (src/lib/content/summary.ts), from the tree being rendered. */
function remarkDerivedSummary() {
  return (tree: MdastRoot, file: VFile) => report(file, SUMMARY_KEY, summaryOfTree(tree));
}

/** Records what the sanitizer is about to remove. */
function rehypeReportRemovals() {
  return (tree: Root, file: VFile) => {
    const removals = findRemovals(tree, ARTICLE_SCHEMA);
    if (removals.length > 0) report(file, SANITIZER_REMOVALS_KEY, removals);
  };
}

export interface PipelineReport {
  /** What the sanitizer removed, with lines of the Markdown body. */
  removed: Removal[];
  /** The body's first paragraph as plain text ('' when it has none). */
  derivedSummary: string;
}

/** What the pipeline found while rendering, from the renderer's metadata. */
export function pipelineReport(metadata: { frontmatter?: Record<string, unknown> } | undefined): PipelineReport {
  const removed = metadata?.frontmatter?.[SANITIZER_REMOVALS_KEY];
  const summary = metadata?.frontmatter?.[SUMMARY_KEY];
  return { removed: Array.isArray(removed) ? (removed as Removal[]) : [], derivedSummary: typeof summary === 'string' ? summary : '' };
}

/**
 * Clears what the sanitizer leaves behind:
 * - an image whose only source was unsafe (`javascript:`, `data:`) becomes its alt text, since
 *   an `<img>` without `src` is invalid and shows nothing useful;
 * - a paragraph it emptied (a line that held only an `<svg>` or `<iframe>`) goes, so it leaves
 *   no gap. Markdown itself never makes an empty paragraph.
 */
function rehypeTidyAfterSanitizing() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.tagName === 'img' && !node.properties.src) {
        const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
        parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: alt }] : []));
        return index;
      }
    });
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      if (node.children.every((child) => child.type === 'comment' || (child.type === 'text' && !child.value.trim()))) {
        parent.children.splice(index, 1);
        return index;
      }
    });
  };
}

/**
 * An image standing alone in its paragraph with a title (`![Cranes](cranes.jpg "The terminal in
 * May")`) becomes a figure whose caption is the title, as the image's alt text is for those who
 * cannot see it and the caption for everyone. Runs after the sanitizer, on what it kept.
 */
function rehypeImageFigures() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const content = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
      const [image] = content;
      if (content.length !== 1 || image.type !== 'element' || image.tagName !== 'img') return;
      const title = image.properties.title;
      if (typeof title !== 'string' || !title.trim()) return;
      delete image.properties.title;
      parent.children[index] = {
        type: 'element',
        tagName: 'figure',
        properties: {},
        children: [image, { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: title.trim() }] }],
      };
    });
  };
}

/** Classes for aligned table columns (`align-left`, `align-center`, `align-right`, styled with the article's prose, components/ArticlePage.astro). */
function rehypeTableAlignClasses() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = String(node.properties.align ?? '').toLowerCase();
      delete node.properties.align;
      if (!['left', 'center', 'right'].includes(align)) return;
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...classes, `align-${align}`];
    });
  };
}

/**
 * Makes the content's ids work on the page:
 * - an id that the page around the content also uses (a heading "Main" would take `main`,
 *   the skip link's target) gets a number, as a second heading of the same name would;
 * - a fragment link to an id the sanitizer prefixed (`#fn-1` → `#user-content-fn-1`, an
 *   editor's `<a name="top">`) follows it, so footnotes link back and forth.
 */
function rehypeContentIds(options: { clobberPrefix: string }) {
  return (tree: Root) => {
    const ids = new Set<string>();
    const renamed = new Map<string, string>();
    const withId: Element[] = [];
    visit(tree, 'element', (node) => {
      const id = node.properties.id;
      if (typeof id === 'string') {
        ids.add(id);
        withId.push(node);
      }
    });
    for (const node of withId) {
      const id = node.properties.id as string;
      if (!isPageId(id)) continue;
      let n = 1;
      while (ids.has(`${id}-${n}`) || isPageId(`${id}-${n}`)) n++;
      const next = `${id}-${n}`;
      ids.add(next);
      renamed.set(id, next);
      node.properties.id = next;
    }
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      let target: string;
      try {
        target = decodeURIComponent(href.slice(1));
      } catch {
        return;
      }
      const next = renamed.get(target) ?? (!ids.has(target) && ids.has(options.clobberPrefix + target) ? options.clobberPrefix + target : undefined);
      if (next) node.properties.href = `#${next}`;
    });
  };
}

/**
 * The options of the Markdown processor, for Astro's `unified()` and `createMarkdownProcessor`.
 * Code blocks keep their `language-*` class and carry no inline styles (Shiki's would break
 * under the Content-Security-Policy, and the sanitizer would remove them anyway).
 */
export function markdownOptions(options: MarkdownPipelineOptions) {
  return {
    gfm: true,
    // Ours (`remarkTypography`), first of the remark plugins, where Astro would run its own.
    smartypants: false,
    syntaxHighlight: false,
    remarkRehype: REMARK_REHYPE_OPTIONS,
    remarkPlugins: [remarkTypography, remarkDerivedSummary],
    rehypePlugins: articleRehypePlugins(options),
  } satisfies AstroMarkdownOptions;
}

/** The rehype plugins of the article pipeline, in order (see the top of this file). */
export function articleRehypePlugins({ trustedHtml }: MarkdownPipelineOptions): RehypePlugins {
  return [
    rehypeRaw,
    ...(trustedHtml ? [] : [rehypeReportRemovals, [rehypeSanitize, ARTICLE_SCHEMA], rehypeTidyAfterSanitizing]),
    rehypeSlug,
    [rehypeContentIds, { clobberPrefix: trustedHtml ? '' : (ARTICLE_SCHEMA.clobberPrefix ?? '') }],
    [rehypeAutolinkHeadings, { behavior: 'append', properties: { className: [HEADING_ANCHOR_CLASS] }, content: headingAnchorContent }],
    rehypeTableAlignClasses,
    rehypeImageFigures,
  ] as RehypePlugins;
}
