/**
 * The hand-over from the pages to the build integrations, which run in the same Node process
 * during `astro build` but in another module graph (they cannot import `astro:content`, and the
 * pages' bundle has its own copy of every module). Each integration opens a receiver when the
 * build starts and closes it when the build is done; `src/data/archive.ts` hands the model of
 * the build to whatever receivers are open, once, right after building it:
 * - the search index receives the search documents, so Pagefind indexes on the other core
 *   while the pages are written (src/integrations/pagefind.ts);
 * - the sitemap receives the archive model, for each page's `lastmod` and the pages it leaves
 *   out, rather than reading and validating every file a second time
 *   (src/integrations/sitemap.ts);
 * - the list of published URLs receives it too, to name each URL's content file and write the
 *   redirects (src/integrations/published-urls.ts);
 * - the share cards receive it, to draw the link-preview cards its pages name
 *   (src/integrations/share-cards.ts).
 * The open receivers are kept under one process-wide symbol: the one place the two module
 * graphs meet.
 */
import type { Archive } from '../model/archive.ts';
import type { SearchDocument } from './search-index.ts';

export interface SearchIndexReceiver {
  add(documents: readonly SearchDocument[]): void;
}

export interface ArchiveReceiver {
  receive(archive: Archive): void;
}

export interface BuildReceivers {
  searchIndex?: SearchIndexReceiver;
  sitemap?: ArchiveReceiver;
  publishedUrls?: ArchiveReceiver;
  shareCards?: ArchiveReceiver;
}

const KEY = Symbol.for('newsroom-archive.build-receivers');

function receivers(): BuildReceivers {
  const holder = globalThis as { [KEY]?: BuildReceivers };
  holder[KEY] ??= {};
  return holder[KEY];
}

/** An integration opens (or, with undefined, closes) its receiver. */
export function openReceiver<K extends keyof BuildReceivers>(name: K, receiver: BuildReceivers[K] | undefined): void {
  receivers()[name] = receiver;
}

/** The receivers open now: none in `astro dev`, which builds no index or sitemap. */
export function openReceivers(): Readonly<BuildReceivers> {
  return receivers();
}
