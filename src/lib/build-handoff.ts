/**
 * Hands the archive model from the pages to build integrations.
 *
 * During `astro build` the pages and the integrations' `astro:build:done` hooks run in one Node
 * process, but integrations cannot import `astro:content`. Rather than read and validate every
 * file a second time, the model the pages were built from is left here, under a process-wide
 * symbol, for the sitemap to read its dates from.
 */
import type { Archive } from './archive.ts';

const KEY = Symbol.for('newsroom-archive.built-archive');

type Holder = { [KEY]?: Archive };

export function shareBuiltArchive(archive: Archive): void {
  (globalThis as Holder)[KEY] = archive;
}

/** The model of the pages just built; throws when none was built in this process. */
export function builtArchive(): Archive {
  const archive = (globalThis as Holder)[KEY];
  if (!archive) throw new Error('build-handoff: no archive was built in this process; run it after the pages are built');
  return archive;
}
