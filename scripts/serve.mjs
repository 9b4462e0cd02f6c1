#!/usr/bin/env node
/**
 * Serves a built site as a static host would: the folder's files under the site's base path,
 * `index.html` for directories, `404.html` for anything missing.
 *
 *   node scripts/serve.mjs [--dir dist] [--port 4321] [--host 127.0.0.1] [--base /]
 *
 * Used by `npm start` and by the end-to-end tests.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

export function serveSite({ dir, port, host, base }) {
  const root = path.resolve(dir);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const files = sirv(root, { dev: true, etag: true, extensions: ['html'] });
  const notFoundPage = path.join(root, '404.html');

  const notFound = (res) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (prefix !== '/' && url.pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix });
      res.end();
      return;
    }
    if (!url.pathname.startsWith(prefix)) return notFound(res);
    req.url = `/${url.pathname.slice(prefix.length)}${url.search}`;
    // Directory URLs without their slash redirect, as static hosts do.
    const local = path.join(root, decodeURIComponent(req.url.split('?')[0]));
    if (!req.url.split('?')[0].endsWith('/') && existsSync(path.join(local, 'index.html'))) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    files(req, res, () => notFound(res));
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
  console.log(`Serving ${values.dir}/ at http://${shownHost}:${values.port}${values.base === '/' ? '/' : `/${values.base.replace(/^\/+|\/+$/g, '')}/`}`);
}
