/**
 * Rendered bodies kept beside Astro's data store (src/loaders/html-files.ts): the store holds no
 * article HTML, yet every place that shows a body shows it (the page, the feeds, the search
 * index, a company's description); an article with a local image keeps going through Astro's
 * `render()`, so its image is still resolved; an edit replaces its file and leaves no stale one;
 * and a cache whose HTML files were removed is rebuilt rather than trusted.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const page = (dist: string, urlPath: string) => readFileSync(path.join(dist, urlPath, 'index.html'), 'utf8');
const htmlFiles = (work: string) => readdirSync(path.join(work, 'cache', 'rendered-html', 'archive-articles')).sort();

/** Every word the search index holds. */
const indexedText = (dist: string) =>
  indexedFragments(dist)
    .map((fragment) => fragment.content)
    .join('\n');

describe('rendered bodies beside the data store', () => {
  let work: string;
  let content: string;
  let first: BuildResult;

  beforeAll(async () => {
    work = await makeTempDir('rendered-html');
    content = path.join(work, 'content');
    await writeFiles(content, {
      'articles/2021/plain.md': md(
        ['title: A plain story', 'date: 2021-03-01', 'companies: [Globex]'],
        'A first paragraph, the summary.\n\nThe quarterly figures mention zeppelins.\n',
      ),
      'articles/2021/other.md': md(
        ['title: Another plain story', 'date: 2021-04-01'],
        'A first paragraph, the summary.\n\nNothing about airships here.\n',
      ),
      'articles/2021/pictured.md': md(
        ['title: A story with a chart', 'date: 2021-05-01'],
        'See the chart.\n\n![A rising chart](./chart.png)\n',
      ),
      'companies/globex.md': ['---', 'name: Globex', '---', 'Globex makes *everything*.', ''].join('\n'),
    });
    writeFileSync(path.join(content, 'articles/2021/chart.png'), PNG);
    first = await astroBuild({ contentDir: content, workDir: work });
    expect(first.code, first.output).toBe(0);
  });
  afterAll(() => removeDir(work));

  test('the data store holds no body of an article without images; a file per article does', () => {
    const store = readFileSync(path.join(work, 'cache', 'data-store.json'), 'utf8');
    expect(store).not.toContain('zeppelins');
    expect(store).not.toContain('airships');
    expect(htmlFiles(work)).toHaveLength(2);
  });

  test('pages, feeds and the search index show those bodies', () => {
    expect(page(first.outDir, '2021/03/01/plain')).toContain('<p>The quarterly figures mention zeppelins.</p>');
    expect(readFileSync(path.join(first.outDir, 'rss.xml'), 'utf8')).toContain('zeppelins');
    expect(readFileSync(path.join(first.outDir, 'companies/globex/feed.json'), 'utf8')).toContain('zeppelins');
    expect(indexedText(first.outDir)).toContain('zeppelins');
  });

  test("a registry company's description is shown on its page", () => {
    expect(page(first.outDir, 'companies/globex')).toContain('Globex makes <em>everything</em>.');
  });

  test('an article with a local image is rendered by Astro, its image resolved', () => {
    const html = page(first.outDir, '2021/05/01/pictured');
    expect(html).toMatch(
      /<img[^>]+src="\/_astro\/chart\.[^"]+"[^>]*alt="A rising chart"|<img[^>]+alt="A rising chart"[^>]+src="\/_astro\/chart\.[^"]+"/,
    );
    expect(html).not.toContain('__ASTRO_IMAGE_');
  });

  test('an edited body replaces its file; the old one is removed', async () => {
    const file = path.join(content, 'articles/2021/plain.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('zeppelins', 'dirigibles'));
    const before = htmlFiles(work);
    const second = await astroBuild({ contentDir: content, workDir: work });
    expect(second.code, second.output).toBe(0);
    expect(page(second.outDir, '2021/03/01/plain')).toContain('dirigibles');
    expect(indexedText(second.outDir)).toContain('dirigibles');
    expect(indexedText(second.outDir)).not.toContain('zeppelins');
    const after = htmlFiles(work);
    expect(after).toHaveLength(2);
    expect(after.filter((name) => before.includes(name))).toHaveLength(1);
  });

  test('a cache whose HTML files are gone renders them again', async () => {
    rmSync(path.join(work, 'cache', 'rendered-html'), { recursive: true });
    // A change to the page's key, so the page is rendered again, not reused.
    const file = path.join(content, 'articles/2021/other.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Another plain story', 'Another plain story, retitled'));
    const third = await astroBuild({ contentDir: content, workDir: work });
    expect(third.code, third.output).toBe(0);
    expect(htmlFiles(work)).toHaveLength(2);
    expect(page(third.outDir, '2021/03/01/plain')).toContain('dirigibles');
    expect(page(third.outDir, '2021/04/01/other')).toContain('<p>Nothing about airships here.</p>');
  });
});
