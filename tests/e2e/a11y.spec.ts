/**
 * Keyboard use, landmarks and small screens. The axe-core WCAG scans of every page type are
 * in tests/quality/axe.spec.ts (`npm run test:quality`).
 */
import { expect, test } from '@playwright/test';
import { siteUrl } from './sites.mjs';

const fixture = siteUrl('fixture');

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
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `/${path}`).toBeLessThanOrEqual(0);
  }
});
