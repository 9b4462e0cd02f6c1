/**
 * A WordPress export (WXR, "WordPress eXtended RSS", Tools → Export) read as articles.
 *
 * Posts become articles: published ones as they are; drafts, pending, scheduled, private and
 * password-protected posts (and any status WordPress plugins invent) as drafts. Everything else in an export (pages, attachments, menu items, revisions,
 * trashed posts, auto-drafts) is counted as skipped, with why. Nothing here touches the file
 * system: the caller gives the text and a name for it (`origin`, the export's file name), and
 * each item is named `${origin}#post-${wp:post_id}` in the report.
 *
 * Dates: WordPress keeps each post's time twice, as the blog's wall clock (`wp:post_date`) and
 * in UTC (`wp:post_date_gmt`). Their difference is the blog's offset then, so the date is
 * written as the blog showed it, with that offset (`2019-03-10T14:30:00+08:00`). Drafts have no
 * UTC time (`0000-00-00 00:00:00`): their wall clock is written without an offset, and the site's
 * time zone applies.
 */
import { XMLParser } from 'fast-xml-parser';
import { offsetText, parseArchiveDate } from '../dates.ts';
import { summarizeRemovals } from '../content/sanitize.ts';
import { parseSitePath } from '../content/site-path.ts';
import { checkXml } from '../xml.ts';
import { htmlToMarkdown, htmlToPlainText } from './html-to-markdown.ts';
import type { ImportedArticle, SkippedItem } from './imported-article.ts';
import { uploadPath, type PostMedia } from './wp-media.ts';

export interface WxrImport {
  articles: ImportedArticle[];
  skipped: SkippedItem[];
  /**
   * What is wrong with the export as a whole, without the export's name (the caller adds it): not a WordPress export (then nothing was read), or
   * not well-formed XML (then what could be read was: an export cut short still gives its
   * first items, the last one perhaps incomplete). Empty for a sound export.
   */
  problems: string[];
}

/** Elements that are lists however many times they occur. */
const ALWAYS_ARRAYS = new Set(['item', 'category', 'wp:author', 'wp:postmeta']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // CDATA sections are text (and WordPress's `]]]]><![CDATA[>` split joins up again).
  cdataPropName: false,
  // Everything stays a string: a headline `1984` is no number, a post id `0123` keeps its zero.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ALWAYS_ARRAYS.has(name),
});

type XmlNode = Record<string, unknown>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of an element: a string, or the `#text` of an element with attributes; '' if none. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (isNode(value)) return text(value['#text']);
  return '';
}

function nodes(value: unknown): XmlNode[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(isNode);
}

/** Post types in the words of the report: `a page`, `an attachment`, `a nav_menu_item`. */
function aPostType(type: string): string {
  return `${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type}`;
}

/** Statuses that are no article at all, and why. */
const SKIPPED_STATUS: Record<string, string> = {
  trash: 'trashed',
  'auto-draft': 'an auto-draft',
  inherit: 'status inherit',
};

/** Statuses imported as drafts that the editor should hear about. */
const NOTED_STATUS: Record<string, string> = {
  pending: 'pending review',
  future: 'scheduled',
  private: 'private',
};

// ---------------------------------------------------------------------------------------------
// Dates

/** A WordPress `YYYY-MM-DD HH:MM:SS`, or undefined when missing or zero (`0000-00-00 00:00:00`). */
function wordpressTime(value: string): { day: string; time: string; utc: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m || Number(m[1]) === 0) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  const seconds = m[6] ?? '00';
  return {
    day: `${m[1]}-${m[2]}-${m[3]}`,
    time: `${m[4]}:${m[5]}:${seconds}`,
    utc: Date.UTC(year, month - 1, day, hour, minute, second),
  };
}

/**
 * The written date of a post: the blog's wall clock with the offset between it and the UTC time
 * (rounded to 15 minutes, as time zones are), the wall clock alone when there is no UTC time,
 * the UTC time when there is no wall clock. A warning says when the two cannot both be right.
 */
export function wxrDate(postDate: string, postDateGmt: string): { date?: string; warning?: string } {
  const local = wordpressTime(postDate);
  const gmt = wordpressTime(postDateGmt);
  let date: string | undefined;
  let warning: string | undefined;
  if (local && gmt) {
    const offset = Math.round((local.utc - gmt.utc) / 60_000 / 15) * 15;
    if (Math.abs(offset) <= 14 * 60) date = `${local.day}T${local.time}${offsetText(offset)}`;
    else {
      date = `${gmt.day}T${gmt.time}Z`;
      warning = `post_date ${postDate} and post_date_gmt ${postDateGmt} are more than 14 hours apart: used the UTC time`;
    }
  } else if (local) date = `${local.day}T${local.time}`;
  else if (gmt) date = `${gmt.day}T${gmt.time}Z`;
  if (date !== undefined && typeof parseArchiveDate(date, 'UTC') === 'string') {
    return { warning: `no date: WordPress's post_date "${postDate}" is not a calendar date` };
  }
  return { date, warning };
}

// ---------------------------------------------------------------------------------------------
// Items

/** The URL when it is an absolute http(s) one. */
function httpUrl(value: string): string | undefined {
  const trimmed = value.trim();
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/** Categories and tags as written (entities decoded), once each, in order; not WordPress's default `Uncategorized`. */
function topicsOf(item: XmlNode): string[] {
  const topics: string[] = [];
  for (const category of nodes(item.category)) {
    const domain = text(category['@_domain']);
    if (domain !== 'category' && domain !== 'post_tag') continue;
    const name = htmlToPlainText(text(category));
    if (!name) continue;
    if (
      domain === 'category' &&
      (name.toLowerCase() === 'uncategorized' || text(category['@_nicename']) === 'uncategorized')
    )
      continue;
    if (!topics.includes(name)) topics.push(name);
  }
  return topics;
}

/**
 * A post's permalink as a path of the blog's own site, to keep as an alias (README, "URLs that
 * never break"): its path when it is on the blog's host; else none, with a word for the report
 * when it cannot be kept (a `?p=123` link names no file a static host can hold).
 */
function oldPath(link: string | undefined, blog: URL | undefined): { path?: string; warning?: string } {
  if (!link || !blog) return {};
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return {};
  }
  if (url.host !== blog.host) return {};
  if (url.search) {
    return {
      warning: `its WordPress address ${url.pathname}${url.search} has a query string, which a static site cannot answer; add a rule on your host to keep it`,
    };
  }
  const parsed = parseSitePath(url.pathname);
  if (typeof parsed === 'string') return { warning: `its WordPress address cannot be kept as an alias: ${parsed}` };
  return { path: `/${parsed.path}` };
}

/** A post's custom field (`wp:postmeta`), by key. */
function postMeta(item: XmlNode, key: string): string | undefined {
  const found = nodes(item['wp:postmeta']).find((meta) => text(meta['wp:meta_key']).trim() === key);
  return found ? text(found['wp:meta_value']).trim() : undefined;
}

/** An uploaded file (an attachment item): its address, alt text and caption. */
interface Attachment {
  url: string;
  alt?: string;
  caption?: string;
}

/** The export's attachments by post id. */
function attachmentsOf(items: readonly XmlNode[]): Map<string, Attachment> {
  const found = new Map<string, Attachment>();
  for (const item of items) {
    if (text(item['wp:post_type']).trim() !== 'attachment') continue;
    const url = text(item['wp:attachment_url']).trim() || text(item.guid).trim();
    const alt = htmlToPlainText(postMeta(item, '_wp_attachment_image_alt') ?? '');
    const caption = htmlToPlainText(text(item['excerpt:encoded']));
    found.set(text(item['wp:post_id']).trim(), { url, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}) });
  }
  return found;
}

const MARKDOWN_IMAGE = /!\[([^\]]*)\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g;

/**
 * The pictures of a post on the blog's own site: its featured image, and each image of its body
 * (src/lib/import/wp-media.ts brings them home); pictures of other sites are left as they are.
 */
function mediaOf(
  item: XmlNode,
  markdown: string,
  blog: URL | undefined,
  attachments: ReadonlyMap<string, Attachment>,
): PostMedia[] {
  const media: PostMedia[] = [];
  const featured = attachments.get(postMeta(item, '_thumbnail_id') ?? '');
  const featuredUpload = featured && uploadPath(featured.url, blog);
  if (featured && featuredUpload)
    media.push({
      url: featured.url,
      upload: featuredUpload,
      role: 'lead',
      alt: featured.alt,
      caption: featured.caption,
    });
  for (const [, alt, url] of markdown.matchAll(MARKDOWN_IMAGE)) {
    const upload = uploadPath(url, blog);
    if (upload && !media.some((m) => m.role === 'inline' && m.url === url))
      media.push({ url, upload, role: 'inline', alt });
  }
  return media;
}

function readItem(
  item: XmlNode,
  index: number,
  origin: string,
  authors: ReadonlyMap<string, string>,
  blog: URL | undefined,
  attachments: ReadonlyMap<string, Attachment>,
): ImportedArticle | SkippedItem {
  const id = text(item['wp:post_id']).trim();
  const itemOrigin = `${origin}#${id ? `post-${id}` : `item-${index + 1}`}`;
  const type = text(item['wp:post_type']).trim();
  if (type !== 'post') return { origin: itemOrigin, reason: type ? aPostType(type) : 'not a post (no wp:post_type)' };

  const status = text(item['wp:status']).trim() || 'publish';
  if (SKIPPED_STATUS[status]) return { origin: itemOrigin, reason: SKIPPED_STATUS[status] };

  const warnings: string[] = [];
  // A password-protected post was never public: it is not made public now.
  const protectedPost = text(item['wp:post_password']) !== '';
  const draft = status !== 'publish' || protectedPost;
  if (NOTED_STATUS[status])
    warnings.push(`${NOTED_STATUS[status]} in WordPress (status ${status}): imported as a draft`);
  else if (status !== 'publish' && status !== 'draft')
    warnings.push(`WordPress status "${status}": imported as a draft`);
  if (protectedPost) warnings.push('password-protected in WordPress: imported as a draft');

  const { date, warning: dateWarning } = wxrDate(text(item['wp:post_date']), text(item['wp:post_date_gmt']));
  if (dateWarning) warnings.push(dateWarning);

  const login = text(item['dc:creator']).trim();
  const summary = htmlToPlainText(text(item['excerpt:encoded']));
  const { markdown, removed } = htmlToMarkdown(text(item['content:encoded']));
  if (removed.length) warnings.push(`removed ${summarizeRemovals(removed)}`);
  const source = httpUrl(text(item.link));
  const old = oldPath(source, blog);
  // A draft's link (`?p=123`) was a preview, never public: nothing to keep.
  if (old.warning && !draft) warnings.push(old.warning);

  return {
    origin: itemOrigin,
    title: htmlToPlainText(text(item.title)) || undefined,
    date,
    bylines: login ? [authors.get(login) ?? login] : [],
    companies: [],
    topics: topicsOf(item),
    summary: summary || undefined,
    source,
    ...(old.path ? { aliases: [old.path] } : {}),
    media: mediaOf(item, markdown, blog, attachments),
    draft,
    body: markdown,
    dropped: [],
    warnings,
  };
}

/** The validator's complaint in an editor's words; elements left open mean the file was cut short. */
function malformation(err: { msg: string; line: number }): string {
  const open = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(err.msg);
  if (open) {
    try {
      const names = JSON.parse(open[1]) as string[];
      return `it ends inside <${names.join('> <')}> (the file may be cut short)`;
    } catch {
      // Not the list it looked like: say what the validator said.
    }
  }
  return `${err.msg.replace(/\.$/, '')} (line ${err.line})`;
}

/**
 * Reads a WXR export. `origin` names it in the report (the file name, say). Never throws: a
 * text that is not a WordPress export gives a problem and no articles.
 */
export function parseWxr(xml: string, origin: string): WxrImport {
  const result: WxrImport = { articles: [], skipped: [], problems: [] };
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch (error) {
    result.problems.push(`not readable XML: ${error instanceof Error ? error.message : String(error)}`);
    return result;
  }
  const rss = isNode(document) ? document.rss : undefined;
  const channel = isNode(rss) ? nodes(rss.channel)[0] : undefined;
  if (!channel) {
    result.problems.push('not a WordPress export (WXR): it has no <rss><channel>');
    return result;
  }
  const items = nodes(channel.item);
  if (channel['wp:wxr_version'] === undefined && !items.some((item) => item['wp:post_type'] !== undefined)) {
    result.problems.push('an RSS feed, not a WordPress export (WXR): it has no wp:wxr_version and no wp:post_type');
    return result;
  }

  const validation = checkXml(xml);
  if (validation !== true)
    result.problems.push(`not well-formed XML: ${malformation(validation)}; read what could be read`);

  const authors = new Map<string, string>();
  for (const author of nodes(channel['wp:author'])) {
    const login = text(author['wp:author_login']).trim();
    const name = htmlToPlainText(text(author['wp:author_display_name']));
    if (login) authors.set(login, name || login);
  }

  // The blog's own address: a post's permalink on it is a path the archive can keep.
  const blogUrl = httpUrl(text(channel['wp:base_blog_url'])) ?? httpUrl(text(channel.link));
  const blog = blogUrl ? new URL(blogUrl) : undefined;
  const attachments = attachmentsOf(items);
  items.forEach((item, index) => {
    const read = readItem(item, index, origin, authors, blog, attachments);
    if ('reason' in read) result.skipped.push(read);
    else result.articles.push(read);
  });
  return result;
}
