import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate/node';
import { E2E_DIR } from './sites.mjs';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

// Every built page is valid HTML (html-validate's standard rules: the HTML spec, no
// duplicate ids, labelled controls…). The sites are the ones the web server just built.
for (const site of ['fixture', 'seedBase', 'hostile']) {
  test(`every page of the ${site} site is valid HTML`, async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    const files = htmlFiles(path.join(E2E_DIR, 'sites', site));
    expect(files.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(
            `${path.relative(E2E_DIR, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
          );
      }
    }
    expect(problems).toEqual([]);
  });
}

// Counts go through one wording helper (src/lib/wording.ts): no page, description or
// OpenGraph tag of a built archive says "1 articles". The fixture has periods of one article,
// so the singular is there to be got wrong.
test('no page of the fixture or seed site says "1 articles" (or any other singular count in the plural)', () => {
  const plural = /(?<![\d.,])1 (?:articles|results|years|months|companies|topics|authors|corrections|days)\b/;
  const found: string[] = [];
  let singular = 0;
  for (const site of ['fixture', 'seed']) {
    for (const file of htmlFiles(path.join(E2E_DIR, 'sites', site))) {
      const html = readFileSync(file, 'utf8');
      const match = plural.exec(html);
      if (match)
        found.push(`${path.relative(E2E_DIR, file)}: …${html.slice(Math.max(0, match.index - 60), match.index + 20)}…`);
      if (/content="1 article from /.test(html)) singular++;
    }
  }
  expect(found).toEqual([]);
  expect(singular, 'the fixture should have a period of exactly one article').toBeGreaterThan(0);
});
