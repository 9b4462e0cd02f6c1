#!/usr/bin/env node
/**
 * `npm run export -- [--format ndjson|csv] [--out DIR]`: the archive as data, one row per
 * published article, one file per year and a manifest (src/export/write-export.ts). Reads the
 * content folder as the build does (ARCHIVE_CONTENT_DIR or content/, with its archive.yaml) and
 * the last build's rendered bodies from the cache folder when they are there. Exits 1, listing
 * every problem, when the content has errors.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SettingsError } from '../src/lib/content/archive-settings.ts';
import { formatProblem } from '../src/lib/content/errors.ts';
import { displayPath } from '../src/lib/content/display-path.ts';
import { EXPORT_FORMATS } from '../src/lib/export/rows.ts';
import { createUrls } from '../src/lib/urls.ts';
import { countOf } from '../src/lib/wording.ts';
import { ContentProblems } from '../src/export/read-archive.ts';
import { exportArchive } from '../src/export/export-archive.ts';

const usage = `usage: npm run export -- [--format ndjson|csv] [--out DIR] [--threads N]
Writes every published article as data: one file per year and a manifest.json.
  --format  ndjson (the default: the text exactly) or csv (for spreadsheets); give it twice for both
  --out     the folder to write into (default: export/)
  --threads how many threads read the articles (default: one per core; 1 reads in one thread)`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      format: { type: 'string', multiple: true },
      out: { type: 'string', default: 'export' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const formats = [...new Set(values.format ?? ['ndjson'])];
const unknown = formats.find((format) => !EXPORT_FORMATS.includes(format));
if (unknown) {
  console.error(
    `--format: "${unknown}" is not a format of the export; expected ${EXPORT_FORMATS.join(' or ')}\n${usage}`,
  );
  process.exit(2);
}

const threads = values.threads === undefined ? undefined : Number(values.threads);
if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
  console.error(`--threads: "${values.threads}" is not a whole number of threads, 1 or more\n${usage}`);
  process.exit(2);
}

let site;
try {
  ({ site } = await import('../src/config/site.ts'));
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const started = performance.now();
const out = path.resolve(values.out);
const contentDir = path.resolve(site.contentDir);
if (out === contentDir || out.startsWith(`${contentDir}${path.sep}`)) {
  console.error(`--out: ${displayPath(out)} is inside the content folder; the export never writes there`);
  process.exit(2);
}
try {
  const { manifest, stats } = await exportArchive(site, { out, formats, urls: createUrls(site.base), threads });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const years = new Set(manifest.files.map((file) => file.year)).size;
  console.log(
    `Exported ${countOf(manifest.articles, 'article')} (${countOf(years, 'year')}) as ${formats.join(' and ')} to ${displayPath(out)} in ${seconds} s` +
      ` (${stats.stored} bodies from the last build, ${stats.rendered} rendered here).`,
  );
} catch (error) {
  if (!(error instanceof ContentProblems)) throw error;
  for (const problem of error.problems) console.error(formatProblem(problem));
  console.error(
    `\nNothing exported: ${countOf(error.problems.length, 'content problem')}; npm run check lists them too.`,
  );
  process.exitCode = 1;
}
