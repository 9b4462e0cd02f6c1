/**
 * What a build reads, fingerprinted, so that a build whose inputs did not change at all stops
 * before Astro starts (scripts/build.mjs) and `npm start` knows when `dist/` is current.
 *
 * A build's output depends on: the files of the content folder; the project's own files (code,
 * styles, `public/`, the installed packages); the settings in the environment (SITE_URL, every
 * `ARCHIVE_*`, SOURCE_DATE_EPOCH) and the build's own arguments; and the clock, in two ways: the
 * calendar day in the site's time zone (age notices count years to it) and the moments at which a
 * scheduled article goes live or one expires (src/loaders/publication.ts records the next). Each
 * file is fingerprinted by its path, size and modification time (as make and git's index do: a
 * build never writes into the content folder, and an editor's save changes the time), the output
 * folder too, so that a folder changed or emptied by hand is built again.
 *
 * After a successful build the fingerprint taken before it started is recorded in the cache
 * folder, one per output folder; the next build compares.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bumped when what is fingerprinted changes, so no older record matches. */
const FORMAT = 2;

export interface BuildInputs {
  format: number;
  /** The settings and arguments of the build, each by name. */
  settings: Record<string, string>;
  /** For each input root: how many files it holds and the digest of their paths, sizes and times. */
  files: Record<string, { count: number; digest: string }>;
  /** The same for the output folder, as the build left it. */
  output?: { count: number; digest: string };
}

/** The project's files that shape a build, relative to the project root. */
export const PROJECT_INPUTS = [
  'src',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'node_modules/.package-lock.json',
];

/** Every file below `root` (or `root` itself), as one digest of path, size and modification time. */
export function fingerprintFiles(
  root: string,
  skip: (relative: string) => boolean = () => false,
): { count: number; digest: string } {
  const hash = createHash('sha256');
  let count = 0;
  const add = (file: string, relative: string) => {
    const stat = statSync(file, { bigint: true });
    hash.update(`${relative}\0${stat.size}\0${stat.mtimeNs}\n`);
    count++;
  };
  if (!existsSync(root)) return { count: 0, digest: 'missing' };
  if (!statSync(root).isDirectory()) add(root, '');
  else {
    // Sorted, so the same files give the same digest whatever order the file system lists them in.
    const entries = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of entries) {
      const relative = path.relative(root, file);
      if (!skip(relative)) add(file, relative);
    }
  }
  return { count, digest: hash.digest('hex') };
}

/** The settings in the environment that change what a build writes. */
export function environmentSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(
        ([name, value]) =>
          value !== undefined && (name.startsWith('ARCHIVE_') || name === 'SITE_URL' || name === 'SOURCE_DATE_EPOCH'),
      )
      .sort(([a], [b]) => a.localeCompare(b)) as [string, string][],
  );
}

/** The inputs of a build of `contentDir` into `outDir`, now. */
export function currentInputs(options: {
  projectRoot: string;
  contentDir: string;
  outDir: string;
  settings: Record<string, string>;
}): BuildInputs {
  const files: BuildInputs['files'] = { content: fingerprintFiles(options.contentDir) };
  for (const name of PROJECT_INPUTS) files[name] = fingerprintFiles(path.join(options.projectRoot, name));
  return { format: FORMAT, settings: options.settings, files, output: fingerprintFiles(options.outDir) };
}

/**
 * Why the inputs differ from the recorded ones, in words, or `undefined` when a build would write
 * exactly what the output folder holds. `next` is the moment, recorded by the last build, at
 * which the clock alone changes its output (a scheduled article, an expiry).
 */
export function whyBuild(
  recorded: BuildInputs | undefined,
  current: BuildInputs,
  clock: { now: number; next?: number },
): string | undefined {
  if (!recorded || recorded.format !== current.format) return 'no record of an earlier build into this folder';
  const settings = [...new Set([...Object.keys(recorded.settings), ...Object.keys(current.settings)])]
    .filter((name) => recorded.settings[name] !== current.settings[name])
    .sort();
  if (settings.length) return `settings changed (${settings.join(', ')})`;
  const changed = Object.keys(current.files).filter(
    (root) => recorded.files[root]?.digest !== current.files[root].digest,
  );
  if (changed.includes('content')) return 'the content folder changed';
  if (changed.length) return `the project changed (${changed.join(', ')})`;
  if (recorded.output?.digest !== current.output?.digest) return 'the output folder was changed since the last build';
  if (clock.next !== undefined && clock.next <= clock.now)
    return `a scheduled or expiring article changes at ${new Date(clock.next).toISOString()}`;
  return undefined;
}

/** Where the record for an output folder lives in the cache folder. */
export function inputsRecordFile(cacheDir: string, outDir: string): string {
  const key = createHash('sha1').update(path.resolve(outDir)).digest('hex').slice(0, 12);
  return path.join(cacheDir, 'build-inputs', `${key}.json`);
}

export function readInputs(file: string): BuildInputs | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildInputs;
  } catch {
    return undefined;
  }
}

export function writeInputs(file: string, inputs: BuildInputs): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(inputs)}\n`);
}

export function forgetInputs(file: string): void {
  rmSync(file, { force: true });
}
