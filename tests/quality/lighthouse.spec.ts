/**
 * Lighthouse, as readers' browsers and search engines judge a page: mobile emulation with
 * Lighthouse's default simulated throttling, in Debian's Chromium. Home, an article, a company
 * page, the timeline and a search with results, on the seed archive and the hostile one, and an
 * article with a photograph on the fixture archive; three
 * runs each, the median score per category must be 100 for accessibility, best practices and
 * SEO, and at least 95 for performance.
 *
 * The scores go to `<E2E_DIR>/lighthouse.json` (`.cache/e2e-4410/` by default) and into a table
 * in the test output. The tests run one at a time, in one Chromium (playwright.config.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { HOSTILE } from '../fixtures/make-hostile-content.mjs';
import { PICTURES } from '../fixtures/make-content.mjs';
import { chromiumPath } from '../e2e/chromium.mjs';
import { E2E_DIR, siteUrl } from '../e2e/sites.mjs';

const RUNS = 3;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const MINIMUM: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const PAGES: Record<'seed' | 'hostile' | 'fixture', Record<string, string>> = {
  seed: {
    home: '',
    article: '2018/02/27/expanding-the-collaboration-with-cloud-and-devices-focus/',
    company: 'companies/microsoft/',
    timeline: 'timeline/',
    search: 'search/?q=microsoft',
  },
  // The hostile archive's pages that show its payloads (its other pages are the seed's templates).
  hostile: {
    article: '2024/05/01/scripts/',
    company: 'companies/registry-co/',
    search: `search/?q=${HOSTILE.searchWord}`,
  },
  // An article with a lead photograph (2,400 pixels wide) and a picture in its body.
  fixture: { 'article with a photo': PICTURES.path },
};

interface Row {
  site: string;
  page: string;
  url: string;
  runs: Record<Category, number>[];
  median: Record<Category, number>;
}
const rows: Row[] = [];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

let chrome: chromeLauncher.LaunchedChrome;
test.beforeAll(async () => {
  chrome = await chromeLauncher.launch({
    chromePath: chromiumPath() ?? chromium.executablePath(),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

test.afterAll(async () => {
  await chrome?.kill();
  if (rows.length === 0) return;
  const file = path.join(E2E_DIR, 'lighthouse.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ minimum: MINIMUM, runs: RUNS, pages: rows }, null, 2)}\n`);
  const header = `| site | page | ${CATEGORIES.join(' | ')} |`;
  const lines = rows.map(
    (row) =>
      `| ${row.site} | ${row.page} | ${CATEGORIES.map((c) => `${row.median[c]} (${row.runs.map((r) => r[c]).join('/')})`).join(' | ')} |`,
  );
  console.log(
    `\nLighthouse, median of ${RUNS} runs (each run in brackets); written to ${file}\n${[header, `|${' --- |'.repeat(CATEGORIES.length + 2)}`, ...lines].join('\n')}\n`,
  );
});

for (const [site, pages] of Object.entries(PAGES)) {
  for (const [name, urlPath] of Object.entries(pages)) {
    test(`${site} ${name} (/${urlPath}) scores at least ${MINIMUM.performance} for performance and 100 for the rest`, async () => {
      test.setTimeout(180_000);
      const url = siteUrl(site) + urlPath;
      const runs: Record<Category, number>[] = [];
      const shortfalls: string[] = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          // Screenshots score nothing; skipping them saves a second a run.
          disableFullPageScreenshot: true,
          skipAudits: ['screenshot-thumbnails', 'final-screenshot'],
        });
        const lhr = result!.lhr;
        const scores = Object.fromEntries(
          CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]),
        ) as Record<Category, number>;
        runs.push(scores);
        // Name what cost points, to make a failure actionable.
        for (const category of CATEGORIES) {
          if (scores[category] >= MINIMUM[category]) continue;
          const audits = lhr.categories[category].auditRefs
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1)
            .map((ref) => `${ref.id} ${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score}`);
          shortfalls.push(`run ${run + 1} ${category} ${scores[category]}: ${audits.join(', ')}`);
        }
      }
      const medians = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r[c]))])) as Record<
        Category,
        number
      >;
      rows.push({ site, page: name, url, runs, median: medians });
      for (const category of CATEGORIES) {
        expect(medians[category], `${category} on ${url}: ${shortfalls.join('; ')}`).toBeGreaterThanOrEqual(
          MINIMUM[category],
        );
      }
    });
  }
}
