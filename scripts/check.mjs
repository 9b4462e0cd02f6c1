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
import { SettingsError } from '../src/lib/content/archive-settings.ts';
import { checkContent } from '../src/lib/content/check/content-check.ts';
import { Kinds } from '../src/lib/kinds.ts';
import { formatProblem } from '../src/lib/content/errors.ts';
import { displayPath } from '../src/lib/content/display-path.ts';
import { readSourceFiles } from '../src/lib/content/source-files.ts';
import { readPublishedList } from '../src/loaders/published-list.ts';
import { contentFileKey } from '../src/loaders/publication.ts';
import { readImageFacts } from '../src/loaders/image-files.ts';
import { countOf, listInWords } from '../src/lib/wording.ts';

// The settings are read as the module loads; a settings file with problems is reported like
// content problems, without a stack trace.
let site;
try {
  ({ site } = await import('../src/config/site.ts'));
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: npm run check [-- --json] [-- --strict]\nChecks every file in the content folder (ARCHIVE_CONTENT_DIR or content/) without building.',
  );
  process.exit(0);
}

const started = performance.now();
const articlesDir = path.join(site.contentDir, 'articles');
if (!existsSync(articlesDir)) {
  const problem = {
    file: displayPath(articlesDir),
    message: 'the content folder does not exist; set ARCHIVE_CONTENT_DIR to a folder holding articles/',
  };
  if (values.json)
    console.log(JSON.stringify({ errors: [problem], warnings: [], articles: 0, companies: 0, sources: 0 }, null, 2));
  else console.error(formatProblem(problem));
  process.exit(1);
}

// Given the last published build's URLs (as the build is), every one of them must still be served.
let published;
if (site.publishedUrls) {
  try {
    const list = await readPublishedList(site.publishedUrls);
    published = {
      list,
      keyOf: (record) => contentFileKey(record.file, site.contentDir),
      display: (file) => displayPath(path.join(site.contentDir, file)),
    };
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

const report = await checkContent(
  {
    articles: readSourceFiles(articlesDir),
    companies: readSourceFiles(path.join(site.contentDir, 'companies')),
    sources: readSourceFiles(path.join(site.contentDir, 'sources')),
  },
  {
    timeZone: site.timeZone,
    declared: site.declaredKinds.map(({ field, multiple }) => ({ field, multiple })),
    kinds: new Kinds(site.declaredKinds),
    now: site.buildInstant,
    trustedHtml: site.trustedHtml,
    fileExists: existsSync,
    publicDir: path.resolve('public'),
    published,
    readImage: readImageFacts,
  },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const failed = report.errors.length > 0 || (values.strict && report.warnings.length > 0);

if (values.json) {
  console.log(JSON.stringify({ ...report, seconds: Number(seconds), ok: !failed }, null, 2));
} else {
  for (const problem of report.errors) console.log(formatProblem(problem));
  for (const warning of report.warnings)
    console.log(formatProblem({ ...warning, message: `warning: ${warning.message}` }));
  // Not problems: what the build's clock and the removals decide.
  const { scheduled, removed, expired } = report.lifecycle;
  for (const { file, date } of scheduled)
    console.log(`${file}: scheduled: goes live at ${date}, built nowhere until then`);
  for (const { file, date } of removed) console.log(`${file}: removed ${date}: its URL answers with a removal notice`);
  for (const { file, date } of expired)
    console.log(`${file}: expired ${date}: its URL answers with a notice that it is no longer available`);
  console.log(
    `\nChecked ${listInWords([
      countOf(report.articles, 'article'),
      countOf(report.companies, 'company file'),
      ...(report.sources ? [countOf(report.sources, 'source file')] : []),
    ])} in ${seconds} s: ` +
      `${countOf(report.errors.length, 'error')}, ${countOf(report.warnings.length, 'warning')}` +
      (scheduled.length + removed.length + expired.length
        ? `; ${scheduled.length} scheduled, ${removed.length} removed, ${expired.length} expired.`
        : '.'),
  );
}
process.exitCode = failed ? 1 : 0;
