/**
 * The hostile archive (tests/fixtures/make-hostile-content.mjs) in real Chromium: no payload
 * runs or takes the reader away on any page that shows its text (articles, term pages and
 * indexes, timeline, feeds, search with filters); every field shows as the characters written;
 * feeds, OPML and JSON-LD still parse to that text; a phone needs no sideways scroll; and what
 * news copy legitimately needs (footnotes, figures, tables…) survives and works.
 */
import { expect, test, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { checkXml } from '../../src/lib/xml.ts';
import Parser from 'rss-parser';
import { HOSTILE } from '../fixtures/make-hostile-content.mjs';
import { siteUrl } from './sites.mjs';

const site = siteUrl('hostile');
const origin = new URL(site).origin;

const ARTICLES = [
  '2024/05/01/scripts/',
  '2024/05/02/frontmatter/',
  '2024/05/03/long-title/',
  '2024/05/04/many-companies/',
  '2024/05/05/empty-body/',
  '2024/05/06/only-comment/',
  '2024/05/07/benign-and-ids/',
];

/**
 * Watches a page for anything a payload could do: set the flag global, open a dialog, leave
 * the page (meta refresh, `<base>`, a form), or fetch from elsewhere.
 */
function watch(page: Page) {
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(url);
  });
  return async (expectedUrl: string) => {
    // Long enough for a zero-second meta refresh or an onload handler to have fired.
    await page.waitForTimeout(400);
    expect(
      await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], HOSTILE.flag),
      `a payload ran on ${expectedUrl}`,
    ).toBeUndefined();
    // The search page rewrites its query string; what matters is staying on the page.
    const [now, expected] = [new URL(page.url()), new URL(expectedUrl)];
    expect(now.origin + now.pathname, 'the page navigated away').toBe(expected.origin + expected.pathname);
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
  };
}

/** Elements and attributes in the live DOM that could run or redirect (the page's own excepted). */
async function activeMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${attribute.name} on <${element.localName}>`);
        if (
          /^(href|src|action|formaction|srcdoc|data)$/i.test(attribute.name) &&
          /^\s*(javascript|vbscript|data):/i.test(attribute.value)
        )
          found.push(`${attribute.name}=${attribute.value}`);
      }
    }
    for (const element of document.querySelectorAll(
      'main iframe, main object, main embed, base, main meta, main style, main form:not(.search-within):not([data-search-form]), main math, .prose svg, .term-description svg',
    ))
      found.push(`<${element.localName}>`);
    for (const script of document.querySelectorAll('script')) {
      const type = script.getAttribute('type') ?? '';
      const ours = type === 'module' || type === 'application/ld+json' || script.src.startsWith(location.origin);
      if (!ours) found.push(`<script type="${type}">`);
    }
    return found;
  });
}

test.describe('no payload runs or redirects', () => {
  for (const path of ARTICLES) {
    test(`article /${path}`, async ({ page }) => {
      const check = watch(page);
      await page.goto(site + path);
      await check(site + path);
      expect(await activeMarkup(page)).toEqual([]);
    });
  }

  test('home, timeline, period pages, indexes and the term pages of every hostile name', async ({ page }) => {
    const check = watch(page);
    const visit = async (url: string) => {
      await page.goto(url);
      await check(url);
      expect(await activeMarkup(page), url).toEqual([]);
    };
    for (const path of ['', 'timeline/', '2024/', '2024/05/', 'companies/', 'topics/', 'authors/', '404.html'])
      await visit(site + path);
    // Every company, topic and author of the frontmatter article, reached by its link.
    await page.goto(`${site}2024/05/02/frontmatter/`);
    const termLinks = await page
      .locator('.article__byline a, .article__footer a[href*="/companies/"], .article__footer a[href*="/topics/"]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(termLinks.length).toBeGreaterThanOrEqual(7);
    for (const url of termLinks) await visit(url);
  });

  test('subscribe pages name hostile terms as text', async ({ page }) => {
    const check = watch(page);
    await page.goto(`${site}companies/`);
    const company = page.locator('.term-index a', { hasText: HOSTILE.company }).first();
    const companyPage = await company.getAttribute('href');
    for (const path of ['feed/', `${companyPage!.replace(/^\//, '')}feed/`]) {
      await page.goto(site + path);
      await check(site + path);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Subscribe to');
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Subscribe to ${HOSTILE.company}`);
  });

  test('search: results for hostile text, and the hostile company as a filter', async ({ page }) => {
    const check = watch(page);
    const url = `${site}search/?q=breaking&company=${encodeURIComponent(HOSTILE.company)}`;
    await page.goto(url);
    const result = page.locator('.search-result__title a');
    await expect(result).toHaveText([HOSTILE.title]);
    // The selected company's facet is open, its value checked; the article's other companies beside it.
    const pane = page.getByRole('region', { name: 'Filter results' });
    await expect(pane.getByRole('checkbox', { name: HOSTILE.company, exact: false })).toBeChecked();
    await expect(pane.getByRole('checkbox', { name: HOSTILE.scriptCompany, exact: false })).toBeVisible();
    // Companies and topics under the result are links with the names as text.
    await expect(
      page.locator('.search-result__terms').getByRole('link', { name: HOSTILE.company, exact: true }),
    ).toBeVisible();
    // And typed as a query, the hostile name is suggested as itself.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill(HOSTILE.company);
    await expect(
      page
        .getByRole('region', { name: /^Companies, topics, authors/ })
        .getByRole('link', { name: HOSTILE.company, exact: true }),
    ).toBeVisible();
    await check(url);
    expect(await activeMarkup(page)).toEqual([]);

    // A word from the body of the article with every script payload finds it, safely.
    await page.goto(`${site}search/?q=${HOSTILE.searchWord}`);
    await expect(result).toHaveText(['Every script payload']);
    await expect(page.locator('.search-result__excerpt mark')).toContainText(HOSTILE.searchWord);
    await check(`${site}search/?q=${HOSTILE.searchWord}`);
    expect(await activeMarkup(page)).toEqual([]);
  });
});

test.describe('every field shows as the characters written', () => {
  test('on the article page', async ({ page }) => {
    await page.goto(`${site}2024/05/02/frontmatter/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE.title);
    await expect(page).toHaveTitle(`${HOSTILE.title} · Newsroom Archive`);
    await expect(page.locator('.article__summary')).toHaveText(HOSTILE.summary);
    await expect(page.locator('.article__byline a').first()).toHaveText(HOSTILE.byline);
    for (const name of [HOSTILE.company, HOSTILE.scriptCompany, HOSTILE.registryName, HOSTILE.topic]) {
      await expect(page.locator('.article__footer').getByRole('link', { name, exact: true })).toBeVisible();
    }
    // The source's page on this site, and the original at the address as written.
    await expect(
      page.locator('.article__footer').getByRole('link', { name: HOSTILE.sourceName, exact: true }),
    ).toHaveAttribute('href', /^\/sources\/source-script-script-window-xss/);
    await expect(page.locator('.article__original')).toHaveAttribute(
      'href',
      'https://example.com/story?a=1&b=</script>',
    );
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', HOSTILE.summary);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', HOSTILE.title);
    const tags = await page
      .locator('meta[property="article:tag"]')
      .evaluateAll((metas) => metas.map((m) => m.getAttribute('content')));
    expect(tags).toEqual(expect.arrayContaining([HOSTILE.company, HOSTILE.scriptCompany, HOSTILE.topic]));
  });

  test('in the JSON-LD, which parses to the text as written', async ({ page }) => {
    await page.goto(`${site}2024/05/02/frontmatter/`);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]);
    expect(data.headline).toBe(HOSTILE.title);
    expect(data.description).toBe(HOSTILE.summary);
    expect(data.author.map((a: { name: string }) => a.name)).toEqual([HOSTILE.byline, 'Eve']);
    expect(data.about.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining([HOSTILE.company, HOSTILE.scriptCompany, HOSTILE.registryName]),
    );
  });

  test('in the feeds and the OPML, which parse to the text as written', async ({ request }) => {
    const parser = new Parser<Record<string, unknown>, Parser.Item & { creators?: string[]; categoryList?: string[] }>({
      customFields: {
        item: [
          ['dc:creator', 'creators', { keepArray: true }],
          ['category', 'categoryList', { keepArray: true }],
        ],
      },
    });
    const body = await (await request.get(`${site}rss.xml`)).text();
    expect(checkXml(body)).toBe(true);
    const item = (await parser.parseString(body)).items.find((i) => i.link === `${site}2024/05/02/frontmatter/`)!;
    expect(item.title).toBe(HOSTILE.title);
    expect(item.contentSnippet).toBe(HOSTILE.summary);
    expect(item.creators).toEqual([HOSTILE.byline, 'Eve']);
    expect(item.categoryList).toEqual(
      expect.arrayContaining([HOSTILE.company, HOSTILE.scriptCompany, HOSTILE.registryName, HOSTILE.topic]),
    );

    const opmlBody = await (await request.get(`${site}feeds.opml`)).text();
    expect(checkXml(opmlBody)).toBe(true);
    const opml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'outline' }).parse(opmlBody);
    const names = (opml.opml.body.outline as { outline?: { '@_text': string }[] }[]).flatMap((group) =>
      (group.outline ?? []).map((o) => o['@_text']),
    );
    expect(names).toEqual(
      expect.arrayContaining([
        HOSTILE.company,
        HOSTILE.scriptCompany,
        HOSTILE.registryName,
        HOSTILE.topic,
        HOSTILE.byline,
      ]),
    );
  });

  test('on the term pages and in listings', async ({ page }) => {
    await page.goto(`${site}companies/`);
    await expect(page.getByRole('link', { name: HOSTILE.company, exact: false }).first()).toBeVisible();
    await page.getByRole('link', { name: HOSTILE.registryName, exact: false }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE.registryName);
    await expect(page.locator('.term-description')).toHaveText('A description with  and x.');
    await page.goto(site);
    await expect(page.getByRole('link', { name: HOSTILE.title, exact: true }).first()).toBeVisible();
  });
});

test.describe('what news copy needs survives and works', () => {
  test('footnotes link to their note and back; figures, tables, abbreviations and code keep their markup', async ({
    page,
  }) => {
    await page.goto(`${site}2024/05/07/benign-and-ids/`);
    const prose = page.locator('.prose');
    await prose.locator('a[data-footnote-ref]').click();
    await expect(page).toHaveURL(/#user-content-fn-note$/);
    await expect(page.locator('#user-content-fn-note')).toBeInViewport();
    await page.locator('a[data-footnote-backref]').click();
    await expect(page).toHaveURL(/#user-content-fnref-note$/);
    await expect(prose.locator('figure img')).toHaveAttribute('alt', "The archive's icon");
    await expect(prose.locator('figcaption abbr')).toHaveAttribute('title', 'International Business Machines');
    await expect(prose.locator('th.align-center')).toHaveText('Centre');
    await expect(prose.locator('th.align-center')).toHaveCSS('text-align', 'center');
    await expect(prose.locator('code.language-js')).toHaveText('const answer = 42;\n');
    await expect(prose.locator('span[lang="fr"]')).toHaveText('du français');
    // The heading "Main" does not take the skip link's target, and the skip link still works.
    await expect(page.locator('[id="main"]')).toHaveCount(1);
    await expect(page.locator('h2#main-1')).toHaveText(/^Main/);
    await prose.getByRole('link', { name: 'a link to it' }).click();
    await expect(page).toHaveURL(/#main-1$/);
  });
});

test('a phone viewport never scrolls sideways, whatever the titles and names', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['', ...ARTICLES, 'companies/', '2024/05/', 'timeline/', `search/?q=${HOSTILE.searchWord}`]) {
    await page.goto(site + path);
    if (path.startsWith('search/')) await expect(page.locator('.search-result__title a')).toHaveCount(1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `/${path}`).toBeLessThanOrEqual(0);
  }
});
