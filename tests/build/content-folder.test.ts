/**
 * The real build: the seed content builds the two seed articles at their dated URLs;
 * `ARCHIVE_CONTENT_DIR` builds another folder instead; no build changes the content it reads.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { astroBuild, makeTempDir, md, removeDir, ROOT, snapshot, writeFiles } from './build-helpers';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map(removeDir));
});

const page = (outDir: string, urlPath: string) => path.join(outDir, urlPath, 'index.html');

describe('the seed content', () => {
  test('builds the two seed articles at /2018/02/27/<slug>/ and leaves content/ untouched', async () => {
    const work = await makeTempDir('seed');
    temps.push(work);
    const content = path.join(ROOT, 'content');
    const before = await snapshot(content);

    const result = await astroBuild({ workDir: work });
    expect(result.code, result.output).toBe(0);

    const seeds = {
      'expanding-the-collaboration-with-cloud-and-devices-focus':
        'Expanding the collaboration with cloud and devices focus',
      'microsoft-and-xiaomi-ink-ai-and-cloud-computing-partnership-deal':
        'Microsoft And Xiaomi Ink AI And Cloud Computing Partnership Deal',
    };
    for (const [slug, title] of Object.entries(seeds)) {
      const file = page(result.outDir, `2018/02/27/${slug}`);
      expect(existsSync(file), `${file} was not built`).toBe(true);
      const html = await readFile(file, 'utf8');
      expect(html).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
    }
    // The first seed is dated 06:20 GMT; the datetime keeps it.
    const first = await readFile(
      page(result.outDir, '2018/02/27/expanding-the-collaboration-with-cloud-and-devices-focus'),
      'utf8',
    );
    expect(first).toContain('datetime="2018-02-27T06:20:00Z"');

    expect(await snapshot(content), 'the build modified content/').toEqual(before);
  });
});

describe('ARCHIVE_CONTENT_DIR', () => {
  test("builds the other folder's articles at their written-date URLs, and nothing of the seed", async () => {
    const work = await makeTempDir('other-content');
    temps.push(work);
    const content = path.join(work, 'my-content');
    await writeFiles(content, {
      // 23:30 in New York is 1 July in UTC: the URL keeps the written day.
      'articles/2019/late-night-deal.md': md(
        [
          'title: A late-night deal',
          'date: 2019-06-30T23:30:00-05:00',
          'companies: [XIAOMI, Acme]',
          'byline: [Jane Doe]',
        ],
        'Xiaomi and Acme signed late at night.\n',
      ),
      // Nested folders are fine; the file name alone is the slug, by the one slug rule.
      'articles/desk/feature/Café & Co.md': md(
        ['title: Leap day at the café', 'date: 2020-02-29', 'lang: fr'],
        'Une journée de plus.\n',
      ),
      'articles/unpublished.md': md(['title: Not yet', 'date: 2019-07-01', 'draft: true']),
      'companies/xiaomi.md': md(
        ['name: Xiaomi', 'aliases: [Xiaomi Corp]', 'website: https://www.mi.com'],
        'A maker of phones.\n',
      ),
    });
    const before = await snapshot(content);

    const result = await astroBuild({ contentDir: content, workDir: work });
    expect(result.code, result.output).toBe(0);

    const late = page(result.outDir, '2019/06/30/late-night-deal');
    expect(existsSync(late), `${late} was not built`).toBe(true);
    const lateHtml = await readFile(late, 'utf8');
    expect(lateHtml).toMatch(/<h1[^>]*>A late-night deal<\/h1>/);
    expect(lateHtml).toContain('datetime="2019-06-30T23:30:00-05:00"');
    expect(existsSync(page(result.outDir, '2019/07/01/late-night-deal'))).toBe(false);

    const cafe = page(result.outDir, '2020/02/29/cafe-and-co');
    expect(existsSync(cafe), `${cafe} was not built`).toBe(true);
    expect(await readFile(cafe, 'utf8')).toMatch(/<h1[^>]*>Leap day at the café<\/h1>/);

    // Drafts are left out, and the default content/ was not read.
    expect(existsSync(page(result.outDir, '2019/07/01/unpublished'))).toBe(false);
    expect(existsSync(path.join(result.outDir, '2018'))).toBe(false);
    const home = await readFile(page(result.outDir, ''), 'utf8');
    expect(home).toContain('A late-night deal');
    expect(home).not.toContain('Expanding the collaboration');
    expect(home).not.toContain('Not yet');

    expect(await snapshot(content), 'the build modified the content folder').toEqual(before);
  });

  test('a folder without articles/ stops the build and says which variable to set', async () => {
    const work = await makeTempDir('no-articles');
    temps.push(work);
    const content = path.join(work, 'empty-content');
    await writeFiles(content, { 'README.txt': 'not an archive\n' });
    const result = await astroBuild({ contentDir: content, workDir: work });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      `${path.join(content, 'articles')}: the content folder does not exist; set ARCHIVE_CONTENT_DIR`,
    );
  });
});

describe("the archive's settings file (archive.yaml)", () => {
  test('a second archive from the same checkout builds under its own title, language, time zone, URL, page size and footer', async () => {
    const work = await makeTempDir('gazette');
    temps.push(work);
    const content = path.join(work, 'gazette');
    const articles = Object.fromEntries(
      Array.from({ length: 4 }, (_, i) => [
        `articles/2021/harbour-${i + 1}.md`,
        md([`title: Harbour report ${i + 1}`, `date: 2021-0${i + 1}-10`], 'La marée monte.\n'),
      ]),
    );
    await writeFiles(content, {
      'archive.yaml': [
        'title: Harbour Gazette Archive',
        'description: Three decades of the Harbour Gazette.',
        'url: https://archive.example.org/gazette/',
        'language: fr',
        'timeZone: Europe/Paris',
        'pageSize: 3',
        'publisher: Published by Gazette & Co <b>Trust</b>',
        'licence: Text © Harbour Gazette, CC BY 4.0',
        '',
      ].join('\n'),
      ...articles,
    });
    const result = await astroBuild({ contentDir: content, workDir: work });
    expect(result.code, result.output).toBe(0);
    const home = await readFile(page(result.outDir, ''), 'utf8');
    expect(home).toContain('<title>Harbour Gazette Archive</title>');
    expect(home).toContain('<html lang="fr"');
    // The footer's lines, as text: nothing in them becomes markup.
    expect(home).toContain(
      '<p class="site-footer__credits">Published by Gazette &amp; Co &lt;b&gt;Trust&lt;/b&gt; · Text © Harbour Gazette, CC BY 4.0</p>',
    );
    // The file's URL gives the base: links go under /gazette/.
    expect(home).toContain('href="/gazette/2021/04/10/harbour-4/"');
    // Three a page: the fourth article is on page 2.
    expect(home).not.toContain('Harbour report 1<');
    const feed = await readFile(path.join(result.outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('<title>Harbour Gazette Archive: latest articles</title>');
    expect(feed).toContain('<language>fr</language>');
    expect(feed).toContain('<link>https://archive.example.org/gazette/2021/04/10/harbour-4/</link>');
    // Dates without an offset are read in the file's time zone: midnight in Paris is 22:00 GMT in April.
    expect(feed).toContain('<pubDate>Fri, 09 Apr 2021 22:00:00 GMT</pubDate>');

    // That the environment wins over the file is tests/unit/site-config.test.ts's: one build here.
  });

  test('a settings file with problems stops the build, naming each with its file, line and key', async () => {
    const work = await makeTempDir('bad-settings');
    temps.push(work);
    const content = path.join(work, 'content');
    await writeFiles(content, {
      'archive.yaml': 'title: Gazette\npagesize: 10\ntimeZone: Mars/Olympus\ntrustedHtml: true\n',
      'articles/a.md': md(['title: A', 'date: 2021-01-01']),
    });
    const result = await astroBuild({ contentDir: content, workDir: work });
    expect(result.code).not.toBe(0);
    const file = path.join(content, 'archive.yaml');
    expect(result.output).toContain("The archive's settings have 3 problems:");
    expect(result.output).toContain(`${file}:2: pagesize: unknown setting (did you mean "pageSize"?)`);
    expect(result.output).toContain(
      `${file}:3: timeZone: expected an IANA time zone such as Europe/Paris, got "Mars/Olympus"`,
    );
    expect(result.output).toContain(`${file}:4: trustedHtml: cannot be set in the content`);
    expect(result.output).not.toMatch(/\n\s+at /);
  });
});
