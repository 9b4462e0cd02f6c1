/**
 * "This article is more than 8 years old", as the Guardian labels old stories: a reader who
 * lands on an old article from a search or a share should know before reading it as news.
 *
 * Worked out when the site is built, without JavaScript: the article's age in whole years from
 * its written calendar date (the date rule) to the build's calendar date in the site's time
 * zone. A build for a given day gives the same notices whenever it runs (SOURCE_DATE_EPOCH, see
 * src/config/site.ts).
 */
import type { ArchiveDate } from '../dates.ts';
import { countOf } from '../wording.ts';

export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** Whole years from a written date to a day: 2018-02-27 → 2026-02-26 is 7, → 2026-02-27 is 8. */
export function ageInYears(date: Pick<ArchiveDate, 'year' | 'month' | 'day'>, today: CalendarDay): number {
  const beforeAnniversary = today.month < date.month || (today.month === date.month && today.day < date.day);
  return Math.max(0, today.year - date.year - (beforeAnniversary ? 1 : 0));
}

/** The notice for an article at least `minYears` old (`minYears` 0: no notices), else undefined. */
export function ageNotice(
  date: Pick<ArchiveDate, 'year' | 'month' | 'day'>,
  today: CalendarDay,
  minYears: number,
): string | undefined {
  if (minYears < 1) return undefined;
  const years = ageInYears(date, today);
  return years >= minYears ? `This article is more than ${countOf(years, 'year')} old` : undefined;
}
