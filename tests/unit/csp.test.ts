/**
 * The Content-Security-Policy as written for hosts that send headers (src/lib/outputs/csp.ts), and the
 * test server's reading of `_headers` (scripts/serve.mjs), which puts that header in force in
 * `npm start` and the browser tests.
 */
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, headerPolicy, pageDirectives, securityHeadersRule } from '@/lib/outputs/csp';
import { headersFor, parseHeadersFile } from '../../scripts/serve.mjs';

const searchMeta =
  "default-src 'self';img-src 'self' https: http: data:;object-src 'none';base-uri 'self';form-action 'self';worker-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; style-src 'self' 'sha256-BBB=';";

describe('the page policy', () => {
  test('is strict: same-origin by default, no plugins, no <base>, forms to the site only', () => {
    const directives = pageDirectives({ trustedHtml: false });
    expect(directives).toEqual(
      expect.arrayContaining(["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]),
    );
    expect(directives.join(';')).not.toMatch(/unsafe-inline|unsafe-eval|frame-src/);
    const setting = contentSecurityPolicy({ trustedHtml: false });
    expect(setting.scriptDirective?.resources).toEqual(["'self'"]);
    expect(setting.styleDirective?.resources).toEqual(["'self'"]);
  });

  test('a trusted archive may embed https frames and media, and still no inline script', () => {
    const directives = pageDirectives({ trustedHtml: true });
    expect(directives).toEqual(expect.arrayContaining(['frame-src https:', 'media-src https:']));
    expect(contentSecurityPolicy({ trustedHtml: true }).scriptDirective?.resources).toEqual(["'self'"]);
  });
});

describe('the header policy', () => {
  test("is the search page's policy with frame-ancestors", () => {
    const policy = headerPolicy(searchMeta);
    expect(policy).toBe(
      "default-src 'self'; img-src 'self' https: http: data:; object-src 'none'; base-uri 'self'; form-action 'self'; worker-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; style-src 'self' 'sha256-BBB='; frame-ancestors 'none'",
    );
  });

  test('goes into a _headers rule for every path', () => {
    const rule = securityHeadersRule("default-src 'self'");
    const [parsed] = parseHeadersFile(rule);
    expect(parsed.pattern.test('/')).toBe(true);
    expect(parsed.pattern.test('/2024/05/01/x/')).toBe(true);
    expect(parsed.headers).toEqual([
      ['Content-Security-Policy', "default-src 'self'"],
      ['X-Content-Type-Options', 'nosniff'],
      ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ]);
  });
});

describe("the test server's _headers", () => {
  const rules = parseHeadersFile(
    [
      '# cache',
      '/_astro/*',
      '  Cache-Control: immutable',
      '',
      '/rss.xml',
      '  Cache-Control: no-cache',
      '/*',
      '  X-Test: a',
      '  Cache-Control: extra',
    ].join('\n'),
  );

  test('applies every matching rule, joining a repeated header as hosts do', () => {
    expect(Object.fromEntries(headersFor(rules, '/_astro/a.css'))).toEqual({
      'cache-control': 'immutable, extra',
      'x-test': 'a',
    });
    expect(Object.fromEntries(headersFor(rules, '/rss.xml'))).toEqual({
      'cache-control': 'no-cache, extra',
      'x-test': 'a',
    });
    expect(Object.fromEntries(headersFor(rules, '/rss.xml.bak'))).toEqual({ 'cache-control': 'extra', 'x-test': 'a' });
  });
});
