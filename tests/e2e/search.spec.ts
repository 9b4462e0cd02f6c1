/**
 * Search in real Chromium against real builds: the Pagefind index the build makes in date
 * shards (4 articles a shard on the fixture site, so every search here spans shards), the
 * search page (src/scripts/search-page.ts), the header box and its shortcut, and "search
 * within" on term pages.
 */
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE } from '../fixtures/make-content.mjs';
import { siteUrl } from './sites.mjs';

const fixture = siteUrl('fixture');
const ACME_REPORTS = FIXTURE.pagedCompany.count;
// make-content.mjs: every third Acme report also names Globex, and two other articles do.
const ACME_REPORTS_WITH_GLOBEX = Math.ceil(ACME_REPORTS / 3);
const GLOBEX_ARTICLES = ACME_REPORTS_WITH_GLOBEX + 2;
// Acme reports are monthly from January 2019; reports 6–10 are dated 2020.
const ACME_REPORTS_2020 = 5;

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search articles' });
const results = (page: Page) => page.locator('.search-result');
const resultLinks = (page: Page) => page.locator('.search-result__title a');
const summary = (page: Page) => page.locator('[data-search-summary]');
const entities = (page: Page) => page.getByRole('region', { name: /^Companies, topics, authors/ });
const facets = (page: Page) => page.getByRole('region', { name: 'Filter results' });

/** Result dates, read from the date-based paths: `2021/12/11`. */
async function resultDates(page: Page): Promise<string[]> {
  const hrefs = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => /\/(\d{4}\/\d{2}\/\d{2})\//.exec(href)?.[1] ?? href);
}

/** Serves the search page with another page size, to see results drawn a page at a time. */
async function withPageSize(page: Page, size: number) {
  await page.route(
    (url) => url.pathname.endsWith('/search/'),
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('data-page-size="10"', `data-page-size="${size}"`);
      await route.fulfill({ response, body: html });
    },
  );
}

test.describe('search on the fixture site', () => {
  // Tall enough that every fixture result is in view, so all are drawn.
  test.use({ viewport: { width: 1280, height: 4000 } });

  test('typing a word that occurs in one article finds exactly that article', async ({ page }) => {
    await page.goto(`${fixture}search/`);
    await searchBox(page).fill(FIXTURE.uniqueWord);

    await expect(summary(page)).toHaveText(`1 result for ${FIXTURE.uniqueWord}`);
    await expect(summary(page)).toHaveAttribute('role', 'status');
    await expect(results(page)).toHaveCount(1);
    const link = resultLinks(page).first();
    await expect(link).toHaveText(FIXTURE.trickyTitle);
    await expect(link).toHaveAttribute('href', '/2022/03/04/tricky-characters/');
    // Date as written, its companies, topics and source as links, the excerpt with the word highlighted.
    await expect(results(page).locator('.search-result__date')).toHaveText('4 March 2022, 23:30 GMT-5');
    // In the order the article's file wrote them.
    await expect(results(page).locator('.search-result__terms a')).toHaveText([
      'Fish & Chips <Ltd> "Q"',
      'Globex',
      'R&D <experimental>',
      'Example & Sons',
    ]);
    await expect(results(page).locator('.search-result__terms a', { hasText: 'Globex' })).toHaveAttribute(
      'href',
      '/companies/globex/',
    );
    await expect(results(page).locator('.search-result__excerpt mark')).toHaveText(new RegExp(FIXTURE.uniqueWord));
    // Sorted by date, results sit under their year.
    await expect(page.locator('.search-year__heading')).toHaveText(['2022']);
    // The query is in the URL, to share.
    await expect(page).toHaveURL(`${fixture}search/?q=${FIXTURE.uniqueWord}`);

    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIXTURE.trickyTitle);
  });

  test('?q= in the URL runs the search on load, newest first, grouped by year', async ({ page }) => {
    await page.goto(`${fixture}search/?q=factories`);
    await expect(searchBox(page)).toHaveValue('factories');
    await expect(summary(page)).toHaveText(`${ACME_REPORTS} results for factories`);
    await expect(results(page)).toHaveCount(ACME_REPORTS);
    const dates = await resultDates(page);
    expect(dates).toEqual([...dates].sort().reverse());
    await expect(page.locator('.search-year__heading')).toHaveText(['2021', '2020', '2019']);
    await expect(page.getByLabel('Sort by')).toHaveValue('newest');
  });

  test('a rare word reads only the shard that holds it, as the word directory says', async ({ page }) => {
    const searched: string[] = [];
    page.on('request', (request) => {
      const chunk = /\/pagefind\/index\/([\w-]+)_[0-9a-f]+\.pf_index$/.exec(request.url());
      if (chunk) searched.push(chunk[1]!);
    });
    await page.goto(`${fixture}search/?q=${FIXTURE.uniqueWord}`);
    await expect(summary(page)).toHaveText(`1 result for ${FIXTURE.uniqueWord}`);
    const shards = JSON.parse((await page.locator('[data-search]').getAttribute('data-shards'))!) as {
      key: string;
      lang: string;
      from: number;
      to: number;
    }[];
    const english = shards.filter((shard) => shard.lang === 'en');
    expect(english.length).toBeGreaterThan(2);
    // The article is of March 2022: of the English shards, only the one holding that month is searched.
    const holding = english.find((shard) => shard.from <= 202203 && shard.to >= 202203)!;
    expect(new Set(searched.filter((key) => key === 'en' || key.startsWith('en-x-')))).toEqual(
      new Set(['en-x-words', holding.key]),
    );

    // A phrase in quotes: the directory holds a shard's words in no order, yet finds its shard.
    await searchBox(page).fill(`"text with ${FIXTURE.uniqueWord}"`);
    await expect(summary(page)).toHaveText(`1 result for "text with ${FIXTURE.uniqueWord}"`);
    await expect(resultLinks(page)).toHaveText([FIXTURE.trickyTitle]);
  });

  test('the index chunks a word needs, and the shard holding it, load while it is typed, not after the last key', async ({
    page,
  }) => {
    await page.goto(`${fixture}search/`);
    await expect(page.locator('[data-search-ui]')).toBeVisible();
    const chunkRequests: number[] = [];
    const shardChunks = new Map<string, number>();
    page.on('request', (request) => {
      const shard = /\/pagefind\/index\/([\w-]+)_[0-9a-f]+\.pf_index$/.exec(request.url())?.[1];
      if (shard === 'en-x-words') chunkRequests.push(Date.now());
      else if (shard && !shardChunks.has(shard)) shardChunks.set(shard, Date.now());
    });
    await page.evaluate(() =>
      document
        .querySelector('#search-q')!
        .addEventListener('input', () => ((window as unknown as { lastKey: number }).lastKey = Date.now())),
    );
    // Keys 40 ms apart: the search itself waits until 80 ms after the last one.
    await searchBox(page).pressSequentially(FIXTURE.uniqueWord, { delay: 40 });
    await expect(summary(page)).toHaveText(`1 result for ${FIXTURE.uniqueWord}`);
    const lastKey = await page.evaluate(() => (window as unknown as { lastKey: number }).lastKey);
    expect(chunkRequests.length).toBeGreaterThan(0);
    expect(chunkRequests[0]).toBeLessThan(lastKey);
    // And the shard the directory names for it (the word's article is of March 2022).
    const shards = JSON.parse((await page.locator('[data-search]').getAttribute('data-shards'))!) as {
      key: string;
      lang: string;
      from: number;
      to: number;
    }[];
    const holding = shards.find((shard) => shard.lang === 'en' && shard.from <= 202203 && shard.to >= 202203)!;
    expect(shardChunks.get(holding.key)).toBeLessThan(lastKey);
  });

  test("a word's first results are drawn once the first shard holding it is read, before older ones", async ({
    page,
  }) => {
    // A shard's start month, from its key: the newest is "en", an older one "en-x-YYYYMM".
    const startOf = (shard: string) => Number(/-x-(\d{6})$/.exec(shard)?.[1] ?? Infinity);
    let first: number | undefined;
    let holding = true;
    const held: (() => void)[] = [];
    await page.route(/\/pagefind\/index\/en(-x-\d{6})?_[0-9a-f]+\.pf_index$/, async (route) => {
      const start = startOf(/\/index\/([\w-]+)_/.exec(route.request().url())![1]!);
      first ??= start;
      // Only shards older than the first one read are held, so a request that comes in out of
      // order on a loaded machine cannot hold back the newest results themselves.
      if (holding && start < first) await new Promise<void>((release) => held.push(release));
      await route.continue();
    });
    await page.goto(`${fixture}search/?q=report`);
    await expect(results(page).first()).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => held.length).toBeGreaterThan(0);
    const early = await results(page).count();
    expect(early).toBeLessThan(ACME_REPORTS);
    await expect(summary(page)).toHaveText(/older articles are searched as you scroll\.$/);
    await expect(page.locator('[data-search]')).toHaveAttribute('aria-busy', 'true');

    holding = false;
    for (const release of held.splice(0)) release();
    await expect(results(page)).toHaveCount(ACME_REPORTS);
    await expect(summary(page)).toHaveText(`${ACME_REPORTS} results for report`);
    const dates = await resultDates(page);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('an article tagged with a company is found by its name and by a registry alias, though its text names neither', async ({
    page,
  }) => {
    // No article's text says "Globex": only tags do.
    await page.goto(`${fixture}search/?q=globex`);
    await expect(summary(page)).toHaveText(`${GLOBEX_ARTICLES} results for globex`);
    await expect(resultLinks(page)).toHaveCount(GLOBEX_ARTICLES);

    await page.goto(`${fixture}search/?q=${encodeURIComponent(FIXTURE.globexAlias)}`);
    await expect(resultLinks(page)).toHaveCount(GLOBEX_ARTICLES);
    // Only the tags matched: each excerpt is the article's own words, never the list of names.
    for (const excerpt of await results(page).locator('.search-result__excerpt').allTextContents()) {
      expect(excerpt).not.toContain(FIXTURE.globexAlias);
      expect(excerpt).not.toContain(' · ');
    }

    // Accents ignored: "societe" finds the one article tagged Société Générale.
    await page.goto(`${fixture}search/?q=societe`);
    await expect(resultLinks(page)).toHaveText(['A story dated in the site time zone']);

    // An author's name finds their articles.
    await page.goto(`${fixture}search/?q=${encodeURIComponent('John Roe')}&sort=relevance`);
    await expect(resultLinks(page)).toHaveCount(ACME_REPORTS / 2);
  });

  test('the headline ranks above a tag, a tag above the body', async ({ page }) => {
    // "Acme" is in every report's headline, and in tags; relevance puts the reports first.
    await page.goto(`${fixture}search/?q=acme&sort=relevance`);
    await expect(resultLinks(page)).toHaveCount(ACME_REPORTS);
    await expect(page.locator('.search-year__heading')).toHaveCount(0);
  });

  test('matching companies, topics and authors appear above the results, with counts, accents ignored, by keyboard', async ({
    page,
  }) => {
    await page.goto(`${fixture}search/`);
    await searchBox(page).pressSequentially('societe');
    const found = entities(page);
    await expect(found.getByRole('listitem')).toHaveText(['Société Générale Company · 1 article · 2023']);
    await expect(found.getByRole('link', { name: 'Société Générale' })).toHaveAttribute(
      'href',
      '/companies/societe-generale/',
    );

    // By alias, and by any word's beginning.
    await searchBox(page).fill('hyperind');
    await expect(found.getByRole('listitem')).toHaveText([
      `Globex Company · ${GLOBEX_ARTICLES} articles · 2019–2023 · also “${FIXTURE.globexAlias}”`,
    ]);
    await searchBox(page).fill('manu');
    await expect(found.getByRole('listitem')).toHaveText(['Manufacturing Topic · 12 articles · 2019–2021']);

    // Down arrow from the box reaches them; Escape returns; Enter opens the page.
    await searchBox(page).fill('acme');
    await expect(found.getByRole('link').first()).toHaveText('Acme Corporation');
    await searchBox(page).press('ArrowDown');
    await expect(found.getByRole('link', { name: 'Acme Corporation' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(searchBox(page)).toBeFocused();
    await searchBox(page).press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${fixture}companies/acme/`);
  });

  test('a date range narrows the results, lives in the URL, and Back and Forward step through it', async ({ page }) => {
    await page.goto(`${fixture}search/?q=report`);
    await expect(results(page)).toHaveCount(ACME_REPORTS);

    await page.getByLabel('From').fill('2020-01');
    await page.getByLabel('To', { exact: true }).fill('2020-12');
    await expect(page).toHaveURL(`${fixture}search/?q=report&from=2020-01&to=2020-12`);
    await expect(results(page)).toHaveCount(ACME_REPORTS_2020);
    for (const date of await resultDates(page)) expect(date.startsWith('2020/')).toBe(true);

    await page.goBack();
    await expect(page).toHaveURL(`${fixture}search/?q=report&from=2020-01`);
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('');
    await page.goBack();
    await expect(page).toHaveURL(`${fixture}search/?q=report`);
    await expect(results(page)).toHaveCount(ACME_REPORTS);
    await page.goForward();
    await page.goForward();
    await expect(page.getByLabel('From')).toHaveValue('2020-01');
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('2020-12');
    await expect(results(page)).toHaveCount(ACME_REPORTS_2020);

    // A range alone lists its articles; an old link's year reads as that year's range.
    await page.goto(`${fixture}search/?year=2020`);
    await expect(page.getByLabel('From')).toHaveValue('2020-01');
    await expect(results(page)).toHaveCount(ACME_REPORTS_2020);
  });

  test('oldest first and relevance orders, kept in the URL', async ({ page }) => {
    await page.goto(`${fixture}search/?q=report`);
    await expect(resultLinks(page).first()).toHaveText('Acme report number 12');
    await page.getByLabel('Sort by').selectOption('oldest');
    await expect(page).toHaveURL(`${fixture}search/?q=report&sort=oldest`);
    await expect(resultLinks(page).first()).toHaveText('Acme report number 1');
    // Results are drawn as their shards are read: wait for the rest before reading them all.
    await expect(results(page)).toHaveCount(ACME_REPORTS);
    const dates = await resultDates(page);
    expect(dates).toHaveLength(ACME_REPORTS);
    expect(dates).toEqual([...dates].sort());

    await page.getByLabel('Sort by').selectOption('relevance');
    await expect(page).toHaveURL(`${fixture}search/?q=report&sort=relevance`);
    await expect(page.locator('.search-year__heading')).toHaveCount(0);
    await page.goBack();
    await expect(page.getByLabel('Sort by')).toHaveValue('oldest');
  });

  test('a company facet narrows the results, with counts, in the URL, and Back undoes it', async ({ page }) => {
    await page.goto(`${fixture}search/?q=report`);
    await expect(results(page)).toHaveCount(ACME_REPORTS);

    const pane = facets(page);
    await pane.getByText('Company', { exact: true }).click();
    const globex = pane.getByRole('checkbox', { name: /^Globex/ });
    // The count beside each value is the number of matching results.
    await expect(globex).toHaveAccessibleName(`Globex ${ACME_REPORTS_WITH_GLOBEX}`);
    await expect(pane.getByRole('checkbox', { name: /^Acme Corporation/ })).toHaveAccessibleName(
      `Acme Corporation ${ACME_REPORTS}`,
    );
    await globex.check();

    await expect(results(page)).toHaveCount(ACME_REPORTS_WITH_GLOBEX);
    await expect(summary(page)).toHaveText(`${ACME_REPORTS_WITH_GLOBEX} results for report`);
    await expect(page).toHaveURL(`${fixture}search/?q=report&company=Globex`);
    await expect(pane.getByRole('checkbox', { name: /^Globex/ })).toBeFocused();

    await page.goBack();
    await expect(page).toHaveURL(`${fixture}search/?q=report`);
    await expect(pane.getByRole('checkbox', { name: /^Globex/ })).not.toBeChecked();
    await expect(results(page)).toHaveCount(ACME_REPORTS);
  });

  test('a source facet narrows to the articles from one publication, its aliases and bare address included', async ({
    page,
  }) => {
    const { name, alias, count } = FIXTURE.source;
    await page.goto(`${fixture}search/?q=report`);
    const pane = facets(page);
    await pane.getByText('Source', { exact: true }).click();
    // Reports 10 and 11 name the wire by an alias and by its address: one value, two results.
    const wire = pane.getByRole('checkbox', { name: new RegExp(`^${name}`) });
    await expect(wire).toHaveAccessibleName(`${name} ${count}`);
    await expect(pane.getByRole('checkbox', { name: new RegExp(`^${alias}`) })).toHaveCount(0);
    await wire.check();
    await expect(results(page)).toHaveCount(count);
    await expect(page).toHaveURL(`${fixture}search/?q=report&source=${name.replace(' ', '+')}`);
    await expect(results(page).first().getByRole('link', { name })).toHaveAttribute('href', '/sources/harbour-wire/');

    // Suggested as the reader types, by its registry alias too.
    await searchBox(page).fill('harbour wire serv');
    await expect(entities(page).getByRole('listitem')).toHaveText([
      `${name} Source · ${count} articles · 2020–2021 · also “${alias}”`,
    ]);
  });

  test('a declared kind is a facet and a suggestion, like the built-in ones', async ({ page }) => {
    const { name, count } = FIXTURE.place;
    await page.goto(`${fixture}search/?q=report`);
    const pane = facets(page);
    await pane.getByText('Place', { exact: true }).click();
    const place = pane.getByRole('checkbox', { name: new RegExp(`^${name}`) });
    await expect(place).toHaveAccessibleName(`${name} ${count}`);
    await place.check();
    await expect(results(page)).toHaveCount(count);
    await expect(page).toHaveURL(`${fixture}search/?q=report&place=${name}`);
    await expect(results(page).first().getByRole('link', { name })).toHaveAttribute('href', '/places/rotterdam/');

    await page.goto(`${fixture}search/`);
    await searchBox(page).pressSequentially('rotter');
    await expect(entities(page).getByRole('listitem')).toHaveText([`${name} Place · ${count} articles · 2019`]);
  });

  test('a shared link opens the same filtered search; a filter alone lists its articles', async ({ page }) => {
    await page.goto(`${fixture}search/?q=report&company=Globex`);
    await expect(results(page)).toHaveCount(ACME_REPORTS_WITH_GLOBEX);
    await expect(facets(page).getByRole('checkbox', { name: /^Globex/ })).toBeChecked();
    await page.goto(`${fixture}search/?company=Globex`);
    await expect(summary(page)).toHaveText(`${GLOBEX_ARTICLES} results`);
  });

  test('"search within" on a company page opens the search filtered to it', async ({ page }) => {
    await page.goto(`${fixture}companies/globex/`);
    const within = page.getByRole('search', { name: 'Within Globex' });
    await within.getByLabel('Search within Globex').fill('factories');
    await within.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(`${fixture}search/?q=factories&company=Globex`);
    await expect(results(page)).toHaveCount(ACME_REPORTS_WITH_GLOBEX);
  });

  test('no results: says so, and offers the entities, the query without its filters, and browsing', async ({
    page,
  }) => {
    await page.goto(`${fixture}search/?q=${FIXTURE.uniqueWord}&company=Xiaomi&from=2015-01`);
    await expect(summary(page)).toHaveText(`No results for ${FIXTURE.uniqueWord}`);
    const help = page.locator('[data-search-help]');
    await expect(help.getByRole('link', { name: 'Browse the timeline' })).toHaveAttribute('href', '/timeline/');
    await expect(help.getByRole('link', { name: 'Browse companies' })).toHaveAttribute('href', '/companies/');
    await help.getByRole('link', { name: `Search for ${FIXTURE.uniqueWord} without filters or dates` }).click();
    await expect(page).toHaveURL(`${fixture}search/?q=${FIXTURE.uniqueWord}`);
    await expect(resultLinks(page)).toHaveText([FIXTURE.trickyTitle]);
    await expect(help).toBeHidden();

    // Entities still show when no article matches the range.
    await page.goto(`${fixture}search/?q=globex&to=2015-12`);
    await expect(summary(page)).toHaveText('No results for globex');
    await expect(entities(page).getByRole('link', { name: 'Globex' })).toBeVisible();
  });

  test('a query of only common words or punctuation says what to do', async ({ page }) => {
    await page.goto(`${fixture}search/?q=${encodeURIComponent('the of')}`);
    await expect(summary(page)).toHaveText(/^"the of" are too common to search for on their own/);
    await expect(results(page)).toHaveCount(0);
    await page.goto(`${fixture}search/?q=${encodeURIComponent('?!…')}`);
    await expect(summary(page)).toHaveText(/^Type a word, a name or a number/);
  });

  test('typing fast: only the last query is shown, however the responses arrive', async ({ page }) => {
    await page.goto(`${fixture}search/`);
    // Slow down every index fetch so earlier searches are still in flight when later ones start.
    await page.route('**/pagefind/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 40 + Math.random() * 120));
      await route.continue();
    });
    for (const query of ['factories', 'glo', FIXTURE.uniqueWord, 'report', FIXTURE.uniqueWord]) {
      await searchBox(page).fill(query);
      await page.waitForTimeout(150);
    }
    await expect(summary(page)).toHaveText(`1 result for ${FIXTURE.uniqueWord}`);
    await page.waitForTimeout(1500);
    await expect(resultLinks(page)).toHaveText([FIXTURE.trickyTitle]);
    await expect(page).toHaveURL(`${fixture}search/?q=${FIXTURE.uniqueWord}`);
  });

  test("a draft's unique word finds nothing", async ({ page }) => {
    await page.goto(`${fixture}search/?q=${FIXTURE.draftWord}`);
    await expect(summary(page)).toHaveText(`No results for ${FIXTURE.draftWord}`);
    await expect(results(page)).toHaveCount(0);
  });

  test('only article text is indexed: navigation, footers and heading links are not', async ({ page }) => {
    // "Subscribe" is in every article footer, "original" only in the source lines of the footer
    // (the source's name is a tag, and so is found), "Latest" in the navigation, "section" in the
    // heading links' hidden text.
    for (const word of ['subscribe', 'original', 'latest', 'section']) {
      await page.goto(`${fixture}search/?q=${word}`);
      await expect(summary(page)).toHaveText(`No results for ${word}`);
    }
  });

  test('the header form reaches the search page with the query', async ({ page }) => {
    await page.goto(fixture);
    const header = page
      .getByRole('search')
      .filter({ has: page.getByRole('searchbox', { name: 'Search the archive' }) });
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
    // Opening each shard's index borrows <html lang> for a moment; the page keeps its own.
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // The article page itself is in Chinese, which is how Pagefind split its words.
    await resultLinks(page).first().click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  });

  test('newest first stays in date order when results span languages and shards', async ({ page }) => {
    // A range alone lists every article in it; Chinese (2023-06-01) sits between English ones.
    await page.goto(`${fixture}search/?from=2019-01&to=2023-12`);
    await expect(summary(page)).toHaveText(/^15 results$/);
    await expect(resultLinks(page)).toHaveCount(15);
    const dates = await resultDates(page);
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

test('results are drawn a page at a time as they scroll into view, reading older shards only then', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  await withPageSize(page, 3);
  const fragments: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/fragment/')) fragments.push(request.url());
  });
  await page.goto(`${fixture}search/?q=report`);
  await expect(summary(page)).toHaveText(
    /^\d+ results for report since \w+ \d{4}; older articles are searched as you scroll\.$/,
  );
  await page.waitForTimeout(500);
  // A first page, and the next ones while the button below is near the window; not all.
  const drawn = await results(page).count();
  expect(drawn).toBeGreaterThanOrEqual(3);
  expect(drawn).toBeLessThan(ACME_REPORTS);
  expect(drawn % 3).toBe(0);
  // Only what is drawn (and what a merge across languages needed) was fetched.
  expect(fragments.length).toBeLessThanOrEqual(drawn + 3);

  const more = page.getByRole('button', { name: 'Show more results' });
  await more.scrollIntoViewIfNeeded();
  await expect(results(page)).not.toHaveCount(drawn);
  // Scrolling on draws the rest.
  for (let i = 0; i < 30 && (await results(page).count()) < ACME_REPORTS; i++) {
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(150);
  }
  await expect(results(page)).toHaveCount(ACME_REPORTS);
  await expect(summary(page)).toHaveText(`${ACME_REPORTS} results for report`);
  await expect(more).toBeHidden();
  const dates = await resultDates(page);
  expect(dates).toEqual([...dates].sort().reverse());
});

test('under the /archive/ base, the bundle, index and entities load from /archive/', async ({ page }) => {
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
  await expect(entities(page).getByRole('link', { name: 'Xiaomi' })).toHaveAttribute(
    'href',
    '/archive/companies/xiaomi/',
  );

  const pagefindRequests = requests.filter((path) => path.includes('pagefind'));
  expect(pagefindRequests.some((path) => path === '/archive/pagefind/pagefind.js')).toBe(true);
  for (const path of pagefindRequests) expect(path.startsWith('/archive/pagefind/'), path).toBe(true);
  expect(requests).toContain('/archive/search/entities.json');
  expect(failed).toEqual([]);

  await resultLinks(page).first().click();
  await expect(page).toHaveURL(new RegExp(`^${base}\\d{4}/`));
});
