/**
 * The archive model: built once per build from the loaded records, shared by every page.
 * Pages ask it questions (an article's neighbours, a term's articles, a month's days); no page
 * scans all articles itself.
 */
import { subMonths } from 'date-fns/subMonths';
import type { ArticleRecord } from '../content/schema.ts';
import { articleStatus, isWithdrawn } from './lifecycle.ts';
import { RelatedIndex } from './related.ts';
import {
  findStories,
  nearDuplicates,
  storiesByItem,
  type StoryItem,
  type StoryPair,
  type StoryRun,
  type StoryState,
} from '../stories/same-story.ts';
import { mostCovered, termStats, type TermCount, type TermStats } from './term-stats.ts';
import { groupByPeriod, type MonthGroup, type YearGroup } from './timeline.ts';
import { collectTerms, resolveTermSlug, type Registries, type Term, type TermRef } from './terms.ts';
import { articlePath } from '../urls.ts';
import { BUILT_IN, type BuiltInKind, type Kinds, type TermKind } from '../kinds.ts';

/** A term as one article names it: the term, and the spellings this article used for it. */
export interface ArticleTermRef extends TermRef {
  /** `ACME` and `Acme Corp.` for Acme Corporation, as written in this article's frontmatter. */
  spellings: string[];
}

/**
 * A published article in the model. Its companies, topics, authors and source are one field
 * keyed by term kind, resolved to terms (the record's raw `companies`, `topics` and `bylines`
 * live on only as each term's `spellings`; `source` stays, for the link to the original).
 */
export interface Article extends Omit<ArticleRecord, 'companies' | 'topics' | 'bylines' | 'names'> {
  /** Root-relative path without base: `2018/02/27/slug/`. */
  path: string;
  /** Its terms of every kind of the archive (src/lib/kinds.ts), each kind's in the order its file wrote them. */
  terms: ArticleTerms;
}

/** An article's terms by kind: the built-in kinds always, and each declared one. */
export type ArticleTerms = Record<BuiltInKind, ArticleTermRef[]> & Record<TermKind, ArticleTermRef[]>;

/** The name of an article's source: its `source.name`, else the host of its `source.url` (without `www.`). */
export function sourceName(source: NonNullable<ArticleRecord['source']>): string {
  return source.name ?? new URL(source.url).hostname.replace(/^www\./, '');
}

/**
 * An article as the story finder reads it: its instant, its names that can make a story (its
 * companies and the names of declared kinds: topics, authors and sources say too little), its
 * source (a near-duplicate is one source's story twice) and its story terms.
 */
function storyItem(article: Article, kinds: Kinds): StoryItem {
  const storyKinds: TermKind[] = ['companies', ...kinds.declared.map((info) => info.kind)];
  return {
    key: article.file,
    instant: article.date.instant,
    names: storyKinds.flatMap((kind) => article.terms[kind].map((ref) => `${kind}/${ref.slug}`)),
    source: article.terms.sources[0]?.slug ?? '',
    terms: article.storyTerms,
    termsDigest: article.storyTermsDigest,
  };
}

/** The names a record gives for each kind of term: the built-in fields, then each declared kind's. */
function namesByKind(record: ArticleRecord, kinds: Kinds): Record<TermKind, string[]> {
  const names: Record<TermKind, string[]> = {
    companies: record.companies,
    topics: record.topics,
    authors: record.bylines,
    sources: record.source ? [sourceName(record.source)] : [],
  };
  for (const info of kinds.declared) names[info.kind] = record.names?.[info.field] ?? [];
  return names;
}

export type ArchiveTerm = Term<Article>;

/**
 * An article whose URL answers with a removal page (removed, or expired): what that page may
 * show, and nothing it must not (no body, summary, byline or terms).
 */
export interface WithdrawnArticle extends Pick<
  ArticleRecord,
  'file' | 'slug' | 'title' | 'date' | 'lang' | 'removed' | 'expires' | 'aliases'
> {
  path: string;
  status: 'removed' | 'expired';
}

/** A path that leads to an article's URL: one of its aliases, or the URL it had before it moved. */
export interface ArchiveRedirect {
  /** The site path redirected from (`news/old-story/`), without base. */
  from: string;
  /** The article it leads to (its page, or its removal page). */
  to: Article | WithdrawnArticle;
  reason: 'alias' | 'moved';
}

/** An article that moved since the last published build: its old path, and its file (src/lib/outputs/published-urls.ts). */
export interface MovedUrl {
  from: string;
  file: string;
}

export interface ArchiveOptions {
  /**
   * The build's clock (ms since 1970), which publishes scheduled articles and withdraws expired
   * ones (src/lib/model/lifecycle.ts); without one, dates decide nothing.
   */
  clock?: number;
  /** Old URLs of articles that moved since the last published build: each becomes a redirect. */
  moved?: readonly MovedUrl[];
  /** The archive's kinds of name (the built-in ones unless its settings declare more). */
  kinds?: Kinds;
  /** What the last build's story finder kept: only the articles changed since are scored anew. */
  storiesKept?: StoryState;
}

export interface Archive {
  /** Its kinds of name, in order: the built-in ones, then the declared ones. */
  kinds: Kinds;
  /** Published articles, newest first. */
  articles: Article[];
  /** Removed and expired articles, newest first: their URLs answer with a removal page. */
  withdrawn: WithdrawnArticle[];
  /** Every alias and moved URL, by the path it redirects from (A–Z). */
  redirects: ArchiveRedirect[];
  byPath: Map<string, Article>;
  years: YearGroup<Article>[];
  terms: Record<TermKind, Map<string, ArchiveTerm>>;
  /** The article published just before this one, and the one just after. */
  neighbours(article: Article): { older?: Article; newer?: Article };
  /** Up to five articles sharing the most companies and topics, newest first among equals. */
  related(article: Article): Article[];
  /**
   * Other reports of the article's story (src/lib/stories/same-story.ts): articles within a few
   * days, about a name it names, with similar text; oldest first.
   */
  otherReports(article: Article): Article[];
  /** Every pair of reports of one story (positions in `articles`), found once on first use. */
  storyPairs(): StoryPair[];
  /** The story finder's run behind `storyPairs`: what it keeps for the next build, and how many articles it scored anew. */
  storyRun(): StoryRun;
  /** The pairs of `storyPairs` that are one source's story twice (the same copy imported again). */
  nearDuplicates(): StoryPair[];
  /** Coverage figures and co-mentions for a term page. */
  stats(term: ArchiveTerm): TermStats;
  /** Most covered companies or topics in the 12 months up to the newest article. */
  mostCovered(kind: 'companies' | 'topics', limit: number): TermCount[];
  /** The non-empty years and months before and after a period, for period navigation. */
  adjacentYears(year: number): { older?: YearGroup<Article>; newer?: YearGroup<Article> };
  adjacentMonths(year: number, month: number): { older?: MonthGroup<Article>; newer?: MonthGroup<Article> };
}

/** Caches a per-key computation: each answer is worked out once per build, on first use. */
function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}

/** Newest first by instant; ties by slug so the order is stable. */
export function compareNewestFirst(
  a: Pick<ArticleRecord, 'date' | 'slug'>,
  b: Pick<ArticleRecord, 'date' | 'slug'>,
): number {
  return b.date.instant - a.date.instant || a.slug.localeCompare(b.slug);
}

export function buildArchive(
  records: readonly ArticleRecord[],
  registries: Registries = {},
  options: ArchiveOptions = {},
): Archive {
  const kinds = options.kinds ?? BUILT_IN;
  const status = new Map(records.map((record) => [record, articleStatus(record, options.clock)]));
  const published = records.filter((record) => status.get(record) === 'published').sort(compareNewestFirst);
  const withdrawn: WithdrawnArticle[] = records
    .filter((record) => isWithdrawn(status.get(record)!))
    .sort(compareNewestFirst)
    .map((record) => {
      const { file, slug, title, date, lang, removed, expires, aliases } = record;
      return {
        file,
        slug,
        title,
        date,
        lang,
        removed,
        expires,
        aliases,
        path: articlePath(date, slug),
        status: status.get(record) as WithdrawnArticle['status'],
      };
    });
  const articles: Article[] = published.map(({ companies, topics, bylines, names, ...record }) => ({
    ...record,
    path: articlePath(record.date, record.slug),
    terms: Object.fromEntries(kinds.keys.map((kind) => [kind, []])) as unknown as ArticleTerms,
  }));
  const names = published.map((record) => namesByKind(record, kinds));
  const position = new Map(articles.map((article, index) => [article, index]));
  const registryFor = (kind: TermKind) => registries[kind];

  const terms = Object.fromEntries(
    kinds.keys.map((kind) => [
      kind,
      collectTerms(kind, articles, (article) => names[position.get(article)!]![kind], registryFor(kind)),
    ]),
  ) as Record<TermKind, Map<string, ArchiveTerm>>;
  // An article lists its terms in the order its file wrote them, not in an order that depends on
  // the rest of the archive: an article added elsewhere changes neither its page nor its index.
  articles.forEach((article, i) => {
    for (const kind of kinds.keys) {
      const spellingsBySlug = new Map<string, string[]>();
      for (const name of names[i]![kind]) {
        const slug = resolveTermSlug(name, registryFor(kind));
        if (slug) spellingsBySlug.set(slug, [...(spellingsBySlug.get(slug) ?? []), name]);
      }
      article.terms[kind] = [...spellingsBySlug].map(([slug, spellings]) => ({
        kind,
        slug,
        name: terms[kind].get(slug)!.name,
        spellings,
      }));
    }
  });

  const years = groupByPeriod(articles);
  // Newest first, like `years`.
  const months = years.flatMap((y) => y.months);
  const newest = articles[0]?.date.instant ?? 0;
  const since = subMonths(newest, 12).getTime();
  // Related articles, by position: built on first use (the sitemap and feeds need none).
  let relatedIndex: RelatedIndex | undefined;
  const relatedKeys = (article: Article) => [
    ...article.terms.companies.map((ref) => `companies\n${ref.slug}`),
    ...article.terms.topics.map((ref) => `topics\n${ref.slug}`),
  ];
  const relatedOf = (article: Article) => {
    relatedIndex ??= new RelatedIndex(
      articles.length,
      new Map(
        (['companies', 'topics'] as const).flatMap((kind) =>
          [...terms[kind].values()].map(
            (term) => [`${kind}\n${term.slug}`, term.articles.map((a) => position.get(a)!)] as const,
          ),
        ),
      ),
    );
    return relatedIndex.related(position.get(article)!, relatedKeys(article)).map((index) => articles[index]);
  };

  // Reports of the same story, by position: found on first use, all at once.
  let storyItems: StoryItem[] | undefined;
  let storyRun: StoryRun | undefined;
  let stories: Map<number, number[]> | undefined;
  const itemsOfStories = () => (storyItems ??= articles.map((a) => storyItem(a, kinds)));
  const runStories = () => (storyRun ??= findStories(itemsOfStories(), { previous: options.storiesKept }));
  const allStoryPairs = () => runStories().pairs;
  const otherReportsOf = (article: Article) => {
    stories ??= storiesByItem(itemsOfStories(), allStoryPairs());
    return (stories.get(position.get(article)!) ?? []).map((index) => articles[index]!);
  };

  const byFile = new Map<string, Article | WithdrawnArticle>(
    [...articles, ...withdrawn].map((article) => [article.file, article]),
  );
  const redirects: ArchiveRedirect[] = [
    ...[...articles, ...withdrawn].flatMap((to) =>
      to.aliases.map((alias) => ({ from: alias.path, to, reason: 'alias' as const })),
    ),
    ...(options.moved ?? []).flatMap(({ from, file }) => {
      const to = byFile.get(file);
      return to && to.path !== from ? [{ from, to, reason: 'moved' as const }] : [];
    }),
  ].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

  return {
    kinds,
    articles,
    withdrawn,
    redirects,
    byPath: new Map(articles.map((article) => [article.path, article])),
    years,
    terms,
    neighbours(article) {
      const index = position.get(article);
      if (index === undefined) return {};
      return { newer: articles[index - 1], older: articles[index + 1] };
    },
    related: memo(relatedOf),
    otherReports: otherReportsOf,
    storyPairs: allStoryPairs,
    storyRun: runStories,
    nearDuplicates: () => nearDuplicates(itemsOfStories(), allStoryPairs()),
    stats: memo((term: ArchiveTerm) => termStats({ kind: term.kind, slug: term.slug, name: term.name }, term.articles)),
    mostCovered: (kind, limit) => mostCovered(articles, kind, since, limit),
    adjacentYears(year) {
      const index = years.findIndex((y) => y.year === year);
      return index < 0 ? {} : { newer: years[index - 1], older: years[index + 1] };
    },
    adjacentMonths(year, month) {
      const index = months.findIndex((m) => m.year === year && m.month === month);
      return index < 0 ? {} : { newer: months[index - 1], older: months[index + 1] };
    },
  };
}
