/**
 * What keeps an old path answering: a redirect page at the path itself, which every static host
 * serves (GitHub Pages too), and a line in `_redirects`, which Netlify and Cloudflare Pages turn
 * into a real `301` (README, "URLs that never break").
 *
 * The two hosts read one file differently, and the page already at the path matters:
 * - Netlify skips a rule whose path has a file ("shadowing") unless its status is forced, as
 *   `301!`; the first rule that applies wins;
 * - Cloudflare Pages always follows a redirect, whatever file is there, accepts only the status
 *   codes 200, 301, 302, 303, 307 and 308 (`301!` is not a number: it ignores that line and warns),
 *   and takes the first valid rule for a path; it applies at most 2,000 static rules and counts
 *   an ignored line among them.
 * So each redirect is two lines, the forced one first: Netlify applies the first, Cloudflare
 * ignores it and applies the second. The rules come first, then the `410 Gone` of withdrawn
 * articles (Netlify answers a rewrite with the status it names; Cloudflare has no such rule and
 * ignores those lines), so Cloudflare's budget goes to redirects: past 1,000 redirects it stops
 * applying lines, and the paths past that still redirect through their pages, with a `200`.
 * Paths in the file carry the base; like `_headers`, the file assumes the site is served at the
 * root of its host.
 */
import { encodeSitePath, sitePathFile } from '../content/site-path.ts';
import { escapeHtml } from './feeds.ts';

/** The redirect page's own policy: it loads nothing at all. */
const REDIRECT_PAGE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'";

export interface RedirectPage {
  /** Where the reader is sent: a path with the base, percent-escaped. */
  href: string;
  /** The same, absolute: the page's canonical URL. */
  canonical: string;
  /** The headline of the page it leads to, when that page may name it (not a takedown's). */
  title?: string;
  lang: string;
}

/**
 * An HTML page that sends the reader on at once (`meta refresh` of zero seconds), names the new
 * address as canonical for search engines, asks not to be indexed, and links it for a reader
 * whose browser does not follow refreshes. No script, no style: valid under any policy.
 */
export function redirectPageHtml({ href, canonical, title, lang }: RedirectPage): string {
  const target = escapeHtml(href);
  const text = title ? escapeHtml(title) : target;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="content-security-policy" content="${REDIRECT_PAGE_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="robots" content="noindex">',
    `<title>Moved: ${text}</title>`,
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    `<meta http-equiv="refresh" content="0; url=${target}">`,
    '</head>',
    '<body>',
    `<main><p>This page has moved to <a href="${target}">${text}</a>.</p></main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Where a redirect page is written: the site path's file, relative to the output folder. */
export const redirectPageFile = sitePathFile;

export interface RedirectRule {
  /** Site path redirected from, without base. */
  from: string;
  /** Site path it leads to, without base. */
  to: string;
}

/** The `_redirects` file: each redirect as a forced and a plain 301, then each withdrawn article as 410 Gone. */
export function redirectsFile(redirects: readonly RedirectRule[], gone: readonly string[], base: string): string {
  const lines = [
    '# Redirects for hosts that read a _redirects file (Netlify, Cloudflare Pages), written by the build',
    '# (src/lib/outputs/redirects.ts). Each redirect is two lines: Netlify applies the forced 301! (a',
    '# redirect page stands at the same path); Cloudflare Pages ignores that line and applies the 301.',
    ...redirects.flatMap(({ from, to }) => [
      `${encodeSitePath(from, base)} ${encodeSitePath(to, base)} 301!`,
      `${encodeSitePath(from, base)} ${encodeSitePath(to, base)} 301`,
    ]),
  ];
  if (gone.length) {
    lines.push(
      '# Withdrawn articles answer 410 Gone with their removal page on Netlify; Cloudflare Pages has no such rule.',
      ...gone.map((path) => `${encodeSitePath(path, base)} ${encodeSitePath(sitePathFile(path), base)} 410!`),
    );
  }
  return `${lines.join('\n')}\n`;
}
