#!/usr/bin/env node
/**
 * The end-to-end tests need Chromium; xmllint (Debian's libxml2-utils) to validate the sitemap
 * against the sitemaps.org XSD; and Python 3 and LibreOffice Calc (headless) to read the CSV
 * export as researchers do (tests/e2e/data.spec.ts). Playwright's own browser download is not
 * always possible (closed networks), so prefer the system's Chromium:
 *   - CHROMIUM_PATH, or /usr/bin/chromium when present: use it;
 *   - Debian/Ubuntu as root: `apt-get install` whichever of chromium, libxml2-utils, python3 and
 *     libreoffice-calc-nogui is missing (LibreOffice without its recommends: no desktop);
 *   - anywhere else: `npx playwright install chromium`, and say how to get the rest.
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
/** The commands the tests run, and the Debian package of each. */
const TOOLS = [
  { command: 'xmllint', pkg: 'libxml2-utils', other: 'libxml2 (Homebrew)', use: 'the sitemap schema check' },
  { command: 'python3', pkg: 'python3', other: 'Python 3', use: "reading the CSV export with Python's csv module" },
  {
    command: 'soffice',
    pkg: 'libreoffice-calc-nogui',
    other: 'LibreOffice',
    use: 'opening the CSV export in a spreadsheet',
  },
];
const absent = TOOLS.filter((tool) => {
  if (!hasCommand(tool.command)) return true;
  console.log(`ensure-browser: using ${tool.command} for ${tool.use}`);
  return false;
});

const missing = [...(found ? [] : ['chromium']), ...absent.map((tool) => tool.pkg)];
if (!missing.length) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (existsSync('/usr/bin/apt-get') && isRoot) {
  console.log(`ensure-browser: installing Debian's ${missing.join(' and ')}`);
  run('apt-get update -qq');
  const install = (packages, flags = '') =>
    packages.length && run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${flags}${packages.join(' ')}`);
  // Chromium with its recommends (its fonts among them); LibreOffice without (no desktop).
  install(missing.filter((pkg) => !pkg.startsWith('libreoffice')));
  install(
    missing.filter((pkg) => pkg.startsWith('libreoffice')),
    '--no-install-recommends ',
  );
} else {
  if (!found) {
    console.log("ensure-browser: no system Chromium found; downloading Playwright's Chromium");
    run('npx playwright install chromium');
  }
  for (const tool of absent)
    console.error(
      `ensure-browser: ${tool.command} is missing; install ${tool.pkg} (Debian/Ubuntu) or ${tool.other} for ${tool.use}`,
    );
  if (absent.length) process.exit(1);
}
