#!/usr/bin/env node
/**
 * `npm run new -- "Title" [--company X]… [--topic Y]… [--byline Z]… [--dry-run]`: scaffolds an
 * article dated now in the site time zone, named by the one slug rule, in its year folder of
 * the content folder, as a draft; never over an existing file. Prints its path and the URL it
 * will have once `draft: true` is removed.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { site } from '../src/config/site.ts';
import { formatNowForFrontmatter, parseArchiveDate } from '../src/lib/dates.ts';
import { displayPath } from '../src/lib/content/display-path.ts';
import { articleFileText } from '../src/lib/import/article-file.ts';
import { slugify } from '../src/lib/slug.ts';
import { absoluteUrl, createUrls } from '../src/lib/urls.ts';

const usage = 'usage: npm run new -- "Headline" [--company NAME]… [--topic NAME]… [--byline NAME]… [--dry-run]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      company: { type: 'string', multiple: true, default: [] },
      topic: { type: 'string', multiple: true, default: [] },
      byline: { type: 'string', multiple: true, default: [] },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const title = positionals.join(' ').replace(/\s+/g, ' ').trim();
if (!title) {
  console.error(`new: give the headline of the article.\n${usage}`);
  process.exit(2);
}
const slug = slugify(title);
if (!slug) {
  console.error(`new: "${title}" gives no slug; use a headline with letters or digits.`);
  process.exit(2);
}

const written = formatNowForFrontmatter(new Date(), site.timeZone);
const date = parseArchiveDate(written, site.timeZone);
const file = path.join(site.contentDir, 'articles', String(date.year), `${slug}.md`);
const text = articleFileText(
  { title, date: written, bylines: values.byline, companies: values.company, topics: values.topic, draft: true },
  '',
);
const url = absoluteUrl(createUrls(site.base).article({ date, slug }), site.url);

if (values['dry-run']) {
  console.log(`Would write ${displayPath(file)}:\n\n${text}`);
  process.exit(0);
}
if (existsSync(file)) {
  console.error(
    `new: ${displayPath(file)} already exists; nothing was written. Choose another headline or edit that file.`,
  );
  process.exit(1);
}
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, text, { flag: 'wx' });
console.log(`Wrote ${displayPath(file)}`);
console.log(`It will be published at ${url}`);
console.log('It is a draft: write the body below the frontmatter, then remove "draft: true" to publish it.');
