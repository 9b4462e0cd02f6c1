/**
 * The archive of this build: loaded from the content collections once and shared by every
 * page (Astro renders all pages in one process, so the promise is built once). What was loaded
 * lives in one object, `LoadedArchive`: the model, the search index's shard plan, and the
 * collection entries behind it (for rendered bodies and content digests). Right after loading,
 * `publishToBuild` sends the model, and the search documents, to the build integrations that
 * listen (src/lib/outputs/build-channel.ts).
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { THUMBNAIL } from '@/lib/outputs/image-sizes';
import { isPhoto } from '@/lib/content/lead-image';
import { buildArchive, type Archive, type Article, type MovedUrl } from '@/lib/model/archive';
import type { ArticleRecord } from '@/lib/content/schema';
import { servedUrls } from '@/lib/model/url-claims';
import { checkPublished } from '@/lib/outputs/published-urls';
import { keptPublishedList } from '../loaders/published-list';
import { contentFileKey } from '../loaders/publication';
import { hasSubscribers, publish } from '@/lib/outputs/build-channel';
import { searchDocument, type DocumentBody, type SearchContext } from '@/search/build/documents';
import { planShards, type ShardPlan } from '@/search/build/shard-plan';
import { readStoredHtml } from '../loaders/html-files';
import { urls } from '@/config/urls';
import { site } from '@/config/site';
import { indexRegistry, type Registries } from '@/lib/model/terms';
import { BUILT_IN, REGISTRY_KINDS, type TermKind } from '@/lib/kinds';
import { kinds } from '@/config/kinds';
import { pageKey } from '@/lib/outputs/page-keys';
import { readStoryState, storyStateFile, writeStoryState } from '@/lib/stories/story-state-file';

interface LoadedArchive {
  model: Archive;
  /** The search index's shards and each article's shard, worked out once for the index and the search page. */
  shardPlan: ShardPlan;
  /** The collection entry of each published article, by its path. */
  articleEntries: Map<string, CollectionEntry<'articles'>>;
  /** The collection entry of each registry entry (companies, sources), by its kind and slug. */
  registryEntries: Map<string, RegistryEntry>;
}

/** The collections holding registries, one per kind that has one (src/content.config.ts). */
type RegistryEntry = CollectionEntry<'companies'> | CollectionEntry<'sources'>;
const registryKey = (kind: TermKind, slug: string) => `${kind}/${slug}`;

let loaded: Promise<LoadedArchive> | undefined;

/**
 * The old URLs of articles that moved since the last published build, from the list the loader
 * checked the content against (src/loaders/publication.ts): each is redirected.
 */
function movedArticles(records: readonly ArticleRecord[]): MovedUrl[] {
  const previous = keptPublishedList(site.cacheDir);
  if (!previous) return [];
  // The list names files relative to the content folder; the model, as the records do.
  const byKey = new Map(records.map((record) => [contentFileKey(record.file, site.contentDir), record.file]));
  const current = servedUrls(records, site.buildInstant, (record) => contentFileKey(record.file, site.contentDir));
  return checkPublished(previous, current, (file) => file).moved.map(({ from, file }) => ({
    from,
    file: byKey.get(file)!,
  }));
}

async function load(): Promise<LoadedArchive> {
  const [articles, ...registryCollections] = await Promise.all([
    getCollection('articles'),
    ...REGISTRY_KINDS.map((kind) => getCollection(BUILT_IN.info(kind).registry as 'companies' | 'sources')),
  ]);
  const registries: Registries = {};
  const registryEntries = new Map<string, RegistryEntry>();
  REGISTRY_KINDS.forEach((kind, i) => {
    const entries: RegistryEntry[] = registryCollections[i]!;
    const indexed = indexRegistry(entries.map((entry) => entry.data));
    // The loader already reported clashes; one here means it could not have passed.
    if (!indexed.ok) throw new Error(`${kind} registry has clashing names`);
    registries[kind] = indexed.index;
    for (const entry of entries) registryEntries.set(registryKey(kind, entry.data.slug), entry);
  });
  const records = articles.map((entry) => entry.data);
  // Reports of the same story, found once for every page (src/lib/stories/same-story.ts): only the
  // articles changed since the last build are scored anew, from what it kept in the cache folder.
  // Timed for `npm run bench`, reading and keeping the state included.
  let started = performance.now();
  const storyFile = storyStateFile(site.cacheDir);
  const storiesKept = readStoryState(storyFile);
  let storiesMs = performance.now() - started;
  const model = buildArchive(records, registries, {
    clock: site.buildInstant,
    moved: movedArticles(records),
    kinds,
    storiesKept,
  });
  started = performance.now();
  const stories = model.storyRun();
  const notKept = writeStoryState(storyFile, stories.state);
  if (notKept)
    console.warn(
      `[newsroom-archive:stories] warning: could not keep what the story finder found (${notKept}); the next build scores every article again`,
    );
  storiesMs += performance.now() - started;
  console.log(
    `[newsroom-archive:stories] same story: ${stories.pairs.length} pairs of reports among ${model.articles.length} articles in ${Math.round(storiesMs)} ms (${stories.rescored} scored anew)`,
  );
  const byFile = new Map(articles.map((entry) => [entry.data.file, entry]));
  const result: LoadedArchive = {
    model,
    shardPlan: planShards(model.articles, site.lang, site.searchShardSize),
    articleEntries: new Map(model.articles.map((article) => [article.path, byFile.get(article.file)!])),
    registryEntries,
  };
  await publishToBuild(result);
  return result;
}

/**
 * Sends the model to the integrations listening during `astro build`: the sitemap, the list of
 * published URLs and the share cards; the articles' bodies to the data export when it listens;
 * and, when the search index listens, every article's
 * search document now, to index while the pages are written. In `astro dev` no one listens.
 */
async function publishToBuild({ model, shardPlan, articleEntries }: LoadedArchive): Promise<void> {
  publish('archive', model);
  if (hasSubscribers('dataExport'))
    publish('dataExport', {
      articles: model.articles,
      bodyHtml: (article) => bodyOf(articleEntries.get(article.path)!).html(),
    });
  if (!hasSubscribers('searchDocuments')) return;
  const context = searchContext(model);
  const thumbnails = await Promise.all(model.articles.map(searchThumbnail));
  const documents = model.articles.map((article, i) =>
    searchDocument(
      { ...article, thumbnail: thumbnails[i] },
      bodyOf(articleEntries.get(article.path)!),
      shardPlan.shardOf[i]!,
      context,
    ),
  );
  publish('searchDocuments', { documents, plan: shardPlan });
}

/** The thumbnail a search result shows for an article with a lead image: twice the listings' size, for sharp screens. */
async function searchThumbnail(article: Article): Promise<string | undefined> {
  if (!isPhoto(article)) return undefined;
  const image = await getImage({
    src: article.image!.asset as ImageMetadata,
    width: THUMBNAIL.width * 2,
    height: THUMBNAIL.height * 2,
    fit: 'cover',
    format: 'webp',
    layout: 'none',
  });
  return image.src;
}

function loadArchive(): Promise<LoadedArchive> {
  loaded ??= load();
  return loaded;
}

/** How the search index links and names an archive's terms. */
export function searchContext(model: Archive): SearchContext {
  return {
    termUrl: (ref) => urls.term(ref.kind, ref.slug),
    aliasesOf: (ref) => model.terms[ref.kind]?.get(ref.slug)?.registry?.aliases ?? [],
    kinds: model.kinds,
  };
}

export async function getArchive(): Promise<Archive> {
  return (await loadArchive()).model;
}

/** The search index's shards, as the search page hands them to the browser. */
export async function getSearchShards() {
  return (await loadArchive()).shardPlan.shards;
}

/** An entry's rendered HTML, read when asked for (the loader keeps most of it in files). */
function bodyOf(entry: CollectionEntry<'articles'>): DocumentBody {
  return { key: String(entry.digest ?? ''), html: () => readStoredHtml(entry.rendered) };
}

/**
 * A rendered body, for a page (components/RenderedBody.astro shows it): its HTML, or, for an
 * entry with images, the component Astro renders with them resolved (src/loaders/html-files.ts).
 */
export type RenderedBody = { html: string } | { Content: Awaited<ReturnType<typeof render>>['Content'] };

async function renderedBody(entry: CollectionEntry<'articles'> | RegistryEntry): Promise<RenderedBody> {
  if (entry.rendered?.metadata?.imagePaths?.length) return { Content: (await render(entry)).Content };
  return { html: await readStoredHtml(entry.rendered) };
}

/** The rendered body of an article, for its page. */
export async function renderArticle(article: Article): Promise<RenderedBody> {
  return renderedBody((await loadArchive()).articleEntries.get(article.path)!);
}

/** The rendered body of an article as an HTML string (feeds carry it in content:encoded). */
export async function articleHtml(article: Article): Promise<string> {
  return bodyOf((await loadArchive()).articleEntries.get(article.path)!).html();
}

/**
 * The content digests the loader computed (file text, settings and pipeline code), for page
 * cache keys: an article's, and a term's registry entry's ('' when the term has no entry).
 */
export async function getDigests() {
  const { articleEntries, registryEntries } = await loadArchive();
  return {
    article: (article: Article) => String(articleEntries.get(article.path)?.digest ?? ''),
    registry: (kind: TermKind, slug: string) => String(registryEntries.get(registryKey(kind, slug))?.digest ?? ''),
  };
}

/**
 * The site settings every page shows (title, URL, page size…), for page cache keys. Not the
 * folders, nor the build's clock: only article pages show its day (their age notice), and their
 * keys hold the notice itself, so a new day re-renders only the pages whose notice changed; what
 * the clock publishes or withdraws changes the model, and so the keys of the pages that show it.
 */
export const siteKey = pageKey({
  ...site,
  contentDir: undefined,
  cacheDir: undefined,
  buildDay: undefined,
  buildInstant: undefined,
  publishedUrls: undefined,
});

/** The rendered description of a term's registry entry (a company's, a source's), if it has one. */
export async function renderRegistryDescription(kind: TermKind, slug: string) {
  const entry = (await loadArchive()).registryEntries.get(registryKey(kind, slug));
  const body = entry && (await renderedBody(entry));
  return body && ('Content' in body || body.html.trim()) ? body : undefined;
}
