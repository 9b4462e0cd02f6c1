import { expect, test } from '@playwright/test';
import { LinkChecker, LinkState } from 'linkinator';
import { siteUrl } from './sites.mjs';

// Crawls every page reachable from the home page (links, images, stylesheets, in-page
// fragments) and fails on anything broken. External links are not followed: CI is offline.
for (const name of ['fixture', 'seedBase'] as const) {
  test(`no broken internal link or missing asset on the ${name} site`, async () => {
    test.setTimeout(120_000);
    const start = siteUrl(name);
    const origin = new URL(start).origin;
    const checker = new LinkChecker();
    const result = await checker.check({
      path: start,
      recurse: true,
      checkCss: true,
      checkFragments: true,
      concurrency: 8,
      linksToSkip: async (link) => !link.startsWith(origin),
    });
    const broken = result.links
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => `${link.status} ${link.url} (from ${link.parent})`);
    expect(broken).toEqual([]);
    const pages = result.links.filter((link) => link.state === LinkState.OK && link.url.endsWith('/'));
    // The crawl really walked the site: every kind of page was reached.
    for (const path of ['timeline/', 'companies/', 'topics/', 'authors/']) {
      expect(
        pages.some((link) => link.url === `${start}${path}`),
        `${start}${path} reached`,
      ).toBe(true);
    }
    expect(pages.length).toBeGreaterThan(name === 'fixture' ? 50 : 15);
  });
}
