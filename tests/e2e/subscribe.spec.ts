/**
 * Every "Subscribe" link on the site leads to an HTML page of the site (components/SubscribePage.astro)
 * that names the feed's RSS and JSON Feed addresses and links both; followed here in Chromium from
 * each kind of page that has one, with the page's policy and axe's rules in force.
 */
import { expect, test, type Page } from '@playwright/test';
import Parser from 'rss-parser';
import { FIXTURE } from '../fixtures/make-content.mjs';
import { axeViolations } from '../quality/axe-scan';
import { recordViolations } from './policy-violations';
import { siteUrl } from './sites.mjs';

const fixture = siteUrl('fixture');

/** Where a "Subscribe" link starts, how to find it, and the feed owner's page it belongs to. */
const LINKS = [
  { from: '', link: { footer: true }, owner: '', heading: 'Subscribe to Newsroom Archive' },
  {
    from: '2022/03/04/tricky-characters/',
    link: { article: true },
    owner: '',
    heading: 'Subscribe to Newsroom Archive',
  },
  {
    from: 'companies/acme/',
    link: { name: 'Subscribe to Acme Corporation' },
    owner: 'companies/acme/',
    heading: 'Subscribe to Acme Corporation',
  },
  {
    from: 'topics/manufacturing/',
    link: { name: 'Subscribe to Manufacturing' },
    owner: 'topics/manufacturing/',
    heading: 'Subscribe to Manufacturing',
  },
  {
    from: 'authors/jane-doe/',
    link: { name: 'Subscribe to Jane Doe' },
    owner: 'authors/jane-doe/',
    heading: 'Subscribe to Jane Doe',
  },
  {
    from: 'corrections/',
    link: { name: 'Subscribe to corrections' },
    owner: 'corrections/',
    heading: 'Subscribe to Corrections',
  },
];

function subscribeLink(page: Page, link: (typeof LINKS)[number]['link']) {
  if ('footer' in link) return page.locator('.site-footer').getByRole('link', { name: 'Subscribe', exact: true });
  if ('article' in link) return page.locator('.article__footer').getByRole('link', { name: 'Subscribe', exact: true });
  return page.getByRole('main').getByRole('link', { name: link.name, exact: true });
}

for (const { from, link, owner, heading } of LINKS) {
  test(`the Subscribe link on /${from} leads to a readable page with the feed addresses`, async ({ page, request }) => {
    const violations = await recordViolations(page);
    await page.goto(fixture + from);
    await subscribeLink(page, link).click();
    await expect(page).toHaveURL(`${fixture}${owner}feed/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');

    const rss = `${fixture}${owner}rss.xml`;
    const json = `${fixture}${owner}feed.json`;
    await expect(page.locator('.feed-address')).toHaveText([rss, json, fixture + owner]);

    const rssLink = page.getByRole('link', { name: 'Open the RSS feed' });
    expect(new URL((await rssLink.getAttribute('href'))!, page.url()).href).toBe(rss);
    const rssResponse = await request.get(rss);
    expect(rssResponse.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
    const feed = await new Parser().parseString(await rssResponse.text());
    expect(feed.items.length).toBeGreaterThan(0);

    const jsonLink = page.getByRole('link', { name: 'Open the JSON Feed' });
    expect(new URL((await jsonLink.getAttribute('href'))!, page.url()).href).toBe(json);
    const jsonResponse = await request.get(json);
    expect(jsonResponse.headers()['content-type']).toBe('application/feed+json; charset=utf-8');
    expect((await jsonResponse.json()).version).toBe('https://jsonfeed.org/version/1.1');

    // The OPML list, for following the whole archive at once.
    const opml = page.getByRole('link', { name: 'the list of all feeds (OPML)' });
    expect(new URL((await opml.getAttribute('href'))!, page.url()).href).toBe(`${fixture}feeds.opml`);
    expect((await request.get(`${fixture}feeds.opml`)).headers()['content-type']).toBe('text/x-opml; charset=utf-8');

    expect(await violations()).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('every subscribe page shows its addresses and links all the same', async ({ page }) => {
    for (const { owner } of LINKS) {
      await page.goto(`${fixture}${owner}feed/`);
      await expect(page.locator('.feed-address')).toHaveText([
        `${fixture}${owner}rss.xml`,
        `${fixture}${owner}feed.json`,
        fixture + owner,
      ]);
      await expect(page.getByRole('link', { name: 'Open the RSS feed' })).toBeVisible();
    }
  });
});

test('under a base path, the footer leads to the base path’s subscribe page and its addresses', async ({ page }) => {
  const site = siteUrl('seedBase');
  await page.goto(site);
  await page.locator('.site-footer').getByRole('link', { name: 'Subscribe', exact: true }).click();
  await expect(page).toHaveURL(`${site}feed/`);
  await expect(page.locator('.feed-address')).toHaveText([`${site}rss.xml`, `${site}feed.json`, site]);
});

test('a name full of markup is text on its subscribe page', async ({ page }) => {
  await page.goto(`${fixture}companies/fish-and-chips-ltd-q/feed/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Subscribe to ${FIXTURE.trickyCompany}`);
});
