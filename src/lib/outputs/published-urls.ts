/**
 * The list of published URLs (`urls.json` at the site's root) and the promise it keeps: a URL
 * the archive once served keeps answering.
 *
 * Every build writes the list of what it serves: pages, feeds, files, and each article's URL,
 * aliases, moved URLs and removal page with the content file behind it. Given the list of the
 * last published build, a build checks that every article, alias, moved and removal URL on it is
 * still served:
 * - an article whose file is still there but publishes at another URL now (its date corrected)
 *   keeps its old URL as a redirect, and the new list carries that redirect on;
 * - any other such URL that would no longer answer (its file deleted, renamed, made a draft or
 *   dated into the future) is lost, and the build stops before writing anything;
 * - other pages that vanish (a term whose last article left) are only worth a warning.
 */
import type { ContentProblem } from '../content/errors.ts';

/** What a URL on the list is. */
export type PublishedKind = 'article' | 'alias' | 'moved' | 'removed' | 'expired' | 'page' | 'feed' | 'file';

/** The kinds whose URLs must keep answering: each comes from a content file. */
export const KEPT_KINDS: ReadonlySet<PublishedKind> = new Set(['article', 'alias', 'moved', 'removed', 'expired']);

export interface PublishedEntry {
  /** The URL's path on its host, base included: `/archive/2018/02/27/deal/`. */
  path: string;
  kind: PublishedKind;
  /** The content file it comes from, relative to the content folder (`articles/2018/deal.md`). */
  file?: string;
  /** For an alias or a moved URL: the path it leads to. */
  to?: string;
}

export interface PublishedList {
  /** Which list this is, for tools (and for a reader to refuse another file). */
  format: typeof LIST_FORMAT;
  /** The site's public URL (with its base) when the list was written. */
  site: string;
  urls: PublishedEntry[];
}

export const LIST_FORMAT = 'newsroom-archive/urls@1';

/** The list's file name at the site's root. */
export const URLS_FILE = 'urls.json';

const KINDS: ReadonlySet<string> = new Set<PublishedKind>([
  'article',
  'alias',
  'moved',
  'removed',
  'expired',
  'page',
  'feed',
  'file',
]);

/** The list as JSON: one entry a line, by path, so two builds of the same content give the same bytes. */
export function renderPublishedList(list: PublishedList): string {
  const sorted = [...list.urls].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const lines = sorted.map((entry) => `    ${JSON.stringify(entry)}`);
  return `{\n  "format": ${JSON.stringify(list.format)},\n  "site": ${JSON.stringify(list.site)},\n  "urls": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** Reads a list, or says what is wrong with it (`source` names it in the message). */
export function parsePublishedList(text: string, source: string): PublishedList {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not a list of published URLs: ${(error as Error).message}`, { cause: error });
  }
  const list = data as Partial<PublishedList>;
  if (
    !list ||
    typeof list !== 'object' ||
    list.format !== LIST_FORMAT ||
    typeof list.site !== 'string' ||
    !Array.isArray(list.urls)
  ) {
    throw new Error(
      `${source}: not a list of published URLs (expected the urls.json a build writes, format "${LIST_FORMAT}")`,
    );
  }
  list.urls.forEach((entry, i) => {
    const ok =
      entry &&
      typeof entry.path === 'string' &&
      entry.path.startsWith('/') &&
      KINDS.has(entry.kind) &&
      (entry.file === undefined || typeof entry.file === 'string') &&
      (entry.to === undefined || typeof entry.to === 'string');
    if (!ok) throw new Error(`${source}: entry ${i + 1} is not a published URL: ${JSON.stringify(entry)}`);
  });
  return list as PublishedList;
}

/** A list's entry path as a site path (without its base or leading slash), or undefined when outside the site. */
export function sitePathOf(path: string, site: string): string | undefined {
  const base = new URL(site).pathname;
  return path.startsWith(base) ? decodeURI(path.slice(base.length)) : undefined;
}

/** Where this build serves each content file's URLs: the article's own path, or none (a draft, scheduled). */
export interface CurrentUrls {
  /** Site paths this build serves from content files (article, alias, removal pages), with their file. */
  served: ReadonlyMap<string, string>;
  /** Each content file with a URL now, and that URL's site path. */
  articleAt: ReadonlyMap<string, string>;
  /** Each content file that exists but serves no URL now, and why ("is a draft"). */
  unserved: ReadonlyMap<string, string>;
}

export interface PublishedCheck {
  /** Old URLs of files that now publish elsewhere: each becomes a redirect. */
  moved: { from: string; file: string }[];
  /** URLs that would stop answering: the build must stop. */
  lost: ContentProblem[];
}

/**
 * What the last published list asks of this build. `display` turns a content-relative file
 * into the path editors see (for messages).
 */
export function checkPublished(
  previous: PublishedList,
  current: CurrentUrls,
  display: (file: string) => string,
): PublishedCheck {
  const moved: PublishedCheck['moved'] = [];
  const lost: ContentProblem[] = [];
  for (const entry of previous.urls) {
    if (!KEPT_KINDS.has(entry.kind)) continue;
    const path = sitePathOf(entry.path, previous.site);
    if (path === undefined || current.served.has(path)) continue;
    const now = entry.file === undefined ? undefined : current.articleAt.get(entry.file);
    if (entry.file !== undefined && now !== undefined) {
      moved.push({ from: path, file: entry.file });
      continue;
    }
    const what = entry.kind === 'alias' ? 'alias' : entry.kind === 'moved' ? 'redirect' : 'article URL';
    const file = entry.file === undefined ? '(no file named)' : display(entry.file);
    const why =
      entry.file === undefined
        ? 'no file claims it'
        : (current.unserved.get(entry.file) ?? 'the file is gone (deleted or renamed)');
    lost.push({
      file,
      field: 'url',
      message:
        `the ${what} /${path} was published and would no longer be served: ${why}. To keep it, add "/${path}" to the aliases of the ` +
        `article that replaces it, or keep the file with removed: { date, reason } (a removal notice), or restore it`,
    });
  }
  return { moved, lost };
}

/** Pages and feeds of the last list that this build no longer serves (a term whose last article left): warnings. */
export function vanishedPages(previous: PublishedList, served: ReadonlySet<string>): string[] {
  return previous.urls
    .filter((entry) => !KEPT_KINDS.has(entry.kind))
    .map((entry) => sitePathOf(entry.path, previous.site))
    .filter((path): path is string => path !== undefined && !served.has(path))
    .sort();
}
