/**
 * An article's life, by the build's clock (`SOURCE_DATE_EPOCH`, else now):
 * - a draft appears nowhere;
 * - a scheduled article (its `date` after the clock) appears nowhere yet, like a draft, and is
 *   checked like any article: it goes live with the first build after its date;
 * - a published article is everywhere;
 * - a removed article (`removed: { date, reason }`) and an expired one (its `expires` passed)
 *   are withdrawn: their URL answers with a removal page and nothing else shows them.
 */
import type { ArchiveDate } from '../dates.ts';

export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'removed' | 'expired';

interface Dated {
  date: ArchiveDate;
  draft: boolean;
  removed?: unknown;
  expires?: ArchiveDate;
}

/** The status by the clock; without a clock (some tests, tools), dates decide nothing. */
export function articleStatus(record: Dated, clock?: number): ArticleStatus {
  if (record.draft) return 'draft';
  if (clock !== undefined && record.date.instant > clock) return 'scheduled';
  if (record.removed) return 'removed';
  if (clock !== undefined && record.expires && record.expires.instant <= clock) return 'expired';
  return 'published';
}

/** Whether an article of this status has a URL the site answers: its page, or its removal page. */
export function hasUrl(status: ArticleStatus): boolean {
  return status === 'published' || status === 'removed' || status === 'expired';
}

/** Whether it is withdrawn: its URL answers with a removal page. */
export function isWithdrawn(status: ArticleStatus): boolean {
  return status === 'removed' || status === 'expired';
}

/**
 * The next instant after the clock at which a build would publish or withdraw something (a
 * scheduled date, an expiry), if any: `npm start` rebuilds once it has passed.
 */
export function nextChange(records: readonly Dated[], clock: number): number | undefined {
  let next: number | undefined;
  for (const record of records) {
    if (record.draft) continue;
    for (const instant of [record.date.instant, record.removed ? undefined : record.expires?.instant]) {
      if (instant !== undefined && instant > clock && (next === undefined || instant < next)) next = instant;
    }
  }
  return next;
}
