/**
 * What a news archive tells readers about an article besides its text: correction notes (on
 * the page, in JSON-LD, in feeds and on /corrections/), an age notice on old articles, and a
 * print stylesheet. The fixture's Acme report 12 carries two corrections
 * (tests/fixtures/make-content.mjs); the fixture site is built as if on 1 February 2024.
 */
import { expect, test } from '@playwright/test';
import Parser from 'rss-parser';
import { FIXTURE } from '../fixtures/make-content.mjs';
import { siteUrl } from './sites.mjs';

const fixture = siteUrl('fixture');
const corrected = `${fixture}2021/12/11/acme-report-12/`;

test.describe('corrections, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('each correction is a dated note above the body, and the dateline says when it was updated', async ({
    page,
  }) => {
    await page.goto(corrected);
    const notes = page.locator('.corrections .correction');
    await expect(notes).toHaveCount(2);
    await expect(notes.nth(0)).toHaveText(`Correction 20 Dec 2021: ${FIXTURE.corrections[0].plain}`);
    await expect(notes.nth(0).locator('em')).toHaveText('output');
    await expect(notes.nth(1)).toHaveAttribute('id', 'correction-2');
    await expect(notes.nth(1).locator('a')).toHaveAttribute('href', 'https://example.com/acme/staffing');
    // Above the body.
    const order = await page.evaluate(() => {
      const corrections = document.querySelector('.corrections')!;
      const body = document.querySelector('.prose')!;
      return corrections.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await expect(page.locator('.article__updated')).toContainText('Updated 5 January 2022');
  });

  test('JSON-LD carries each correction and the latest change as dateModified', async ({ page }) => {
    await page.goto(corrected);
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(data.correction).toEqual([
      { '@type': 'CorrectionComment', datePublished: '2021-12-20T00:00:00Z', text: FIXTURE.corrections[0].plain },
      { '@type': 'CorrectionComment', datePublished: '2022-01-05T10:00:00+01:00', text: FIXTURE.corrections[1].plain },
    ]);
    expect(data.dateModified).toBe('2022-01-05T10:00:00+01:00');
  });

  test('feeds carry the notes at the top of the content, and the item is updated', async ({ request }) => {
    const xml = await (await request.get(`${fixture}companies/acme/rss.xml`)).text();
    const feed = await new Parser({ customFields: { item: ['content:encoded', 'atom:updated'] } }).parseString(xml);
    const item = feed.items.find((entry) => entry.link === corrected)!;
    expect((item as unknown as Record<string, string>)['content:encoded']).toMatch(
      /^<p><strong>Correction<\/strong> <time datetime="2021-12-20T00:00:00Z">20 Dec 2021<\/time>: An earlier version/,
    );
    expect((item as unknown as Record<string, string>)['atom:updated']).toBe('2022-01-05T10:00:00+01:00');
    const json = await (await request.get(`${fixture}companies/acme/feed.json`)).json();
    const jsonItem = json.items.find((entry: { id: string }) => entry.id === corrected);
    expect(jsonItem.date_modified).toBe('2022-01-05T10:00:00+01:00');
    expect(jsonItem.content_html).toMatch(/^<p><strong>Correction<\/strong>/);
  });

  test('/corrections/ lists every note newest first, linking to it, with a feed', async ({ page, request }) => {
    await page.goto(`${fixture}corrections/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Corrections');
    const entries = page.locator('.corrections-list > li');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText(FIXTURE.corrections[1].plain);
    await expect(entries.nth(0).getByRole('link', { name: 'Acme report number 12' })).toHaveAttribute(
      'href',
      '/2021/12/11/acme-report-12/#correction-2',
    );
    await expect(page.locator('link[rel="alternate"][href="/corrections/rss.xml"]')).toHaveCount(1);
    await entries.nth(1).getByRole('link').click();
    await expect(page).toHaveURL(`${corrected}#correction-1`);

    const feed = await new Parser().parseString(await (await request.get(`${fixture}corrections/rss.xml`)).text());
    expect(feed.items.map((entry) => entry.link)).toEqual([`${corrected}#correction-2`, `${corrected}#correction-1`]);
    const json = await (await request.get(`${fixture}corrections/feed.json`)).json();
    expect(json.items.map((entry: { id: string }) => entry.id)).toEqual([
      `${corrected}#correction-2`,
      `${corrected}#correction-1`,
    ]);
    // The footer links to the page from everywhere.
    await page.goto(fixture);
    await expect(page.locator('.site-footer').getByRole('link', { name: 'Corrections' })).toHaveAttribute(
      'href',
      '/corrections/',
    );
  });
});

test.describe('age notices, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('an article older than a year says so at the top; a newer one does not', async ({ page }) => {
    // Built as if on 1 February 2024: the December 2021 report is more than two years old.
    await page.goto(corrected);
    const notice = page.locator('.article__header .age-notice');
    await expect(notice).toHaveText('This article is more than 2 years old');
    const first = await page.evaluate(() => document.querySelector('.article__header')!.firstElementChild!.className);
    expect(first).toBe('age-notice');
    // 1 June 2023: eight months old.
    await page.goto(`${fixture}2023/06/01/quantum-lab/`);
    await expect(page.locator('.age-notice')).toHaveCount(0);
  });

  test('the seed articles of 2018 are years old on any day after', async ({ page }) => {
    await page.goto(`${siteUrl('seed')}2018/02/27/expanding-the-collaboration-with-cloud-and-devices-focus/`);
    await expect(page.locator('.age-notice')).toHaveText(/^This article is more than \d+ years old$/);
  });
});

test.describe('print', () => {
  test('an article prints headline, byline, dateline, notes, body, source and its address, and links print theirs', async ({
    page,
  }) => {
    await page.goto(corrected);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      '.site-header',
      '.site-footer',
      '.breadcrumbs',
      '.related',
      '.pager',
      '.article__subscribe',
      '.article__terms',
    ]) {
      await expect(page.locator(hidden).first(), `${hidden} does not print`).toBeHidden();
    }
    for (const shown of [
      'h1',
      '.article__byline',
      '.article__dateline',
      '.corrections',
      '.prose',
      '.article__source',
      '.article__permalink',
    ]) {
      await expect(page.locator(shown).first(), `${shown} prints`).toBeVisible();
    }
    await expect(page.locator('.article__permalink')).toContainText(corrected);
    const after = await page
      .locator('.article__source .article__original')
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://example.com/acme/12');

    // On screen the address line stays hidden and the navigation is there.
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.article__permalink')).toBeHidden();
    await expect(page.locator('.site-header')).toBeVisible();
  });
});
