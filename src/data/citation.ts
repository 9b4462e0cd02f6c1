/** What an article's citation is made from (src/lib/outputs/citation.ts), for its head metadata and its "Cite this article" block. */
import { site } from '@/config/site';
import { urls } from '@/config/urls';
import type { Article } from '@/lib/model/archive';
import type { CitationInput } from '@/lib/outputs/citation';
import { absoluteUrl } from '@/lib/urls';

export function citationInput(article: Article): CitationInput {
  return {
    title: article.title,
    authors: article.terms.authors.map((author) => author.name),
    date: article.date,
    source: article.terms.sources[0]?.name,
    archive: site.title,
    url: absoluteUrl(urls.article(article), site.url),
    lang: article.lang ?? site.lang,
  };
}
