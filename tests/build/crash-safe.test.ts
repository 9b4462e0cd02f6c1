/**
 * Builds are reproducible and survive a crash (`npm run build`, scripts/build.mjs, with
 * src/integrations/atomic-output.ts):
 * - an incremental build after edits gives, byte for byte, the clean build's output for the same
 *   files and SOURCE_DATE_EPOCH, search index included, at the root and under a sub-path;
 * - a build killed (by process group) during its content sync, its pages or its search index
 *   leaves the served output exactly as the last complete build left it, and the next build gives
 *   the clean build's output byte for byte;
 * - a build that fails leaves the previous output untouched;
 * - a second build into the same output folder while one runs is refused, naming it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTempDir, md, removeDir, ROOT, runScript, snapshot, writeFiles } from './build-helpers';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map(removeDir));
});

/** Two years of articles, enough for several search shards of four. */
function firstVersion(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 18; i++) {
    const year = i <= 9 ? 2020 : 2021;
    const mm = String(((i - 1) % 9) + 1).padStart(2, '0');
    files[`articles/${year}/story-${i}.md`] = md(
      [
        `title: Story number ${i} about ${i % 2 ? 'Globex' : 'Initech'}`,
        `date: ${year}-${mm}-1${i % 10}T09:30:00Z`,
        `companies: [${i % 2 ? 'Globex' : 'Initech'}]`,
        `topics: [Topic ${i % 3}]`,
      ],
      `The ${i}th report says that "quarterly" figures rose -- again.\n\nA second paragraph with words of its own: ${'lorem '.repeat(i)}.\n`,
    );
  }
  return files;
}

/** The same archive after an editor's day: a title and a body edited, one article deleted, one added. */
async function editToSecondVersion(content: string): Promise<void> {
  const title = path.join(content, 'articles/2020/story-3.md');
  writeFileSync(title, readFileSync(title, 'utf8').replace('Story number 3 about Globex', 'Story three, retitled'));
  const body = path.join(content, 'articles/2021/story-12.md');
  writeFileSync(body, readFileSync(body, 'utf8').replace('A second paragraph', 'An edited second paragraph'));
  rmSync(path.join(content, 'articles/2020/story-5.md'));
  await writeFiles(content, {
    'articles/2021/story-new.md': md([
      'title: A new story about Globex',
      'date: 2021-11-02T08:00:00Z',
      'companies: [Globex, Umbrella]',
      'topics: [Topic 9]',
    ]),
  });
}

const settings = (work: string, extra: Record<string, string> = {}) => ({
  ASTRO_TELEMETRY_DISABLED: '1',
  ARCHIVE_CONTENT_DIR: path.join(work, 'content'),
  ARCHIVE_CACHE_DIR: path.join(work, 'cache'),
  ARCHIVE_SEARCH_SHARD_SIZE: '4',
  SOURCE_DATE_EPOCH: '1700000000',
  ...extra,
});

const build = (work: string, extra: Record<string, string> = {}) =>
  runScript('scripts/build.mjs', ['--outDir', path.join(work, 'dist')], settings(work, extra));

/** Every file under `dir` with the hash of its bytes (not its times). */
async function bytesOf(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return result;
}

/** A clean build of the second version, in a folder of its own with an empty cache (one per setting). */
const cleanBuilds = new Map<string, Promise<Record<string, string>>>();
function cleanSecondVersion(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const key = JSON.stringify(extra);
  if (!cleanBuilds.has(key)) cleanBuilds.set(key, buildClean(extra));
  return cleanBuilds.get(key)!;
}

async function buildClean(extra: Record<string, string>): Promise<Record<string, string>> {
  const work = await makeTempDir('clean');
  temps.push(work);
  await writeFiles(path.join(work, 'content'), firstVersion());
  await editToSecondVersion(path.join(work, 'content'));
  const built = await build(work, extra);
  expect(built.code, built.stderr).toBe(0);
  return bytesOf(path.join(work, 'dist'));
}

describe.each([
  ['at the root', {}],
  ['under a sub-path', { SITE_URL: 'https://example.org/archive/' }],
])('an incremental build %s', (_, extra: Record<string, string>) => {
  test("gives the clean build's output byte for byte, search index included", async () => {
    const work = await makeTempDir('incremental');
    temps.push(work);
    await writeFiles(path.join(work, 'content'), firstVersion());
    const first = await build(work, extra);
    expect(first.code, first.stderr).toBe(0);
    await editToSecondVersion(path.join(work, 'content'));
    const second = await build(work, extra);
    expect(second.code, second.stderr).toBe(0);
    // Incremental indeed: pages were kept from the last build, and only changed files were copied.
    expect(second.stdout).toMatch(/\(cached\)/);
    const switched =
      /Switched .* to this build in \d+ ms: (\d+) file\(s\) copied, ([1-9]\d*) removed \(and dist\.next made beside it/.exec(
        second.stdout,
      );
    expect(switched, second.stdout).not.toBeNull();
    expect(Number(switched![1])).toBeLessThan(Object.keys(await bytesOf(path.join(work, 'dist'))).length / 2);
    const incremental = await bytesOf(path.join(work, 'dist'));
    expect(Object.keys(incremental).filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(10);
    expect(incremental).toEqual(await cleanSecondVersion(extra));
    if (extra.SITE_URL) return;

    // A third build and a fourth, each with a spare to bring up to date, back to the second version.
    const title = path.join(work, 'content', 'articles/2021/story-14.md');
    writeFileSync(title, readFileSync(title, 'utf8').replace('Story number 14', 'Story fourteen'));
    const third = await build(work, extra);
    expect(third.code, third.stderr).toBe(0);
    writeFileSync(title, readFileSync(title, 'utf8').replace('Story fourteen', 'Story number 14'));
    const fourth = await build(work, extra);
    expect(fourth.code, fourth.stderr).toBe(0);
    expect(fourth.stdout).toMatch(/Switched .* to this build in \d+ ms: \d+ file\(s\) copied, \d+ removed\.$/m);

    expect(await bytesOf(path.join(work, 'dist'))).toEqual(await cleanSecondVersion(extra));
  });
});

/**
 * Starts `npm run build` in a process group of its own, and kills the group when its log shows
 * `marker` (after `meanwhile`, when given, has run).
 */
function buildKilledAt(
  work: string,
  marker: RegExp,
  meanwhile?: () => Promise<void>,
): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [path.join(ROOT, 'scripts/build.mjs'), '--outDir', path.join(work, 'dist')],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...settings(work) },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    let output = '';
    let killed = false;
    const read = (chunk: Buffer) => {
      output += stripVTControlCharacters(chunk.toString());
      if (!killed && marker.test(output)) {
        killed = true;
        void (meanwhile ?? (async () => {}))().finally(() => process.kill(-child.pid!, 'SIGKILL'));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('error', reject);
    // Resolved when the whole process group is gone, not only the script: Astro's process, killed
    // with it, may still hold the project's build lock for a moment, and the next build would
    // find it taken.
    child.on('close', () => void groupGone(child.pid!).then(() => resolve({ killed, output }), reject));
  });
}

async function groupGone(group: number): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    try {
      process.kill(-group, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Left unreaped (zombies, where nothing collects them): they hold no lock (build-lock.ts).
}

describe('a build that is killed or fails', () => {
  let work: string;
  let dist: string;
  let served: Record<string, string>;

  beforeAll(async () => {
    work = await makeTempDir('crash');
    temps.push(work);
    dist = path.join(work, 'dist');
    await writeFiles(path.join(work, 'content'), firstVersion());
    const first = await build(work);
    expect(first.code, first.stderr).toBe(0);
    served = await snapshot(dist);
    await editToSecondVersion(path.join(work, 'content'));
  });

  test.each([
    ['its content sync', /\[content\] Syncing content/],
    ['its search index', /search index: indexing \d+ of/],
    ['its pages', /generating static routes[\s\S]*\/\d{4}\/\d\d\/\d\d\/story-/],
  ])('during %s leaves the served output as the last build left it', async (phase, marker) => {
    // A killed build may have indexed some shards before it died: without the kept ones, there
    // is an index to kill the build in.
    if (phase === 'its search index')
      rmSync(path.join(work, 'cache', 'search-index'), { recursive: true, force: true });
    const run = await buildKilledAt(work, marker);
    expect(run.killed, run.output).toBe(true);
    expect(await snapshot(dist)).toEqual(served);
  });

  test('that fails leaves the previous output untouched', async () => {
    const bad = path.join(work, 'content', 'articles/2021/broken.md');
    writeFileSync(bad, md(['title: No date']));
    const failed = await build(work);
    rmSync(bad);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain(
      `The build did not end well: ${path.relative(ROOT, dist)} was left as the last build made it.`,
    );
    expect(await snapshot(dist)).toEqual(served);
    expect(existsSync(`${dist}.next`)).toBe(false);
  });

  test('a second build into the same output folder while one runs is refused, naming it', async () => {
    let second: Awaited<ReturnType<typeof build>> | undefined;
    // Started while the first is syncing the content: it holds the output folder's lock.
    const first = await buildKilledAt(work, /\[content\] Syncing content/, async () => {
      second = await build(work);
    });
    expect(first.killed, first.output).toBe(true);
    if (!second) throw new Error('the second build did not run');
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(
      new RegExp(`another build \\(process \\d+\\) is using the output folder ${dist.replaceAll('/', '\\/')}`),
    );
    expect(await snapshot(dist)).toEqual(served);
  });

  test("the build after them gives the clean build's output byte for byte", async () => {
    const after = await build(work);
    expect(after.code, after.stderr).toBe(0);
    expect(await bytesOf(dist)).toEqual(await cleanSecondVersion());
  });
});
