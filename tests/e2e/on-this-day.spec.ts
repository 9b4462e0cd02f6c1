/**
 * "On this day" (src/lib/model/on-this-day.ts, src/pages/on-this-day/) on the fixture site: 4 March
 * has articles in 2022, 2018 and 2017 (make-content.mjs, FIXTURE.onThisDay), 5 March none. The
 * pages work without JavaScript; with it, the calendar offers a link to the reader's today.
 */
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE } from '../fixtures/make-content.mjs';
import { siteUrl } from './sites.mjs';

const fixture = siteUrl('fixture');
const [ferry, bridge] = FIXTURE.onThisDay.older;

const yearSection = (page: Page, year: number) =>
  page.locator('section', { has: page.getByRole('heading', { level: 2, name: new RegExp(`^${year}\\b`) }) });
const dayTile = (page: Page, name: string) =>
  page.locator('.calendar-days li', { has: page.getByRole('link', { name, exact: true }) });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a day with articles in several years lists them by year, newest year first', async ({ page }) => {
    await page.goto(`${fixture}on-this-day/${FIXTURE.onThisDay.day}/`);
    await expect(page).toHaveTitle(/^4 March · On this day · /);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      '3 articles published on 4 March, in 3 years of the archive.',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('4 March 3 articles');
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link')).toHaveText([
      'Home',
      'On this day',
    ]);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([
      '2022 1 article',
      '2018 1 article',
      '2017 1 article',
    ]);
    // Each year holds its own article (with the shared article cards).
    await expect(yearSection(page, 2022).locator('.article-card__title')).toHaveText([FIXTURE.trickyTitle]);
    // Written 21:15 at UTC−5 on 4 March, already the 5th in UTC: on 4 March, as written.
    await expect(yearSection(page, 2018).locator('.article-card__title')).toHaveText([ferry.title]);
    await expect(yearSection(page, 2017).locator('.article-card__title')).toHaveText([bridge.title]);
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);

    await expect(page.getByRole('navigation', { name: 'Other days' }).getByRole('link')).toHaveText([
      '← 3 March',
      '5 March →',
    ]);
    await page.getByRole('link', { name: ferry.title }).click();
    await expect(page).toHaveURL(`${fixture}2018/03/04/${ferry.slug}/`);
  });

  test('a day without articles says so and links to the nearest days that have some', async ({ page }) => {
    await page.goto(`${fixture}on-this-day/03-05/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('5 March 0 articles');
    await expect(page.getByText('The archive has no articles published on 5 March.')).toBeVisible();
    await expect(page.locator('.article-card')).toHaveCount(0);
    // Not for search engines (and not in the sitemap).
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    const nearest = page.getByRole('list', { name: 'The nearest days with articles:' });
    await expect(nearest.getByRole('listitem')).toHaveText([
      /Before: 4 March\s*3 articles/,
      /After: 12 March\s*1 article$/,
    ]);
    await nearest.getByRole('link', { name: '12 March' }).click();
    await expect(page).toHaveURL(`${fixture}on-this-day/03-12/`);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['2019 1 article']);
    await expect(page.locator('.article-card__title')).toHaveText(['Acme report number 3']);
  });

  test('the calendar wraps round the year: 31 December ↔ 1 January', async ({ page }) => {
    await page.goto(`${fixture}on-this-day/01-01/`);
    await expect(page.getByRole('navigation', { name: 'Other days' }).getByRole('link')).toHaveText([
      '← 31 December',
      '2 January →',
    ]);
    // The nearest days with articles are found round the year too.
    await expect(page.locator('.on-this-day__nearest a')).toHaveText(['31 December', '10 January']);
    await page.getByRole('navigation', { name: 'Other days' }).getByRole('link', { name: '← 31 December' }).click();
    await expect(page).toHaveURL(`${fixture}on-this-day/12-31/`);
    await expect(page.locator('.article-card__title')).toHaveText(['A story dated in the site time zone']);
    await expect(page.getByRole('navigation', { name: 'Other days' }).getByRole('link')).toHaveText([
      '← 30 December',
      '1 January →',
    ]);
  });

  test('the index lists all 366 days by month, each linked with its count in words', async ({ page }) => {
    await page.goto(fixture);
    await page.getByRole('link', { name: 'On this day in earlier years' }).click();
    await expect(page).toHaveURL(`${fixture}on-this-day/`);
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'On this day' }),
    ).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('On this day');

    await expect(page.locator('.calendar-days li')).toHaveCount(366);
    await expect(page.locator('.calendar-days a')).toHaveCount(366);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([
      'January 1 article',
      'February 1 article',
      'March 4 articles',
      'April 1 article',
      'May 2 articles',
      'June 2 articles',
      'July 1 article',
      'August 1 article',
      'September 1 article',
      'October 1 article',
      'November 1 article',
      'December 2 articles',
    ]);
    const february = page.locator('section', { has: page.getByRole('heading', { name: /^February/ }) });
    await expect(february.locator('.calendar-days li')).toHaveCount(29);
    await expect(dayTile(page, '29 February').getByRole('link')).toHaveAttribute('href', '/on-this-day/02-29/');
    await expect(dayTile(page, '4 March')).toHaveText(/^4 March\s*3 articles$/);
    await expect(dayTile(page, '12 March')).toHaveText(/^12 March\s*1 article$/);
    // An empty day is still a link, and says 0 in words.
    await expect(dayTile(page, '5 March')).toHaveText(/^5 March\s*0 articles$/);
    await dayTile(page, '5 March').getByRole('link').click();
    await expect(page).toHaveURL(`${fixture}on-this-day/03-05/`);

    // The counts add up to the archive: every article is on exactly one day.
    await page.goBack();
    const counts = await page.locator('.calendar-days__count').allTextContents();
    expect(counts.reduce((sum, text) => sum + Number.parseInt(text, 10), 0)).toBe(18);
    // Without JavaScript there is no "today": the link stays hidden.
    await expect(page.getByRole('link', { name: /Go to today/ })).toHaveCount(0);
  });

  test('a phone screen does not scroll sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['on-this-day/', 'on-this-day/03-04/', 'on-this-day/03-05/']) {
      await page.goto(fixture + path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `/${path}`).toBeLessThanOrEqual(0);
    }
  });

  test('under the /archive/ base every link keeps the base', async ({ page }) => {
    const base = siteUrl('seedBase');
    await page.goto(`${base}on-this-day/02-27/`);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['2018 2 articles']);
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(href).toMatch(/^\/archive\//);
    await expect(page.getByRole('navigation', { name: 'Other days' }).getByRole('link')).toHaveText([
      '← 26 February',
      '28 February →',
    ]);
  });
});

test.describe('with JavaScript', () => {
  // Far from UTC, so the reader's date and the UTC date differ.
  test.use({ timezoneId: 'Pacific/Auckland' });

  /** Records violations of the Content-Security-Policy (the script is allowed by hash or origin). */
  async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI || 'inline'}`),
      );
    });
    return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  }

  test("'Go to today' goes to today's page, today being the reader's local date", async ({ page }) => {
    const violations = await recordViolations(page);
    // 20:00 UTC on 4 March 2024 is 09:00 on 5 March in Auckland (UTC+13).
    await page.clock.setFixedTime(new Date('2024-03-04T20:00:00Z'));
    await page.goto(`${fixture}on-this-day/`);
    const today = page.getByRole('link', { name: 'Go to today, 5 March' });
    await expect(today).toBeVisible();
    await expect(today).toHaveAttribute('href', `${fixture}on-this-day/03-05/`);
    await expect(dayTile(page, '5 March').getByRole('link')).toHaveAttribute('aria-current', 'date');
    await expect(page.locator('.calendar-days a[aria-current]')).toHaveCount(1);
    expect(await violations()).toEqual([]);
    await today.click();
    await expect(page).toHaveURL(`${fixture}on-this-day/03-05/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('5 March 0 articles');
  });

  test('on 29 February, today is 29 February; under a base, the link keeps it', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2024-02-29T12:00:00+13:00'));
    await page.goto(`${siteUrl('seedBase')}on-this-day/`);
    const today = page.getByRole('link', { name: 'Go to today, 29 February' });
    await expect(today).toHaveAttribute('href', `${siteUrl('seedBase')}on-this-day/02-29/`);
    await today.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('29 February 0 articles');
    await expect(page.locator('.on-this-day__nearest a')).toHaveText(['27 February']);
  });
});
