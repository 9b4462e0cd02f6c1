/**
 * The committed lockfile is what `npm install` writes for package.json, so `npm ci` (CI, the
 * GitHub Pages workflow, a user's first deploy) installs from it. `npm ci` refuses a lockfile
 * that does not list every optional platform package of a dependency (the compiler bindings of
 * Astro for other systems), even when this machine needs none of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as LockedPackage & { name: string };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
};

/** Where npm would find `name` from the package at `from` (`node_modules/a/node_modules/b`, up to the root). */
function resolves(from: string, name: string): boolean {
  let at = from;
  for (;;) {
    if (lock.packages[`${at ? `${at}/` : ''}node_modules/${name}`]) return true;
    if (!at) return false;
    const cut = at.lastIndexOf('/node_modules/');
    at = cut < 0 ? '' : at.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  test('is a lockfile of npm 7 or later, for this package', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(lock.packages['']).toBeDefined();
  });

  test('asks for exactly the dependencies package.json declares', () => {
    const root = lock.packages['']!;
    expect(root.dependencies ?? {}).toEqual(manifest.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(manifest.devDependencies ?? {});
  });

  test('locks every dependency of every locked package, optional platform packages included', () => {
    const missing: string[] = [];
    for (const [at, locked] of Object.entries(lock.packages)) {
      if (at === '' || (locked as { link?: boolean }).link) continue;
      const required = { ...locked.dependencies, ...locked.optionalDependencies };
      for (const name of Object.keys(required)) if (!resolves(at, name)) missing.push(`${name} (for ${at})`);
    }
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (!resolves('', name)) missing.push(`${name} (for package.json)`);
    }
    expect(missing).toEqual([]);
  });
});
