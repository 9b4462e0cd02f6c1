/**
 * The output folder a host or `npm start` serves is never half built: `npm run build`
 * (scripts/build.mjs) has Astro build into a staging folder of its own in the cache folder, and
 * only a build that ended well is switched in. A build that fails or is killed leaves the
 * previous output as it was.
 *
 * Three folders:
 * - the staging folder, Astro's output folder, kept from build to build: the incremental build
 *   (src/integrations/output-folder.ts) finds there the pages it does not render again, and
 *   rewrites files in place. It is never served, and no served file is a link to one of its files;
 * - the served folder, `<out>`;
 * - the spare, `<out>.next`: the output before last, made the same as the staging folder at the
 *   end of each build and then switched with the served folder by renames.
 * So a build copies only what changed (at most the last two builds' changes, since the spare is
 * one build behind), and never makes or removes the 10,000 folders of a 10,000-page site again.
 * Files are replaced in the spare by a copy and a rename, never rewritten in place, so the spare
 * and the served folder may share a file by hard link: the first spare is made of links to the
 * served files, and the output takes its disk space twice (staging, and the served folder with
 * its spare), plus what changed.
 *
 * Which files to copy is told by time: each folder's `seal` (kept in the cache, by the folder's
 * inode, as a rename keeps it) is the moment it was last made the same as the staging folder. A
 * staging file modified since the spare's seal was written after it; a spare file modified since
 * was touched by a sync cut short (or by hand). Both are copied, as is any file the spare lacks or
 * holds at another size; a spare file the staging folder lacks is removed. A folder without a
 * seal is filled again from nothing.
 *
 * The switch is three renames (`<out>` → `<out>.previous`, the spare → `<out>`, `<out>.previous` →
 * the spare): for the moment between the first two the folder is missing, never a mix; a build
 * killed right there is put back by the next one (`recoverOutput`) before it starts.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { linkOrCopy } from './link-or-copy.ts';

/** Where Astro builds for the output folder `outDir`: one staging folder per output folder. */
export function stagingFolderOf(cacheDir: string, outDir: string): string {
  const key = createHash('sha1').update(path.resolve(outDir)).digest('hex').slice(0, 12);
  return path.join(cacheDir, 'staging', key);
}

export const spareOf = (outDir: string) => `${outDir}.next`;
const previousOf = (outDir: string) => `${outDir}.previous`;
const sealsOf = (staging: string) => `${staging}.seals.json`;

/** Entries of the served folder that no build makes and a switch carries over (a deploy checkout). */
const CARRIED_OVER = ['.git'];
const carried = (file: string) =>
  CARRIED_OVER.some((entry) => file === entry || file.startsWith(`${entry}${path.sep}`));

/** Moves what no build makes (`CARRIED_OVER`) from the folder switched out to the one switched in. */
function carryOver(from: string, to: string): void {
  for (const entry of CARRIED_OVER) {
    if (existsSync(path.join(from, entry)) && !existsSync(path.join(to, entry)))
      renameSync(path.join(from, entry), path.join(to, entry));
  }
}

/**
 * Puts back the served folder if a build was killed between the renames of a switch. Returns
 * what it did, for the log.
 */
export function recoverOutput(outDir: string): string | undefined {
  const previous = previousOf(outDir);
  const spare = spareOf(outDir);
  let done: string | undefined;
  if (existsSync(previous)) {
    if (!existsSync(outDir)) {
      renameSync(previous, outDir);
      done = `put back ${outDir}, which a build stopped while switching it had moved aside`;
    } else if (!existsSync(spare)) renameSync(previous, spare);
    else rmSync(previous, { recursive: true, force: true });
  }
  if (existsSync(outDir) && existsSync(spare)) carryOver(spare, outDir);
  return done;
}

/** Each folder's seal: its inode → the moment it was last the same as the staging folder. */
type Seals = Record<string, number>;

function readSeals(file: string): Seals {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Seals;
  } catch {
    return {};
  }
}

function writeSeals(file: string, seals: Seals): void {
  writeFileSync(`${file}.partial`, JSON.stringify(seals));
  renameSync(`${file}.partial`, file);
}

const inodeOf = (dir: string) => String(statSync(dir).ino);

/**
 * The time of the file system's clock now, as it stamps files (coarser than `Date.now()` on some
 * systems): a file written after this moment has a modification time at or after it.
 */
function fileClock(dir: string): number {
  const probe = path.join(dir, `.clock-${process.pid}`);
  writeFileSync(probe, '');
  const time = statSync(probe).mtimeMs;
  unlinkSync(probe);
  return time;
}

interface Listing {
  files: Map<string, { size: number; mtimeMs: number }>;
  folders: Set<string>;
}

function listFolder(dir: string): Listing {
  const listing: Listing = { files: new Map(), folders: new Set() };
  if (!existsSync(dir)) return listing;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (carried(file)) continue;
    if (entry.isDirectory()) listing.folders.add(file);
    else if (entry.isFile()) {
      const { size, mtimeMs } = statSync(path.join(dir, file));
      listing.files.set(file, { size, mtimeMs });
    }
  }
  return listing;
}

/** Makes `copy` a folder of hard links to every file of `dir`. */
function linkCopy(dir: string, copy: string): void {
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (carried(file)) continue;
    if (entry.isDirectory()) mkdirSync(path.join(copy, file), { recursive: true });
    else if (entry.isFile()) linkOrCopy(path.join(dir, file), path.join(copy, file));
  }
}

export interface SwitchResult {
  /** Files copied into the spare before the switch: changed in the last two builds, or new. */
  copied: number;
  /** Files the spare had and this build does not make. */
  removed: number;
  /** Whether the spare had to be made first (the first builds into a folder). */
  madeSpare: boolean;
}

/** Makes the staging folder's output the served folder `outDir`, in one switch. */
export function switchOutput(staging: string, outDir: string): SwitchResult {
  const spare = spareOf(outDir);
  const sealsFile = sealsOf(staging);
  const seals = readSeals(sealsFile);
  const result: SwitchResult = { copied: 0, removed: 0, madeSpare: false };

  // The spare: as it is when it has a seal, else links to the served folder when that has one,
  // else empty.
  let seal = existsSync(spare) ? seals[inodeOf(spare)] : undefined;
  if (seal === undefined) {
    const servedSeal = existsSync(outDir) ? seals[inodeOf(outDir)] : undefined;
    if (servedSeal !== undefined) linkCopy(outDir, spare);
    else {
      rmSync(spare, { recursive: true, force: true });
      mkdirSync(spare, { recursive: true });
    }
    seal = servedSeal ?? -Infinity;
    result.madeSpare = true;
  }

  // Make it the same as the staging folder: first remove what it no longer makes (a file where a
  // folder now is, a folder where a file now is, deepest first), then add and replace.
  const wanted = listFolder(staging);
  const present = listFolder(spare);
  for (const file of present.files.keys()) {
    if (wanted.files.has(file)) continue;
    rmSync(path.join(spare, file), { force: true });
    result.removed++;
  }
  for (const folder of [...present.folders].sort().reverse()) {
    if (!wanted.folders.has(folder)) rmSync(path.join(spare, folder), { recursive: true, force: true });
  }
  for (const folder of [...wanted.folders].sort())
    if (!present.folders.has(folder)) mkdirSync(path.join(spare, folder), { recursive: true });
  for (const [file, info] of wanted.files) {
    const own = present.files.get(file);
    if (own && own.size === info.size && info.mtimeMs < seal && own.mtimeMs < seal) continue;
    const target = path.join(spare, file);
    // A new file renamed over the old one: a hard link the served folder shares keeps its bytes.
    copyFileSync(path.join(staging, file), `${target}.switch-partial`);
    renameSync(`${target}.switch-partial`, target);
    result.copied++;
  }
  seals[inodeOf(spare)] = fileClock(spare);
  writeSeals(sealsFile, seals);

  // Switch.
  const previous = previousOf(outDir);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(spare, outDir);
  if (existsSync(previous)) {
    renameSync(previous, spare);
    carryOver(spare, outDir);
  }
  // Seals of folders that are gone (a served folder deleted by hand) are forgotten.
  const kept = new Set([outDir, spare].filter(existsSync).map(inodeOf));
  writeSeals(sealsFile, Object.fromEntries(Object.entries(seals).filter(([inode]) => kept.has(inode))));
  return result;
}
