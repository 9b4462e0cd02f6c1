/**
 * Incremental rebuilds (src/lib/outputs/page-keys.ts, src/integrations/output-folder.ts and the search
 * index's shards) are correct: after an article's title is edited, a second build shows the new
 * title on its page, in its neighbours' pager links, on its company and topic pages, in the
 * feeds and in the search index, while an unrelated article page is left untouched; a deleted
 * article's page disappears; and nothing changed means nothing is rendered or indexed again.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  astroBuild,
  indexedFragments,
  makeTempDir,
  md,
  removeDir,
  writeFiles,
  type BuildResult,
} from './build-helpers';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map(removeDir));
});

const OLD_TITLE = 'Ferrum Mining opens a new quarry';
const NEW_TITLE = 'Ferrum Mining opens its largest quarry yet';

/** Twelve monthly articles of 2021: Ferrum in the middle, Globex everywhere, and one lone article. */
function archive(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, '0');
    const title = month === 6 ? OLD_TITLE : `Globex monthly report ${month}`;
    const companies = month === 6 ? '[Ferrum Mining, Globex]' : '[Globex]';
    files[`articles/2021/report-${mm}.md`] = md(
      [`title: ${title}`, `date: 2021-${mm}-15T10:00:00Z`, `companies: ${companies}`, 'topics: [Mining]'],
      `Body of report ${month}.\n`,
    );
  }
  files['articles/2010/unrelated.md'] = md(
    ['title: An unrelated story from 2010', 'date: 2010-03-01', 'companies: [Solo Corp]', 'topics: [Weather]'],
    'Nothing in common.\n',
  );
  return files;
}

const page = (dist: string, urlPath: string) => readFileSync(path.join(dist, urlPath, 'index.html'), 'utf8');
const mtime = (dist: string, urlPath: string) => statSync(path.join(dist, urlPath, 'index.html')).mtimeMs;

/** The title the search index holds for a URL. */
const indexedTitle = (dist: string, url: string) =>
  indexedFragments(dist).find((fragment) => fragment.url === url)?.meta.title;

describe('an incremental rebuild after a title edit', () => {
  let work: string;
  let content: string;
  let dist: string;
  let second: BuildResult;
  const unrelatedBefore: { mtime: number; html: string } = { mtime: 0, html: '' };
  // Small shards, so the archive has several and only one is indexed again.
  const env = { ARCHIVE_SEARCH_SHARD_SIZE: '4' };

  beforeAll(async () => {
    work = await makeTempDir('incremental');
    temps.push(work);
    content = path.join(work, 'content');
    await writeFiles(content, archive());
    const first = await astroBuild({ contentDir: content, workDir: work, env });
    expect(first.code, first.output).toBe(0);
    dist = first.outDir;
    expect(page(dist, '2021/06/15/report-06')).toContain(OLD_TITLE);
    unrelatedBefore.mtime = mtime(dist, '2010/03/01/unrelated');
    unrelatedBefore.html = page(dist, '2010/03/01/unrelated');

    const file = path.join(content, 'articles/2021/report-06.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(OLD_TITLE, NEW_TITLE));
    second = await astroBuild({ contentDir: content, workDir: work, env });
    expect(second.code, second.output).toBe(0);
  });

  test('the article page shows the new title', () => {
    expect(page(dist, '2021/06/15/report-06')).toContain(`<h1>${NEW_TITLE}</h1>`);
  });

  test("its neighbours' pager links show it", () => {
    for (const neighbour of ['2021/05/15/report-05', '2021/07/15/report-07']) {
      const html = page(dist, neighbour);
      expect(html).toContain(NEW_TITLE);
      expect(html).not.toContain(OLD_TITLE);
    }
  });

  test('its company and topic pages list it under the new title', () => {
    for (const term of ['companies/ferrum-mining', 'companies/globex', 'topics/mining']) {
      expect(page(dist, term)).toContain(NEW_TITLE);
      expect(page(dist, term)).not.toContain(OLD_TITLE);
    }
  });

  test('the site feed and its term feeds carry the new title, as RSS and as JSON Feed', () => {
    for (const feed of [
      'rss.xml',
      'companies/ferrum-mining/rss.xml',
      'topics/mining/rss.xml',
      'feed.json',
      'companies/ferrum-mining/feed.json',
      'topics/mining/feed.json',
    ]) {
      const xml = readFileSync(path.join(dist, feed), 'utf8');
      expect(xml, feed).toContain(NEW_TITLE);
      expect(xml, feed).not.toContain(OLD_TITLE);
    }
  });

  test('the search index finds it under the new title, re-indexing only its shard', () => {
    expect(indexedTitle(dist, '/2021/06/15/report-06/')).toBe(NEW_TITLE);
    const line = second.output.split('\n').find((text) => /search index: \d+ article/.test(text))!;
    // Shards of four: 2010-03 with 2021-01 to 03, then 2021-04 to 07 (June with it), 08 to 11, 12.
    // And the word directory, which now has the new title's words under that shard.
    expect(line).toMatch(/in 4 shard\(s\); indexed en-x-202104 \(4\), the en word directory in/);
  });

  test("the word directory has each shard's words under that shard only, the edit's among them", () => {
    const directory = indexedFragments(dist).filter(
      (fragment) => fragment.url.endsWith('/') && /^\/en(-x-\d{6})?\/$/.test(fragment.url),
    );
    expect(directory.map((doc) => doc.url).sort()).toEqual(['/en-x-201003/', '/en-x-202104/', '/en-x-202108/', '/en/']);
    const holding = (word: string) =>
      directory.filter((doc) => doc.content.split(/\s+/).includes(word)).map((doc) => doc.url);
    expect(holding('largest')).toEqual(['/en-x-202104/']);
    expect(holding('ferrum')).toEqual(['/en-x-202104/']);
    expect(holding('unrelated')).toEqual(['/en-x-201003/']);
    expect(holding('globex').length).toBe(4);
    // The entry lists it as a language index of its own beside the shards.
    const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual([
      'en',
      'en-x-201003',
      'en-x-202104',
      'en-x-202108',
      'en-x-words',
    ]);
    expect(entry.languages['en-x-words'].page_count).toBe(4);
  });

  test('a shard whose kept words were lost is indexed again; the directory, made of the same words, is kept', async () => {
    rmSync(path.join(work, 'cache', 'search-index', 'shards', 'en-x-202108', 'words.txt'));
    const third = await astroBuild({ contentDir: content, workDir: work, env });
    expect(third.code, third.output).toBe(0);
    const line = third.output.split('\n').find((text) => /search index: \d+ article/.test(text))!;
    expect(line).toMatch(/indexed en-x-202108 \(4\) in/);
    expect(existsSync(path.join(work, 'cache', 'search-index', 'shards', 'en-x-202108', 'words.txt'))).toBe(true);
  });

  test('an unrelated article page was not rewritten, and most pages were reused', () => {
    expect(mtime(dist, '2010/03/01/unrelated')).toBe(unrelatedBefore.mtime);
    expect(page(dist, '2010/03/01/unrelated')).toBe(unrelatedBefore.html);
    const reused = (second.output.match(/\(cached\)/g) ?? []).length;
    expect(reused).toBeGreaterThan(10);
  });
});

/** The routes that have no getStaticPaths, so no cache key: each build renders them. */
const UNKEYED_ROUTES = [
  'index.html',
  '404.html',
  'timeline/index.html',
  'search/index.html',
  'search/entities.json',
  'on-this-day/index.html',
  'rss.xml',
  'feed.json',
  'feed/index.html',
  'corrections/rss.xml',
  'corrections/feed.json',
  'corrections/feed/index.html',
  'feeds.opml',
  'robots.txt',
];

/** Every file a route wrote (not the search index, assets, sitemap or headers), with its mtime. */
function routeFileTimes(dir: string): Map<string, number> {
  const times = new Map<string, number>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (/^(pagefind|_astro)\//.test(file) || /^sitemap.*\.xml$|^_headers$|^favicon/.test(file)) continue;
    times.set(file, statSync(path.join(dir, file)).mtimeMs);
  }
  return times;
}

describe('a rebuild after nothing changed, and after a deletion', () => {
  test('renders no keyed page and indexes nothing; a deleted article leaves no page behind', async () => {
    const work = await makeTempDir('incremental-same');
    temps.push(work);
    const content = path.join(work, 'content');
    await writeFiles(content, archive());
    const first = await astroBuild({ contentDir: content, workDir: work });
    expect(first.code, first.output).toBe(0);
    const before = routeFileTimes(first.outDir);
    const again = await astroBuild({ contentDir: content, workDir: work });
    expect(again.code, again.output).toBe(0);
    // Only routes without a cache key (no getStaticPaths) are written again; a page reused from
    // the cache stays where it was, untouched (src/integrations/output-folder.ts).
    const after = routeFileTimes(again.outDir);
    const rewritten = [...after].filter(([file, time]) => before.get(file) !== time).map(([file]) => file);
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.filter((file) => !UNKEYED_ROUTES.includes(file))).toEqual([]);
    expect(after.size).toBe(before.size);
    expect(again.output).toContain('indexed none (no indexed text changed)');

    rmSync(path.join(content, 'articles/2010/unrelated.md'));
    const afterDelete = await astroBuild({ contentDir: content, workDir: work });
    expect(afterDelete.code, afterDelete.output).toBe(0);
    expect(existsSync(path.join(afterDelete.outDir, '2010/03/01/unrelated/index.html'))).toBe(false);
    expect(existsSync(path.join(afterDelete.outDir, 'companies/solo-corp/index.html'))).toBe(false);
    expect(readFileSync(path.join(afterDelete.outDir, 'sitemap-0.xml'), 'utf8')).not.toContain('unrelated');
  });
});
