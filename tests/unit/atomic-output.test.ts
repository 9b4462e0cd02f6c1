/**
 * The switch of the served folder (src/integrations/atomic-output.ts), on folders of a few files:
 * the served folder becomes the staging folder's copy (a file turned folder and back included),
 * never shares a file with the staging folder, keeps a `.git` checkout, and is put back when a
 * switch was cut between its renames.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { recoverOutput, spareOf, switchOutput } from '@/integrations/atomic-output';

let root: string;
let staging: string;
let out: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'archive-switch-'));
  staging = path.join(root, 'cache', 'staging');
  out = path.join(root, 'dist');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (dir: string, files: Record<string, string>) => {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
};

/** Every file below `dir` with its text, `.git` left out. */
function contents(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (entry.isFile() && !file.startsWith('.git')) result[file] = readFileSync(path.join(dir, file), 'utf8');
  }
  return result;
}

/** Inodes of the files below `dir`. */
const inodes = (dir: string) => new Set(Object.keys(contents(dir)).map((file) => statSync(path.join(dir, file)).ino));

describe('switchOutput', () => {
  test('makes the served folder the staging folder, build after build, sharing no file with it', async () => {
    write(staging, { 'index.html': 'home 1', 'a/index.html': 'a 1', 'b/index.html': 'b 1', feed: 'a file' });
    expect(switchOutput(staging, out)).toEqual({ copied: 4, removed: 0, madeSpare: true });
    expect(contents(out)).toEqual(contents(staging));

    const builds: Record<string, string>[] = [
      // an edit, a deletion, a file become a folder
      { 'index.html': 'home 2', 'a/index.html': 'a 1', 'feed/index.html': 'a folder' },
      // a folder become a file again, a new page
      { 'index.html': 'home 2', 'a/index.html': 'a 3', feed: 'a file again', 'c/d/index.html': 'c' },
      { 'index.html': 'home 4', 'a/index.html': 'a 3', feed: 'a file again', 'c/d/index.html': 'c' },
    ];
    for (const files of builds) {
      // Time passes between builds, as file systems stamp it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      rmSync(staging, { recursive: true });
      write(staging, files);
      // A file written in the clock tick of a seal counts as written after it (copied again).
      await new Promise((resolve) => setTimeout(resolve, 20));
      switchOutput(staging, out);
      expect(contents(out)).toEqual(files);
      const shared = [...inodes(out)].filter((inode) => inodes(staging).has(inode));
      expect(shared).toEqual([]);
    }
    // Then builds that rewrite one file, as Astro's incremental build does: once the spare has
    // caught up with the last full rewrite, that file is copied, not the four.
    for (const home of ['home 5', 'home 6']) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      write(staging, { 'index.html': home });
      const switched = switchOutput(staging, out);
      expect(contents(out)['index.html']).toBe(home);
      // The page, and at most the one copied in the clock tick of the spare's seal.
      if (home === 'home 6') expect(switched.copied).toBeLessThanOrEqual(2);
    }
  });

  test('a file touched in the spare by a switch cut short is copied again', async () => {
    write(staging, { 'a.html': 'one', 'b.html': 'one' });
    switchOutput(staging, out);
    await new Promise((resolve) => setTimeout(resolve, 20));
    write(staging, { 'a.html': 'two' });
    switchOutput(staging, out);
    // The spare now holds the first build; a cut-short copy left garbage in it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(path.join(spareOf(out), 'b.html'), 'garbage');
    writeFileSync(path.join(spareOf(out), 'b.html.switch-partial'), 'garbage');
    switchOutput(staging, out);
    expect(contents(out)).toEqual({ 'a.html': 'two', 'b.html': 'one' });
  });

  test('keeps a .git checkout in the served folder', () => {
    write(staging, { 'index.html': 'home' });
    write(out, { '.git/HEAD': 'ref: refs/heads/gh-pages', 'old.html': 'from another build' });
    switchOutput(staging, out);
    expect(readFileSync(path.join(out, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages');
    expect(contents(out)).toEqual({ 'index.html': 'home' });
    switchOutput(staging, out);
    expect(existsSync(path.join(out, '.git/HEAD'))).toBe(true);
  });
});

describe('recoverOutput', () => {
  test('puts the served folder back when a switch was killed after moving it aside', () => {
    write(staging, { 'index.html': 'home' });
    switchOutput(staging, out);
    renameSync(out, `${out}.previous`);
    expect(recoverOutput(out)).toContain('put back');
    expect(contents(out)).toEqual({ 'index.html': 'home' });
    expect(recoverOutput(out)).toBeUndefined();
  });

  test('keeps the spare when a switch was killed after switching in the new folder', () => {
    write(staging, { 'index.html': 'one' });
    switchOutput(staging, out);
    write(staging, { 'index.html': 'two' });
    switchOutput(staging, out);
    renameSync(spareOf(out), `${out}.previous`);
    expect(recoverOutput(out)).toBeUndefined();
    expect(existsSync(spareOf(out))).toBe(true);
    write(staging, { 'index.html': 'three' });
    switchOutput(staging, out);
    expect(contents(out)).toEqual({ 'index.html': 'three' });
  });
});
