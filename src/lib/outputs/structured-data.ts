/**
 * schema.org structured data for article pages (JSON-LD `NewsArticle`), and the one safe way
 * to put JSON into a `<script>` element.
 */
import type { Article } from '../model/archive.ts';
import { toIsoInstant } from '../dates.ts';
import { lastModified } from '../model/modified.ts';
import type { TermRef } from '../model/terms.ts';
import { absoluteUrl, type Urls } from '../urls.ts';

export interface StructuredDataContext {
  site: { title: string; url: string; lang: string };
  urls: Urls;
}

type JsonLd = Record<string, unknown>;

/** The site as a publisher: a news organisation named after the archive. */
export function publisherJsonLd({ site, urls }: StructuredDataContext): JsonLd {
  return { '@type': 'Organization', name: site.title, url: absoluteUrl(urls.home(), site.url) };
}

function termUrl(term: TermRef, { site, urls }: StructuredDataContext): string {
  return absoluteUrl(urls.term(term.kind, term.slug), site.url);
}

/**
 * A `NewsArticle` for one article. Companies are what the article is `about` (each an
 * Organization with its archive page, and its website as `sameAs` when the registry has one);
 * topics become `keywords`; each correction note a `CorrectionComment`, and the latest change
 * (`updated` or a correction) is `dateModified`. With no byline the publisher stands as author, as Google asks for
 * an author on every article.
 */
export function newsArticleJsonLd(
  article: Article,
  context: StructuredDataContext,
  /** A company's website from the registry, by company slug. */
  websiteOf: (slug: string) => string | undefined = () => undefined,
  /** Absolute URLs of the lead image's crops (16:9, 4:3, 1:1), when it has one. */
  images: readonly string[] = [],
): JsonLd {
  const { site, urls } = context;
  const url = absoluteUrl(urls.article(article), site.url);
  const publisher = publisherJsonLd(context);
  const authors = article.terms.authors.map((author) => ({
    '@type': 'Person',
    name: author.name,
    url: termUrl(author, context),
  }));
  const data: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.title,
    description: article.summary,
    datePublished: toIsoInstant(article.date),
    dateModified: toIsoInstant(lastModified(article)),
    inLanguage: article.lang ?? site.lang,
    author: authors.length ? authors : [publisher],
    publisher,
    ...(images.length ? { image: [...images] } : {}),
  };
  if (article.terms.companies.length) {
    data.about = article.terms.companies.map((company) => {
      const website = websiteOf(company.slug);
      return {
        '@type': 'Organization',
        name: company.name,
        url: termUrl(company, context),
        ...(website ? { sameAs: website } : {}),
      };
    });
  }
  if (article.terms.topics.length) data.keywords = article.terms.topics.map((topic) => topic.name);
  if (article.corrections.length) {
    data.correction = article.corrections.map((correction) => ({
      '@type': 'CorrectionComment',
      datePublished: toIsoInstant(correction.date),
      text: correction.plain,
    }));
  }
  if (article.source) {
    data.isBasedOn = {
      '@type': 'CreativeWork',
      url: article.source.url,
      ...(article.source.name ? { name: article.source.name } : {}),
    };
  }
  return data;
}

/**
 * JSON for a `<script type="application/ld+json">` element. JSON.stringify alone is not enough:
 * an HTML parser ends the element at the first `</script` whatever the JSON means, and `<!--`
 * changes how it scans. Escaping every `<`, `>` and `&` as a \u escape keeps the JSON's meaning
 * (JSON.parse gives back the same strings) while no markup can appear; U+2028 and U+2029 are
 * escaped too for older JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
