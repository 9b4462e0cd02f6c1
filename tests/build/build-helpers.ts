/**
 * Helpers for the build tests: each runs the real `npx astro build` as a child process against
 * a content folder made in the system temp folder, with its own cache and output folder, so
 * the tests neither touch `dist/` nor share state with other builds on the machine.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A fresh folder in the system temp folder (its real path, so it matches what the build prints). */
export async function makeTempDir(prefix: string): Promise<string> {
  return realpath(await mkdtemp(path.join(os.tmpdir(), `archive-${prefix}-`)));
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

/** Writes `{ 'articles/a.md': '…' }` under `dir`. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

/** A Markdown file from frontmatter lines and a body. */
export function md(lines: string[], body = 'A first paragraph of the article.\n'): string {
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

/** Settings a caller's environment could leak into a test's build or script. */
const LEAKY_SETTINGS = [
  'ARCHIVE_CONTENT_DIR',
  'SITE_URL',
  'ARCHIVE_TIME_ZONE',
  'ARCHIVE_PAGE_SIZE',
  'ARCHIVE_TRUSTED_HTML',
  'ARCHIVE_SEARCH_SHARD_SIZE',
  'ARCHIVE_PUBLISHED_URLS',
  'SOURCE_DATE_EPOCH',
  'ARCHIVE_PUBLISH_DATA',
];

export interface BuildResult {
  code: number | null;
  /** stdout and stderr together, without colour codes. */
  output: string;
  outDir: string;
}

/**
 * Runs `npx astro build`. `contentDir` undefined builds the default `content/`. Settings that
 * could leak in from the caller's environment are removed so every build sees the defaults.
 */
export function astroBuild(options: {
  contentDir?: string;
  workDir: string;
  env?: Record<string, string>;
}): Promise<BuildResult> {
  const outDir = path.join(options.workDir, 'dist');
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of LEAKY_SETTINGS) delete env[key];
  if (options.contentDir) env.ARCHIVE_CONTENT_DIR = options.contentDir;
  env.ARCHIVE_CACHE_DIR = path.join(options.workDir, 'cache');
  Object.assign(env, options.env);

  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['astro', 'build', '--outDir', outDir], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: stripVTControlCharacters(output), outDir }));
  });
}

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's Node scripts (`scripts/check.mjs`…) from the project root, with the
 * project's Node and the same clean environment as `astroBuild`.
 */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  cwd = ROOT,
): Promise<ScriptResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of LEAKY_SETTINGS) delete childEnv[key];
  Object.assign(childEnv, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, script), ...args], {
      cwd,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The problem lines of a failed build's content error (`  file:line: field: message`). */
export function buildProblemLines(output: string): string[] {
  const start = output.search(/The content has (?:a problem|\d+ problems); nothing was built\./);
  if (start < 0) return [];
  const lines = output.slice(start).split('\n').slice(1);
  // Astro follows the message with an indented `Stack trace:` of its own.
  const end = lines.findIndex((line) => !line.startsWith('  ') || line.trim() === 'Stack trace:');
  return (end < 0 ? lines : lines.slice(0, end)).map((line) => line.trim());
}

/** Every file under `dir` with the hash of its bytes and its modification time. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const result: Record<string, string> = {};
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    const info = await stat(file);
    const key = path.relative(dir, file);
    if (entry.isDirectory()) result[`${key}/`] = `dir ${info.mtimeMs}`;
    else
      result[key] = `${createHash('sha256')
        .update(await readFile(file))
        .digest('hex')} ${info.mtimeMs}`;
  }
  return result;
}

/** What the built search index holds of each article: Pagefind's fragment files are gzipped JSON after a signature. */
export function indexedFragments(dist: string): { url: string; content: string; meta: Record<string, string> }[] {
  const dir = path.join(dist, 'pagefind', 'fragment');
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(path.join(dir, name))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{')));
  });
}

/** Escapes text for use inside a RegExp. */
export function re(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
