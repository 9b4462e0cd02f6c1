/**
 * Every correction note of the archive, for `/corrections/` and its feed: newest note first;
 * notes of one day, newest article first. Each note has an anchor on its article's page
 * (`#correction-2`: the article's second note), which the list and the feed link to.
 */
import type { Article } from './archive.ts';
import type { Correction } from '../content/schema.ts';

export interface ArchiveCorrection {
  article: Article;
  correction: Correction;
  /** The id of the note on the article's page. */
  anchor: string;
}

/** The id of an article's `index`th (0-based) correction note on its page. */
export function correctionAnchor(index: number): string {
  return `correction-${index + 1}`;
}

/** `articles` newest first (the archive's order). */
export function listCorrections(articles: readonly Article[]): ArchiveCorrection[] {
  const notes = articles.flatMap((article) =>
    article.corrections.map((correction, i) => ({ article, correction, anchor: correctionAnchor(i) })),
  );
  // A stable sort keeps the archive's order (newest article first) among notes of one instant.
  return notes.sort((a, b) => b.correction.date.instant - a.correction.date.instant);
}
