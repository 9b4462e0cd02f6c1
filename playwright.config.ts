import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './tests/e2e/chromium.mjs';
import { E2E_DIR, siteUrl } from './tests/e2e/sites.mjs';

/**
 * Three projects over one set of test sites (built once by the web server):
 * - `e2e`: behaviour in Chromium (tests/e2e);
 * - `axe`: WCAG scans of every page type (tests/quality/axe.spec.ts);
 * - `lighthouse`: the Lighthouse gates (tests/quality/lighthouse.spec.ts), one page at a time in
 *   one Chromium. Its simulated throttling holds up beside the other tests: every score was the
 *   same with the e2e tests running on the other core as with the machine to itself.
 * `npm run test:e2e` runs the first, `npm run test:quality` the other two, `npm run test:browser`
 * (and so `npm test`) all three in one run.
 */
export default defineConfig({
  // Per port base, so two runs on one machine do not delete each other's traces.
  outputDir: `${E2E_DIR}/test-results`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: {
      // Prefer the system Chromium (scripts/ensure-browser.mjs installs it); Playwright's own
      // download is used only where there is none.
      executablePath: chromiumPath(),
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'e2e', testDir: 'tests/e2e' },
    { name: 'axe', testDir: 'tests/quality', testMatch: 'axe.spec.ts' },
    { name: 'lighthouse', testDir: 'tests/quality', testMatch: 'lighthouse.spec.ts', workers: 1, fullyParallel: false },
  ],
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
