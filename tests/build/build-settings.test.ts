/**
 * `npm start` must not serve a `dist/` built for another site: a real build records the
 * settings it was made with beside its output folder, and `npm start` compares them with its
 * own (scripts/start.mjs) and rebuilds when they differ.
 */
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readSiteConfig } from '@/config/site';
import { builtSettings } from '@/integrations/output-folder';
import { buildSettings, settingsChanges } from '@/lib/outputs/build-settings';
import { astroBuild, makeTempDir, removeDir, ROOT } from './build-helpers';

let work: string;
afterAll(() => removeDir(work));

test('a build records its settings; another SITE_URL or content folder reads as a change, the same ones as none', async () => {
  work = await makeTempDir('settings');
  const result = await astroBuild({ workDir: work, env: { SITE_URL: 'https://example.org/news/' } });
  expect(result.code, result.output).toBe(0);
  const cache = path.join(work, 'cache');
  const recorded = builtSettings(cache, result.outDir);

  const plain = buildSettings(readSiteConfig({ ARCHIVE_CACHE_DIR: cache }));
  expect(settingsChanges(recorded, plain)).toEqual(['SITE_URL was https://example.org/news/, is now http://localhost:4321/']);
  expect(settingsChanges(recorded, buildSettings(readSiteConfig({ SITE_URL: 'https://example.org/news/' })))).toEqual([]);
  const otherContent = buildSettings(readSiteConfig({ SITE_URL: 'https://example.org/news/', ARCHIVE_CONTENT_DIR: '/elsewhere' }));
  expect(settingsChanges(recorded, otherContent)).toEqual([`ARCHIVE_CONTENT_DIR was ${path.join(ROOT, 'content')}, is now /elsewhere`]);
  // A folder no build recorded is rebuilt too.
  expect(settingsChanges(builtSettings(cache, path.join(work, 'never-built')), plain)).toEqual(['no record of what it was built with']);
});
