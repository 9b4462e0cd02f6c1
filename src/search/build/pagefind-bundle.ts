/**
 * The one place that reads and writes Pagefind's bundle format beyond its public API: putting
 * the bundles of the shards and word directories together into one.
 *
 * Pagefind's Node API (`createIndex`, `addHTMLFile`, `writeFiles`) writes one bundle per run, and
 * each shard is a run of its own (memory stays bounded by a shard; an unchanged shard is kept).
 * Pagefind documents searching several bundles (`mergeIndex`), but a merged search reads every
 * bundle for every query, which the search budgets cannot afford at 100,000 articles: the search
 * page must open only the shards a query needs. So the bundles become one, each as a language
 * index of it, which Pagefind's `createInstance` opens by language one at a time
 * (../browser/pagefind-instance.ts). This relies on two details Pagefind does not document, as
 * written by the version pinned in package.json (1.6.0):
 * - `pagefind-entry.json` lists a bundle's language indexes (`languages`: key → hash, wasm,
 *   page count) beside the bundle's `version`; the merged entry lists every shard's;
 * - the WebAssembly of a language is `wasm.<lang>.pagefind`, and the same bytes for `en`,
 *   `en-x-…` and `en-x-words`, so the shards of one language share one file (named after the
 *   language) and a browser fetches it once.
 * Every other file (meta, index chunks, fragments, filters) is named by its content hash, so the
 * bundles' files sit side by side. tests/unit/pagefind-bundle.test.ts checks both details
 * against what the pinned Pagefind writes, and tests/e2e/search.spec.ts searches across shards.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { languageOfKey } from '../contract/shards.ts';
import { linkOrCopy } from '../../integrations/link-or-copy.ts';

export const ENTRY_FILE = 'pagefind-entry.json';
/** Pagefind's own search interfaces: the search page has its own (../browser/). */
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/** The part of `pagefind-entry.json` read here. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
  [key: string]: unknown;
}

/** One bundle Pagefind wrote, holding the language index `key`. */
export interface IndexBundle {
  key: string;
  dir: string;
}

export const readEntry = (bundle: string) =>
  JSON.parse(readFileSync(path.join(bundle, ENTRY_FILE), 'utf8')) as PagefindEntry;

/** Every file below `dir`, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/**
 * Writes the bundles, each holding one language index, as one bundle into `outputPath`. Files of
 * ours kept beside an index (`ownFiles`: its digest, its words) are left out. Index files are
 * named by content hash, so one already in `outputPath` is already right and is not copied
 * again; files no bundle holds any more are removed.
 */
export function mergeBundles(bundles: readonly IndexBundle[], outputPath: string, ownFiles: ReadonlySet<string>): void {
  const wanted = new Map<string, string>(); // file in the bundle → where it comes from
  const entry: PagefindEntry = { version: '', languages: {} };
  for (const { key, dir } of bundles) {
    const indexEntry = readEntry(dir);
    const language = languageOfKey(key);
    const own = indexEntry.languages[key];
    if (!own) throw new Error(`search index: Pagefind wrote no "${key}" index in ${dir}/${ENTRY_FILE}`);
    Object.assign(entry, { ...indexEntry, languages: entry.languages });
    // A language Pagefind has no stemmer for keeps its shared `unknown` WebAssembly.
    entry.languages[key] = { ...own, wasm: own.wasm === key ? language : own.wasm };
    for (const file of filesUnder(dir)) {
      if (ownFiles.has(file) || file === ENTRY_FILE || UNUSED_FILES.test(file)) continue;
      const wasm = /^wasm\.(.+)\.pagefind$/.exec(file);
      // The index's copy of its language's WebAssembly becomes the language's one file.
      if (wasm && wasm[1] === key) wanted.set(`wasm.${language}.pagefind`, path.join(dir, file));
      else if (!wasm || !wanted.has(file)) wanted.set(file, path.join(dir, file));
    }
  }
  mkdirSync(outputPath, { recursive: true });
  const present = new Set(filesUnder(outputPath));
  for (const [file, source] of wanted) {
    const immutable = file.includes(path.sep) || file.endsWith('.pf_meta');
    if (immutable && present.has(file)) continue;
    mkdirSync(path.dirname(path.join(outputPath, file)), { recursive: true });
    // Linked, not copied: an index's files are never written again once Pagefind wrote them (a
    // shard indexed anew is written to a folder of its own, then renamed over the old one).
    linkOrCopy(source, path.join(outputPath, file));
  }
  for (const file of present) if (!wanted.has(file) && file !== ENTRY_FILE) rmSync(path.join(outputPath, file));
  writeFileSync(path.join(outputPath, ENTRY_FILE), JSON.stringify(entry));
}
