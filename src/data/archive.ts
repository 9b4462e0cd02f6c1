/**
 * The archive of this build: loaded from the content collections once and shared by every
 * page (Astro renders all pages in one process, so the promise is built once).
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive, type Article } from '@/lib/model/archive';
import { searchIndexSink, shareBuiltArchive } from '@/lib/outputs/build-handoff';
import { planShards, searchDocument, type SearchContext } from '@/lib/outputs/search-index';
import { urls } from '@/config/urls';
import { site } from '@/config/site';
import { indexCompanyRegistry } from '@/lib/model/terms';
import { pageKey } from '@/lib/outputs/page-keys';

let archive: Promise<Archive> | undefined;
const entryByPath = new Map<string, CollectionEntry<'articles'>>();
const companyEntryBySlug = new Map<string, CollectionEntry<'companies'>>();

async function load(): Promise<Archive> {
  const [articleEntries, companyEntries] = await Promise.all([getCollection('articles'), getCollection('companies')]);
  const companies = companyEntries.map((entry) => entry.data);
  for (const entry of companyEntries) companyEntryBySlug.set(entry.data.slug, entry);
  const registry = indexCompanyRegistry(companies);
  // The loader already reported clashes; an array here means it could not have passed.
  if (Array.isArray(registry)) throw new Error('company registry has clashing names');
  const model = buildArchive(articleEntries.map((entry) => entry.data), registry);
  const byFile = new Map(articleEntries.map((entry) => [entry.data.file, entry]));
  for (const article of model.articles) entryByPath.set(article.path, byFile.get(article.file)!);
  shareBuiltArchive(model);
  // During a build, the search index gets every article now, to index while pages are written.
  const sink = searchIndexSink();
  if (sink) {
    const { shardOf } = planShards(model.articles, site.lang, site.searchShardSize);
    const context = searchContext(model);
    sink.add(model.articles.map((article, i) => searchDocument(article, entryByPath.get(article.path)?.rendered?.html ?? '', shardOf[i]!, context)));
  }
  return model;
}

/** How the search index links and names an archive's terms. */
export function searchContext(model: Archive): SearchContext {
  return {
    termUrl: (ref) => urls.term(ref.kind, ref.slug),
    aliasesOf: (ref) => model.terms[ref.kind].get(ref.slug)?.registry?.aliases ?? [],
  };
}

export function getArchive(): Promise<Archive> {
  archive ??= load();
  return archive;
}

/** The rendered body of an article. */
export async function renderArticle(article: Article) {
  await getArchive();
  return render(entryByPath.get(article.path)!);
}

/** The rendered body of an article as an HTML string (feeds carry it in content:encoded). */
export async function articleHtml(article: Article): Promise<string> {
  await getArchive();
  return entryByPath.get(article.path)?.rendered?.html ?? '';
}

/**
 * The content digest of an article's file, as the loader computed it (file text, settings and
 * pipeline code): the part of a page cache key that covers the article's own content.
 */
export function contentDigest(article: Article): string {
  return String(entryByPath.get(article.path)?.digest ?? '');
}

/** The same for a registry company's file ('' when the company has no entry). */
export function registryDigest(slug: string): string {
  return String(companyEntryBySlug.get(slug)?.digest ?? '');
}

/**
 * The site settings every page shows (title, URL, page size…), for page cache keys. Not the
 * folders, nor the build's day: only article pages show that (their age notice), and their
 * keys hold the notice itself, so a new day re-renders only the pages whose notice changed.
 */
export const siteKey = pageKey({ ...site, contentDir: undefined, cacheDir: undefined, buildDay: undefined });

/** The rendered description of a registry company, if it has one. */
export async function renderCompanyDescription(slug: string) {
  await getArchive();
  const entry = companyEntryBySlug.get(slug);
  if (!entry?.rendered?.html.trim()) return undefined;
  return render(entry);
}
