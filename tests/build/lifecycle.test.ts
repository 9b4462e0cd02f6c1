/**
 * README, "URLs that never break": real builds of small archives with aliases, a scheduled
 * article, and a list of published URLs from an earlier build. (What each page shows a reader is
 * proven in Chromium, tests/e2e/lifecycle.spec.ts.)
 */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parsePublishedList } from '@/lib/outputs/published-urls';
import { astroBuild, makeTempDir, md, removeDir, runScript, snapshot, writeFiles } from './build-helpers';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map(removeDir));
});

async function workDir(name: string) {
  const work = await makeTempDir(`lifecycle-${name}`);
  temps.push(work);
  return { work, content: path.join(work, 'content') };
}

const read = (dist: string, file: string) => readFileSync(path.join(dist, file), 'utf8');
const epoch = (iso: string) => String(Date.parse(iso) / 1000);

describe('aliases', () => {
  test('under a sub-path: each alias gets a redirect page and two _redirects lines, with the base', async () => {
    const { work, content } = await workDir('alias-base');
    await writeFiles(content, {
      'articles/deal.md': md([
        'title: The deal',
        'date: 2020-03-04T10:00:00Z',
        'aliases: [/news/the-deal/, /2009/03/deal.html]',
      ]),
    });
    const result = await astroBuild({
      contentDir: content,
      workDir: work,
      env: { SITE_URL: 'https://news.example.org/archive/' },
    });
    expect(result.code, result.output).toBe(0);
    for (const file of ['news/the-deal/index.html', '2009/03/deal.html']) {
      const page = read(result.outDir, file);
      expect(page, file).toContain('<meta http-equiv="refresh" content="0; url=/archive/2020/03/04/deal/">');
      expect(page).toContain('<link rel="canonical" href="https://news.example.org/archive/2020/03/04/deal/">');
      expect(page).toContain('<a href="/archive/2020/03/04/deal/">The deal</a>');
    }
    const rules = read(result.outDir, '_redirects')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(rules).toEqual([
      '/archive/2009/03/deal.html /archive/2020/03/04/deal/ 301!',
      '/archive/2009/03/deal.html /archive/2020/03/04/deal/ 301',
      '/archive/news/the-deal/ /archive/2020/03/04/deal/ 301!',
      '/archive/news/the-deal/ /archive/2020/03/04/deal/ 301',
    ]);
    const list = parsePublishedList(read(result.outDir, 'urls.json'), 'urls.json');
    expect(list.site).toBe('https://news.example.org/archive/');
    expect(list.urls).toContainEqual({
      path: '/archive/news/the-deal/',
      kind: 'alias',
      file: 'articles/deal.md',
      to: '/archive/2020/03/04/deal/',
    });
    expect(list.urls).toContainEqual({ path: '/archive/2020/03/04/deal/', kind: 'article', file: 'articles/deal.md' });
    expect(list.urls).toContainEqual({ path: '/archive/rss.xml', kind: 'feed' });
    // Redirect pages are no pages of the sitemap.
    expect(read(result.outDir, 'sitemap-0.xml')).not.toContain('the-deal');
  });
});

describe('scheduled copy', () => {
  test('is built nowhere before its date, and everywhere after it (by SOURCE_DATE_EPOCH)', async () => {
    const { work, content } = await workDir('scheduled');
    await writeFiles(content, {
      'articles/now.md': md(['title: Out now', 'date: 2024-01-01']),
      'articles/later.md': md(['title: Under embargo', 'date: 2024-03-01T09:00:00Z', 'companies: [Embargo Co]']),
    });
    const before = await astroBuild({
      contentDir: content,
      workDir: work,
      env: { SOURCE_DATE_EPOCH: epoch('2024-02-01T00:00:00Z') },
    });
    expect(before.code, before.output).toBe(0);
    expect(before.output).toContain(
      '1 article scheduled, built nowhere yet; the next goes live at 2024-03-01T09:00:00Z',
    );
    expect(existsSync(path.join(before.outDir, '2024/03/01/later/index.html'))).toBe(false);
    expect(existsSync(path.join(before.outDir, 'companies/embargo-co/index.html'))).toBe(false);
    expect(read(before.outDir, 'rss.xml')).not.toContain('Under embargo');
    expect(read(before.outDir, 'urls.json')).not.toContain('later');

    const check = await runScript('scripts/check.mjs', [], {
      ARCHIVE_CONTENT_DIR: content,
      SOURCE_DATE_EPOCH: epoch('2024-02-01T00:00:00Z'),
    });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(
      `${path.join(content, 'articles/later.md')}: scheduled: goes live at 2024-03-01T09:00:00Z`,
    );
    expect(check.stdout).not.toContain(': warning:');

    const after = await astroBuild({
      contentDir: content,
      workDir: work,
      env: { SOURCE_DATE_EPOCH: epoch('2024-03-01T09:00:00Z') },
    });
    expect(after.code, after.output).toBe(0);
    expect(read(after.outDir, '2024/03/01/later/index.html')).toContain('Under embargo');
    expect(read(after.outDir, 'rss.xml')).toContain('Under embargo');
    expect(existsSync(path.join(after.outDir, 'companies/embargo-co/index.html'))).toBe(true);
  });
});

describe('the list of published URLs', () => {
  test('a moved article is redirected from its old URL, and stays so; a deleted one stops the build, naming its URL', async () => {
    const { work, content } = await workDir('published');
    await writeFiles(content, {
      'articles/moved.md': md(['title: A date corrected', 'date: 2020-05-01', 'companies: [Moving Co]']),
      'articles/kept.md': md(['title: Kept', 'date: 2020-06-01']),
      'articles/deleted.md': md(['title: Deleted later', 'date: 2020-07-01', 'aliases: [/news/deleted/]']),
    });
    const first = await astroBuild({ contentDir: content, workDir: work });
    expect(first.code, first.output).toBe(0);
    const published = path.join(work, 'published-1.json');
    copyFileSync(path.join(first.outDir, 'urls.json'), published);

    // The date is corrected: the article moves to /2020/05/02/moved/.
    await writeFiles(content, {
      'articles/moved.md': md(['title: A date corrected', 'date: 2020-05-02', 'companies: [Moving Co]']),
    });
    const second = await astroBuild({ contentDir: content, workDir: work, env: { ARCHIVE_PUBLISHED_URLS: published } });
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain('1 moved article redirected from its old URL');
    expect(second.output).toContain(
      `/2020/05/01/moved/ now redirects to ${path.join(content, 'articles/moved.md')}, which moved`,
    );
    expect(read(second.outDir, '2020/05/01/moved/index.html')).toContain('url=/2020/05/02/moved/');
    expect(read(second.outDir, '_redirects')).toContain('/2020/05/01/moved/ /2020/05/02/moved/ 301');
    const secondList = path.join(work, 'published-2.json');
    copyFileSync(path.join(second.outDir, 'urls.json'), secondList);
    expect(parsePublishedList(readFileSync(secondList, 'utf8'), 'urls.json').urls).toContainEqual({
      path: '/2020/05/01/moved/',
      kind: 'moved',
      file: 'articles/moved.md',
      to: '/2020/05/02/moved/',
    });

    // A later build, given that list, keeps the redirect though the file no longer says it moved.
    const third = await astroBuild({ contentDir: content, workDir: work, env: { ARCHIVE_PUBLISHED_URLS: secondList } });
    expect(third.code, third.output).toBe(0);
    expect(read(third.outDir, '2020/05/01/moved/index.html')).toContain('url=/2020/05/02/moved/');

    // A file deleted without removed, aliases or a redirect: the build stops, writing nothing.
    rmSync(path.join(content, 'articles/deleted.md'));
    const before = await snapshot(third.outDir);
    const lost = await astroBuild({ contentDir: content, workDir: work, env: { ARCHIVE_PUBLISHED_URLS: secondList } });
    expect(lost.code, lost.output).not.toBe(0);
    const deleted = path.join(content, 'articles/deleted.md');
    expect(lost.output).toContain('The content has 2 problems; nothing was built.');
    expect(lost.output).toContain(
      `${deleted}: url: the article URL /2020/07/01/deleted/ was published and would no longer be served: the file is gone (deleted or renamed)`,
    );
    expect(lost.output).toContain(
      `${deleted}: url: the alias /news/deleted/ was published and would no longer be served`,
    );
    expect(lost.output).toContain('keep the file with removed: { date, reason }');
    expect(await snapshot(third.outDir)).toEqual(before);
    // npm run check, given the same list, finds the same.
    const check = await runScript('scripts/check.mjs', [], {
      ARCHIVE_CONTENT_DIR: content,
      ARCHIVE_PUBLISHED_URLS: secondList,
    });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      `${deleted}: url: the article URL /2020/07/01/deleted/ was published and would no longer be served`,
    );

    // Kept with a removal notice instead, its URLs answer again; its company page (a page, not an
    // article URL) vanishing is a warning.
    await writeFiles(content, {
      'articles/deleted.md': md([
        'title: Deleted later',
        'date: 2020-07-01',
        'aliases: [/news/deleted/]',
        'removed: { date: 2021-01-01, reason: Legal. }',
      ]),
      'articles/moved.md': md(['title: A date corrected', 'date: 2020-05-02']),
    });
    const removed = await astroBuild({
      contentDir: content,
      workDir: work,
      env: { ARCHIVE_PUBLISHED_URLS: secondList },
    });
    expect(removed.code, removed.output).toBe(0);
    expect(read(removed.outDir, '2020/07/01/deleted/index.html')).toContain('This article has been removed');
    expect(read(removed.outDir, '_redirects')).toContain('/2020/07/01/deleted/ /2020/07/01/deleted/index.html 410!');
    expect(removed.output).toMatch(
      /page\(s\) of the last published build are no longer built .*\/companies\/moving-co\//,
    );
  });

  test('a list that cannot be read stops the build, saying how to deploy the first time', async () => {
    const { work, content } = await workDir('unreadable');
    await writeFiles(content, { 'articles/a.md': md(['title: A', 'date: 2020-01-01']) });
    const missing = await astroBuild({
      contentDir: content,
      workDir: work,
      env: { ARCHIVE_PUBLISHED_URLS: path.join(work, 'nope.json') },
    });
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain(
      `ARCHIVE_PUBLISHED_URLS: cannot read the list of published URLs from ${path.join(work, 'nope.json')}: no such file`,
    );
    expect(missing.output).toContain('for the very first deploy of a site, build without ARCHIVE_PUBLISHED_URLS');
    writeFileSync(path.join(work, 'other.json'), '{"hello": 1}');
    const other = await astroBuild({
      contentDir: content,
      workDir: work,
      env: { ARCHIVE_PUBLISHED_URLS: path.join(work, 'other.json') },
    });
    expect(other.code).not.toBe(0);
    expect(other.output).toContain('not a list of published URLs');
  });
});
