/**
 * README, "Pictures": bad lead images stop the build and `npm run check` with the file, line and
 * field; a small one is a warning; cards are drawn once and kept; with ARCHIVE_SHARE_CARDS=0 every
 * page without a photograph shows the site's card.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeGraphic, writePhoto } from '../fixtures/make-images.mjs';
import { astroBuild, buildProblemLines, makeTempDir, md, removeDir, runScript, writeFiles } from './build-helpers';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map(removeDir));
});

async function workDir(name: string) {
  const work = await makeTempDir(`pictures-${name}`);
  temps.push(work);
  return { work, content: path.join(work, 'content') };
}

const image = (fields: string) => `image: { ${fields} }`;

describe('lead images that cannot be shown', () => {
  test('each is an error naming the file, the line and the field, in the build and in npm run check, word for word', async () => {
    const { work, content } = await workDir('bad');
    await writeFiles(content, {
      'articles/missing.md': md(['title: Missing', 'date: 2020-01-01', image('src: nowhere.jpg, alt: A picture')]),
      'articles/no-alt.md': md(['title: No alt', 'date: 2020-01-02', image('src: photo.jpg')]),
      'articles/remote.md': md([
        'title: Remote',
        'date: 2020-01-03',
        image('src: "https://example.com/a.jpg", alt: A picture'),
      ]),
      'articles/format.md': md(['title: Format', 'date: 2020-01-04', image('src: picture.tiff, alt: A picture')]),
      'articles/lying.md': md(['title: Lying', 'date: 2020-01-05', image('src: really-a-png.jpg, alt: A picture')]),
      'articles/text.md': md(['title: Text', 'date: 2020-01-06', image('src: not-an-image.png, alt: A picture')]),
    });
    await writePhoto(path.join(content, 'articles/photo.jpg'), { width: 1600, height: 900 });
    await writeGraphic(path.join(content, 'articles/really-a-png.jpg'));
    writeFileSync(path.join(content, 'articles/not-an-image.png'), 'hello');
    const result = await astroBuild({ contentDir: content, workDir: work });
    expect(result.code, result.output).not.toBe(0);
    const at = (name: string) => path.join(content, `articles/${name}.md`);
    const lines = buildProblemLines(result.output);
    expect(lines).toEqual(
      expect.arrayContaining([
        `${at('missing')}:4: image.src: "nowhere.jpg" is not a file beside the article`,
        `${at('no-alt')}:4: image.alt: required field is missing; expected a description of the picture for readers who cannot see it`,
        expect.stringMatching(
          new RegExp(
            `^${at('remote').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: image\\.src: "https://example\\.com/a\\.jpg" is a remote image; .*npm run import -- export\\.xml --media`,
          ),
        ),
        `${at('format')}:4: image.src: "picture.tiff" is not an image file the site shows; expected a .jpg, .jpeg, .png, .webp, .avif, .gif or .svg file`,
        `${at('lying')}:4: image.src: "really-a-png.jpg" is named .jpg but holds a PNG image`,
        expect.stringMatching(
          new RegExp(
            `^${at('text').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: image\\.src: "not-an-image\\.png" could not be read as an image`,
          ),
        ),
      ]),
    );
    expect(lines).toHaveLength(6);
    const check = await runScript('scripts/check.mjs', [], { ARCHIVE_CONTENT_DIR: content });
    expect(check.code).toBe(1);
    for (const line of lines) expect(check.stdout.split('\n')).toContain(line);
  });

  test('a lead image under 1,200 pixels wide, and a body image without alt text, are warnings', async () => {
    const { work, content } = await workDir('small');
    await writeFiles(content, {
      'articles/small.md': md(
        ['title: Small', 'date: 2020-01-01', image('src: small.jpg, alt: A small picture')],
        'Text.\n\n![](./small.jpg)\n',
      ),
    });
    await writePhoto(path.join(content, 'articles/small.jpg'), { width: 800, height: 600 });
    const check = await runScript('scripts/check.mjs', [], { ARCHIVE_CONTENT_DIR: content });
    const file = path.join(content, 'articles/small.md');
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain(
      `${file}:4: image.src: warning: "small.jpg" is 800 pixels wide; link previews and Google Discover want at least 1200`,
    );
    expect(check.stdout).toContain(
      `${file}:9: body: warning: image "./small.jpg" has no alt text; describe it for readers who cannot see it`,
    );
    const result = await astroBuild({ contentDir: content, workDir: work });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(`${file}:4: image.src: warning: "small.jpg" is 800 pixels wide`);
    // The page shows it at its own width, never enlarged.
    const page = readFileSync(path.join(result.outDir, '2020/01/01/small/index.html'), 'utf8');
    expect(page).toMatch(/ 800w" type="image\/webp"/);
    expect(page).not.toMatch(/1200w/);
  });
});

describe('share cards', () => {
  test('are drawn once and kept; a new headline draws its card again; with ARCHIVE_SHARE_CARDS=0 pages share the site card', async () => {
    const { work, content } = await workDir('cards');
    await writeFiles(content, {
      'articles/one.md': md(['title: One headline', 'date: 2020-01-01', 'companies: [Acme]']),
      'articles/two.md': md(['title: Two headline', 'date: 2020-01-02']),
    });
    const first = await astroBuild({ contentDir: content, workDir: work });
    expect(first.code, first.output).toBe(0);
    // The site's card, two articles', Acme's.
    expect(first.output).toMatch(/share cards: 4 drawn in [\d.]+ s \([\d.]+ ms each\), 0 kept/);
    const cards = () => readdirSync(path.join(first.outDir, '_cards')).sort();
    expect(cards()).toHaveLength(4);
    const again = await astroBuild({ contentDir: content, workDir: work });
    expect(again.output).toMatch(/share cards: 0 drawn in [\d.]+ s, 4 kept/);
    await writeFiles(content, { 'articles/two.md': md(['title: Two headline, corrected', 'date: 2020-01-02']) });
    const edited = await astroBuild({ contentDir: content, workDir: work });
    expect(edited.output).toMatch(/share cards: 1 drawn in [\d.]+ s \([\d.]+ ms each\), 3 kept/);
    // The old card left the output folder with the headline that named it.
    expect(cards()).toHaveLength(4);

    const off = await astroBuild({ contentDir: content, workDir: work, env: { ARCHIVE_SHARE_CARDS: '0' } });
    expect(off.code, off.output).toBe(0);
    expect(cards()).toHaveLength(1);
    const ogImage = (file: string) =>
      /<meta property="og:image" content="([^"]+)"/.exec(readFileSync(path.join(off.outDir, file), 'utf8'))![1];
    expect(ogImage('2020/01/01/one/index.html')).toBe(ogImage('index.html'));
    expect(ogImage('companies/acme/index.html')).toBe(ogImage('index.html'));
    expect(existsSync(path.join(off.outDir, ogImage('index.html').replace(/^https?:\/\/[^/]+\//, '')))).toBe(true);
  });
});
