/**
 * Writes the site's Content-Security-Policy into `<outDir>/_headers` after the build, for
 * hosts that read that file (Netlify, Cloudflare Pages; src/lib/outputs/csp.ts says what it holds).
 * `public/_headers` (cache rules) is copied there by Astro first; this appends one rule.
 *
 * The policy is read from the built search page's `<meta>`, so its hashes are the ones Astro
 * computed for this build; the XSL page of the feeds adds the hash of its inline style.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headerPolicy, securityHeadersRule } from '../lib/outputs/csp.ts';

const HEADERS_FILE = '_headers';
const META_POLICY = /<meta http-equiv="content-security-policy" content="([^"]+)"/;
const INLINE_STYLE = /<style>([\s\S]*?)<\/style>/g;

function styleHashes(file: string): string[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(INLINE_STYLE)].map(([, css]) => `sha256-${createHash('sha256').update(css).digest('base64')}`);
}

export default function securityHeaders(options: { searchPage: string; stylesheets: string[] }): AstroIntegration {
  return {
    name: 'newsroom-archive:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const searchPage = path.join(outDir, options.searchPage);
        const policy = META_POLICY.exec(readFileSync(searchPage, 'utf8'))?.[1];
        if (!policy) throw new Error(`${searchPage} has no Content-Security-Policy <meta>; security.csp must be on`);
        const hashes = options.stylesheets.flatMap((name) => styleHashes(path.join(outDir, name)));
        const file = path.join(outDir, HEADERS_FILE);
        const existing = existsSync(file) ? readFileSync(file, 'utf8').replace(/\n*$/, '\n\n') : '';
        writeFileSync(file, existing + securityHeadersRule(headerPolicy(policy, { styleHashes: hashes })));
        logger.info(`Content-Security-Policy header written to ${HEADERS_FILE}`);
      },
    },
  };
}
