#!/usr/bin/env node
/**
 * Writes a deterministic synthetic news archive for the benchmark (bench/run.mjs):
 *
 *   node bench/generate.mjs --articles 10000 --out /tmp/archive
 *
 * Articles of about 600 words with two `##` headings, spread over 22 years, dated with and
 * without offsets (some by day only); companies (600), topics (40) and authors (250) chosen
 * with a Zipf distribution, so a few are in thousands of articles and most in a handful; a
 * company registry for the 200 most covered with aliases, some articles naming a company by an
 * alias; summaries on half, sources on a third, 1% drafts; with photos, a 2,400-pixel JPEG lead
 * image on one article in ten. The same arguments always give the same files, so runs compare.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const SHAPE = { companies: 600, topics: 40, authors: 250, registry: 200, years: 22, firstYear: 2004 };

/** mulberry32: a small seeded PRNG, so the archive is the same on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index i of n with probability proportional to 1/(i+1) (Zipf, s = 1). */
function zipf(n, rand) {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  return () => {
    const r = rand();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'zen',
  'tor',
  'vel',
  'qua',
  'ri',
  'sen',
  'dra',
  'mo',
  'nex',
  'pha',
  'lu',
  'gor',
  'tia',
  'bri',
  'cal',
  'dor',
  'fen',
];
const COMPANY_SUFFIX = [
  'Systems',
  'Labs',
  'Group',
  'Holdings',
  'Networks',
  'Energy',
  'Motors',
  'Bank',
  'Media',
  'Foods',
];
const WORDS = (
  'market growth quarter revenue profit deal merger shares investors board chief executive regulators ' +
  'court ruling product launch device cloud network data privacy security factory workers union strike ' +
  'supply chain shortage price inflation interest rates bank loan bond fund startup venture capital ' +
  'research study report analysts forecast demand sales customers users platform software hardware chip ' +
  'energy oil gas solar wind battery electric vehicle plant emissions climate policy government minister ' +
  'election campaign vote law bill tax budget trade tariff export import partner agreement talks'
).split(' ');
const TOPICS = Array.from(
  { length: SHAPE.topics },
  (_, i) =>
    `${WORDS[(i * 7) % WORDS.length][0].toUpperCase()}${WORDS[(i * 7) % WORDS.length].slice(1)} ${WORDS[(i * 13 + 3) % WORDS.length]}`,
);
const OFFSETS = ['Z', '+01:00', '-05:00', '+08:00', '+05:30', '', '+02:00', '-08:00'];

function name(rand, parts) {
  let text = '';
  for (let i = 0; i < parts; i++) text += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return text[0].toUpperCase() + text.slice(1);
}

function sentence(rand, mentions) {
  const length = 12 + Math.floor(rand() * 14);
  const words = [];
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(rand() * WORDS.length)]);
  if (mentions.length && rand() < 0.3)
    words.splice(Math.floor(rand() * words.length), 0, mentions[Math.floor(rand() * mentions.length)]);
  if (rand() < 0.1) words[3] = `*${words[3]}*`;
  if (rand() < 0.05) words[5] = `[${words[5]}](https://example.com/${words[5]})`;
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

function paragraph(rand, mentions) {
  const count = 4 + Math.floor(rand() * 3);
  return Array.from({ length: count }, () => sentence(rand, mentions)).join(' ');
}

const yamlString = (text) => JSON.stringify(text);
/** The alias a registry company is also written as: `Kalo Systems Corp`. */
const aliasOf = (company, rank) => `${company} ${rank % 2 ? 'Inc' : 'Corp'}`;
const pad = (n) => String(n).padStart(2, '0');

/** The companies, topics and authors of the synthetic archive, the same for every size. */
export function makeNames() {
  const rand = random(7);
  const companies = [];
  const seen = new Set();
  while (companies.length < SHAPE.companies) {
    const candidate = `${name(rand, 2 + Math.floor(rand() * 2))} ${COMPANY_SUFFIX[Math.floor(rand() * COMPANY_SUFFIX.length)]}`;
    if (!seen.has(candidate.toLowerCase())) {
      seen.add(candidate.toLowerCase());
      companies.push(candidate);
    }
  }
  const authors = Array.from(
    { length: SHAPE.authors },
    (_, i) => `${name(rand, 2)} ${name(rand, 3)}${i % 17 === 0 ? ' Jr' : ''}`,
  );
  return { companies, topics: TOPICS, authors };
}

/** Which articles carry a lead photograph when the archive has photos: one in ten. */
export const hasPhoto = (index) => index % 10 === 0;

/** One article's file name and text. `index` decides everything about it. */
export function makeArticle(index, names, pick, photos = false) {
  const rand = random(1000 + index);
  const year = SHAPE.firstYear + Math.floor(rand() * SHAPE.years);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const dateOnly = rand() < 0.1;
  const offset = OFFSETS[Math.floor(rand() * OFFSETS.length)];
  const date = dateOnly
    ? `${year}-${pad(month)}-${pad(day)}`
    : `${year}-${pad(month)}-${pad(day)}T${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))}:00${offset}`;

  const companyCount = 1 + Math.floor(rand() * 3);
  const companies = [...new Set(Array.from({ length: companyCount }, () => names.companies[pick.company()]))];
  const topics = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => names.topics[pick.topic()]))];
  const authors =
    rand() < 0.9 ? [...new Set(Array.from({ length: rand() < 0.8 ? 1 : 2 }, () => names.authors[pick.author()]))] : [];
  // Some articles name a registry company by one of its aliases (see makeRegistry).
  const written = companies.map((company) => {
    const rank = names.companies.indexOf(company);
    return rank < SHAPE.registry && rand() < 0.15 ? aliasOf(company, rank) : company;
  });
  const title = sentence(rand, [])
    .split(' ')
    .slice(0, 6 + Math.floor(rand() * 5))
    .join(' ')
    .replace(/[.*[\]()]/g, '')
    .replace(/https?:\S+/g, '');
  const slug = `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)}-${index}`;

  const lines = ['---', `title: ${yamlString(title)}`, `date: ${date}`];
  if (authors.length)
    lines.push(`byline: ${authors.length === 1 ? yamlString(authors[0]) : `[${authors.map(yamlString).join(', ')}]`}`);
  lines.push(`companies: [${written.map(yamlString).join(', ')}]`, `topics: [${topics.map(yamlString).join(', ')}]`);
  if (rand() < 0.5) lines.push(`summary: ${yamlString(sentence(rand, companies))}`);
  if (rand() < 0.33) lines.push(`source: { name: Example Wire, url: "https://wire.example.com/${year}/${slug}" }`);
  if (rand() < 0.01) lines.push('draft: true');
  if (photos && hasPhoto(index))
    lines.push(`image: { src: ${slug}.jpg, alt: ${yamlString(`A photograph for ${title}`)} }`);
  lines.push('---', '');
  const body = [
    paragraph(rand, companies),
    paragraph(rand, companies),
    `## ${sentence(rand, [])
      .split(' ')
      .slice(0, 4)
      .join(' ')
      .replace(/[.*[\]()]/g, '')}`,
    paragraph(rand, companies),
    paragraph(rand, companies),
    `## ${sentence(rand, [])
      .split(' ')
      .slice(0, 3)
      .join(' ')
      .replace(/[.*[\]()]/g, '')}`,
    paragraph(rand, companies),
    paragraph(rand, companies),
  ];
  return { file: `articles/${year}/${slug}.md`, text: `${lines.join('\n')}\n${body.join('\n\n')}\n` };
}

/** Registry entries for the most covered companies, with the aliases articles use. */
export function makeRegistry(names) {
  return names.companies.slice(0, SHAPE.registry).map((company, rank) => {
    const slug = company.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const alias = aliasOf(company, rank);
    const text = `---\nname: ${yamlString(company)}\naliases: [${yamlString(alias)}]\nwebsite: https://www.${slug}.example/\n---\n${company} is a synthetic company of the benchmark archive, ranked ${rank + 1} by coverage.\n`;
    return { file: `companies/${slug}.md`, text };
  });
}

/**
 * Writes the archive; returns the files written (relative paths), articles first. With `photo`
 * (a JPEG's bytes), one article in ten gets it as its lead image, each copy made a file of its
 * own (a few bytes after the image's end, which decoders ignore), so each is processed.
 */
export function generateArchive(folder, articles, { photo } = {}) {
  rmSync(folder, { recursive: true, force: true });
  const names = makeNames();
  const rand = random(42);
  const pick = {
    company: zipf(SHAPE.companies, rand),
    topic: zipf(SHAPE.topics, rand),
    author: zipf(SHAPE.authors, rand),
  };
  const files = [];
  const write = ({ file, text }) => {
    const full = path.join(folder, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    files.push(file);
  };
  for (let i = 0; i < articles; i++) {
    const article = makeArticle(i, names, pick, !!photo);
    write(article);
    if (photo && hasPhoto(i)) {
      const file = article.file.replace(/\.md$/, '.jpg');
      writeFileSync(path.join(folder, file), Buffer.concat([photo, Buffer.from(`photo ${i}`)]));
      files.push(file);
    }
  }
  for (const entry of makeRegistry(names)) write(entry);
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { articles: { type: 'string', default: '10000' }, out: { type: 'string' } },
  });
  if (!values.out) {
    console.error('usage: node bench/generate.mjs --articles N --out <folder>');
    process.exit(2);
  }
  const started = performance.now();
  const files = generateArchive(values.out, Number(values.articles));
  console.log(`wrote ${files.length} files to ${values.out} in ${Math.round(performance.now() - started)} ms`);
}
