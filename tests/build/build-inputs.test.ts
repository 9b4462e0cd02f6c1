/**
 * `npm run build` (scripts/build.mjs) stops before Astro starts when nothing it reads changed
 * since the last build into the same folder, and builds when anything did: a content file, a
 * setting, the output folder, or `--rebuild`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeTempDir, removeDir, ROOT, runScript, snapshot } from './build-helpers';

let work: string;
let content: string;
let outDir: string;
let env: Record<string, string>;
const build = (extra: Record<string, string> = {}, args: string[] = []) =>
  runScript('scripts/build.mjs', ['--outDir', outDir, ...args], { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra });

beforeAll(async () => {
  work = await makeTempDir('build-inputs');
  content = path.join(work, 'content');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  outDir = path.join(work, 'dist');
  env = { ARCHIVE_CONTENT_DIR: content, ARCHIVE_CACHE_DIR: path.join(work, 'cache') };
});
afterAll(() => removeDir(work));

test('a second build with nothing changed stops before Astro, and leaves the folder as it was; any change builds', async () => {
  const first = await build();
  expect(first.code, first.stdout + first.stderr).toBe(0);
  expect(first.stdout).toMatch(
    /^Building: no record of an earlier build into this folder \(\d+ content files checked in \d+ ms\)\./m,
  );
  expect(first.stdout).toMatch(/Complete!/);
  const built = await snapshot(outDir);

  const again = await build();
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(
    /^Nothing changed since the last build into .*dist \(\d+ content files checked in \d+ ms\): it is up to date\.$/m,
  );
  // Astro did not run: it prints its own lines on every build.
  expect(again.stdout).not.toMatch(/building client|Complete!/);
  expect(await snapshot(outDir)).toEqual(built);

  // Another setting is another site.
  const otherSite = await build({ SITE_URL: 'https://example.org/news/' });
  expect(otherSite.stdout).toMatch(/^Building: settings changed \(SITE_URL\)/m);
  expect(otherSite.code).toBe(0);
  expect((await build({ SITE_URL: 'https://example.org/news/' })).stdout).toMatch(/^Nothing changed/m);

  // An edited article.
  const articles = path.join(content, 'articles');
  const article = path.join(
    articles,
    readdirSync(articles, { recursive: true })
      .map(String)
      .find((name) => name.endsWith('.md'))!,
  );
  await writeFile(article, `${readFileSync(article, 'utf8')}\nOne more sentence.\n`);
  const edited = await build({ SITE_URL: 'https://example.org/news/' });
  expect(edited.stdout).toMatch(/^Building: the content folder changed/m);
  expect(edited.code).toBe(0);

  // A file taken from the output folder by hand.
  await rm(path.join(outDir, 'index.html'));
  const repaired = await build({ SITE_URL: 'https://example.org/news/' });
  expect(repaired.stdout).toMatch(/^Building: the output folder was changed since the last build/m);
  expect(repaired.code).toBe(0);

  const rebuilt = await build({ SITE_URL: 'https://example.org/news/' }, ['--rebuild']);
  expect(rebuilt.stdout).toMatch(/^Building: asked to \(--rebuild\)/m);
  expect(rebuilt.code).toBe(0);
  // Through Astro's incremental build, which finds nothing to render again.
  expect(rebuilt.stdout).toMatch(/Complete!/);
});
