/**
 * The archive as data (`npm run export`, and `/data/` when the settings publish it): one row per
 * published article, the same fields in NDJSON and CSV. The fields are listed once, here, with
 * what they hold: the export's manifest, the `/data/` page and the README's table read them.
 */
import { toIsoDay, toIsoInstant } from '../dates.ts';
import type { Kinds, TermKind } from '../kinds.ts';
import type { Article } from '../model/archive.ts';
import { absoluteUrl, type Urls } from '../urls.ts';

export type ExportFormat = 'ndjson' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['ndjson', 'csv'];

/** One article as data. Lists keep the order the article's file gives. */
export interface ExportRow {
  url: string;
  headline: string;
  /** The date as written in the frontmatter (`2018-02-27`, `2018-02-27T06:20:00+08:00`). */
  date: string;
  /** The instant it names, in ISO 8601 with the offset it was written in (a bare day: its start in the site's zone). */
  instant: string;
  /** The date of the last update, as written; null when there is none. */
  updated: string | null;
  /** The names of each kind (companies, topics, authors, sources, and the archive's own), as the archive resolves them. */
  names: Record<TermKind, string[]>;
  source: { name: string; url: string } | null;
  language: string;
  summary: string;
  /** The body's text: paragraphs apart by a blank line (src/lib/export/plain-text.ts). */
  text: string;
  words: number;
  /** Correction notes, oldest first: the day (ISO) and the text. */
  corrections: { date: string; text: string }[];
}

/** The row's own fields beside the kinds' (a declared kind may not take one of these names). */
export const EXPORT_ROW_FIELDS: readonly string[] = [
  'url',
  'headline',
  'date',
  'instant',
  'updated',
  'source',
  'source_name',
  'source_url',
  'language',
  'summary',
  'text',
  'words',
  'corrections',
  'truncated',
];

export interface ExportField {
  name: string;
  description: string;
}

/** The fields of a row in order, as NDJSON names them (CSV's columns: `csvColumns`). */
export function exportFields(kinds: Kinds): ExportField[] {
  return [
    { name: 'url', description: 'The article’s permanent URL.' },
    { name: 'headline', description: 'The headline.' },
    {
      name: 'date',
      description: 'The publication date as the article gives it: a day, or a date and time with its offset.',
    },
    {
      name: 'instant',
      description:
        'The moment it names, in ISO 8601 with its offset; for a bare day, the start of that day in the archive’s time zone.',
    },
    { name: 'updated', description: 'The date of the last update as the article gives it, or empty.' },
    ...kinds.all.map((info) => ({
      name: info.kind,
      description: `${info.plural}: the names the article gives, as the archive resolves them${info.kind === 'authors' ? ' (the bylines)' : ''}.`,
    })),
    {
      name: 'source',
      description: 'The publication it first appeared in: its name and the URL of the original, or empty.',
    },
    { name: 'language', description: 'Its language (BCP 47).' },
    { name: 'summary', description: 'The summary: as written, or the body’s first paragraph.' },
    { name: 'text', description: 'The body as plain text, paragraphs apart by a blank line.' },
    { name: 'words', description: 'The number of words of the text.' },
    { name: 'corrections', description: 'Correction notes, oldest first: each its day and text.' },
  ];
}

export interface ExportContext {
  kinds: Kinds;
  urls: Urls;
  siteUrl: string;
  /** The archive's language, for articles that give none. */
  lang: string;
}

/** An article's row, given its body's text and summary (the export reads those: src/export/bodies.ts). */
export function exportRow(
  article: Article,
  body: { text: string; words: number; summary: string },
  context: ExportContext,
): ExportRow {
  const names: Record<TermKind, string[]> = {};
  for (const { kind } of context.kinds.all) names[kind] = (article.terms[kind] ?? []).map((term) => term.name);
  const source = article.source ? { name: article.terms.sources[0]?.name ?? '', url: article.source.url } : null;
  return {
    url: absoluteUrl(context.urls.article(article), context.siteUrl),
    headline: article.title,
    date: article.date.written,
    instant: toIsoInstant(article.date),
    updated: article.updated?.written ?? null,
    names,
    source,
    language: article.lang ?? context.lang,
    summary: body.summary,
    text: body.text,
    words: body.words,
    corrections: article.corrections.map((correction) => ({ date: toIsoDay(correction.date), text: correction.plain })),
  };
}

/** A row as one NDJSON line: the fields in order, the names of each kind at the top level. */
export function ndjsonLine(row: ExportRow): string {
  const { names, ...rest } = row;
  const { url, headline, date, instant, updated, ...after } = rest;
  return `${JSON.stringify({ url, headline, date, instant, updated, ...names, ...after })}\n`;
}

/** The year a row is filed under: the year of its URL. */
export function exportYear(article: Pick<Article, 'date'>): number {
  return article.date.year;
}

/** Oldest first, as a reader of a year's file expects; ties by URL path. */
export function compareOldestFirst(a: Pick<Article, 'date' | 'path'>, b: Pick<Article, 'date' | 'path'>): number {
  return a.date.instant - b.date.instant || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** A year's file of the export: `articles-2018.ndjson`. */
export function exportFileName(year: number, format: ExportFormat): string {
  return `articles-${year}.${format}`;
}
