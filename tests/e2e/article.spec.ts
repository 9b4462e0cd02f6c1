import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { siteUrl } from './sites.mjs';

test('home lists the seed articles and leads to an article with its metadata', async ({ page }) => {
  await page.goto(siteUrl('seed'));
  await expect(page).toHaveTitle('Newsroom Archive');
  const link = page.getByRole('link', { name: 'Expanding the collaboration with cloud and devices focus' });
  await expect(link).toBeVisible();
  await link.click();

  await expect(page).toHaveURL(/\/2018\/02\/27\/expanding-the-collaboration-with-cloud-and-devices-focus\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Expanding the collaboration with cloud and devices focus',
  );
  const dateline = page.locator('.article__dateline time').first();
  await expect(dateline).toHaveAttribute('datetime', '2018-02-27T06:20:00Z');
  await expect(dateline).toHaveText('27 February 2018, 06:20 UTC');

  const footer = page.locator('.article__footer');
  await expect(footer.getByRole('link', { name: 'Microsoft' })).toHaveAttribute('href', '/companies/microsoft/');
  await expect(footer.getByRole('link', { name: 'Xiaomi' })).toHaveAttribute('href', '/companies/xiaomi/');
  await expect(footer.getByRole('link', { name: 'Cloud computing' })).toHaveAttribute(
    'href',
    '/topics/cloud-computing/',
  );

  // The older article (dated that day, no time) is the neighbour.
  await expect(page.getByRole('navigation', { name: 'More articles' }).getByRole('link')).toContainText(
    'Microsoft And Xiaomi Ink AI And Cloud Computing Partnership Deal',
  );
});

test('an undated-time article shows its date without a time', async ({ page }) => {
  await page.goto(`${siteUrl('seed')}2018/02/27/microsoft-and-xiaomi-ink-ai-and-cloud-computing-partnership-deal/`);
  const time = page.locator('.article__dateline time').first();
  await expect(time).toHaveAttribute('datetime', '2018-02-27');
  await expect(time).toHaveText('27 February 2018');
});

test('body headings have ids and an anchor link that shows on focus', async ({ page }) => {
  await page.goto(`${siteUrl('seed')}2018/02/27/expanding-the-collaboration-with-cloud-and-devices-focus/`);
  const heading = page.locator('.prose h2#xiaomi-building-a-cortana-speaker');
  await expect(heading).toHaveText(/Xiaomi building a Cortana speaker/);
  const anchor = heading.getByRole('link', { name: 'Link to section: Xiaomi building a Cortana speaker' });
  await expect(anchor).toHaveAttribute('href', '#xiaomi-building-a-cortana-speaker');
  await expect(anchor).toHaveCSS('opacity', '0');
  await anchor.focus();
  await expect(anchor).toHaveCSS('opacity', '1');
  await anchor.click();
  await expect(page).toHaveURL(/#xiaomi-building-a-cortana-speaker$/);
});

test('article pages ship no client JavaScript', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(`${siteUrl('seed')}2018/02/27/expanding-the-collaboration-with-cloud-and-devices-focus/`);
  expect(scripts).toEqual([]);
  expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
});

test('under a base path every internal link and asset stays under it and resolves', async ({ page, request }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(siteUrl('seedBase'));
  await expect(page.locator('link[rel="stylesheet"]').first()).toHaveAttribute('href', /^\/archive\//);
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(5);
  for (const href of hrefs) expect(href.startsWith('/archive/'), href).toBe(true);

  await page.getByRole('link', { name: 'Microsoft And Xiaomi Ink AI And Cloud Computing Partnership Deal' }).click();
  await expect(page).toHaveURL(
    /\/archive\/2018\/02\/27\/microsoft-and-xiaomi-ink-ai-and-cloud-computing-partnership-deal\/$/,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Microsoft And Xiaomi Ink AI And Cloud Computing Partnership Deal',
  );
  const articleHrefs = await page
    .locator('a[href^="/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  for (const href of articleHrefs) expect(href.startsWith('/archive/'), href).toBe(true);
  expect(failed).toEqual([]);

  // The same page at the root does not exist on this site.
  const outside = await request.get(
    `${new URL(siteUrl('seedBase')).origin}/2018/02/27/microsoft-and-xiaomi-ink-ai-and-cloud-computing-partnership-deal/`,
  );
  expect(outside.status()).toBe(404);
});

test('an article page ships only its own styles: the site sheet and its components, under 3.8 KB gzip in all', async ({
  page,
  request,
}) => {
  await page.goto(`${siteUrl('seed')}2018/02/27/expanding-the-collaboration-with-cloud-and-devices-focus/`);
  const hrefs = await page
    .locator('head link[rel="stylesheet"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  const sheets = await Promise.all(hrefs.map(async (href) => (await request.get(href)).text()));
  // Each file compressed on its own, as a server sends it.
  const gzipped = sheets.reduce((sum, sheet) => sum + gzipSync(sheet, { level: 9 }).length, 0);
  expect(gzipped).toBeLessThan(3800);
  const css = sheets.join('\n');
  // Styles of other pages stay on them: the search page's, the calendar's, the charts'.
  for (const other of ['.search-page', '.calendar-days', '.bar-chart', '.feed-addresses'])
    expect(css).not.toContain(other);
  // And what the article needs is there, print included.
  for (const own of ['.prose', '.lead-figure', '.pager', '.site-header', '@media print']) expect(css).toContain(own);
});

test('the seed articles list each other as other reports of one story, above Related, and leave it out of Related', async ({
  page,
}) => {
  await page.goto(`${siteUrl('seed')}2018/02/27/expanding-the-collaboration-with-cloud-and-devices-focus/`);
  const reports = page.getByRole('region', { name: 'Other reports of this story' });
  await expect(reports.getByRole('listitem')).toHaveCount(1);
  const link = reports.getByRole('link', { name: 'Microsoft And Xiaomi Ink AI And Cloud Computing Partnership Deal' });
  await expect(reports.getByRole('listitem')).toContainText('27 Feb 2018');
  await expect(page.locator('section.related a[href*="ink-ai-and-cloud"]')).toHaveCount(0);
  await link.click();
  await expect(page).toHaveURL(/\/2018\/02\/27\/microsoft-and-xiaomi-ink-ai-and-cloud-computing-partnership-deal\/$/);
  await expect(
    page
      .getByRole('region', { name: 'Other reports of this story' })
      .getByRole('link', { name: 'Expanding the collaboration with cloud and devices focus' }),
  ).toBeVisible();
});
