#!/usr/bin/env node
/**
 * The benchmark: `npm run bench -- --articles 10000`.
 *
 * Generates a synthetic archive (bench/generate.mjs) in a temporary folder and builds it as a
 * user would, with `ARCHIVE_CONTENT_DIR` and `npm run build` (scripts/build.mjs): cold (no
 * caches), again with nothing changed (which stops before Astro starts), the same forced
 * through Astro's incremental build (`--rebuild`), after editing one article's body, after adding
 * one article, and after editing one company's registry entry. In the same run it builds two references, cold, each
 * indexed with the Pagefind CLI: Hugo (bench/hugo.mjs; Debian's `hugo` package, installed when
 * running as root, else skipped with a message), the generator a newsroom would pick instead,
 * whose ratio is the headline figure; and a minimal Astro archive (bench/reference). Machines
 * are noisy, so what counts is the ratio to a reference measured in the same run.
 *
 * For each build: wall time and its phases (content sync, page generation, search index, from
 * the build's log), pages rendered and reused, peak resident memory of the whole process tree,
 * size and file count of the output and of the search index, and the bytes of one article
 * page (HTML, CSS, JS; raw and gzip). Progress goes to the screen; a Markdown table and a JSON
 * file at the end.
 *
 * Before any build it times `npm run check` on the archive (scripts/check.mjs --json).
 *
 * After the cold build it measures search in Chromium on the built site (bench/search.mjs): a
 * word in nearly every article, the most and a least covered company, and an author.
 *
 * With --photos, one article in ten has a lead photograph (a 2,400-pixel JPEG): the report then
 * gives the time spent making images and drawing share cards, and the output's pictures apart.
 * Every run also times a plain satori + sharp card, one after another on one thread, on the
 * headlines of the build's own cards: the reference the cards' time is measured against.
 *
 * Options: --articles N (10000), --out FILE (the JSON; default .cache/bench/bench-N.json),
 * --photos, --skip-hugo, --skip-reference (both references), --cold-only (the cold build and search, no incremental builds),
 * --skip-search, --keep (keep the generated archive and outputs), --work DIR. Share cards follow
 * ARCHIVE_SHARE_CARDS as a build does (on by default).
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateArchive, makeNames } from './generate.mjs';
import { measureSearch, searchTable } from './search.mjs';
import { ensureHugo, hugoVersion, prepareHugo } from './hugo.mjs';
import { lineTime, measure } from './measure.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    out: { type: 'string' },
    work: { type: 'string' },
    'skip-reference': { type: 'boolean', default: false },
    'skip-hugo': { type: 'boolean', default: false },
    'cold-only': { type: 'boolean', default: false },
    'skip-search': { type: 'boolean', default: false },
    photos: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 10) {
  console.error('bench: --articles must be a whole number of at least 10');
  process.exit(2);
}
const work = path.resolve(values.work ?? path.join(os.tmpdir(), `archive-bench-${articles}`));
const content = path.join(work, 'content');
const outFile = path.resolve(values.out ?? path.join(ROOT, '.cache', 'bench', `bench-${articles}.json`));

const started = Date.now();
const say = (text) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${text}`);
const mb = (bytes) => Math.round(bytes / 1e5) / 10;
const seconds = (ms) => (ms === undefined ? undefined : Math.round(ms / 100) / 10);

function sizeOf(dir, only) {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || (only && !only.test(entry.name))) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { bytes, files };
}

/** Phases from a build's log: each a duration in ms, measured by when the lines came. */
function phases(lines) {
  const syncStart = lineTime(lines, /\[content\] Syncing content/);
  const syncEnd = lineTime(lines, /\[content\] Synced content/, syncStart ?? 0);
  const pagesStart = lineTime(lines, /generating static routes/);
  const pagesEnd = pagesStart === undefined ? undefined : lineTime(lines, /✓ Completed in/, pagesStart);
  const indexEnd = lineTime(lines, /search index: .* shard/);
  const indexLine = lines.find((line) => /search index: .* shard/.test(line.text))?.text ?? '';
  return {
    syncMs: syncStart !== undefined && syncEnd !== undefined ? syncEnd - syncStart : undefined,
    pagesMs: pagesStart !== undefined && pagesEnd !== undefined ? pagesEnd - pagesStart : undefined,
    // The index is built while pages render; this is the time it adds after them.
    indexAfterPagesMs: indexEnd !== undefined && pagesEnd !== undefined ? indexEnd - pagesEnd : undefined,
    indexed: /indexed (.*) in \d+ ms/.exec(indexLine)?.[1],
    ...storyPhase(lines),
    ...imagePhases(lines),
  };
}

/** Reports of the same story (src/lib/stories/same-story.ts): pairs found, articles, time, articles scored anew. */
function storyPhase(lines) {
  const found = /same story: (\d+) pairs of reports among (\d+) articles in (\d+) ms \((\d+) scored anew\)/.exec(
    lines.find((line) => /same story: /.test(line.text))?.text ?? '',
  );
  if (!found) return {};
  const [pairs, articles, ms, rescored] = found.slice(1).map(Number);
  return { stories: { pairs, articles, ms, rescored } };
}

/** Astro's optimised images and the share cards, from the build's log. */
function imagePhases(lines) {
  const imagesStart = lineTime(lines, /generating optimized images/);
  const imagesEnd = imagesStart === undefined ? undefined : lineTime(lines, /✓ Completed in/, imagesStart);
  const made = lines.filter((line) => /▶ \/_astro\/.*\(before: /.test(line.text)).length;
  const reused = lines.filter((line) => /▶ \/_astro\/.*\(reused cache entry\)/.test(line.text)).length;
  const cards = /share cards: (\d+) drawn in ([\d.]+) s(?: \(([\d.]+) ms each\))?, (\d+) kept/.exec(
    lines.find((line) => /share cards:/.test(line.text))?.text ?? '',
  );
  return {
    imagesMs: imagesStart !== undefined && imagesEnd !== undefined ? imagesEnd - imagesStart : undefined,
    images: { made, reused },
    cards: cards
      ? {
          drawn: Number(cards[1]),
          seconds: Number(cards[2]),
          msEach: cards[3] ? Number(cards[3]) : undefined,
          kept: Number(cards[4]),
        }
      : undefined,
  };
}

function pageCounts(lines) {
  const routes = lines.filter((line) => /^\s*\d\d:\d\d:\d\d\s+[├└]─ /.test(line.text) || /[├└]─ \//.test(line.text));
  // Astro's image lines (`▶ /_astro/…`) carry times too: they are images, not pages.
  const text = lines
    .map((line) => line.text)
    .filter((line) => !/▶ \/_astro\//.test(line))
    .join('\n');
  const reused = (text.match(/\((cached|restored)\)/g) ?? []).length;
  const rendered = (text.match(/\(\+\d+(\.\d+)?m?s\)/g) ?? []).length;
  return { rendered, reused, listed: routes.length };
}

/** Bytes a reader downloads for one article page: HTML, its stylesheets and scripts. */
function articlePageWeight(dist) {
  const year = readdirSync(dist)
    .filter((name) => /^\d{4}$/.test(name))
    .sort()[0];
  let dir = path.join(dist, year);
  while (!existsSync(path.join(dir, 'index.html')) || dir.split(path.sep).length - dist.split(path.sep).length < 4) {
    dir = path.join(
      dir,
      readdirSync(dir)
        .filter((name) => statSync(path.join(dir, name)).isDirectory())
        .sort()[0],
    );
  }
  const html = readFileSync(path.join(dir, 'index.html'));
  const text = html.toString();
  const assets = (pattern) =>
    [...text.matchAll(pattern)].map((m) => readFileSync(path.join(dist, m[1].replace(/^\//, ''))));
  const css = assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  const js = [
    ...assets(/<script[^>]+src="([^"]+)"/g),
    ...[...text.matchAll(/<script(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) =>
      Buffer.from(m[1]),
    ),
  ];
  const weigh = (buffers) => ({
    raw: buffers.reduce((s, b) => s + b.length, 0),
    gzip: buffers.reduce((s, b) => s + gzipSync(b).length, 0),
  });
  return { page: path.relative(dist, dir), html: weigh([html]), css: weigh(css), js: weigh(js) };
}

async function build(label, { command = 'npx', cwd, args, env, dist, extra }) {
  say(`${label}: building…`);
  let last = 0;
  const result = await measure(command, args, {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    onLine: (line) => {
      if (
        /\[content\] Synced|generating static routes|Switched |✓ Completed in|search index:|same story:|\[ERROR\]|error/i.test(
          line.text,
        ) &&
        !/[├└]─/.test(line.text)
      ) {
        say(`${label}:   ${line.text.replace(/^\d\d:\d\d:\d\d /, '').trim()}`);
      } else if (line.at - last > 15_000) {
        last = line.at;
        say(`${label}:   … ${Math.round(line.at / 1000)} s`);
      }
    },
  });
  if (result.code !== 0) {
    console.error(
      result.lines
        .slice(-40)
        .map((line) => line.text)
        .join('\n'),
    );
    throw new Error(`${label}: the build failed (exit ${result.code})`);
  }
  const extraResult = extra ? await extra() : {};
  const totalMs = result.ms + (extraResult.ms ?? 0);
  const outcome = {
    label,
    totalMs,
    ...phases(result.lines),
    ...extraResult.phases,
    pages: pageCounts(result.lines),
    peakRssBytes: Math.max(result.peakRss, extraResult.peakRss ?? 0),
    dist: sizeOf(dist),
    index: sizeOf(path.join(dist, 'pagefind')),
    pictures: {
      images: sizeOf(path.join(dist, '_astro'), /\.(jpe?g|png|webp|avif|gif)$/),
      cards: sizeOf(path.join(dist, '_cards')),
    },
  };
  say(`${label}: ${seconds(totalMs)} s, peak ${mb(outcome.peakRssBytes)} MB`);
  return outcome;
}

const project = (label, dist, cache, extraArgs = []) =>
  // As a user builds: `npm run build` (scripts/build.mjs), which stops before Astro when nothing changed.
  build(label, {
    command: 'node',
    cwd: ROOT,
    args: ['scripts/build.mjs', '--outDir', dist, ...extraArgs],
    env: { ARCHIVE_CONTENT_DIR: content, ARCHIVE_CACHE_DIR: cache },
    dist,
  });

/** A photograph-like 2,400 × 1,600 JPEG (a gradient under noise, so it compresses like a photo). */
async function makePhoto() {
  const { default: sharp } = await import('sharp');
  const [width, height] = [2400, 1600];
  const noise = await sharp({
    create: { width, height, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .blur(1.5)
    .raw()
    .toBuffer();
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) {
    const x = (i / 3) % width;
    const y = Math.floor(i / 3 / width);
    pixels[i] = ((x * 255) / width + noise[i] * 3) >> 2;
    pixels[i + 1] = ((y * 255) / height + noise[i + 1] * 3) >> 2;
    pixels[i + 2] = (160 + noise[i + 2] * 3) >> 2;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 82 })
    .toBuffer();
}

async function main() {
  say(`generating ${articles} articles in ${content}`);
  rmSync(work, { recursive: true, force: true });
  const photo = values.photos ? await makePhoto() : undefined;
  const files = generateArchive(content, articles, { photo });
  const articleFiles = files.filter((file) => file.startsWith('articles/'));
  say(`generated ${files.length} files`);

  // `npm run check` on the whole archive, before any build: the editor's quick check.
  say('npm run check…');
  const check = await measure(process.execPath, [path.join(ROOT, 'scripts', 'check.mjs'), '--json'], {
    cwd: ROOT,
    env: { ...process.env, ARCHIVE_CONTENT_DIR: content },
  });
  // The JSON report is on stdout; `lines` has stderr's too (a Node warning, say): take the object.
  const checkOutput = check.lines.map((line) => line.text).join('\n');
  const checkReport = JSON.parse(checkOutput.slice(checkOutput.indexOf('{'), checkOutput.lastIndexOf('}') + 1));
  if (checkReport.errors.length)
    throw new Error(`npm run check found ${checkReport.errors.length} errors in the generated archive`);
  const contentCheck = {
    totalMs: Math.round(check.ms),
    checkMs: Math.round(checkReport.seconds * 1000),
    peakRssBytes: check.peakRss,
    warnings: checkReport.warnings.length,
  };
  say(
    `check: ${seconds(contentCheck.totalMs)} s (${checkReport.seconds} s checking), ${checkReport.errors.length} errors, ${contentCheck.warnings} warnings`,
  );

  const results = {
    articles,
    contentCheck,
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGB: Math.round(os.totalmem() / 1e9),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    date: new Date().toISOString(),
    reference: undefined,
    hugo: undefined,
    cardReference: undefined,
    project: [],
  };

  /** The Pagefind CLI over a reference's output, timed as part of its build. */
  const pagefindCli = (dist, name) => async () => {
    const index = await measure('npx', ['pagefind', '--site', dist], { cwd: ROOT });
    if (index.code !== 0) throw new Error(`${name}: the Pagefind CLI failed`);
    return { ms: index.ms, peakRss: index.peakRss, phases: { indexAfterPagesMs: index.ms } };
  };

  if (!values['skip-reference'] && !values['skip-hugo'] && ensureHugo(say)) {
    const dist = path.join(work, 'hugo-dist');
    const args = prepareHugo({ folder: path.join(work, 'hugo-site'), content, dist });
    results.hugoVersion = hugoVersion();
    results.hugo = await build('Hugo cold', {
      command: 'hugo',
      cwd: work,
      args,
      dist,
      extra: pagefindCli(dist, 'Hugo'),
    });
    results.hugo.htmlPages = sizeOf(dist, /\.html$/).files;
    results.hugo.feeds = sizeOf(dist, /\.xml$/).files;
  }

  if (!values['skip-reference']) {
    const dist = path.join(work, 'reference-dist');
    results.reference = await build('reference cold', {
      cwd: ROOT,
      args: ['astro', 'build', '--root', 'bench/reference', '--outDir', dist],
      env: { ARCHIVE_CONTENT_DIR: content, ARCHIVE_CACHE_DIR: path.join(work, 'reference-cache') },
      dist,
      extra: pagefindCli(dist, 'reference'),
    });
  }

  const dist = path.join(work, 'dist');
  const cache = path.join(work, 'cache');
  results.project.push(await project('cold', dist, cache));
  say('plain satori + sharp cards, one after another…');
  results.cardReference = await measure(
    process.execPath,
    [path.join(ROOT, 'bench', 'cards.mjs'), '--content', content, '--count', '100'],
    { cwd: ROOT },
  ).then((run) => JSON.parse(run.lines.map((line) => line.text).find((text) => text.startsWith('{')) ?? '{}'));
  say(`plain card: ${results.cardReference.msEach} ms each`);
  if (!values['skip-search']) {
    const names = makeNames();
    say('search in Chromium…');
    results.search = await measureSearch(dist, [
      { label: 'a word in nearly every article', q: 'market' },
      { label: 'the most covered company', q: names.companies[0] },
      { label: 'a little covered company', q: names.companies.at(-1) },
      { label: 'an author', q: names.authors[3] },
      { label: 'a word in no article', q: 'quixotry' },
    ]);
    say(`search:\n${searchTable(results.search)}`);
  }
  if (values['cold-only']) return finish(results, dist);
  results.project.push(await project('nothing changed', dist, cache));
  // The same, through Astro's incremental build: the fixed cost every edit pays.
  results.project.push(await project('nothing changed, through Astro (--rebuild)', dist, cache, ['--rebuild']));

  const edited = path.join(content, articleFiles[Math.floor(articleFiles.length / 2)]);
  appendFileSync(edited, '\nA sentence added by the benchmark, to edit one article body.\n');
  results.project.push(await project('one article body edited', dist, cache));

  const added = path.join(content, 'articles', '2025', 'benchmark-added-article.md');
  mkdirSync(path.dirname(added), { recursive: true });
  writeFileSync(
    added,
    '---\ntitle: An article the benchmark added\ndate: 2025-12-30T09:00:00Z\ncompanies: [Benchmark Added Co]\ntopics: [Market revenue]\n---\n\nA new article, added to a built archive.\n',
  );
  results.project.push(await project('one article added', dist, cache));

  const registry = path.join(
    content,
    files.find((file) => file.startsWith('companies/')),
  );
  appendFileSync(registry, '\nThe benchmark edited this description.\n');
  results.project.push(await project('one registry entry edited', dist, cache));

  finish(results, dist);
}

function finish(results, dist) {
  results.articlePage = articlePageWeight(dist);
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  if (results.reference) results.ratio = ratio(results.project[0].totalMs, results.reference.totalMs);
  // Every build of the project against Hugo + Pagefind's cold build of the same archive.
  if (results.hugo) for (const build of results.project) build.hugoRatio = ratio(build.totalMs, results.hugo.totalMs);
  // The page phase's wall time over the pages it rendered.
  for (const build of results.project)
    if (build.pagesMs && build.pages.rendered)
      build.msPerPage = Math.round((build.pagesMs / build.pages.rendered) * 100) / 100;

  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${table(results)}\n\nJSON: ${path.relative(process.cwd(), outFile)}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

/** A build's pictures: images Astro made or reused, share cards drawn (against the plain card of the same run), and their share of the output. */
function picturesLine(r, reference) {
  const cards = r.cards;
  const perCard = cards?.drawn && cards.seconds ? (cards.seconds * 1000) / cards.drawn : undefined;
  const ratio =
    perCard && reference?.msEach
      ? ` = ${(perCard / reference.msEach).toFixed(2)}× a plain satori + sharp card (${reference.msEach} ms)`
      : '';
  return [
    `- ${r.label}: images ${r.images.made} made, ${r.images.reused} reused${r.imagesMs !== undefined ? ` in ${seconds(r.imagesMs)} s` : ''}`,
    cards
      ? `; cards ${cards.drawn} drawn${perCard ? ` in ${cards.seconds} s, ${perCard.toFixed(1)} ms each${ratio}` : ''}, ${cards.kept} kept`
      : '',
    `; output: pictures ${mb(r.pictures.images.bytes)} MB (${r.pictures.images.files}), cards ${mb(r.pictures.cards.bytes)} MB (${r.pictures.cards.files})`,
  ].join('');
}

/** Reports of the same story: what finding them cost, against the whole build. */
function storiesLine(r) {
  const { pairs, articles, ms, rescored } = r.stories;
  return `- ${r.label}: same story ${pairs} pairs among ${articles} articles in ${ms} ms (${((ms / r.totalMs) * 100).toFixed(2)}% of the build), ${rescored} scored anew`;
}

function table(results) {
  const rows = [
    ...(results.hugo ? [results.hugo] : []),
    ...(results.reference ? [results.reference] : []),
    ...results.project,
  ];
  const head =
    '| build | total s | × Hugo + Pagefind cold | sync s | pages s | index after pages s | pages rendered / reused | ms per page | peak RSS MB | output MB (files) | index MB (files) |';
  const lines = rows.map((r) => {
    const name =
      r === results.hugo
        ? 'Hugo + Pagefind CLI, cold'
        : r === results.reference
          ? 'reference (bare Astro + Pagefind CLI), cold'
          : r.label;
    const times =
      r === results.hugo
        ? '1'
        : (r.hugoRatio ?? (results.hugo ? Math.round((r.totalMs / results.hugo.totalMs) * 100) / 100 : '–'));
    const pages =
      r === results.hugo ? `${r.htmlPages} HTML, ${r.feeds} XML / –` : `${r.pages.rendered} / ${r.pages.reused}`;
    return `| ${name} | ${seconds(r.totalMs)} | ${times} | ${seconds(r.syncMs) ?? '–'} | ${seconds(r.pagesMs) ?? '–'} | ${seconds(r.indexAfterPagesMs) ?? '–'} | ${pages} | ${r.msPerPage ?? '–'} | ${mb(r.peakRssBytes)} | ${mb(r.dist.bytes)} (${r.dist.files}) | ${mb(r.index.bytes)} (${r.index.files}) |`;
  });
  const page = results.articlePage;
  const weight = (w) => `${(w.raw / 1000).toFixed(1)} KB raw, ${(w.gzip / 1000).toFixed(1)} KB gzip`;
  return [
    `${results.articles} articles, ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGB} GB, Node ${results.machine.node}` +
      (results.hugo ? `; cold build ${results.project[0].hugoRatio}× Hugo + Pagefind (${results.hugoVersion})` : '') +
      (results.ratio ? `; ${results.ratio}× the bare Astro reference` : ''),
    '',
    head,
    `|${' --- |'.repeat(11)}`,
    ...lines,
    '',
    `Article page (${page.page}): HTML ${weight(page.html)}; CSS ${weight(page.css)}; JS ${weight(page.js)}.`,
    '',
    ...results.project.map((r) => picturesLine(r, results.cardReference)),
    '',
    ...results.project.filter((r) => r.stories).map(storiesLine),
    '',
    `\`npm run check\` on the archive: ${seconds(results.contentCheck.totalMs)} s in all (${seconds(results.contentCheck.checkMs)} s checking, the rest starting Node and loading modules), peak ${mb(results.contentCheck.peakRssBytes)} MB; ${results.contentCheck.warnings} warnings.`,
    ...(results.search
      ? ['', 'Search in Chromium (served compressed on 127.0.0.1):', '', searchTable(results.search)]
      : []),
  ].join('\n');
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
