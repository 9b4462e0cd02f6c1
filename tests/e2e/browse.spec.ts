import { expect, test } from '@playwright/test';
import { FIXTURE } from '../fixtures/make-content.mjs';
import { siteUrl } from './sites.mjs';

const fixture = siteUrl('fixture');

test.use({ javaScriptEnabled: false });

test('from home to an article, its company, page 2, the article month and back', async ({ page }) => {
  await page.goto(fixture);
  await page.getByRole('link', { name: 'Acme report number 12' }).click();
  await expect(page).toHaveURL(`${fixture}2021/12/11/acme-report-12/`);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link')).toHaveText([
    'Home',
    '2021',
    'December',
  ]);

  // "acme corp" in the frontmatter resolves to the registry entry by alias.
  await page.locator('.article__footer').getByRole('link', { name: 'Acme Corporation' }).click();
  await expect(page).toHaveURL(`${fixture}companies/acme/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Corporation');
  await expect(page.locator('.term-facts')).toContainText('12');
  await expect(page.locator('.term-articles .article-card')).toHaveCount(5);

  const pages = page.getByRole('navigation', { name: 'Pages of Acme Corporation' });
  await expect(pages).toContainText('Page 1 of 3');
  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(`${fixture}companies/acme/2/`);
  await expect(page.locator('.term-articles .article-card')).toHaveCount(5);
  await expect(page.locator('.term-articles .article-card').first()).toContainText('Acme report number 7');
  await expect(pages.getByRole('link', { name: 'First' })).toHaveAttribute('href', '/companies/acme/');
  await expect(pages.getByRole('link', { name: 'Last' })).toHaveAttribute('href', '/companies/acme/3/');

  await pages.getByRole('link', { name: 'Last' }).click();
  await expect(page.locator('.term-articles .article-card')).toHaveCount(2);
  await expect(pages.getByRole('link', { name: 'Next' })).toHaveCount(0);

  // To the month of an article and back to the article.
  await page.getByRole('link', { name: 'Acme report number 1', exact: true }).click();
  await expect(page).toHaveURL(`${fixture}2019/01/10/acme-report-1/`);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'January' }).click();
  await expect(page).toHaveURL(`${fixture}2019/01/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('January 2019');
  await expect(page.getByRole('heading', { name: 'Thursday, 10 January 2019' })).toBeVisible();
  await page.getByRole('link', { name: 'Acme report number 1', exact: true }).click();
  await expect(page).toHaveURL(`${fixture}2019/01/10/acme-report-1/`);
});

test('the company page shows registry facts, coverage by year and co-mentions', async ({ page }) => {
  await page.goto(`${fixture}companies/acme/`);
  await expect(page.locator('.term-description')).toContainText('A maker of everything');
  await expect(page.getByRole('link', { name: 'acme.example' })).toHaveAttribute('href', 'https://acme.example/');
  await expect(page.locator('.term-facts')).toContainText('First coverage10 Jan 2019');
  await expect(page.locator('.term-facts')).toContainText('Latest coverage11 Dec 2021');
  const byYear = page.getByRole('list', { name: 'Articles on Acme Corporation per year' });
  await expect(byYear.getByRole('link')).toHaveText([/2019: 5 articles/, /2020: 5 articles/, /2021: 2 articles/]);
  const coMentions = page.locator('section', { has: page.getByRole('heading', { name: 'Often mentioned with' }) });
  await expect(coMentions.getByRole('listitem')).toHaveText(['Globex 4']);
  const topics = page.locator('section', { has: page.getByRole('heading', { name: 'Topics' }) });
  await expect(topics.getByRole('listitem')).toHaveText(['Manufacturing 12', 'Earnings 6']);
  await expect(page.getByRole('link', { name: 'Subscribe to Acme Corporation' })).toHaveAttribute(
    'href',
    '/companies/acme/feed/',
  );
  await expect(page.locator('link[rel="alternate"][href="/companies/acme/rss.xml"]')).toHaveCount(1);
});

test('an article links to its source page and to the original; the source page lists, charts and feeds it', async ({
  page,
}) => {
  await page.goto(`${fixture}2021/11/10/acme-report-11/`);
  const source = page.locator('.article__source');
  // "Harbour Wire Service" (a registry alias) is filed under the registry's name.
  await expect(source).toHaveText('Source: Harbour Wire · the original article');
  await expect(source.getByRole('link', { name: 'the original article' })).toHaveAttribute(
    'href',
    'https://harbourwire.example/acme-11',
  );
  await source.getByRole('link', { name: 'Harbour Wire' }).click();
  await expect(page).toHaveURL(`${fixture}sources/harbour-wire/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harbour Wire');
  await expect(page.locator('.eyebrow')).toHaveText('Source');
  await expect(page.locator('.term-description')).toContainText('A wire service of the harbour towns');
  await expect(page.getByRole('link', { name: 'harbourwire.example' })).toHaveAttribute(
    'href',
    'https://harbourwire.example/',
  );
  // Report 10 gives only the wire's address (www.harbourwire.example), which the registry also claims.
  await expect(page.locator('.term-articles .article-card')).toHaveText([
    /Acme report number 11/,
    /Acme report number 10/,
  ]);
  const byYear = page.getByRole('list', { name: 'Articles on Harbour Wire per year' });
  await expect(byYear.getByRole('link')).toHaveText([/2020: 1 article/, /2021: 1 article/]);
  await expect(page.locator('link[rel="alternate"][href="/sources/harbour-wire/rss.xml"]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Subscribe to Harbour Wire' })).toHaveAttribute(
    'href',
    '/sources/harbour-wire/feed/',
  );

  // Every source A–Z, from the footer.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Sources' }).click();
  await expect(page).toHaveURL(`${fixture}sources/`);
  await expect(page.locator('.term-index li')).toHaveText(['Acme Press 1', 'Example & Sons 1', 'Harbour Wire 2']);
});

test("a kind the archive's settings declare gets pages, an index, feeds and article links, as companies do", async ({
  page,
}) => {
  const { name, slug, count, other } = FIXTURE.place;
  await page.goto(`${fixture}2019/02/11/acme-report-2/`);
  const places = page.locator('.article__terms', { hasText: 'Places:' });
  await expect(places).toHaveText(`Places: ${name} and ${other}`);
  await places.getByRole('link', { name }).click();
  await expect(page).toHaveURL(`${fixture}places/${slug}/`);
  await expect(page.locator('.eyebrow')).toHaveText('Place');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.locator('.term-articles .article-card')).toHaveCount(count);
  await expect(page.locator('link[rel="alternate"][href="/places/rotterdam/rss.xml"]')).toHaveCount(1);
  await expect(page.getByRole('search', { name: `Within ${name}` }).locator('input[type="hidden"]')).toHaveAttribute(
    'name',
    'place',
  );
  await page.getByRole('contentinfo').getByRole('link', { name: 'Places' }).click();
  await expect(page).toHaveURL(`${fixture}places/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Places');
  await expect(page.locator('.term-index li')).toHaveText([`${other} 1`, `${name} ${count}`]);
});

test('name variants, aliases and other scripts land on one company page', async ({ page }) => {
  await page.goto(`${fixture}companies/`);
  // 小米, "Xiaomi Corp" (registry aliases) and "XIAOMI" are one company.
  await expect(page.locator('.term-index a', { hasText: /xiaomi/i })).toHaveCount(1);
  await page.getByRole('link', { name: 'Xiaomi' }).click();
  await expect(page).toHaveURL(`${fixture}companies/xiaomi/`);
  await expect(page.locator('.term-articles .article-card')).toHaveCount(1);
  // "ACME", "Acme Corp." and "acme corp" all count for Acme Corporation.
  await page.goto(`${fixture}companies/`);
  await expect(page.locator('.term-index li', { hasText: 'Acme Corporation' })).toHaveText('Acme Corporation 12');
});

test('index pages group A–Z with a jump bar and counts', async ({ page }) => {
  await page.goto(`${fixture}companies/`);
  const jump = page.getByRole('navigation', { name: 'Companies by letter' });
  await expect(jump.getByRole('link')).toHaveText(['A', 'F', 'G', 'H', 'S', 'X']);
  await jump.getByRole('link', { name: 'G' }).click();
  await expect(page).toHaveURL(`${fixture}companies/#letter-G`);
  await expect(page.locator('#letter-G + ul li')).toHaveText(['Globex 6']);

  await page.goto(`${fixture}authors/`);
  await expect(page.locator('.term-index li')).toHaveText([
    'Jane Doe 12',
    'John Roe 6',
    '王小明 1',
    "Zoë O'Brien & Co 1",
  ]);
  await page.goto(`${fixture}topics/`);
  await expect(page.locator('.term-index li', { hasText: 'Earnings' })).toHaveText('Earnings 7');
});

test('the timeline charts years and months and links to them', async ({ page }) => {
  await page.goto(`${fixture}timeline/`);
  await expect(page.locator('.timeline__heading')).toHaveText([
    '2023 2 articles',
    '2022 1 article',
    '2021 2 articles',
    '2020 5 articles',
    '2019 5 articles',
    '2018 1 article',
    '2017 1 article',
    '2016 1 article',
  ]);
  const months2019 = page.getByRole('list', { name: 'Articles per month in 2019' });
  await expect(months2019.getByRole('link')).toHaveCount(5);
  await months2019.getByRole('link', { name: 'March 2019: 1 article' }).click();
  await expect(page).toHaveURL(`${fixture}2019/03/`);
  // Neighbouring non-empty months.
  const nav = page.getByRole('navigation', { name: 'Other months' });
  await expect(nav.getByRole('link')).toHaveText(['← February 2019', 'April 2019 →']);

  await page.goto(`${fixture}2022/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2022 1 article');
  await expect(page.getByRole('navigation', { name: 'Other years' }).getByRole('link')).toHaveText([
    '← 2021',
    '2023 →',
  ]);
  await expect(page.getByRole('heading', { name: 'Friday, 4 March 2022' })).toBeVisible();
});

test('dates are shown as written, in their own offset', async ({ page }) => {
  // Written 2022-03-04T23:30:00-05:00: the 4th there, though already the 5th in UTC.
  await page.goto(`${fixture}2022/03/04/tricky-characters/`);
  const dateline = page.locator('.article__dateline time').first();
  await expect(dateline).toHaveAttribute('datetime', '2022-03-04T23:30:00-05:00');
  await expect(dateline).toHaveText('4 March 2022, 23:30 GMT-5');
  // Written without an offset: in the site time zone (UTC in the tests).
  await page.goto(`${fixture}2023/12/31/local-time/`);
  await expect(page.locator('.article__dateline time').first()).toHaveText('31 December 2023, 23:45 UTC');
});

test('home shows latest articles, most covered terms of the last 12 months and the timeline', async ({ page }) => {
  await page.goto(fixture);
  await expect(page.locator('.home-latest .article-card')).toHaveCount(5);
  await expect(page.locator('.home-latest .article-card').first()).toContainText('A story dated in the site time zone');
  // The archive's newest article is from Dec 2023: the last 12 months hold 2023's two articles.
  const companies = page.locator('section', { has: page.getByRole('heading', { name: 'Most covered companies' }) });
  await expect(companies.getByRole('listitem')).toHaveText(['Globex 1', 'Société Générale 1', 'Xiaomi 1']);
  const years = page.getByRole('list', { name: 'Articles per year' });
  await expect(years.getByRole('link')).toHaveText([/2016/, /2017/, /2018/, /2019/, /2020/, /2021/, /2022/, /2023/]);
});

test('an article lists related articles by shared companies and topics', async ({ page }) => {
  await page.goto(`${fixture}2021/12/11/acme-report-12/`);
  const related = page.locator('section.related .article-card__title');
  await expect(related).toHaveCount(5);
  // Report 12 has Acme + Manufacturing + Earnings: the odd reports share all three (newest first).
  await expect(related).toHaveText([
    'Acme report number 10',
    'Acme report number 8',
    'Acme report number 6',
    'Acme report number 4',
    'Acme report number 2',
  ]);
});

test('drafts appear nowhere', async ({ page, request }) => {
  expect((await request.get(`${fixture}2023/07/01/draft-story/`)).status()).toBe(404);
  await page.goto(`${fixture}2023/`);
  await expect(page.getByText('A draft that must not appear')).toHaveCount(0);
  await page.goto(`${fixture}companies/globex/`);
  await expect(page.locator('.term-facts')).toContainText('Articles6');
});

test('listings show an author by the name the article page shows, not by the spelling of the byline', async ({
  page,
}) => {
  // Report 4's byline says "JOHN ROE"; five other articles say "John Roe".
  await page.goto(`${fixture}2019/04/`);
  const card = page.locator('.article-card', { hasText: 'Acme report number 4' });
  await expect(card.locator('.article-card__meta')).toContainText('Jane Doe, John Roe');
  await expect(card).not.toContainText('JOHN ROE');
  await card.getByRole('link', { name: 'Acme report number 4' }).click();
  await expect(page.locator('.article__byline')).toHaveText(/By\s+Jane Doe,?\s+(and\s+)?John Roe/);
  await expect(page.locator('body')).not.toContainText('JOHN ROE');
});
