/**
 * Other reports of the same story, in a real build and in `npm run check`: the seed articles
 * beside the other Microsoft and Xiaomi stories of their week (tests/fixtures/stories/
 * seed-neighbours.json) and the labelled archive (labelled.json, with its near-duplicates). The
 * seed pair's pages list each other under "Other reports of this story", above Related and not in
 * it; none of the week's other stories is linked; a report added later shows on the earlier
 * reports' pages on the next (incremental) build, which scores anew only what the report changed; and the check warns about the same wire copy
 * imported twice, naming both files.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { slugify } from '@/lib/slug';
import { astroBuild, makeTempDir, removeDir, ROOT, runScript, writeFiles, type BuildResult } from './build-helpers';
import { labelledArticles, type LabelledArticle } from '../fixtures/stories/labelled';

const NEIGHBOURS = labelledArticles('seed-neighbours.json');
const LABELLED = labelledArticles('labelled.json');

/** An article file of the fixture: its outlet as the source, the original at an invented URL. */
function articleFile(article: LabelledArticle): [string, string] {
  const year = article.date.slice(0, 4);
  const frontmatter = [
    `title: ${JSON.stringify(article.title)}`,
    `date: ${article.date}`,
    `companies: ${JSON.stringify(article.companies)}`,
    `source: { name: ${JSON.stringify(article.source)}, url: "https://${slugify(article.source) || 'outlet'}.example/${article.id}" }`,
  ];
  return [`articles/${year}/${article.id}.md`, `---\n${frontmatter.join('\n')}\n---\n\n${article.body}\n`];
}

const SEED_A = '2018/02/27/expanding-the-collaboration-with-cloud-and-devices-focus/';
const SEED_B = '2018/02/27/microsoft-and-xiaomi-ink-ai-and-cloud-computing-partnership-deal/';

/** A third outlet's report of the seed pair's agreement, added after the first build. */
const THIRD_REPORT = `---
title: Xiaomi to run its overseas cloud on Microsoft Azure
date: 2018-02-28T02:00:00Z
companies: [Microsoft, Xiaomi]
source: { name: Pacific Tribune, url: "https://pacific-tribune.example/xiaomi-azure" }
---

Xiaomi will store the data of its phone and laptop users outside China on Microsoft's Azure cloud
under a strategic memorandum the two companies signed, they said on Tuesday.

The agreement also brings Cortana, Microsoft's voice assistant, to Xiaomi's Mi AI speaker, and
has Microsoft help market and distribute Xiaomi laptops. The two will work together on computer
vision, speech and other AI technologies, and Xiaomi devices will carry Skype, Bing, Edge and
SwiftKey.

Xiaomi has used Azure for its Mi Cloud in China since 2015 and has pre-installed Office and Skype
on its Android phones since 2016.
`;

function pageOf(dist: string, page: string) {
  return fromHtml(readFileSync(path.join(dist, page, 'index.html'), 'utf8'));
}

/** The elements under `tree` that match `test` (a tag name and, optionally, a class). */
function elements(tree: Root | Element, tag: string, className?: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    const classes = (node.properties.className as string[] | undefined) ?? [];
    if (node.tagName === tag && (!className || classes.includes(className))) found.push(node);
  });
  return found;
}

/** The other reports an article page lists: each link's path, its text, and the line under it. */
function otherReports(dist: string, page: string) {
  const tree = pageOf(dist, page);
  const [section] = elements(tree, 'section', 'other-reports');
  if (!section) return undefined;
  return elements(section, 'li').map((item) => {
    const [link] = elements(item, 'a');
    return {
      href: String(link!.properties.href),
      title: toString(link!),
      meta: toString(elements(item, 'span', 'other-reports__meta')[0]!),
    };
  });
}

/** The build's story line: the pairs found, among how many articles, and how many were scored anew. */
function storyLine(output: string): number[] {
  const found = /same story: (\d+) pairs of reports among (\d+) articles in \d+ ms \((\d+) scored anew\)/.exec(output);
  expect(found, output).toBeTruthy();
  return found!.slice(1).map(Number);
}

describe('other reports of the same story', () => {
  let work: string;
  let content: string;
  let built: BuildResult;

  beforeAll(async () => {
    work = await makeTempDir('same-story');
    content = path.join(work, 'content');
    cpSync(path.join(ROOT, 'content'), content, { recursive: true });
    await writeFiles(content, Object.fromEntries([...NEIGHBOURS, ...LABELLED].map(articleFile)));
    built = await astroBuild({ contentDir: content, workDir: work });
    expect(built.code, built.output).toBe(0);
  }, 180_000);
  afterAll(() => removeDir(work));

  test('the seed pair lists each other, above Related and not in it; the week’s other stories are not linked', () => {
    expect(otherReports(built.outDir, SEED_A)).toEqual([
      {
        href: `/${SEED_B}`,
        title: 'Microsoft And Xiaomi Ink AI And Cloud Computing Partnership Deal',
        meta: expect.stringContaining('2018'),
      },
    ]);
    expect(otherReports(built.outDir, SEED_B)?.map((report) => report.href)).toEqual([`/${SEED_A}`]);
    const html = readFileSync(path.join(built.outDir, SEED_A, 'index.html'), 'utf8');
    const related = html.indexOf('id="related-heading"');
    expect(html.indexOf('id="other-reports-heading"')).toBeGreaterThan(0);
    expect(related).toBeGreaterThan(html.indexOf('id="other-reports-heading"'));
    // The week's Microsoft and Xiaomi stories are related (companies in common), not other reports.
    const relatedSection = html.slice(related, html.indexOf('</section>', related));
    expect(relatedSection).toContain('href="/2018/02/27/m01/"');
    expect(relatedSection).not.toContain(`href="/${SEED_B}"`);
    for (const neighbour of NEIGHBOURS) {
      const page = `${neighbour.date.slice(0, 10).replaceAll('-', '/')}/${neighbour.id}/`;
      expect(otherReports(built.outDir, page), neighbour.title).toBeUndefined();
    }
  });

  test('a report names its source and date, linked by its headline', () => {
    const [first, second] = LABELLED.filter((article) => article.event === 'e19');
    const page = (article: LabelledArticle) => `${article.date.slice(0, 10).replaceAll('-', '/')}/${article.id}/`;
    const reports = otherReports(built.outDir, page(first!));
    expect(reports).toContainEqual({
      href: `/${page(second!)}`,
      title: second!.title,
      meta: expect.stringContaining(second!.source),
    });
  });

  test('a report added later shows on the earlier reports’ pages at the next build', async () => {
    await writeFiles(content, { 'articles/2018/xiaomi-azure-third-report.md': THIRD_REPORT });
    const again = await astroBuild({ contentDir: content, workDir: work });
    expect(again.code, again.output).toBe(0);
    const third = '/2018/02/28/xiaomi-azure-third-report/';
    // The first build kept what it found: this one scored anew the new report and the articles
    // whose terms' weights it moved, not the whole archive.
    const [, articles, rescored] = storyLine(again.output);
    expect(storyLine(built.output)).toEqual([expect.anything(), articles! - 1, articles! - 1]);
    expect(rescored).toBeGreaterThanOrEqual(1);
    expect(rescored).toBeLessThan(articles!);
    expect(otherReports(again.outDir, SEED_A)?.map((report) => report.href)).toEqual([`/${SEED_B}`, third]);
    expect(otherReports(again.outDir, SEED_B)?.map((report) => report.href)).toEqual([`/${SEED_A}`, third]);
  }, 180_000);

  test('npm run check warns about the same wire copy imported twice, naming both files', async () => {
    const check = await runScript('scripts/check.mjs', [], { ARCHIVE_CONTENT_DIR: content });
    expect(check.code, check.stderr).toBe(0);
    const warnings = check.stdout.split('\n').filter((line) => line.includes('in nearly the same words'));
    const duplicates = [...new Set(LABELLED.filter((a) => a.event.startsWith('d')).map((a) => a.event))];
    expect(warnings).toHaveLength(duplicates.length);
    for (const event of duplicates) {
      const [a, b] = LABELLED.filter((article) => article.event === event);
      const later = Date.parse(a!.date) >= Date.parse(b!.date) ? a! : b!;
      const earlier = later === a ? b! : a!;
      expect(warnings).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `articles/${later.date.slice(0, 4)}/${later.id}\\.md:\\d+: title: warning: tells the story of .*articles/${earlier.date.slice(0, 4)}/${earlier.id}\\.md in nearly the same words \\(\\d+% alike\\), from the same source \\(${earlier.source}\\)`,
          ),
        ),
      );
    }
  });
});
