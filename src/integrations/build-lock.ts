/**
 * One build at a time per project, cache folder and output folder: two builds interleaving their
 * writes would leave a mix of both (and Astro bundles each build's pages into the project's own
 * `.astro/` folder, whatever the others). A build takes a lock for each (a file in the system's temp
 * folder named by the folder's path, created atomically, holding its process id) before Astro
 * does any work, and gives them back when it ends, however it ends. (Not inside the folders: the
 * first build into an output folder empties it.) A second build stops at once with a message naming the first; a lock left by a build
 * that was killed (its process is gone) does not block the next one.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The lock file of a folder. */
export function lockFileOf(folder: string): string {
  const key = createHash('sha1').update(path.resolve(folder)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `archive-build-${key}.lock`);
}

const readLock = (file: string) => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
};

/** Whether a process of that id is running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !zombie(pid);
}

/**
 * Whether the process has ended but is not yet reaped (Linux's /proc; elsewhere, not known): a
 * killed build's process stays so until its parent or init collects it, and holds no lock.
 */
function zombie(pid: number): boolean {
  try {
    // The state follows the command's name in parentheses, which may itself hold any character.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/**
 * Takes the lock in `folder`, or says who holds it. Returns the release function. A lock whose
 * process is gone is taken over.
 */
export function takeLock(folder: string, what: string): () => void {
  const file = lockFileOf(folder);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        // Only our own: a build that took over a lock we left must keep it.
        if (readLock(file) === String(process.pid)) rmSync(file, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readLock(file), 10);
      if (Number.isInteger(holder) && holder !== process.pid && running(holder)) {
        throw new Error(
          `another build (process ${holder}) is using the ${what} ${folder}; wait for it to end, or stop it. Two builds into one folder would leave a mix of both.`,
          { cause: error },
        );
      }
      // Left by a build that ended without giving it back (killed): take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the build lock in ${folder}`);
}

export default function buildLock(): AstroIntegration {
  const releases: (() => void)[] = [];
  return {
    name: 'newsroom-archive:build-lock',
    hooks: {
      'astro:build:done': () => {
        for (const release of releases.splice(0)) release();
      },
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        try {
          // The project too: Astro bundles every build's pages into the project's own `.astro/`,
          // whatever the cache and output folders.
          releases.push(takeLock(path.resolve(fileURLToPath(config.root)), 'project'));
          releases.push(takeLock(path.resolve(fileURLToPath(config.cacheDir)), 'cache folder'));
          releases.push(takeLock(path.resolve(fileURLToPath(config.outDir)), 'output folder'));
        } catch (error) {
          // A plain message, not a stack trace: nothing is wrong with the build, only its timing.
          logger.error((error as Error).message);
          process.exit(1);
        }
      },
    },
  };
}
