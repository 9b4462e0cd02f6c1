/**
 * The code that turns a content file into an entry, found by following its imports: every
 * module of ours that the entry points import, directly or not (relative `.ts` imports; packages
 * are pinned by the lockfile, which the loader's digest does not need). A change to any of them
 * must re-render every file, so the loader puts their text into each file's digest; derived
 * rather than listed by hand, so a module added to the pipeline cannot be left out.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const LOCAL_IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.{1,2}\/[^']+\.ts)'/g;

/** The entry points and every local module they import, each once, in a fixed order. */
export function pipelineSources(entries: readonly URL[]): URL[] {
  const seen = new Map<string, URL>();
  const visit = (url: URL) => {
    if (seen.has(url.href)) return;
    seen.set(url.href, url);
    for (const [, specifier] of readFileSync(url, 'utf8').matchAll(LOCAL_IMPORT)) visit(new URL(specifier!, url));
  };
  for (const entry of entries) visit(entry);
  return [...seen.values()].sort((a, b) => a.href.localeCompare(b.href));
}

/** The articles' loader's name: its HTML files' folder in the cache (html-files.ts), which the export reads too. */
export const ARTICLES_LOADER = 'archive-articles';

/**
 * The code that turns a file into an entry (pipeline-sources.ts follows its imports from these):
 * a change to it must re-render every file, so its text is part of each file's digest.
 */
const PIPELINE_ENTRIES = [new URL('./process-file.ts', import.meta.url), new URL('./html-files.ts', import.meta.url)];

/** A hash of the pipeline's code: part of every digest, and of each HTML file's name (html-files.ts). */
export function pipelineVersion(): string {
  const hash = createHash('sha256');
  for (const source of pipelineSources(PIPELINE_ENTRIES)) hash.update(readFileSync(source));
  return hash.digest('hex').slice(0, 16);
}
