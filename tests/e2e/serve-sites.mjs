#!/usr/bin/env node
/**
 * Playwright's web server: builds every test site (one after another, as they share Astro's
 * cache) and serves each on its port until killed.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serveSite } from '../../scripts/serve.mjs';
import { makeContent } from '../fixtures/make-content.mjs';
import { makeHostileContent } from '../fixtures/make-hostile-content.mjs';
import { E2E_DIR, SITES, siteUrl } from './sites.mjs';

await makeContent(SITES.fixture.content);
makeHostileContent(SITES.hostile.content);

for (const [name, site] of Object.entries(SITES)) {
  const outDir = path.join(E2E_DIR, 'sites', name);
  console.log(`[e2e] building ${name} → ${outDir}`);
  execFileSync('npx', ['astro', 'build', '--outDir', outDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      ARCHIVE_CACHE_DIR: path.join(E2E_DIR, 'cache', name),
      SITE_URL: siteUrl(name),
      ARCHIVE_CONTENT_DIR: site.content,
      ...(site.pageSize ? { ARCHIVE_PAGE_SIZE: site.pageSize } : {}),
      ...(site.searchShardSize ? { ARCHIVE_SEARCH_SHARD_SIZE: site.searchShardSize } : {}),
      ...(site.publishData ? { ARCHIVE_PUBLISH_DATA: '1' } : {}),
      ...(site.buildDate ? { SOURCE_DATE_EPOCH: String(Date.parse(site.buildDate) / 1000) } : {}),
    },
  });
  await serveSite({ dir: outDir, port: site.port, host: '127.0.0.1', base: site.base });
  console.log(`[e2e] ${name} at ${siteUrl(name)}`);
}
console.log('[e2e] all sites ready');
