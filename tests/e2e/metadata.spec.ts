/**
 * Page metadata in real builds, read from the DOM as link previews and search engines see it:
 * canonical URL, description, OpenGraph and Twitter tags on every page, feed alternates, and
 * the JSON-LD of article pages, with text that breaks naive HTML and JSON.
 */
import { expect, test, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { FIXTURE } from '../fixtures/make-content.mjs';
import { siteUrl } from './sites.mjs';

const TRICKY_PATH = '2022/03/04/tricky-characters/';

const attr = (page: Page, selector: string, name = 'content') => page.locator(selector).first().getAttribute(name);

async function sitemapLocs(page: Page, site: string): Promise<string[]> {
  const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
  const index = parser.parse(await (await page.request.get(`${site}sitemap-index.xml`)).text());
  const locs: string[] = [];
  for (const { loc } of index.sitemapindex.sitemap)
    locs.push(
      ...parser.parse(await (await page.request.get(loc)).text()).urlset.url.map((u: { loc: string }) => u.loc),
    );
  return locs;
}

for (const name of ['fixture', 'seedBase'] as const) {
  test(`${name}: every page has its canonical URL, description, OpenGraph and Twitter tags and the site feed`, async ({
    page,
  }) => {
    // Visits every page of the site: allow for a busy machine.
    test.setTimeout(120_000);
    const site = siteUrl(name);
    const locs = await sitemapLocs(page, site);
    expect(locs.length).toBeGreaterThan(10);
    for (const loc of locs) {
      await page.goto(loc);
      expect(await attr(page, 'link[rel="canonical"]', 'href'), loc).toBe(loc);
      expect(await attr(page, 'meta[property="og:url"]'), loc).toBe(loc);
      expect(await attr(page, 'meta[name="description"]'), loc).toBeTruthy();
      expect(await attr(page, 'meta[property="og:description"]')).toBe(await attr(page, 'meta[name="description"]'));
      expect(await attr(page, 'meta[property="og:title"]'), loc).toBeTruthy();
      expect(await attr(page, 'meta[property="og:site_name"]')).toBe('Newsroom Archive');
      expect(await attr(page, 'meta[property="og:type"]')).toBe(
        /\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(loc) ? 'article' : 'website',
      );
      // Every page has a large preview picture: its photograph or its drawn card, absolute, sized, described.
      expect(await attr(page, 'meta[name="twitter:card"]')).toBe('summary_large_image');
      const image = await attr(page, 'meta[property="og:image"]');
      expect(image, loc).toMatch(/^https?:\/\/[^/]+\/.+\.(jpg|png)$/);
      expect(Number(await attr(page, 'meta[property="og:image:width"]')), loc).toBeGreaterThan(0);
      expect(Number(await attr(page, 'meta[property="og:image:height"]')), loc).toBeGreaterThan(0);
      expect(await attr(page, 'meta[property="og:image:alt"]'), loc).toBeTruthy();
      expect(await attr(page, 'meta[name="twitter:title"]')).toBe(await attr(page, 'meta[property="og:title"]'));
      const feed = await attr(page, 'link[rel="alternate"][type="application/rss+xml"]', 'href');
      expect(new URL(feed!, loc).href).toBe(`${site}rss.xml`);
    }
  });
}

test('the not-found page has no canonical URL and asks not to be indexed', async ({ page }) => {
  const response = await page.goto(`${siteUrl('seedBase')}no/such/page/`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  expect(await attr(page, 'meta[name="robots"]')).toBe('noindex');
});

test.describe('an article whose title, names and summary are full of markup characters', () => {
  const url = `${siteUrl('fixture')}${TRICKY_PATH}`;

  test('shows its text unchanged and carries the same text in every tag', async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIXTURE.trickyTitle);
    await expect(page).toHaveTitle(`${FIXTURE.trickyTitle} · Newsroom Archive`);
    // The title's <b> and </script> stayed text: no element came out of them.
    await expect(page.locator('h1 b')).toHaveCount(0);
    await expect(page.locator('.article__footer')).toContainText(FIXTURE.trickyCompany);
    expect(await attr(page, 'meta[property="og:title"]')).toBe(FIXTURE.trickyTitle);
    expect(await attr(page, 'meta[property="og:type"]')).toBe('article');
    expect(await attr(page, 'meta[property="article:published_time"]')).toBe('2022-03-04T23:30:00-05:00');
    const tags = await page
      .locator('meta[property="article:tag"]')
      .evaluateAll((metas) => metas.map((m) => m.getAttribute('content')));
    expect(tags).toEqual(expect.arrayContaining([FIXTURE.trickyCompany, 'R&D <experimental>']));
  });

  test('has exactly one JSON-LD NewsArticle, which parses to the text as written', async ({ page }) => {
    await page.goto(url);
    const scripts = page.locator('script[type="application/ld+json"]');
    await expect(scripts).toHaveCount(1);
    const data = JSON.parse((await scripts.textContent())!);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: FIXTURE.trickyTitle,
      url,
      datePublished: '2022-03-04T23:30:00-05:00',
      description: 'Summary with & and < and "quotes" and ]]> and </script> inside.',
      author: [{ '@type': 'Person', name: "Zoë O'Brien & Co" }],
      publisher: { '@type': 'Organization', name: 'Newsroom Archive' },
    });
    expect(data.dateModified).toBeTruthy();
    expect(data.about.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining([FIXTURE.trickyCompany, 'Globex']),
    );
    // Nothing after the JSON-LD was swallowed into it or broken out of it: the page's stylesheets
    // (the site's, then its components') are all still links in the head.
    const sheets = page.locator('head link[rel="stylesheet"]');
    expect(await sheets.count()).toBeGreaterThan(1);
    for (const href of await sheets.evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
      expect(href).toMatch(/^\/_astro\/[\w.-]+\.css$/);
    }
  });

  test("offers its companies', topics', authors' and source's feeds, and a visible Subscribe link", async ({
    page,
    request,
  }) => {
    await page.goto(url);
    const alternates = await page
      .locator('link[rel="alternate"][type="application/rss+xml"]')
      .evaluateAll((links) =>
        links.map((l) => ({ title: l.getAttribute('title'), href: (l as HTMLLinkElement).href })),
      );
    const site = siteUrl('fixture');
    expect(alternates.map((a) => a.href)).toEqual([
      `${site}rss.xml`,
      // Its terms in the order its file wrote them.
      `${site}companies/fish-and-chips-ltd-q/rss.xml`,
      `${site}companies/globex/rss.xml`,
      `${site}topics/r-and-d-experimental/rss.xml`,
      `${site}authors/zoe-o-brien-and-co/rss.xml`,
      `${site}sources/example-and-sons/rss.xml`,
    ]);
    expect(alternates[1].title).toContain(FIXTURE.trickyCompany);
    for (const { href } of alternates) expect((await request.get(href)).status(), href).toBe(200);

    const subscribe = page.locator('.article__footer').getByRole('link', { name: 'Subscribe', exact: true });
    await expect(subscribe).toBeVisible();
    await expect(subscribe).toHaveAttribute('href', '/feed/');
  });
});

test('under a base path, canonical, OpenGraph and JSON-LD URLs include it', async ({ page }) => {
  const site = siteUrl('seedBase');
  const url = `${site}2018/02/27/expanding-the-collaboration-with-cloud-and-devices-focus/`;
  await page.goto(url);
  expect(await attr(page, 'link[rel="canonical"]', 'href')).toBe(url);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(data.url).toBe(url);
  expect(data.publisher.url).toBe(site);
  for (const company of data.about) expect(company.url.startsWith(`${site}companies/`), company.url).toBe(true);
  await expect(page.locator('.article__footer').getByRole('link', { name: 'Subscribe', exact: true })).toHaveAttribute(
    'href',
    '/archive/feed/',
  );
});

test.describe('citations', () => {
  test.use({ javaScriptEnabled: false });

  test('an article from a source carries the tags reference managers read, and a "Cite this article" block', async ({
    page,
  }) => {
    const site = siteUrl('fixture');
    const url = `${site}2021/12/11/acme-report-12/`;
    await page.goto(url);
    const meta = (name: string) =>
      page.locator(`head meta[name="${name}"]`).evaluateAll((tags) => tags.map((tag) => tag.getAttribute('content')));
    // Zotero saves it as a newspaper article of its source (DC.type, DC.source); Highwire tags for the rest.
    expect(await meta('DC.type')).toEqual(['newspaperArticle']);
    expect(await meta('DC.source')).toEqual(['Acme Press']);
    expect(await meta('citation_title')).toEqual(['Acme report number 12']);
    expect(await meta('citation_author')).toEqual(['Jane Doe', 'John Roe']);
    expect(await meta('citation_date')).toEqual(['2021-12-11']);
    expect(await meta('citation_public_url')).toEqual([url]);
    expect(await meta('citation_language')).toEqual(['en']);
    expect(await meta('citation_journal_title')).toEqual([]);

    // Closed until asked for, with no script: a <details>.
    const cite = page.locator('details.article__cite');
    await expect(cite.locator('.article__citation')).toBeHidden();
    await cite.getByText('Cite this article').click();
    await expect(cite.locator('.article__citation')).toHaveText(
      `Doe, Jane, and John Roe. “Acme report number 12.” Acme Press, 11 Dec. 2021. Newsroom Archive, ${url}. Accessed [date].`,
    );
    await expect(cite.locator('.article__citation cite')).toHaveText('Acme Press');
    await expect(cite.getByRole('link', { name: url })).toHaveAttribute('href', url);
  });

  test("an article of the archive's own names the archive, and text stays text", async ({ page }) => {
    const site = siteUrl('fixture');
    await page.goto(`${site}2023/06/01/quantum-lab/`);
    expect(await page.locator('head meta[name="DC.source"]').getAttribute('content')).toBe('Newsroom Archive');
    expect(await page.locator('head meta[name="citation_language"]').getAttribute('content')).toBe('zh');
    await page.goto(`${site}${TRICKY_PATH}`);
    await page.locator('details.article__cite summary').click();
    await expect(page.locator('.article__citation')).toContainText(
      `“Q&A: <b>‘Tags’</b> & ]]> end </script> here.” Example & Sons, 4 Mar. 2022.`,
    );
    await expect(page.locator('.article__citation b')).toHaveCount(0);
  });
});
