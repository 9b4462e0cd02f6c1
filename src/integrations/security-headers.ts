/**
 * Writes the site's Content-Security-Policy into `<outDir>/_headers` after the build, for
 * hosts that read that file (Netlify, Cloudflare Pages; src/lib/outputs/csp.ts says what it holds).
 * `public/_headers` (cache rules) is copied there by Astro first; this appends the rules of each
 * kind's pages and feeds (src/lib/outputs/host-headers.ts), then the policy's.
 *
 * The policy is read from the built search page's `<meta>`, so its hashes are the ones Astro
 * computed for this build.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headerPolicy, securityHeadersRule } from '../lib/outputs/csp.ts';
import { kindHeadersRules } from '../lib/outputs/host-headers.ts';
import { kinds } from '../config/kinds.ts';

const HEADERS_FILE = '_headers';
const META_POLICY = /<meta http-equiv="content-security-policy" content="([^"]+)"/;

export default function securityHeaders(options: { searchPage: string }): AstroIntegration {
  return {
    name: 'newsroom-archive:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const searchPage = path.join(outDir, options.searchPage);
        const policy = META_POLICY.exec(readFileSync(searchPage, 'utf8'))?.[1];
        if (!policy) throw new Error(`${searchPage} has no Content-Security-Policy <meta>; security.csp must be on`);
        const file = path.join(outDir, HEADERS_FILE);
        const existing = existsSync(file) ? readFileSync(file, 'utf8').replace(/\n*$/, '\n\n') : '';
        writeFileSync(file, `${existing}${kindHeadersRules(kinds.keys)}\n${securityHeadersRule(headerPolicy(policy))}`);
        logger.info(`Content-Security-Policy header written to ${HEADERS_FILE}`);
      },
    },
  };
}
