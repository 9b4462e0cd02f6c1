/**
 * Hostile content in a real build: it builds, the build warns once per file about what the
 * sanitizer removed (naming file, line and markup), on every build and not only the first,
 * and the written pages and feeds carry none of it. A trusted archive keeps its raw HTML.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOSTILE, makeHostileContent } from '../fixtures/make-hostile-content.mjs';
import { astroBuild, makeTempDir, md, re, removeDir, writeFiles, type BuildResult } from './build-helpers';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map(removeDir));
});

/** The warning lines the build printed for one file, without their time stamps. */
const warningsFor = (output: string, file: string) =>
  output
    .split('\n')
    .filter((line) => line.includes('[WARN]') && line.includes(file))
    .map((line) => line.slice(line.indexOf('[WARN]')));

/**
 * Markup that could run or take the reader away, found by parsing HTML as a browser would:
 * handlers, script URLs, and elements that run, embed, restyle or redirect. In a page, only
 * the rendered Markdown (`.prose`, `.term-description`) is looked at.
 */
function activeMarkup(html: string, { page }: { page: boolean }): string[] {
  const found: string[] = [];
  let containers = 0;
  visit(fromHtml(html), 'element', (container) => {
    const classes = (container.properties.className as string[] | undefined) ?? [];
    if (page && !classes.some((name) => name === 'prose' || name === 'term-description')) return;
    containers++;
    visit(container, 'element', (node) => {
      if (
        ['script', 'iframe', 'object', 'embed', 'base', 'meta', 'svg', 'math', 'form', 'style'].includes(node.tagName)
      )
        found.push(`<${node.tagName}>`);
      for (const [key, value] of Object.entries(node.properties)) {
        if (/^on/i.test(key)) found.push(`${key} on <${node.tagName}>`);
        if (
          ['href', 'src', 'action', 'formAction'].includes(key) &&
          /^\s*(javascript|vbscript|data):/i.test(String(value))
        )
          found.push(`${key}=${String(value)}`);
      }
    });
    return 'skip';
  });
  if (containers === 0) found.push('(no rendered Markdown found)');
  return found;
}

describe('a hostile archive', () => {
  let work: string;
  let content: string;
  let first: BuildResult;

  beforeAll(async () => {
    work = await makeTempDir('hostile');
    temps.push(work);
    content = path.join(work, 'content');
    makeHostileContent(content);
    first = await astroBuild({ contentDir: content, workDir: work });
  });

  test('builds, with one warning per file naming the line and everything removed', () => {
    expect(first.code, first.output).toBe(0);
    for (const [relative, expected] of Object.entries(HOSTILE.removals)) {
      const lines = warningsFor(first.output, path.join(content, 'articles', relative));
      if (expected.length === 0) {
        expect(lines, `${relative} lost nothing, so it gets no warning`).toEqual([]);
        continue;
      }
      expect(lines, `one warning for ${relative}`).toHaveLength(1);
      expect(lines[0]).toMatch(/: removed /);
      for (const what of expected)
        expect(lines[0], `${relative} should report ${what}`).toMatch(
          new RegExp(`${re(what)}( ×\\d+)? \\(line \\d+\\)`),
        );
    }
    // The <script> of the scripts article is on line 11 of the file (the body starts on line 9).
    expect(warningsFor(first.output, 'scripts.md')[0]).toContain('<script> (line 11)');
    // The registry entry's description is sanitized and reported like an article.
    expect(warningsFor(first.output, path.join(content, 'companies', 'registry-co.md'))[0]).toMatch(
      /removed <script> \(line \d+\).*onerror attribute/,
    );
  });

  test('warns again when nothing changed and the cached entries are reused', async () => {
    const again = await astroBuild({ contentDir: content, workDir: work });
    expect(again.code, again.output).toBe(0);
    const file = path.join(content, 'articles', '2024/scripts.md');
    expect(warningsFor(again.output, file)).toHaveLength(1);
    expect(warningsFor(again.output, file)).toEqual(warningsFor(first.output, file));
  });

  test('the article page, its feed item and the registry description carry no active markup', async () => {
    const pages = [
      await readFile(path.join(first.outDir, '2024/05/01/scripts/index.html'), 'utf8'),
      await readFile(path.join(first.outDir, 'companies/registry-co/index.html'), 'utf8'),
    ];
    const feed = new XMLParser().parse(await readFile(path.join(first.outDir, 'rss.xml'), 'utf8'));
    const items: { link: string; 'content:encoded': string }[] = feed.rss.channel.item;
    const feedHtml = items.find((item) => item.link.endsWith('/2024/05/01/scripts/'))!['content:encoded'];
    for (const html of pages) expect(activeMarkup(html, { page: true })).toEqual([]);
    expect(activeMarkup(feedHtml, { page: false })).toEqual([]);
    expect(feedHtml).toContain(`First paragraph about ${HOSTILE.searchWord}`);
    // What the sanitizer keeps is still there: the text around the payloads.
    expect(pages[0]).toContain(`First paragraph about ${HOSTILE.searchWord}`);
    expect(pages[0]).toContain('A paragraph with a style attribute.');
  });
});

describe('a trusted archive (ARCHIVE_TRUSTED_HTML=true)', () => {
  test('keeps raw HTML as written, warns about nothing, and lets the policy allow https frames', async () => {
    const work = await makeTempDir('trusted');
    temps.push(work);
    const content = path.join(work, 'content');
    await writeFiles(content, {
      'articles/embed.md': md(
        ['title: A video', 'date: 2024-01-01'],
        'Watch this.\n\n<iframe src="https://video.example/embed/1" title="A video"></iframe>\n\n<p style="color: red" onclick="void 0">Styled.</p>\n',
      ),
    });
    const result = await astroBuild({ contentDir: content, workDir: work, env: { ARCHIVE_TRUSTED_HTML: 'true' } });
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(/\[WARN\] \[archive-/);
    const html = await readFile(path.join(result.outDir, '2024/01/01/embed/index.html'), 'utf8');
    expect(html).toContain('<iframe src="https://video.example/embed/1" title="A video"></iframe>');
    expect(html).toContain('onclick="void 0"');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain('frame-src https:');
    // Scripts in the article still match no hash: the policy has no 'unsafe-inline' for scripts.
    expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
  });

  test('rejects a setting that is neither true nor false', async () => {
    const work = await makeTempDir('trusted-bad');
    temps.push(work);
    const result = await astroBuild({ workDir: work, env: { ARCHIVE_TRUSTED_HTML: 'maybe' } });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('ARCHIVE_TRUSTED_HTML: expected true or false, got "maybe"');
  });
});
