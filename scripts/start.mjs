#!/usr/bin/env node
/**
 * `npm start`: builds the site (`npm run build`, which stops at once when nothing it reads changed
 * since the last build: not the content, the code, the settings such as SITE_URL or the content
 * folder, nor the clock's part, a scheduled article going live or one expiring), then serves
 * `dist/` at http://localhost:4321 (under the base path of SITE_URL, when it has one).
 */
import { execFileSync } from 'node:child_process';
import { site } from '../src/config/site.ts';
import { serveSite } from './serve.mjs';

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

const base = site.base;
const port = Number(process.env.PORT || 4321);
await serveSite({ dir: 'dist', port, host: process.env.HOST || '127.0.0.1', base });
console.log(`Serving dist/ at http://localhost:${port}${base}  (Ctrl+C to stop)`);
