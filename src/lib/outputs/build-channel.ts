/**
 * How the pages hand the build's data to the build integrations. Both run in one Node process
 * during `astro build` but in separate module graphs: the integrations cannot import
 * `astro:content`, and the pages' bundle has its own copy of every module, so no module of ours
 * is shared between them. What they do share is Node itself, and Node's documented way for
 * modules that do not know each other to pass data is `node:diagnostics_channel`: named
 * channels, each with its typed message here.
 *
 * - `archive`: the archive model, once loaded (src/data/archive.ts publishes it). The sitemap
 *   (each page's `lastmod`), the list of published URLs and the share cards subscribe to it.
 * - `searchDocuments`: every article's search document and the shard plan, published only when
 *   someone listens (the search index, src/integrations/pagefind.ts), so `astro dev`, which
 *   builds no index, never makes them.
 *
 * - `dataExport`: the published articles with a way to read each one's rendered body, for the
 *   archive as data under `/data/` (src/integrations/data-export.ts), published only when it listens.
 *
 * An integration subscribes when the build starts and unsubscribes when it is done.
 */
import { channel } from 'node:diagnostics_channel';
import type { Archive, Article } from '../model/archive.ts';
import type { SearchDocument } from '../../search/build/documents.ts';
import type { ShardPlan } from '../../search/build/shard-plan.ts';

export interface BuildMessages {
  archive: Archive;
  searchDocuments: { documents: readonly SearchDocument[]; plan: ShardPlan };
  dataExport: { articles: readonly Article[]; bodyHtml(article: Article): Promise<string> };
}

const CHANNEL_NAMES: { [K in keyof BuildMessages]: string } = {
  archive: 'newsroom-archive:archive',
  searchDocuments: 'newsroom-archive:search-documents',
  dataExport: 'newsroom-archive:data-export',
};

/** Listens to one kind of message; returns the call that stops listening. */
export function subscribe<K extends keyof BuildMessages>(
  name: K,
  listener: (message: BuildMessages[K]) => void,
): () => void {
  const onMessage = (message: unknown) => listener(message as BuildMessages[K]);
  channel(CHANNEL_NAMES[name]).subscribe(onMessage);
  return () => void channel(CHANNEL_NAMES[name]).unsubscribe(onMessage);
}

/** Whether anyone listens: a message costly to make is made only then. */
export function hasSubscribers(name: keyof BuildMessages): boolean {
  return channel(CHANNEL_NAMES[name]).hasSubscribers;
}

/** Sends a message to every listener, synchronously. */
export function publish<K extends keyof BuildMessages>(name: K, message: BuildMessages[K]): void {
  channel(CHANNEL_NAMES[name]).publish(message);
}
