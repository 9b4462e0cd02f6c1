/**
 * README, "URLs that never break", in Chromium on the fixture site (built as if on 1 February
 * 2024): aliases lead to their article, a removed and an expired article answer with a removal
 * page and appear nowhere else, a scheduled article appears nowhere yet.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Parser from 'rss-parser';
import { LIFECYCLE } from '../fixtures/make-content.mjs';
import { recordViolations } from './policy-violations';
import { E2E_DIR, siteUrl } from './sites.mjs';

const fixture = siteUrl('fixture');
const { removed, expired, scheduled } = LIFECYCLE;

test.describe('aliases', () => {
  for (const alias of LIFECYCLE.aliases) {
    test(`${alias} leads to its article, by the host's 301 and by the page itself`, async ({ page, request }) => {
      await page.goto(fixture + alias.slice(1));
      await expect(page).toHaveURL(fixture + LIFECYCLE.aliasTarget);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme report number 1');

      // The host answers with a 301 (_redirects, as npm start and Netlify apply it)...
      const response = await request.get(fixture + alias.slice(1), { maxRedirects: 0 });
      expect(response.status()).toBe(301);
      expect(response.headers().location).toBe(`/${LIFECYCLE.aliasTarget}`);
    });
  }

  test('the redirect page alone, as GitHub Pages serves it, sends the reader on, under the policy', async ({
    page,
  }) => {
    const violations = await recordViolations(page);
    // The page's own file, which a host without _redirects serves at the alias.
    const file = path.join(E2E_DIR, 'sites', 'fixture', 'news/acme-report-one/index.html');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`<link rel="canonical" href="${fixture}${LIFECYCLE.aliasTarget}">`);
    await page.goto(`${fixture}news/acme-report-one/index.html`);
    await expect(page).toHaveURL(fixture + LIFECYCLE.aliasTarget);
    expect(await violations()).toEqual([]);
  });
});

test.describe('a removed article', () => {
  test('its URL answers 410 with a removal page: date, reason, no headline, no body, not indexed', async ({ page }) => {
    const violations = await recordViolations(page);
    const response = await page.goto(fixture + removed.path);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This article has been removed');
    await expect(page.locator('.removal__reason')).toHaveText('Reason: Removed on the order of a court.');
    await expect(page.locator('.removal__reason em')).toHaveText('court');
    await expect(page.locator('main')).toContainText('removed 15 Jul 2022');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    const text = await page.locator('body').innerText();
    for (const hidden of [removed.title, removed.word, removed.company, 'Removed Reporter'])
      expect(text).not.toContain(hidden);
    expect(await page.content()).not.toContain(removed.title);
    await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
    expect(await violations()).toEqual([]);
  });

  test('its alias leads to the removal page', async ({ page }) => {
    await page.goto(fixture + removed.alias.slice(1));
    await expect(page).toHaveURL(fixture + removed.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This article has been removed');
  });
});

test('an expired article answers with a notice that it is no longer available, naming it', async ({ page }) => {
  const response = await page.goto(fixture + expired.path);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This article is no longer available');
  await expect(page.locator('.removal__headline')).toHaveText(expired.title);
  await expect(page.locator('main')).toContainText('available here until 1 Jan 2023');
  expect(await page.locator('body').innerText()).not.toContain(expired.word);
});

test('a scheduled article is not built yet', async ({ request }) => {
  expect((await request.get(fixture + scheduled.path)).status()).toBe(404);
});

test('withdrawn and scheduled articles appear nowhere else: listings, terms, feeds, sitemap, search, suggestions, urls.json', async ({
  page,
  request,
}) => {
  const titles = [removed.title, expired.title, scheduled.title];
  const paths = [removed.path, expired.path, scheduled.path];
  const get = async (url: string) => {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    return response.text();
  };
  // Pages that list articles.
  for (const listing of [
    '',
    'timeline/',
    '2022/',
    'companies/acme/',
    'companies/acme/2/',
    'companies/acme/3/',
    'topics/manufacturing/',
    'on-this-day/06-01/',
    'corrections/',
  ]) {
    const html = await get(fixture + listing);
    for (const title of titles) expect(html, `${listing} lists ${title}`).not.toContain(title);
  }
  // Their own terms and months have no pages at all.
  for (const gone of [
    'companies/vanishing-holdings/',
    'topics/legal/',
    'authors/removed-reporter/',
    '2022/06/',
    '2022/08/',
    '2024/06/',
  ]) {
    expect((await request.get(fixture + gone)).status(), gone).toBe(404);
  }
  // Acme still counts its 12 reports, not the expired or the scheduled article naming it.
  await page.goto(`${fixture}companies/acme/`);
  await expect(page.locator('.term-facts')).toContainText('Articles12');
  // Feeds.
  for (const feed of ['rss.xml', 'companies/acme/rss.xml', 'feed.json', 'companies/acme/feed.json']) {
    const body = await get(fixture + feed);
    for (const title of titles) expect(body, feed).not.toContain(title);
  }
  const rss = await new Parser().parseString(await get(`${fixture}companies/acme/rss.xml`));
  expect(rss.items).toHaveLength(12);
  // Sitemap, suggestions.
  const sitemap = await get(`${fixture}sitemap-0.xml`);
  for (const p of [...paths, 'news/acme-report-one/']) expect(sitemap).not.toContain(p);
  const entities = await get(`${fixture}search/entities.json`);
  expect(entities).not.toContain(removed.company);
  // The list of published URLs names the removal pages' files, never their headlines.
  const urls = JSON.parse(await get(`${fixture}urls.json`)) as {
    urls: { path: string; kind: string; file?: string }[];
  };
  expect(urls.urls).toContainEqual({
    path: `/${removed.path}`,
    kind: 'removed',
    file: 'articles/2022/court-takedown.md',
  });
  expect(urls.urls).toContainEqual({
    path: `/${expired.path}`,
    kind: 'expired',
    file: 'articles/2022/wire-expired.md',
  });
  expect(urls.urls.some((u) => u.path === `/${scheduled.path}`)).toBe(false);
  expect(JSON.stringify(urls)).not.toContain(removed.title);
  // Search finds none of their words.
  for (const word of [removed.word, expired.word, scheduled.word]) {
    await page.goto(`${fixture}search/?q=${word}`);
    await expect(page.locator('[data-search-summary]')).toHaveText(`No results for ${word}`);
  }
});
