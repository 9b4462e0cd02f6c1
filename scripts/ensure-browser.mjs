#!/usr/bin/env node
/**
 * The end-to-end tests need Chromium. Playwright's own browser download is not always
 * possible (closed networks), so prefer the system's Chromium:
 *   - CHROMIUM_PATH, or /usr/bin/chromium when present: use it;
 *   - Debian/Ubuntu as root: `apt-get install -y chromium`;
 *   - anywhere else: `npx playwright install chromium`.
 * Says what it does either way.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((candidate) => existsSync(candidate));
if (found) {
  console.log(`ensure-browser: using Chromium at ${found}`);
  process.exit(0);
}

const run = (command) => {
  console.log(`ensure-browser: ${command}`);
  execSync(command, { stdio: 'inherit' });
};

const isRoot = process.getuid?.() === 0;
if (existsSync('/usr/bin/apt-get') && isRoot) {
  console.log('ensure-browser: no Chromium found; installing Debian\'s chromium package');
  run('apt-get update -qq');
  run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
} else {
  console.log('ensure-browser: no system Chromium found; downloading Playwright\'s Chromium');
  run('npx playwright install chromium');
}
