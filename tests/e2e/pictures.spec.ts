/**
 * README, "Pictures", in Chromium on the fixture site: the lead figure (sized, responsive, WebP
 * with a fallback, first to load, no layout shift), figures in the body, thumbnails in listings
 * and search, the link-preview image and cards, the structured data's crops and the feeds'
 * pictures.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { FIXTURE, PICTURES } from '../fixtures/make-content.mjs';
import { recordViolations } from './policy-violations';
import { siteUrl } from './sites.mjs';

const fixture = siteUrl('fixture');
const photo = fixture + PICTURES.path;

async function imageOf(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  const body = await response.body();
  return { type: response.headers()['content-type'], bytes: body.length, ...(await sharp(body).metadata()) };
}

test('the lead figure: a sized picture in WebP with a JPEG fallback, widths up to its own, loaded first, with caption and credit', async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await page.goto(photo);
  const figure = page.locator('.article > .lead-figure');
  await expect(figure).toBeVisible();
  // Above the body.
  expect(await page.evaluate(() => !!document.querySelector('.lead-figure + .prose, .lead-figure ~ .prose'))).toBe(
    true,
  );
  const img = figure.locator('picture img');
  await expect(img).toHaveAttribute('alt', PICTURES.image.alt);
  await expect(img).toHaveAttribute('width', String(PICTURES.image.width));
  await expect(img).toHaveAttribute('height', String(PICTURES.image.height));
  await expect(img).toHaveAttribute('fetchpriority', 'high');
  await expect(img).toHaveAttribute('loading', 'eager');
  const webp = figure.locator('picture source[type="image/webp"]');
  const widths = (await webp.getAttribute('srcset'))!.split(',').map((candidate) => candidate.trim().split(/\s+/)[1]);
  expect(widths).toEqual(['480w', '800w', '1200w', '1600w', '2000w', '2400w']);
  expect(await img.getAttribute('srcset')).toMatch(/\.jpg 480w.*\.jpg 2400w/);
  expect(await webp.getAttribute('sizes')).toBe('(min-width: 46rem) 42rem, calc(100vw - 2rem)');
  // The browser took a picture no wider than it needs (42rem at 1× on this screen).
  const current = await img.evaluate((element) => (element as HTMLImageElement).currentSrc);
  expect(current).toMatch(/\.webp$/);
  await expect(figure.locator('figcaption .lead-figure__caption')).toHaveText(PICTURES.image.caption);
  await expect(figure.locator('figcaption .lead-figure__caption em')).toHaveText('new');
  await expect(figure.locator('figcaption .lead-figure__credit')).toHaveText(PICTURES.image.credit);
  expect(await violations()).toEqual([]);
});

test('nothing moves while the pictures load (no layout shift)', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { shift: number }).shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // Pictures held back, so the page is laid out before they arrive.
  await page.route('**/_astro/*.{webp,jpg,png}', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await page.goto(photo);
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
  expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.01);
  const box = await page.locator('.lead-figure img').boundingBox();
  // Laid out at the picture's proportions before it arrived: 3:2.
  expect(Math.abs(box!.width / box!.height - 1.5)).toBeLessThan(0.02);
});

test('a picture in the body: sized, responsive, lazy, its alt kept and its title a caption', async ({ page }) => {
  await page.goto(photo);
  const figure = page.locator('.prose figure');
  await expect(figure.locator('figcaption')).toHaveText(PICTURES.chart.title);
  const img = figure.locator('img');
  await expect(img).toHaveAttribute('alt', PICTURES.chart.alt);
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(img).toHaveAttribute('width', String(PICTURES.chart.width));
  await expect(img).toHaveAttribute('height', String(PICTURES.chart.height));
  expect(await img.getAttribute('srcset')).toMatch(/ 800w$/);
  expect(await img.getAttribute('title')).toBeNull();
});

test('link previews: the photograph as a 1,200-pixel JPEG, a large card, and pictures shown large', async ({
  page,
  request,
}) => {
  await page.goto(photo);
  const meta = async (selector: string) => page.locator(selector).getAttribute('content');
  const image = (await meta('meta[property="og:image"]'))!;
  expect(image.startsWith(fixture)).toBe(true);
  expect(await meta('meta[property="og:image:type"]')).toBe('image/jpeg');
  expect(await meta('meta[property="og:image:width"]')).toBe('1200');
  expect(await meta('meta[property="og:image:height"]')).toBe('800');
  expect(await meta('meta[property="og:image:alt"]')).toBe(PICTURES.image.alt);
  expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
  expect(await meta('meta[name="robots"]')).toBe('max-image-preview:large');
  const fetched = await imageOf(request, image);
  expect([fetched.type, fetched.format, fetched.width, fetched.height]).toEqual(['image/jpeg', 'jpeg', 1200, 800]);
});

test("the NewsArticle's images: the photograph in 16:9, 4:3 and 1:1, each at least 50,000 pixels", async ({
  page,
  request,
}) => {
  await page.goto(photo);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as {
    image: string[];
  };
  expect(data.image).toHaveLength(3);
  const ratios = [];
  for (const url of data.image) {
    const { width, height } = await imageOf(request, url);
    expect(width! * height!).toBeGreaterThanOrEqual(50_000);
    ratios.push(Math.round((width! / height!) * 100) / 100);
  }
  expect(ratios).toEqual([1.78, 1.33, 1]);
  expect(data.image[0]).not.toContain('_cards/');
});

test('pages without a photograph have cards of their own: 1200×630, under 50 KB, one per article, term and the site', async ({
  page,
  request,
}) => {
  const cardOf = async (path: string) => {
    await page.goto(fixture + path);
    const url = (await page.locator('meta[property="og:image"]').getAttribute('content'))!;
    expect(url, path).toContain('/_cards/');
    expect(await page.locator('meta[property="og:image:width"]').getAttribute('content')).toBe('1200');
    return { url, ...(await imageOf(request, url)) };
  };
  const cards = [];
  for (const path of ['2023/06/01/quantum-lab/', '2022/03/04/tricky-characters/', 'companies/acme/', ''])
    cards.push(await cardOf(path));
  for (const card of cards) {
    expect([card.format, card.width, card.height], card.url).toEqual(['jpeg', 1200, 630]);
    expect(card.bytes, card.url).toBeLessThanOrEqual(50 * 1024);
  }
  expect(new Set(cards.map((card) => card.url)).size).toBe(4);
  // Pages that are not about one thing share the site's card.
  const timeline = await cardOf('timeline/');
  expect(timeline.url).toBe(cards[3]!.url);
});

test('listings and search results show a small thumbnail, lazy and sized', async ({ page }) => {
  await page.goto(`${fixture}companies/harbour-photo-co/`);
  const thumb = page.locator('.article-card__thumb');
  await expect(thumb).toHaveCount(1);
  await expect(thumb).toHaveAttribute('loading', 'lazy');
  await expect(thumb).toHaveAttribute('width', '120');
  await expect(thumb).toHaveAttribute('height', '80');
  await expect(thumb).toHaveAttribute('alt', '');
  await page.goto(`${fixture}2016/`);
  await expect(page.locator('.article-card__thumb')).toHaveCount(1);
  // Articles without a photograph have none.
  await page.goto(`${fixture}companies/acme/`);
  await expect(page.locator('.article-card__thumb')).toHaveCount(0);

  await page.goto(`${fixture}search/?q=${PICTURES.word}`);
  const result = page.locator('.search-result');
  await expect(result).toHaveCount(1);
  const searchThumb = result.locator('img.article-card__thumb');
  await expect(searchThumb).toHaveAttribute('width', '120');
  expect(
    await searchThumb.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth),
  ).toBe(240);
});

test('feeds carry the photograph: Media RSS, JSON Feed image, and the figure first in the content', async ({
  request,
}) => {
  const rss = await (await request.get(`${fixture}companies/harbour-photo-co/rss.xml`)).text();
  const media =
    /<media:content url="([^"]+)" medium="image" type="image\/jpeg" width="1200" height="800">(.*?)<\/media:content>/.exec(
      rss,
    );
  expect(media, rss).not.toBeNull();
  expect(media![2]).toContain(`<media:credit>${PICTURES.image.credit}</media:credit>`);
  expect(media![2]).toContain(`<media:description type="plain">${PICTURES.image.caption}</media:description>`);
  expect(rss).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
  const json = (await (await request.get(`${fixture}companies/harbour-photo-co/feed.json`)).json()) as {
    items: { image?: string; content_html: string }[];
  };
  expect(json.items[0]!.image).toBe(media![1]);
  expect(
    json.items[0]!.content_html.startsWith(
      `<figure><img src="${media![1]}" alt="${PICTURES.image.alt}" width="1200" height="800">`,
    ),
  ).toBe(true);
  // Articles without one carry none.
  const acme = await (await request.get(`${fixture}companies/acme/rss.xml`)).text();
  expect(acme).not.toContain('<media:content');
  expect(FIXTURE.pagedCompany.slug).toBe('acme');
});

test.describe('in print', () => {
  test('the lead image prints; thumbnails do not', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto(photo);
    await expect(page.locator('.lead-figure img')).toBeVisible();
    await page.goto(`${fixture}companies/harbour-photo-co/`);
    await expect(page.locator('.article-card__thumb')).toBeHidden();
  });
});
