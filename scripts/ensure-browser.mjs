#!/usr/bin/env node
/**
 * The end-to-end tests need Chromium, and xmllint (Debian's libxml2-utils) to validate the
 * sitemap against the sitemaps.org XSD. Playwright's own browser download is not always
 * possible (closed networks), so prefer the system's Chromium:
 *   - CHROMIUM_PATH, or /usr/bin/chromium when present: use it;
 *   - Debian/Ubuntu as root: `apt-get install -y chromium libxml2-utils` (whichever is missing);
 *   - anywhere else: `npx playwright install chromium`, and say how to get xmllint.
 * Says what it does either way.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (command) => {
  console.log(`ensure-browser: ${command}`);
  execSync(command, { stdio: 'inherit' });
};
const hasCommand = (name) => {
  try {
    execSync(`command -v ${name}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((candidate) => existsSync(candidate));
if (found) console.log(`ensure-browser: using Chromium at ${found}`);
const hasXmllint = hasCommand('xmllint');
if (hasXmllint) console.log('ensure-browser: using xmllint for the sitemap schema check');

const missing = [...(found ? [] : ['chromium']), ...(hasXmllint ? [] : ['libxml2-utils'])];
if (!missing.length) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (existsSync('/usr/bin/apt-get') && isRoot) {
  console.log(`ensure-browser: installing Debian's ${missing.join(' and ')}`);
  run('apt-get update -qq');
  run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`);
} else {
  if (!found) {
    console.log("ensure-browser: no system Chromium found; downloading Playwright's Chromium");
    run('npx playwright install chromium');
  }
  if (!hasXmllint) {
    console.error(
      'ensure-browser: xmllint is missing; install libxml2-utils (Debian/Ubuntu) or libxml2 (Homebrew) for the sitemap test',
    );
    process.exit(1);
  }
}
