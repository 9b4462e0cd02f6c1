/**
 * The Content-Security-Policy of every page, in one place.
 *
 * Astro's `security.csp` writes it into each page's `<meta http-equiv>`, with `script-src` and
 * `style-src` listing `'self'` and the hashes of that page's own inline scripts and styles (no
 * `'unsafe-inline'`). The rest is here:
 * - `default-src 'self'`: fetches, fonts, frames, media and workers come from the site only;
 * - `img-src` also allows http(s) images, which articles may show, and `data:` (the search
 *   box's icons in Pagefind's CSS; the sanitizer never lets a `data:` URL into an article);
 * - `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`: no plugins, no `<base>`
 *   hijacking relative links, forms only to the site (the header search box).
 * Pages that search add `SEARCH_POLICY` through `Astro.csp`: Pagefind compiles WebAssembly
 * (`'wasm-unsafe-eval'`) and runs in a worker from its own bundle (`worker-src 'self'`).
 *
 * A trusted archive (`trustedHtml`) keeps raw HTML, so it may embed frames, audio and video
 * from https sites; inline scripts in articles stay blocked, since they match no hash.
 */

import type { AstroUserConfig } from 'astro';

type CspSetting = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
type CspDirective = NonNullable<CspSetting['directives']>[number];

export interface CspOptions {
  trustedHtml: boolean;
}

/** Directives besides `script-src` and `style-src`, for every page. */
export function pageDirectives({ trustedHtml }: CspOptions): CspDirective[] {
  return [
    "default-src 'self'",
    "img-src 'self' https: http: data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(trustedHtml ? (['frame-src https:', 'media-src https:'] as const) : []),
  ];
}

/** What a page that runs Pagefind adds to the policy. */
export const SEARCH_POLICY = {
  scriptResources: ["'wasm-unsafe-eval'"],
  directives: ["worker-src 'self'"] as CspDirective[],
};

/** The `security.csp` setting of astro.config.mjs. */
export function contentSecurityPolicy(options: CspOptions): CspSetting {
  return {
    algorithm: 'SHA-256',
    directives: pageDirectives(options),
    scriptDirective: { resources: ["'self'"] },
    styleDirective: { resources: ["'self'"] },
  };
}

/**
 * The policy for hosts that send headers (`_headers`): the searching page's own policy, the
 * widest of the site's (each page's `<meta>` policy still narrows it: a browser enforces both),
 * plus what only a header can say, `frame-ancestors 'none'` (no framing, so no clickjacking).
 */
export function headerPolicy(searchPagePolicy: string): string {
  const directives = new Map<string, string[]>();
  for (const part of searchPagePolicy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/).filter(Boolean);
    if (name) directives.set(name, [...(directives.get(name) ?? []), ...values]);
  }
  directives.set('frame-ancestors', ["'none'"]);
  return [...directives].map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

/** The `_headers` rule that sends the policy, and two more safe defaults, for every path. */
export function securityHeadersRule(policy: string): string {
  return [
    '# Security headers for every path, written by the build (src/integrations/security-headers.ts).',
    '/*',
    `  Content-Security-Policy: ${policy}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
