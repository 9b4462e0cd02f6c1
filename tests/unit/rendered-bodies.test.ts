/**
 * The Markdown pipeline's output, held byte for byte: every body of the seed archive, the test
 * fixture and the hostile fixture, and a set of typographic cases (quotes, apostrophes, dashes,
 * ellipses, backticks, inside links, emphasis, headings, tables and code), rendered as the
 * content loader renders them (src/loaders/process-file.ts). A change that makes the pipeline
 * faster must leave this file as it is; one that changes the HTML on purpose updates it
 * (`npx vitest run tests/unit/rendered-bodies.test.ts -u`) and says why.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createRenderer } from '@/loaders/process-file';
import { makeContent } from '../fixtures/make-content.mjs';
import { makeHostileContent } from '../fixtures/make-hostile-content.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(os.tmpdir(), 'rendered-bodies-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Typography that the pipeline's SmartyPants step changes, and what it must leave alone. */
const CASES: Record<string, string> = {
  quotes: `"Quoted," she said. 'Single,' he said. It's the company's '80s plan; "'Nested' quotes." Rock 'n' roll.`,
  'quotes across inline nodes': `"A [linked](https://example.com/) phrase," and "*emphasis*" and "**strong**" and "\`code\`" end.`,
  'quotes at block starts': `# "Headline" in quotes\n\n"Paragraph" starts with one.\n\n> "A quote" in a quote.\n\n- "Item" one\n- 'item' two`,
  'dashes and ellipses': `An en -- dash, an em --- dash, three... dots, spaced . . . dots, and \`\`backticks'' quotes.`,
  'code is left alone': 'Inline `"code" -- ... \'x\'` and a block:\n\n```\n"quoted" -- ... \'x\'\n```\n',
  'a table': `| "A" | it's |\n| --- | --- |\n| -- | ... |`,
  'raw HTML': `<p title="x">"Raw" -- HTML's</p>\n\n<script>alert("x")</script>`,
  'plain words': 'Market revenue growth shares agreement with no typography at all.',
};

function bodiesOf(folder: string, label: string): [string, string][] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      // The body: what follows the frontmatter.
      const body = text.startsWith('---') ? text.slice(text.indexOf('\n---', 3) + 4) : text;
      return [`${label}/${name}`, body];
    });
}

test('the pipeline renders every body exactly as recorded', async () => {
  await makeContent(path.join(work, 'fixture'));
  makeHostileContent(path.join(work, 'hostile'));
  const inputs: [string, string][] = [
    ...bodiesOf(path.join(ROOT, 'content'), 'seed'),
    ...bodiesOf(path.join(work, 'fixture'), 'fixture'),
    ...bodiesOf(path.join(work, 'hostile'), 'hostile'),
    ...Object.entries(CASES).map(([name, body]): [string, string] => [`case/${name}`, body]),
  ];
  const rendered: Record<string, string> = {};
  for (const trustedHtml of [false, true]) {
    const renderer = await createRenderer({ trustedHtml, timeZone: 'UTC', declared: [] });
    for (const [name, body] of inputs) {
      // Hostile files may be hostile to the parser too: their failure is part of the record.
      try {
        rendered[`${trustedHtml ? 'trusted' : 'sanitized'}: ${name}`] = (
          await renderer.render(body, { frontmatter: {} })
        ).code;
      } catch (error) {
        rendered[`${trustedHtml ? 'trusted' : 'sanitized'}: ${name}`] = `error: ${(error as Error).message}`;
      }
    }
  }
  expect(Object.keys(rendered).length).toBeGreaterThan(40);
  await expect(JSON.stringify(rendered, null, 1)).toMatchFileSnapshot('golden/rendered-bodies.json');
});
