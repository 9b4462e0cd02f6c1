/**
 * Search speed in Chromium, on a built archive served on 127.0.0.1 (compressed, as a host
 * would): for each query (or its "No results"), the time from opening `/search/?q=…` in a fresh browser context to
 * the first result drawn, and the bytes that took; and, on a search page already open, the
 * time from the last keystroke of the query (typed at 60 ms a key) to its first result drawn.
 * The debounce is part of both, as a reader would feel it. Then, on the cold page, the time
 * until its first page is done (a page of results drawn, or every shard holding the words
 * read: the page drops `aria-busy`), and the index bytes that took.
 *
 * Bytes are what went over the wire (gzip), split into the search index (`pagefind/`, the
 * entity list) and the page itself (HTML, CSS, JS), up to the first result.
 */
import { chromium } from '@playwright/test';
import { chromiumPath } from '../tests/e2e/chromium.mjs';
import { serveSite } from '../scripts/serve.mjs';

const PORT = 4499;

/**
 * Installed before the page's own scripts: records in `window.firstResult` when the first result
 * of `query` is drawn (performance.now(), which counts from the navigation's start).
 */
function recordFirstResult(query) {
  const check = () => {
    const summary = document.querySelector('[data-search-summary]')?.textContent ?? '';
    const answered = document.querySelector('.search-result__title a') || summary.startsWith('No results');
    if (!window.firstResult && answered && summary.includes(query)) window.firstResult = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

async function transferred(request) {
  try {
    const sizes = await request.sizes();
    return sizes.responseBodySize + sizes.responseHeadersSize;
  } catch {
    return 0;
  }
}

/**
 * Measures `queries` (each `{ label, q }`) on the site in `dist` (built for the root path).
 * Returns one row per query.
 */
export async function measureSearch(dist, queries) {
  const server = await serveSite({ dir: dist, port: PORT, host: '127.0.0.1', base: '/' });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--disable-background-networking', '--no-first-run'],
  });
  const base = `http://127.0.0.1:${PORT}/`;
  const rows = [];
  try {
    for (const { label, q } of queries) {
      // Cold: a fresh context, nothing cached.
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests = [];
      page.on('requestfinished', (request) => requests.push(request));
      await page.addInitScript(recordFirstResult, q);
      await page.goto(`${base}search/?q=${encodeURIComponent(q)}`);
      const coldMs = await (
        await page.waitForFunction(() => window.firstResult, undefined, { timeout: 60_000 })
      ).jsonValue();
      const atFirst = requests.length;
      const firstCount = await page.locator('[data-search-summary]').textContent();
      // The first page done: a page of results drawn, or every shard holding the words read.
      await page.waitForFunction(() => !document.querySelector('[data-search]')?.hasAttribute('aria-busy'), undefined, {
        timeout: 60_000,
      });
      const pageMs = await page.evaluate(() => performance.now());
      const atPage = requests.length;
      const sizes = await Promise.all(
        requests.map(async (request) => ({ url: request.url(), bytes: await transferred(request) })),
      );
      const sum = (list) => list.reduce((total, s) => total + s.bytes, 0);
      const isIndex = (s) => /\/pagefind\/|entities\.json/.test(s.url);
      const index = sum(sizes.slice(0, atFirst).filter(isIndex));
      const total = sum(sizes.slice(0, atFirst));
      const pageIndex = sum(sizes.slice(0, atPage).filter(isIndex));
      const count = await page.locator('[data-search-summary]').textContent();
      await context.close();

      // Typing, on a search page already open (Pagefind loaded, no index read yet).
      const typingContext = await browser.newContext();
      const typingPage = await typingContext.newPage();
      await typingPage.addInitScript(recordFirstResult, q);
      await typingPage.goto(`${base}search/`);
      await typingPage.waitForFunction(() => !document.querySelector('[data-search-ui]')?.hasAttribute('hidden'));
      await typingPage.evaluate(() => {
        document.querySelector('#search-q')?.addEventListener('input', () => {
          window.lastKey = performance.now();
        });
      });
      await typingPage.locator('#search-q').pressSequentially(q, { delay: 60 });
      const typedDrawn = await (
        await typingPage.waitForFunction(() => window.firstResult, undefined, { timeout: 60_000 })
      ).jsonValue();
      const typingMs = typedDrawn - (await typingPage.evaluate(() => window.lastKey));
      await typingContext.close();

      rows.push({
        label,
        q,
        results: count?.trim(),
        firstResults: firstCount?.trim(),
        coldMs: Math.round(coldMs),
        pageMs: Math.round(pageMs),
        pageIndexBytes: pageIndex,
        pageRequests: atPage,
        typingMs: Math.round(typingMs),
        indexBytes: index,
        totalBytes: total,
        requests: atFirst,
      });
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  return rows;
}

export function searchTable(rows) {
  const kb = (bytes) => (bytes / 1000).toFixed(0);
  return [
    '| query | results | first result, cold `/search/?q=` ms | first result after the last key ms | bytes to first result, index KB (all KB, requests) | first page done, cold ms (index KB, requests) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.label}: \`${r.q}\` | ${r.results} | ${r.coldMs} | ${r.typingMs} | ${kb(r.indexBytes)} (${kb(r.totalBytes)}, ${r.requests}) | ${r.pageMs} (${kb(r.pageIndexBytes)}, ${r.pageRequests}) |`,
    ),
  ].join('\n');
}
