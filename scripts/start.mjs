#!/usr/bin/env node
/**
 * `npm start`: builds the site if `dist/` is missing, older than its sources, built with other
 * settings (another SITE_URL or content folder, say), or built before a moment at which the
 * clock alone changes it (a scheduled article goes live, one expires), then serves
 * it at http://localhost:4321 (under the base path of SITE_URL, when it has one).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { site } from '../src/config/site.ts';
import { builtSettings } from '../src/integrations/output-folder.ts';
import { buildSettings, settingsChanges } from '../src/lib/outputs/build-settings.ts';
import { scheduleOf } from '../src/loaders/publication.ts';
import { serveSite } from './serve.mjs';

const sources = [site.contentDir, 'src', 'public', 'astro.config.mjs', 'package.json'];
const stamp = 'dist/index.html';

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

// A folder built for another SITE_URL or content folder is rebuilt, not served: its links and
// stylesheet would point at the other site.
function whyBuild() {
  if (!existsSync(stamp)) return 'No build yet';
  const changes = settingsChanges(builtSettings(site.cacheDir, 'dist'), buildSettings(site));
  if (changes.length) return `dist/ was built with other settings (${changes.join('; ')})`;
  if (Math.max(...sources.map(newestMtime)) > statSync(stamp).mtimeMs) return 'Sources changed since the last build';
  // The last build recorded when its content would next change by the clock alone.
  const next = scheduleOf(site.cacheDir);
  if (next !== undefined && next <= Date.now()) return `A scheduled or expiring article changed at ${new Date(next).toISOString()}, after the last build`;
  return undefined;
}

const reason = whyBuild();
if (reason) {
  console.log(`${reason}; building…`);
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}

const base = site.base;
const port = Number(process.env.PORT || 4321);
await serveSite({ dir: 'dist', port, host: process.env.HOST || '127.0.0.1', base });
console.log(`Serving dist/ at http://localhost:${port}${base}  (Ctrl+C to stop)`);
