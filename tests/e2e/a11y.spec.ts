import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { siteUrl } from './sites.mjs';

const fixture = siteUrl('fixture');
const pages = [
  '',
  '2022/03/04/tricky-characters/',
  '2023/06/01/quantum-lab/',
  'companies/',
  'companies/acme/',
  'companies/acme/2/',
  'topics/',
  'authors/jane-doe/',
  'timeline/',
  '2019/',
  '2019/03/',
  '404.html',
];

// WCAG 2.1 A and AA rules, in both colour schemes (contrast differs).
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    for (const path of pages) {
      test(`/${path} has no WCAG 2.1 AA violations`, async ({ page }) => {
        await page.goto(fixture + path);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        expect(violations).toEqual([]);
      });
    }
  });
}

test('the first Tab reaches the skip link, which moves focus to the content', async ({ page }) => {
  await page.goto(`${fixture}companies/acme/`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('pages have the landmarks a screen reader user navigates by', async ({ page }) => {
  await page.goto(`${fixture}2021/12/11/acme-report-12/`);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
  await expect(page.getByRole('search')).toHaveCount(1);
});

test('narrow screens do not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['', 'companies/acme/', '2022/03/04/tricky-characters/', 'timeline/']) {
    await page.goto(fixture + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `/${path}`).toBeLessThanOrEqual(0);
  }
});
