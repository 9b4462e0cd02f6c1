#!/usr/bin/env node
/**
 * `npm run check`: checks every article and company file of the content folder with the
 * build's own schema and rules, without building pages, and reports every problem at once:
 *
 *   content/articles/2018/deal.md:3: date: expected YYYY-MM-DD or …
 *   content/articles/2018/deal.md:5: companies[1]: warning: "Microsft" is close to "Microsoft" …
 *
 * Options: --json (a report for tools), --strict (warnings fail too). Exits 1 on errors.
 * The folder is ARCHIVE_CONTENT_DIR or content/, as for the build.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { site } from '../src/config/site.ts';
import { checkContent } from '../src/lib/content/check/content-check.ts';
import { formatProblem } from '../src/lib/content/errors.ts';
import { displayPath } from '../src/lib/content/display-path.ts';
import { readSourceFiles } from '../src/lib/content/source-files.ts';
import { countOf } from '../src/lib/wording.ts';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, strict: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
});
if (values.help) {
  console.log('usage: npm run check [-- --json] [-- --strict]\nChecks every file in the content folder (ARCHIVE_CONTENT_DIR or content/) without building.');
  process.exit(0);
}

const started = performance.now();
const articlesDir = path.join(site.contentDir, 'articles');
if (!existsSync(articlesDir)) {
  const problem = { file: displayPath(articlesDir), message: 'the content folder does not exist; set ARCHIVE_CONTENT_DIR to a folder holding articles/' };
  if (values.json) console.log(JSON.stringify({ errors: [problem], warnings: [], articles: 0, companies: 0 }, null, 2));
  else console.error(formatProblem(problem));
  process.exit(1);
}

const report = checkContent(
  { articles: readSourceFiles(articlesDir), companies: readSourceFiles(path.join(site.contentDir, 'companies')) },
  { timeZone: site.timeZone, now: Date.now(), trustedHtml: site.trustedHtml, fileExists: existsSync, publicDir: path.resolve('public') },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const failed = report.errors.length > 0 || (values.strict && report.warnings.length > 0);

if (values.json) {
  console.log(JSON.stringify({ ...report, seconds: Number(seconds), ok: !failed }, null, 2));
} else {
  for (const problem of report.errors) console.log(formatProblem(problem));
  for (const warning of report.warnings) console.log(formatProblem({ ...warning, message: `warning: ${warning.message}` }));
  console.log(
    `\nChecked ${countOf(report.articles, 'article')} and ${countOf(report.companies, 'company file')} in ${seconds} s: ` +
      `${countOf(report.errors.length, 'error')}, ${countOf(report.warnings.length, 'warning')}.`,
  );
}
process.exitCode = failed ? 1 : 0;
