/**
 * What the search index receives for each article: a small HTML document made from the archive
 * model, fed to Pagefind from memory (src/integrations/pagefind.ts) while the pages are being
 * written, instead of Pagefind reading every built page back from disk afterwards.
 *
 * The document holds exactly what is searchable: the headline, the summary when one was written
 * (a derived one is the first paragraph, already in the body), the byline and the body as the
 * page shows it (sanitized). Its metadata, facet values and sort key come from `searchRecord`.
 * Every text is escaped here: the document is HTML and no name may become markup.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './feeds.ts';
import { searchRecord, SEARCH_FILTERS, type SearchRecordInput } from './search.ts';

export interface SearchDocumentInput extends SearchRecordInput {
  title: string;
  /** The article's path without the base: `2018/02/27/slug/`. */
  path: string;
  /** The language of the article's page (its `lang`, else the site's). */
  lang: string;
  summaryDerived: boolean;
}

export interface SearchDocument {
  /** The URL search results link to, without the base (the search page adds it). */
  url: string;
  content: string;
}

export function searchDocument(article: SearchDocumentInput, bodyHtml: string): SearchDocument {
  const record = searchRecord(article);
  const hidden = [
    ...Object.entries(record.meta).map(([key, value]) => `<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`),
    ...Object.entries(record.sort).map(([key, value]) => `<span data-pagefind-sort="${key}">${escapeHtml(value)}</span>`),
    ...SEARCH_FILTERS.flatMap((key) => record.filters[key].map((value) => `<span data-pagefind-filter="${key}">${escapeHtml(value)}</span>`)),
  ];
  const byline = article.authorRefs.length ? `<p>By ${article.authorRefs.map((a) => escapeHtml(a.name)).join(', ')}</p>` : '';
  const content = [
    `<html lang="${escapeHtml(article.lang)}"><body><article data-pagefind-body>`,
    `<h1 data-pagefind-meta="title">${escapeHtml(article.title)}</h1>`,
    article.summaryDerived ? '' : `<p>${escapeHtml(article.summary)}</p>`,
    byline,
    bodyHtml,
    // Read for its metadata, filters and sort key, not for its words (see Pagefind's docs).
    `<div data-pagefind-ignore>${hidden.join('')}</div>`,
    '</article></body></html>',
  ].join('');
  return { url: `/${article.path}`, content };
}

/** One hash of every document, in order: the same documents give the same index. */
export function documentsDigest(documents: readonly SearchDocument[]): string {
  const hash = createHash('sha256');
  for (const { url, content } of documents) hash.update(url).update('\0').update(content).update('\0');
  return hash.digest('hex');
}
