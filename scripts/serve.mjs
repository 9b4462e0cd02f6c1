#!/usr/bin/env node
/**
 * Serves a built site as a static host would: the folder's files under the site's base path,
 * `index.html` for directories, `404.html` for anything missing, text compressed as every
 * static host compresses it, the headers of the folder's `_headers` file as Netlify and
 * Cloudflare Pages send them (so the build's Content-Security-Policy header is in force, in
 * `npm start` and in the tests, and page weights are what readers download), and the rules of
 * its `_redirects` file as Netlify applies them (a `301` for an alias, `410 Gone` with the
 * removal page for a withdrawn article).
 *
 *   node scripts/serve.mjs [--dir dist] [--port 4321] [--host 127.0.0.1] [--base /]
 *
 * Used by `npm start` and by the end-to-end tests.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import compression from 'compression';
import sirv from 'sirv';

/**
 * Reads a `_headers` file: a path pattern on its own line (`*` matches anything, slashes
 * included), then its headers indented below it as `Name: value`. `#` starts a comment.
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(
        `^${line
          .trim()
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replaceAll('*', '.*')}$`,
      );
      rules.push({ pattern, headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0 && rules.length)
      rules.at(-1).headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers for a URL path: every matching rule's, in file order; a repeated name is joined with ", " (as these hosts do). */
export function headersFor(rules, pathname) {
  const headers = new Map();
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return headers;
}

/**
 * Reads a `_redirects` file: `from to status` a line (`#` starts a comment); the first rule for
 * a path wins, as on both hosts; a status may carry Netlify's force mark (`301!`).
 */
export function parseRedirectsFile(text) {
  const rules = new Map();
  for (const line of text.split(/\r?\n/)) {
    const tokens = line
      .replace(/(^|\s+)#.*$/, '')
      .trim()
      .split(/\s+/);
    if (tokens.length < 2 || tokens.length > 3) continue;
    const [from, to, status = '301'] = tokens;
    const code = Number(status.replace(/!$/, ''));
    if (!Number.isInteger(code) || rules.has(from)) continue;
    rules.set(from, { to, code });
  }
  return rules;
}

export function serveSite({ dir, port, host, base }) {
  const root = path.resolve(dir);
  const headersFile = path.join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const redirectsFile = path.join(root, '_redirects');
  const redirects = existsSync(redirectsFile) ? parseRedirectsFile(readFileSync(redirectsFile, 'utf8')) : new Map();
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const files = sirv(root, { dev: true, etag: true, extensions: ['html'] });
  const compress = compression();
  const notFoundPage = path.join(root, '404.html');

  const notFound = (res) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    for (const [name, value] of headersFor(rules, url.pathname)) res.setHeader(name, value);
    if (prefix !== '/' && url.pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix });
      res.end();
      return;
    }
    // Hosts read `_headers` and `_redirects`; they do not serve them.
    if (!url.pathname.startsWith(prefix) || /\/_(?:headers|redirects)$/.test(url.pathname)) return notFound(res);
    const rule = redirects.get(url.pathname);
    if (rule && rule.code >= 300 && rule.code < 400) {
      res.writeHead(rule.code, { Location: rule.to });
      res.end();
      return;
    }
    req.url = `/${url.pathname.slice(prefix.length)}${url.search}`;
    if (rule) {
      // A rewrite with a status of its own (Netlify's `410`): the rule's target, with that status.
      req.url = `/${rule.to.slice(prefix.length)}`;
      const writeHead = res.writeHead.bind(res);
      res.writeHead = (_code, ...rest) => writeHead(rule.code, ...rest);
    }
    // Directory URLs without their slash redirect, as static hosts do.
    const local = path.join(root, decodeURIComponent(req.url.split('?')[0]));
    if (!req.url.split('?')[0].endsWith('/') && existsSync(path.join(local, 'index.html'))) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    compress(req, res, () => files(req, res, () => notFound(res)));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4321' },
      host: { type: 'string', default: '127.0.0.1' },
      base: { type: 'string', default: '/' },
    },
  });
  if (!existsSync(path.join(values.dir, 'index.html'))) {
    console.error(`serve: ${values.dir}/index.html not found; run "npm run build" first`);
    process.exit(1);
  }
  await serveSite({ dir: values.dir, port: Number(values.port), host: values.host, base: values.base });
  const shownHost = values.host === '127.0.0.1' ? 'localhost' : values.host;
  console.log(
    `Serving ${values.dir}/ at http://${shownHost}:${values.port}${values.base === '/' ? '/' : `/${values.base.replace(/^\/+|\/+$/g, '')}/`}`,
  );
}
