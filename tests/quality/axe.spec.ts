/**
 * axe-core's WCAG 2.1 A and AA rules (and its best practices) on every page type of the seed,
 * fixture and hostile archives, in light and dark, on a desktop and a phone screen. The search
 * page is checked with results showing and its filter pane open.
 */
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE } from '../fixtures/make-hostile-content.mjs';
import { PICTURES } from '../fixtures/make-content.mjs';
import { siteUrl } from '../e2e/sites.mjs';
import { axeViolations } from './axe-scan';

interface PageType {
  name: string;
  path: string;
  /** What to wait for (or do) before the scan: the search page's results, say. */
  ready?: (page: Page) => Promise<void>;
}

const searchWithResults = async (page: Page) => {
  await expect(page.locator('.search-result__title a').first()).toBeVisible();
  // The company facet open with its counted values, so they are scanned too.
  const closed = page.locator('details.search-facet:not([open]) > summary');
  if ((await closed.count()) > 0) await closed.first().click();
  await expect(page.locator('.search-facet input[type="checkbox"]').first()).toBeVisible();
};

const PAGES: Record<'seed' | 'fixture' | 'hostile', PageType[]> = {
  seed: [
    { name: 'home', path: '' },
    { name: 'article', path: '2018/02/27/expanding-the-collaboration-with-cloud-and-devices-focus/' },
    { name: 'timeline', path: 'timeline/' },
    { name: 'year', path: '2018/' },
    { name: 'month', path: '2018/02/' },
    { name: 'on this day', path: 'on-this-day/' },
    { name: 'on this day: a day', path: 'on-this-day/02-27/' },
    { name: 'company index', path: 'companies/' },
    { name: 'company', path: 'companies/microsoft/' },
    { name: 'topic index', path: 'topics/' },
    { name: 'topic', path: 'topics/cloud-computing/' },
    { name: 'author index', path: 'authors/' },
    { name: 'search with results', path: 'search/?q=microsoft', ready: searchWithResults },
    { name: 'not found', path: '404.html' },
  ],
  fixture: [
    { name: 'home', path: '' },
    { name: 'article with a table and footnote', path: '2022/03/04/tricky-characters/' },
    { name: 'article in Chinese', path: '2023/06/01/quantum-lab/' },
    { name: 'article with a lead photograph and a figure', path: PICTURES.path },
    { name: 'timeline', path: 'timeline/' },
    { name: 'year', path: '2019/' },
    { name: 'month', path: '2019/03/' },
    { name: 'on this day', path: 'on-this-day/' },
    { name: 'on this day: a day with articles', path: 'on-this-day/03-04/' },
    { name: 'on this day: a day without', path: 'on-this-day/03-05/' },
    { name: 'company index', path: 'companies/' },
    { name: 'company', path: 'companies/acme/' },
    { name: 'company, page 2', path: 'companies/acme/2/' },
    { name: 'topic index', path: 'topics/' },
    { name: 'topic', path: 'topics/manufacturing/' },
    { name: 'author index', path: 'authors/' },
    { name: 'author', path: 'authors/jane-doe/' },
    { name: 'source index', path: 'sources/' },
    { name: 'source with a registry entry', path: 'sources/harbour-wire/' },
    { name: 'search with results', path: 'search/?q=report&company=Globex', ready: searchWithResults },
    { name: 'search without JavaScript results yet', path: 'search/' },
    { name: 'subscribe page of the archive', path: 'feed/' },
    { name: 'subscribe page of a company', path: 'companies/acme/feed/' },
    { name: 'subscribe page of corrections', path: 'corrections/feed/' },
    { name: 'removal page of a removed article', path: '2022/06/01/court-takedown/' },
    { name: 'removal page of an expired article', path: '2022/08/01/wire-expired/' },
    { name: 'not found', path: '404.html' },
  ],
  hostile: [
    { name: 'home', path: '' },
    { name: 'article with every payload', path: '2024/05/01/scripts/' },
    { name: 'article with hostile frontmatter', path: '2024/05/02/frontmatter/' },
    { name: 'article with a 2,000-character title', path: '2024/05/03/long-title/' },
    { name: 'article with 300 companies', path: '2024/05/04/many-companies/' },
    { name: 'article with footnotes, figure and table', path: '2024/05/07/benign-and-ids/' },
    { name: 'timeline', path: 'timeline/' },
    { name: 'month', path: '2024/05/' },
    { name: 'company index', path: 'companies/' },
    { name: 'company with a hostile registry entry', path: 'companies/registry-co/' },
    { name: 'topic index', path: 'topics/' },
    { name: 'author index', path: 'authors/' },
    { name: 'the archive as data', path: 'data/' },
    { name: 'search with results', path: `search/?q=${HOSTILE.searchWord}`, ready: searchWithResults },
  ],
};

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 740 } } as const;

for (const [site, pages] of Object.entries(PAGES)) {
  test.describe(`${site} archive`, () => {
    for (const type of pages) {
      test(`${type.name} (/${type.path}) has no WCAG 2.1 AA violation in light and dark, desktop and phone`, async ({
        page,
      }) => {
        // Four scans of a long page (the on-this-day index holds 366 days) outlast the default on a busy machine.
        test.setTimeout(90_000);
        const problems: string[] = [];
        await page.goto(siteUrl(site) + type.path);
        await type.ready?.(page);
        // Colour scheme and viewport apply live (media queries), so one load serves all four.
        for (const colorScheme of ['light', 'dark'] as const) {
          for (const [device, viewport] of Object.entries(VIEWPORTS)) {
            await page.setViewportSize(viewport);
            await page.emulateMedia({ colorScheme });
            problems.push(...(await axeViolations(page, `${colorScheme}/${device} `)));
          }
        }
        expect(problems).toEqual([]);
      });
    }
  });
}
