/**
 * The Content-Security-Policy (src/lib/outputs/csp.ts) in real Chromium: every page type carries the
 * strict policy, and nothing the site itself does violates it: the `/` shortcut, the charts,
 * dark mode, and a search with results, filters and sort, which alone may compile WebAssembly
 * and start a worker.
 */
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE } from '../fixtures/make-content.mjs';
import { siteUrl } from './sites.mjs';
import { recordViolations } from './policy-violations';

async function policyOf(page: Page): Promise<string> {
  return (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
}

const PAGE_TYPES = [
  '',
  '2022/03/04/tricky-characters/',
  '2023/06/01/quantum-lab/',
  'timeline/',
  '2019/',
  '2019/03/',
  'companies/',
  'companies/acme/',
  'companies/acme/2/',
  'topics/',
  'topics/manufacturing/',
  'authors/',
  'authors/jane-doe/',
  'search/',
  'feed/',
  'companies/acme/feed/',
  '404.html',
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    test('every page type carries the strict policy and nothing on it violates it', async ({ page }) => {
      const violations = await recordViolations(page);
      for (const path of PAGE_TYPES) {
        await page.goto(siteUrl('fixture') + path);
        await page.waitForLoadState('load');
        const policy = await policyOf(page);
        expect(policy, `/${path}`).toMatch(/script-src 'self'( 'wasm-unsafe-eval')?( 'sha256-[A-Za-z0-9+/=]+')*;/);
        expect(policy, `/${path}`).not.toContain('unsafe-inline');
        for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])
          expect(policy, `/${path}`).toContain(directive);
        // WebAssembly and workers only where search runs.
        expect(policy.includes("'wasm-unsafe-eval'"), `/${path}`).toBe(path === 'search/');
        expect(policy.includes('worker-src'), `/${path}`).toBe(path === 'search/');
      }
      // The `/` shortcut is a script of our own: it still works.
      await page.goto(`${siteUrl('fixture')}timeline/`);
      await page.keyboard.press('/');
      await expect(page.getByRole('searchbox', { name: 'Search the archive' })).toBeFocused();
      expect(await violations()).toEqual([]);
    });
  });
}

test('a search with results, entities, a filter, a date range and another order runs under the policy without a violation', async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await page.goto(`${siteUrl('fixture')}search/`);
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('acme');
  await expect(page.locator('.search-result__title a').first()).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: /^Companies, topics, authors/ })
      .getByRole('link')
      .first(),
  ).toBeVisible();
  const pane = page.getByRole('region', { name: 'Filter results' });
  await pane.getByText('Company', { exact: true }).click();
  await pane.getByRole('checkbox', { name: /^Globex/ }).check();
  await expect(page).toHaveURL(/company=Globex/);
  await page.getByLabel('Sort by').selectOption('relevance');
  await expect(page).toHaveURL(/sort=relevance/);
  await page.getByLabel('From').fill('2020-01');
  await expect(page).toHaveURL(/from=2020-01/);
  await expect(page.locator('.search-result__title a').first()).toBeVisible();
  // A word from the Chinese article: the merged language index loads too.
  await page.goto(`${siteUrl('fixture')}search/?q=${encodeURIComponent(FIXTURE.chineseWord)}`);
  await expect(page.locator('.search-result__title a')).toHaveCount(1);
  expect(await violations()).toEqual([]);
});

test('the host sends the policy as a header too (_headers), and every page type lives with it', async ({ page }) => {
  const violations = await recordViolations(page);
  const response = await page.goto(`${siteUrl('fixture')}companies/`);
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).toContain("object-src 'none'");
  expect(header).not.toContain('unsafe-inline');
  // Both policies apply at once (the header and the page's <meta>): the pages still draw as designed.
  for (const path of PAGE_TYPES) {
    const each = await page.goto(`${siteUrl('fixture')}${path}`);
    expect(each?.headers()['content-security-policy'], path).toBe(header);
  }
  await page.goto(`${siteUrl('fixture')}companies/acme/feed/`);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.feed-address')!).userSelect)).toBe('all');
  expect(await violations()).toEqual([]);
});

test('without Web Workers, Pagefind searches on the page itself: its WebAssembly is allowed there too', async ({
  page,
}) => {
  const violations = await recordViolations(page);
  // Pagefind falls back to the main thread where workers are unavailable (or blocked).
  await page.addInitScript(() => {
    Object.defineProperty(window, 'Worker', { value: undefined });
  });
  await page.goto(`${siteUrl('fixture')}search/?q=${FIXTURE.uniqueWord}`);
  await expect(page.locator('.search-result__title a')).toHaveText([FIXTURE.trickyTitle]);
  expect(await violations()).toEqual([]);
});

test('under a base path the policy holds and search still works', async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto(`${siteUrl('seedBase')}search/?q=xiaomi`);
  await expect(page.locator('.search-result__title a').first()).toBeVisible();
  await page.goto(`${siteUrl('seedBase')}timeline/`);
  expect(await violations()).toEqual([]);
});
