/**
 * Hands data from the pages to the build integrations, which run in the same Node process
 * during `astro build` but cannot import `astro:content`:
 * - the archive model the pages were built from, for the sitemap's dates (read after the pages
 *   are written), rather than reading and validating every file a second time;
 * - the search documents, for the search index: the integration opens a sink when the build
 *   starts and the pages send their documents to it as soon as the model exists, so Pagefind
 *   indexes on the other core while the pages are written.
 * Both live under one process-wide symbol.
 */
import type { Archive } from '../model/archive.ts';
import type { SearchDocument } from './search-index.ts';

export interface SearchIndexSink {
  add(documents: readonly SearchDocument[]): void;
}

interface Handoff {
  archive?: Archive;
  searchIndex?: SearchIndexSink;
}

const KEY = Symbol.for('newsroom-archive.build-handoff');

function handoff(): Handoff {
  const holder = globalThis as { [KEY]?: Handoff };
  holder[KEY] ??= {};
  return holder[KEY];
}

export function shareBuiltArchive(archive: Archive): void {
  handoff().archive = archive;
}

/** The model of the pages just built; throws when none was built in this process. */
export function builtArchive(): Archive {
  const { archive } = handoff();
  if (!archive) throw new Error('build-handoff: no archive was built in this process; run it after the pages are built');
  return archive;
}

/** Opens (or, with undefined, closes) the sink the pages send search documents to. */
export function openSearchIndex(sink: SearchIndexSink | undefined): void {
  handoff().searchIndex = sink;
}

/** The open sink, when a build that indexes is running (not in `astro dev`). */
export function searchIndexSink(): SearchIndexSink | undefined {
  return handoff().searchIndex;
}
