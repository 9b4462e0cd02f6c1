/**
 * One build at a time (src/integrations/build-lock.ts): a build whose cache or output folder is
 * locked by a running process stops at once with a message naming it, and touches nothing; a
 * lock left by a killed build (its process gone) does not block the next; a build gives its
 * locks back when it ends; a lock whose process has ended but is not yet reaped (a zombie, as a
 * killed build's process is for a moment) is taken over too.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { lockFileOf, takeLock } from '@/integrations/build-lock';
import { astroBuild, makeTempDir, removeDir, ROOT } from './build-helpers';

let work: string;
afterAll(() => removeDir(work));

test('a locked folder stops the build, naming the holder; a stale lock is taken over; locks are given back', async () => {
  work = await makeTempDir('lock');
  const cacheLock = lockFileOf(path.join(work, 'cache'));
  const outLock = lockFileOf(path.join(work, 'dist'));

  // Held by a running process (this test's own): another build is under way.
  writeFileSync(outLock, `${process.pid}\n`);
  const refused = await astroBuild({ workDir: work });
  expect(refused.code).not.toBe(0);
  expect(refused.output).toContain(
    `another build (process ${process.pid}) is using the output folder ${path.join(work, 'dist')}; wait for it to end, or stop it.`,
  );
  expect(refused.output).not.toContain('Stack trace');
  expect(existsSync(path.join(work, 'dist', 'index.html'))).toBe(false);
  // Its own locks on the project and the cache folder were given back as it stopped.
  expect(existsSync(cacheLock)).toBe(false);
  expect(existsSync(lockFileOf(ROOT))).toBe(false);
  expect(existsSync(outLock)).toBe(true);
  rmSync(outLock);

  // Left by a build that was killed: no process has this id.
  writeFileSync(outLock, '999999999\n');
  const built = await astroBuild({ workDir: work });
  expect(built.code, built.output).toBe(0);
  expect(existsSync(outLock)).toBe(false);
  expect(existsSync(cacheLock)).toBe(false);
});

test('a lock held by a process that has ended but is not yet reaped is taken over', async () => {
  // `sh` starts a child that ends at once, then becomes `sleep`, which never reaps it: a zombie.
  const parent = spawn('sh', ['-c', 'sleep 0.01 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const pid = Number(
    await new Promise<string>((resolve) => parent.stdout!.once('data', (chunk) => resolve(String(chunk)))),
  );
  try {
    let state = '';
    for (let tries = 0; tries < 100 && state !== 'Z'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    }
    expect(state).toBe('Z');
    const folder = await makeTempDir('zombie-lock');
    const lock = lockFileOf(folder);
    writeFileSync(lock, `${pid}\n`);
    const release = takeLock(folder, 'output folder');
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
    release();
    removeDir(folder);
  } finally {
    parent.kill();
  }
});
