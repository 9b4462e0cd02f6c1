/**
 * A path on this site as an editor writes it in `aliases` (`/news/contoso-hq-opens/`,
 * `/2009/03/old-story.html`), read into the one form the build uses: relative to the site's root,
 * without the base and without a leading slash (`news/contoso-hq-opens/`), as src/lib/urls.ts
 * builds paths; percent-escapes decoded, so `/caf%C3%A9/` and `/café/` are one path.
 *
 * A static site can answer a path with a page only where a file can stand: a folder's
 * `index.html` (a path ending in `/`; one without an extension gets its `/`, as static hosts
 * redirect `/news` to `/news/`), or a file ending in `.html`. A query string or a fragment is
 * never seen by a static host's file lookup, so neither can be an alias.
 */

/** What an alias may be, in an editor's words (for messages). */
export const SITE_PATH_FORMS = 'a path on this site starting with /, such as /news/contoso-hq-opens/ or /2009/03/old-story.html';

const PAGE_EXTENSION = /\.html?$/i;
const ANY_EXTENSION = /\.[a-z0-9]+$/i;
// Control characters, spaces and the characters a URL path may not hold unescaped.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0020\u007f"<>\\^`{|}]/;

/** The site path an alias names, or what is wrong with it. */
export function parseSitePath(written: string): { path: string } | string {
  const text = written.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) {
    return `"${written}" is a full address; an alias is ${SITE_PATH_FORMS} (the part after the host)`;
  }
  if (!text.startsWith('/')) return `"${written}" does not start with /; expected ${SITE_PATH_FORMS}`;
  if (/[?#]/.test(text)) return `"${written}" has a query or fragment (? or #), which a static host never looks up; expected ${SITE_PATH_FORMS}`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return `"${written}" has a broken percent-escape; expected ${SITE_PATH_FORMS}`;
  }
  if (UNSAFE.test(decoded) || decoded.includes('%')) return `"${written}" holds spaces or characters a path cannot hold; escape them (%20) or leave them out`;
  const segments = decoded.slice(1).split('/');
  if (segments.slice(0, -1).some((segment) => segment === '')) return `"${written}" has an empty segment (//); expected ${SITE_PATH_FORMS}`;
  if (segments.some((segment) => segment === '.' || segment === '..')) return `"${written}" has a . or .. segment; write the path it leads to`;
  let path = segments.join('/');
  // `/news/index.html` is the page `/news/` is.
  path = path.replace(/(^|\/)index\.html?$/i, '$1');
  const last = path.split('/').pop() ?? '';
  if (last && !PAGE_EXTENSION.test(last)) {
    if (ANY_EXTENSION.test(last)) return `"${written}" ends in a file type other than .html; an alias can only be a page (ending in / or .html)`;
    path += '/';
  }
  if (path === '') return `"${written}" is the home page, which is a page of the site; an alias must be a path no page has`;
  return { path };
}

/** The file a site path is answered from, relative to the output folder: `news/x/index.html`, `old.html`. */
export function sitePathFile(path: string): string {
  return path.endsWith('/') || path === '' ? `${path}index.html` : path;
}

/** A site path as a URL path (`/archive/caf%C3%A9/`), percent-escaped, with the base in front. */
export function encodeSitePath(path: string, base = '/'): string {
  return encodeURI(`${base}${path}`);
}
