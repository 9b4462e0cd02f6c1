#!/usr/bin/env node
/**
 * `npm start`: builds the site if `dist/` is missing or older than its sources, then serves
 * it at http://localhost:4321 (under the base path of SITE_URL, when it has one).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { serveSite } from './serve.mjs';

const contentDir = path.resolve(process.env.ARCHIVE_CONTENT_DIR?.trim() || 'content');
const sources = [contentDir, 'src', 'public', 'astro.config.mjs', 'package.json'];
const stamp = 'dist/index.html';

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

if (!existsSync(stamp) || Math.max(...sources.map(newestMtime)) > statSync(stamp).mtimeMs) {
  console.log(existsSync(stamp) ? 'Sources changed since the last build; building…' : 'No build yet; building…');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}

const base = new URL(process.env.SITE_URL?.trim() || 'http://localhost:4321/').pathname;
const port = Number(process.env.PORT || 4321);
await serveSite({ dir: 'dist', port, host: process.env.HOST || '127.0.0.1', base });
console.log(`Serving dist/ at http://localhost:${port}${base}  (Ctrl+C to stop)`);
