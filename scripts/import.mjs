#!/usr/bin/env node
/**
 * `npm run import -- <file or folder>… [options]`: turns wire copy (plain text, `.txt`) and
 * WordPress exports (WXR, `.xml`) into article files in the content folder
 * (`<content>/articles/YYYY/<slug>.md`), never over an existing file unless --force.
 *
 * Options: --dry-run (print what would be written), --force, --date D (for copy without a
 * date), --byline NAME (for copy without a byline), --company NAME and --topic NAME (added to
 * every article); the last three may be repeated; --media FOLDER (a copy of a WordPress site's
 * wp-content/uploads: its posts' featured and inline pictures are copied beside each article,
 * src/lib/import/wp-media.ts). Exits 1 when some copy could not be imported
 * (no headline, no date, a field the build would reject), 2 on a usage error.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import { site } from '../src/config/site.ts';
import { readRecords } from '../src/lib/content/check/read-records.ts';
import { parseArchiveDate } from '../src/lib/dates.ts';
import { displayPath } from '../src/lib/content/display-path.ts';
import { decodeImportInput } from '../src/lib/content/encoding.ts';
import { readSourceFiles } from '../src/lib/content/source-files.ts';
import { planImport } from '../src/lib/import/plan-import.ts';
import { parseDateline, parseWireText } from '../src/lib/import/wire-text.ts';
import { parseWxr } from '../src/lib/import/wxr.ts';
import { bestCopy } from '../src/lib/import/wp-media.ts';
import { countOf } from '../src/lib/wording.ts';

const usage = `usage: npm run import -- <file or folder>… [--dry-run] [--force] [--date DATE] [--byline NAME]… [--company NAME]… [--topic NAME]… [--media UPLOADS]
  Plain-text wire copy (.txt) and WordPress exports (.xml) become articles in ${displayPath(path.join(site.contentDir, 'articles'))}/YYYY/.`;

function fail(message, code = 2) {
  console.error(`import: ${message}\n${usage}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      date: { type: 'string' },
      byline: { type: 'string', multiple: true, default: [] },
      company: { type: 'string', multiple: true, default: [] },
      topic: { type: 'string', multiple: true, default: [] },
      media: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(error.message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!positionals.length) fail('name at least one file or folder to import');

// --date takes a dateline as wire copy writes it (27 February 2018) or a frontmatter date.
let batchDate;
if (values.date !== undefined) {
  batchDate = parseDateline(values.date)?.date ?? values.date.trim();
  const checked = parseArchiveDate(batchDate, site.timeZone);
  if (typeof checked === 'string') fail(`--date: ${checked}`);
}

async function inputFiles(target) {
  if (!existsSync(target)) fail(`${target} does not exist`);
  if (!statSync(target).isDirectory()) return [path.resolve(target)];
  return (await glob('**/*.{txt,xml}', { cwd: target, absolute: true })).sort();
}

function readRegistry() {
  // A broken registry file is `npm run check`'s to report; the import goes on without it.
  const ignored = [];
  return readRecords('registry', readSourceFiles(path.join(site.contentDir, 'companies')), ignored, {
    timeZone: site.timeZone,
  }).map(({ record }) => record);
}

const files = [...new Set((await Promise.all(positionals.map(inputFiles))).flat())];
const sources = [];
const unreadable = [];
for (const absolute of files) {
  const origin = displayPath(absolute);
  const decoded = decodeImportInput(readFileSync(absolute), absolute.toLowerCase().endsWith('.xml'));
  if ('problem' in decoded) {
    unreadable.push(`${origin}:${decoded.problem.line}: ${decoded.problem.message}`);
    continue;
  }
  const { text } = decoded;
  if (absolute.toLowerCase().endsWith('.xml')) {
    const result = parseWxr(text, origin);
    if (result.problems.length) unreadable.push(...result.problems.map((problem) => `${origin}: ${problem}`));
    sources.push(result);
  } else {
    sources.push({ articles: [parseWireText(text, origin)] });
  }
}

// --media: a copy of the blog's wp-content/uploads; a picture is found there by its upload path,
// as the largest copy of it present (src/lib/import/wp-media.ts).
let findUpload;
if (values.media !== undefined) {
  const uploads = path.resolve(values.media);
  if (!existsSync(uploads) || !statSync(uploads).isDirectory())
    fail(`--media: ${values.media} is not a folder (give a copy of wp-content/uploads)`);
  const folders = new Map();
  const filesOf = (folder) => {
    if (!folders.has(folder)) {
      const absolute = path.join(uploads, folder);
      folders.set(
        folder,
        existsSync(absolute) && statSync(absolute).isDirectory()
          ? readdirSync(absolute, { withFileTypes: true })
              .filter((entry) => entry.isFile())
              .map((entry) => ({ name: entry.name, size: statSync(path.join(absolute, entry.name)).size }))
          : [],
      );
    }
    return folders.get(folder);
  };
  findUpload = (upload) => {
    const found = bestCopy(upload, filesOf(path.posix.dirname(upload) === '.' ? '' : path.posix.dirname(upload)));
    return found && path.join(uploads, found);
  };
}

const plan = planImport(
  sources,
  { date: batchDate, bylines: values.byline, companies: values.company, topics: values.topic },
  {
    contentDir: site.contentDir,
    timeZone: site.timeZone,
    registry: readRegistry(),
    force: values.force,
    exists: existsSync,
    display: displayPath,
    findUpload,
  },
);

const dryRun = values['dry-run'];
let warnings = 0;
const pictures = { copied: 0, leftOut: 0 };
for (const file of plan.files) {
  const where = displayPath(file.absolute);
  if (dryRun) console.log(`would write ${where}  (from ${file.origin})\n${file.text.replace(/^/gm, '  | ')}`);
  else {
    mkdirSync(path.dirname(file.absolute), { recursive: true });
    writeFileSync(file.absolute, file.text, { flag: file.overwrites ? 'w' : 'wx' });
    for (const { from, to } of file.copies) {
      mkdirSync(path.dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
    console.log(`wrote ${where}${file.draft ? ' (draft)' : ''}  (from ${file.origin})`);
  }
  if (file.copies.length)
    console.log(
      `  pictures ${dryRun ? 'to copy' : 'copied'} into ${displayPath(path.dirname(file.copies[0].to))}/: ${file.copies.map(({ to }) => path.basename(to)).join(', ')}`,
    );
  if (file.mediaLeftOut.length)
    console.log(`  pictures not imported (left out, not linked): ${file.mediaLeftOut.join('; ')}`);
  pictures.copied += file.copies.length;
  pictures.leftOut += file.mediaLeftOut.length;
  if (file.suggested.length) console.log(`  companies from the registry, written: ${file.suggested.join(', ')}`);
  if (file.toConfirm.length)
    console.log(
      `  names that may be companies, not written (add them with --company or by hand): ${file.toConfirm.join(', ')}`,
    );
  if (file.dropped.length)
    console.log(`  dropped page furniture: ${file.dropped.map((text) => `"${text}"`).join(', ')}`);
  for (const warning of file.warnings) console.log(`  warning: ${warning}`);
  warnings += file.warnings.length;
}
for (const skipped of plan.skipped) console.log(`skipped ${skipped.origin}: ${skipped.reason}`);
for (const problem of unreadable) console.log(`not imported: ${problem}`);

const byReason = new Map();
for (const item of plan.notArticles) byReason.set(item.reason, (byReason.get(item.reason) ?? 0) + 1);
const toFix = plan.skipped.filter((skipped) => skipped.failed).length;
const failed = toFix + unreadable.length;
const drafts = plan.files.filter((file) => file.draft).length;
const lines = [
  `${dryRun ? 'Would write' : 'Wrote'} ${countOf(plan.files.length, 'article')}${drafts ? ` (${countOf(drafts, 'draft')})` : ''}.`,
  plan.skipped.length
    ? `Skipped ${countOf(plan.skipped.length, 'article')}: ${toFix} to fix, ${plan.skipped.length - toFix} left alone.`
    : '',
  byReason.size ? `Not articles: ${[...byReason].map(([reason, n]) => `${n} × ${reason}`).join(', ')}.` : '',
  unreadable.length ? `${countOf(unreadable.length, 'file')} could not be read.` : '',
  pictures.copied || pictures.leftOut
    ? `Pictures: ${pictures.copied} ${dryRun ? 'to copy' : 'copied'}, ${pictures.leftOut} not imported${values.media === undefined && pictures.leftOut ? ' (give --media <a copy of wp-content/uploads> to bring them in)' : ''}.`
    : '',
  warnings ? `${countOf(warnings, 'warning')} above.` : '',
];
console.log(`\n${lines.filter(Boolean).join('\n')}`);
process.exitCode = failed ? 1 : 0;
