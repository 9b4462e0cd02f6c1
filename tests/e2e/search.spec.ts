/**
 * Search (issue 5) in real Chromium against real builds: the Pagefind index made by
 * `astro build`, the search page on Pagefind's Component UI, the header box and its shortcut.
 */
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE } from '../fixtures/make-content.mjs';
import { siteUrl } from './sites.mjs';

const fixture = siteUrl('fixture');
const ACME_REPORTS = FIXTURE.pagedCompany.count;
// make-content.mjs: every third Acme report also names Globex.
const ACME_REPORTS_WITH_GLOBEX = Math.ceil(ACME_REPORTS / 3);

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search articles' });
/** Every result, loaded or still a placeholder (Pagefind loads a result's data when it scrolls into view). */
const results = (page: Page) => page.locator('pagefind-results .search-result');
const resultLinks = (page: Page) => page.locator('pagefind-results .search-result__title a');
const summary = (page: Page) => page.locator('pagefind-summary');

/**
 * Collects what is said in live regions: the Component UI writes a count into one and clears
 * it a moment later, so the text is caught as it changes.
 */
async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[aria-live]')) {
        const text = region.textContent?.trim();
        if (text && said.at(-1) !== text) said.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { said: string[] }).said);
}

/** Result URLs, read from the date-based paths: `2021/12/11`. */
async function resultDates(page: Page): Promise<string[]> {
  const hrefs = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => /\/(\d{4}\/\d{2}\/\d{2})\//.exec(href)?.[1] ?? href);
}

test.describe('search on the fixture site', () => {
  // Tall enough that every fixture result is in view, so Pagefind loads them all.
  test.use({ viewport: { width: 1280, height: 4000 } });

  test('typing a word that occurs in one article finds exactly that article', async ({ page }) => {
    await page.goto(`${fixture}search/`);
    const announced = await recordAnnouncements(page);
    await searchBox(page).fill(FIXTURE.uniqueWord);

    await expect(summary(page)).toHaveText(`1 result for ${FIXTURE.uniqueWord}`);
    await expect(results(page)).toHaveCount(1);
    const link = resultLinks(page).first();
    await expect(link).toHaveText(FIXTURE.trickyTitle);
    await expect(link).toHaveAttribute('href', '/2022/03/04/tricky-characters/');
    // Date as written, excerpt with the term highlighted.
    await expect(results(page).locator('.search-result__date')).toHaveText('4 March 2022, 23:30 GMT-5');
    await expect(results(page).locator('.search-result__excerpt mark')).toHaveText(new RegExp(FIXTURE.uniqueWord));
    // The count is announced to screen readers.
    await expect.poll(announced).toContain(`1 result for ${FIXTURE.uniqueWord}`);
    // The query is in the URL, to share.
    await expect(page).toHaveURL(`${fixture}search/?q=${FIXTURE.uniqueWord}`);

    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIXTURE.trickyTitle);
  });

  test('?q= in the URL runs the search on load', async ({ page }) => {
    await page.goto(`${fixture}search/?q=factories`);
    await expect(searchBox(page)).toHaveValue('factories');
    await expect(summary(page)).toHaveText(`${ACME_REPORTS} results for factories`);
    await expect(results(page)).toHaveCount(ACME_REPORTS);
  });

  test('a company filter narrows the results, is kept in the URL, and Back undoes it', async ({ page }) => {
    await page.goto(`${fixture}search/?q=report`);
    await expect(results(page)).toHaveCount(ACME_REPORTS);

    const pane = page.locator('pagefind-filter-pane');
    await pane.locator('summary', { hasText: 'Company' }).click();
    const globex = pane.getByRole('checkbox', { name: /^Globex/ });
    // The count beside each value is the number of matching results.
    await expect(globex).toHaveAccessibleName(`Globex ${ACME_REPORTS_WITH_GLOBEX}`);
    await expect(pane.getByRole('checkbox', { name: /^Acme Corporation/ })).toHaveAccessibleName(`Acme Corporation ${ACME_REPORTS}`);
    await globex.check();

    await expect(results(page)).toHaveCount(ACME_REPORTS_WITH_GLOBEX);
    await expect(summary(page)).toHaveText(`${ACME_REPORTS_WITH_GLOBEX} results for report`);
    await expect(page).toHaveURL(`${fixture}search/?q=report&company=Globex`);

    // Back undoes the filter.
    await page.goBack();
    await expect(page).toHaveURL(`${fixture}search/?q=report`);
    await expect(pane.getByRole('checkbox', { name: /^Globex/ })).not.toBeChecked();
    await expect(results(page)).toHaveCount(ACME_REPORTS);
  });

  test('a shared link opens the same filtered search', async ({ page }) => {
    await page.goto(`${fixture}search/?q=report&company=Globex`);
    await expect(results(page)).toHaveCount(ACME_REPORTS_WITH_GLOBEX);
    const pane = page.locator('pagefind-filter-pane');
    await pane.locator('summary', { hasText: 'Company' }).click();
    await expect(pane.getByRole('checkbox', { name: /^Globex/ })).toBeChecked();
    // A filter without a query lists every article it applies to, newest first.
    await page.goto(`${fixture}search/?company=Globex`);
    await expect(summary(page)).toHaveText(`${ACME_REPORTS_WITH_GLOBEX + 2} results`);
  });

  test('newest-first sort orders results by date, and is kept in the URL', async ({ page }) => {
    await page.goto(`${fixture}search/?q=report`);
    await expect(results(page)).toHaveCount(ACME_REPORTS);

    await page.getByLabel('Sort by').selectOption('newest');
    await expect(page).toHaveURL(`${fixture}search/?q=report&sort=newest`);
    await expect(resultLinks(page).first()).toHaveText('Acme report number 12');
    await expect(resultLinks(page)).toHaveCount(ACME_REPORTS);
    const dates = await resultDates(page);
    expect(dates).toHaveLength(ACME_REPORTS);
    expect(dates).toEqual([...dates].sort().reverse());

    await page.goBack();
    await expect(page).toHaveURL(`${fixture}search/?q=report`);
    await expect(page.getByLabel('Sort by')).toHaveValue('relevance');
  });

  test("a draft's unique word finds nothing", async ({ page }) => {
    await page.goto(`${fixture}search/?q=${FIXTURE.draftWord}`);
    await expect(summary(page)).toHaveText(`No results for ${FIXTURE.draftWord}`);
    await expect(results(page)).toHaveCount(0);
  });

  test('only article text is indexed: navigation, footers and heading links are not', async ({ page }) => {
    // "Subscribe" is in every article footer, "Sons" only in one article's source line (footer),
    // "Latest" in the navigation, "section" in the heading links' hidden text.
    for (const word of ['subscribe', 'sons', 'latest', 'section']) {
      await page.goto(`${fixture}search/?q=${word}`);
      await expect(summary(page)).toHaveText(`No results for ${word}`);
    }
  });

  test('the header form reaches the search page with the query', async ({ page }) => {
    await page.goto(fixture);
    const header = page.getByRole('search').filter({ has: page.getByRole('searchbox', { name: 'Search the archive' }) });
    await header.getByRole('searchbox').fill(FIXTURE.uniqueWord);
    await header.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(`${fixture}search/?q=${FIXTURE.uniqueWord}`);
    await expect(resultLinks(page)).toHaveText([FIXTURE.trickyTitle]);
  });

  test('a Chinese word from the middle of an article finds it from the English search page', async ({ page }) => {
    await page.goto(`${fixture}search/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await searchBox(page).fill(FIXTURE.chineseWord);
    await expect(resultLinks(page)).toHaveText(['量子实验室取得突破']);
    await expect(results(page).locator('mark').first()).toBeVisible();

    // The article page itself is in Chinese, which is how Pagefind split its words.
    await resultLinks(page).first().click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  });

  test('newest first stays in date order when results span languages', async ({ page }) => {
    // No query lists every article; Chinese (2023-06-01) sits between English articles.
    await page.goto(`${fixture}search/?sort=newest`);
    await expect(summary(page)).toHaveText(/^15 results$/);
    await expect(resultLinks(page)).toHaveCount(15);
    const dates = await resultDates(page);
    expect(dates).toHaveLength(15);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates).toContain('2023/06/01');
  });

  test('the / key focuses the search box on a non-article page, but not while typing', async ({ page }) => {
    await page.goto(`${fixture}timeline/`);
    const box = page.getByRole('searchbox', { name: 'Search the archive' });
    await expect(box).toHaveAttribute('aria-keyshortcuts', '/');
    await page.locator('body').press('/');
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('');

    await box.fill('a/b');
    await expect(box).toHaveValue('a/b');
  });

  test('without JavaScript the page says so and links to browsing', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(fixture);
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('report');
    await page.getByRole('searchbox', { name: 'Search the archive' }).press('Enter');
    await expect(page).toHaveURL(`${fixture}search/?q=report`);
    await expect(page.getByText('Search runs in your browser and needs JavaScript')).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Timeline' })).toHaveAttribute('href', '/timeline/');
    await expect(page.getByLabel('Sort by')).toBeHidden();
    await context.close();
  });
});

test('under the /archive/ base, the bundle and index load from /archive/pagefind/', async ({ page }) => {
  const base = siteUrl('seedBase');
  const requests: string[] = [];
  const failed: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });

  await page.goto(`${base}search/?q=xiaomi`);
  await expect(results(page).first()).toBeVisible();
  const hrefs = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^\/archive\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/);

  const pagefindRequests = requests.filter((path) => path.includes('pagefind'));
  expect(pagefindRequests.some((path) => path === '/archive/pagefind/pagefind.js')).toBe(true);
  for (const path of pagefindRequests) expect(path.startsWith('/archive/pagefind/'), path).toBe(true);
  expect(failed).toEqual([]);

  await resultLinks(page).first().click();
  await expect(page).toHaveURL(new RegExp(`^${base}\\d{4}/`));
});
