import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_DIR, siteUrl } from './tests/e2e/sites.mjs';

// Prefer the system Chromium (scripts/ensure-browser.mjs installs it); Playwright's own
// download is used only where there is none.
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (candidate) => candidate && existsSync(candidate),
);

export default defineConfig({
  testDir: 'tests/e2e',
  // Per port base, so two runs on one machine do not delete each other's traces.
  outputDir: `${E2E_DIR}/test-results`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node tests/e2e/serve-sites.mjs',
    // The last site to come up: all are built and served by then.
    url: siteUrl('fixture'),
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
