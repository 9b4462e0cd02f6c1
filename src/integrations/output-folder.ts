/**
 * Keeps the output folder between builds, and keeps it exactly this build's output.
 *
 * Astro empties the output folder before every build; with the incremental build
 * (astro.config.mjs) that means copying back, from its cache, every page it did not render
 * again: 13,000 files for a 10,000-article archive on every edit. So Astro is told not to empty
 * it (`vite.build.emptyOutDir: false`), pages that did not change stay where they are, and this
 * integration removes what a build no longer makes:
 * - routes' files (pages, feeds) the last build wrote and this one did not (a deleted article,
 *   a company no longer mentioned), from a list it keeps in Astro's cache folder;
 * - files from `public/` that are no longer there;
 * - build assets (`_astro/`) this build did not write: Vite writes all of them every time.
 * Without a list from an earlier build into this folder (the first build, or a folder built by
 * something else), the folder is emptied first, as Astro would.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

interface OutputList {
  /** Files the routes wrote, and files copied from `public/`, relative to the output folder. */
  files: string[];
}

/** Where the list of an output folder is kept: one list per folder, as two may share a cache. */
function listFileOf(cacheDir: string, outDir: string): string {
  const key = createHash('sha1').update(path.resolve(outDir)).digest('hex').slice(0, 12);
  return path.join(cacheDir, 'output-folders', `${key}.json`);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Removes empty folders left below `dir` (not `dir` itself). */
function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = path.join(dir, entry.name);
    removeEmptyFolders(sub);
    if (readdirSync(sub).length === 0) rmSync(sub, { recursive: true });
  }
}

export default function outputFolder(): AstroIntegration {
  let outDir = '';
  let publicDir = '';
  let listFile = '';
  let started = 0;
  return {
    name: 'newsroom-archive:output-folder',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
        listFile = listFileOf(fileURLToPath(config.cacheDir), outDir);
      },
      'astro:build:start': () => {
        started = Date.now();
        if (!existsSync(listFile) && existsSync(outDir)) {
          for (const entry of readdirSync(outDir))
            if (entry !== '.git') rmSync(path.join(outDir, entry), { recursive: true, force: true });
        }
      },
      'astro:build:done': ({ assets, logger }) => {
        const written = new Set<string>();
        for (const urls of assets.values())
          for (const url of urls) written.add(path.relative(outDir, fileURLToPath(url)).split(path.sep).join('/'));
        for (const file of filesUnder(publicDir)) written.add(file);

        const previous = existsSync(listFile) ? (JSON.parse(readFileSync(listFile, 'utf8')) as OutputList).files : [];
        const stale = previous.filter((file) => !written.has(file));
        // Build assets have content hashes in their names; this build rewrote every one it uses.
        const assetsDir = path.join(outDir, '_astro');
        const oldAssets = filesUnder(assetsDir).filter(
          (file) => statSync(path.join(assetsDir, file)).mtimeMs < started,
        );
        for (const file of stale) rmSync(path.join(outDir, file), { force: true });
        for (const file of oldAssets) rmSync(path.join(assetsDir, file), { force: true });
        if (stale.length + oldAssets.length > 0) {
          removeEmptyFolders(outDir);
          logger.info(`removed ${stale.length + oldAssets.length} file(s) the last build made and this one did not`);
        }
        mkdirSync(path.dirname(listFile), { recursive: true });
        writeFileSync(listFile, JSON.stringify({ files: [...written].sort() } satisfies OutputList));
      },
    },
  };
}
