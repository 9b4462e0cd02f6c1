import { readdirSync } from 'node:fs';
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
        for (const message of result.messages) problems.push(`${path.relative(E2E_DIR, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
}
