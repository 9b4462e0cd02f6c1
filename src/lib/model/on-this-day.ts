/**
 * "On this day": the archive by day of the calendar, across the years (as BBC On This Day).
 *
 * A day is the month and day of the written date (the date rule, README "Content"): an article
 * dated `2022-03-04T23:30:00-05:00` is on 4 March, though it is already the 5th in UTC. The
 * calendar has 366 days, 29 February included, from 1 January to 31 December, and every day
 * has a page, even one without articles; the day after 31 December is 1 January.
 */
import type { ArchiveDate } from '../dates.ts';
import { padNumber } from '../pad.ts';

/** A day of the calendar, without a year. */
export interface CalendarDay {
  /** 1–12 */
  month: number;
  day: number;
}

/** One year's articles on a day of the calendar. */
export interface CalendarDayYear<A> {
  year: number;
  /** Newest first. */
  articles: A[];
}

export interface CalendarDayGroup<A> extends CalendarDay {
  /** Every article on this day, in the order given (newest first). */
  articles: A[];
  /** The years with articles on this day, newest year first. */
  years: CalendarDayYear<A>[];
}

export interface OnThisDay<A> {
  /** All 366 days in calendar order, from 1 January, each with its articles (maybe none). */
  days: CalendarDayGroup<A>[];
  /** One day's group; undefined for a day the calendar does not have (31 April). */
  day(month: number, day: number): CalendarDayGroup<A> | undefined;
  /**
   * The nearest days with articles before and after a day (not the day itself), round the
   * year: before 1 January comes 31 December. None when no day has articles.
   */
  nearest(month: number, day: number): { before?: CalendarDayGroup<A>; after?: CalendarDayGroup<A> };
}

const DAY_MS = 86_400_000;

/** The 366 days in order. 2000 was a leap year, so it has them all. */
export const CALENDAR: readonly CalendarDay[] = Array.from({ length: 366 }, (_, i) => {
  const date = new Date(Date.UTC(2000, 0, 1) + i * DAY_MS);
  return { month: date.getUTCMonth() + 1, day: date.getUTCDate() };
});

const indexByKey = new Map(CALENDAR.map((day, index) => [calendarDayKey(day), index]));

/** A day's position in the calendar (0 for 1 January, 59 for 29 February), or -1. */
export function calendarIndex({ month, day }: CalendarDay): number {
  return indexByKey.get(calendarDayKey({ month, day })) ?? -1;
}

/** A day as its page's address names it: `02-27`. */
export function calendarDayKey({ month, day }: CalendarDay): string {
  return `${padNumber(month)}-${padNumber(day)}`;
}

/** The day a key names (`02-29`), or undefined for anything that is not a day of the calendar. */
export function parseCalendarDayKey(key: string): CalendarDay | undefined {
  const index = /^\d{2}-\d{2}$/.test(key) ? (indexByKey.get(key) ?? -1) : -1;
  return index < 0 ? undefined : CALENDAR[index];
}

/** The days just before and after a day, round the year (31 December ↔ 1 January). */
export function adjacentCalendarDays(day: CalendarDay): { previous: CalendarDay; next: CalendarDay } {
  const index = calendarIndex(day);
  if (index < 0) throw new Error(`${calendarDayKey(day)} is not a day of the calendar`);
  return { previous: CALENDAR[(index + 365) % 366]!, next: CALENDAR[(index + 1) % 366]! };
}

/**
 * Groups articles by the month and day of their written date. `articles` must be newest first
 * (by instant); each day and year keeps that order, and a day's years are newest first.
 */
export function groupByCalendarDay<A extends { date: Pick<ArchiveDate, 'year' | 'month' | 'day'> }>(
  articles: readonly A[],
): OnThisDay<A> {
  const days: CalendarDayGroup<A>[] = CALENDAR.map(({ month, day }) => ({ month, day, articles: [], years: [] }));
  for (const article of articles) {
    const group = days[calendarIndex(article.date)];
    if (!group) continue; // Cannot happen: a written date is a calendar date.
    group.articles.push(article);
    let year = group.years.find((y) => y.year === article.date.year);
    if (!year) group.years.push((year = { year: article.date.year, articles: [] }));
    year.articles.push(article);
  }
  for (const group of days) group.years.sort((a, b) => b.year - a.year);

  const nonEmpty = days.flatMap((group, index) => (group.articles.length ? [index] : []));
  return {
    days,
    day: (month, day) => days[calendarIndex({ month, day })],
    nearest(month, day) {
      const index = calendarIndex({ month, day });
      const others = nonEmpty.filter((i) => i !== index);
      if (index < 0 || others.length === 0) return {};
      // Days with articles are in calendar order: the first after this one, else the first of
      // the year; the last before it, else the last of the year.
      const after = others.find((i) => i > index) ?? others[0]!;
      const before = others.findLast((i) => i < index) ?? others[others.length - 1]!;
      return { before: days[before], after: days[after] };
    },
  };
}

const calendars = new WeakMap<readonly object[], unknown>();

/**
 * The calendar of a build's articles, worked out once for that list (the index, every day page
 * and the sitemap ask it).
 */
export function onThisDay<A extends { date: Pick<ArchiveDate, 'year' | 'month' | 'day'> }>(
  articles: readonly A[],
): OnThisDay<A> {
  let calendar = calendars.get(articles) as OnThisDay<A> | undefined;
  if (!calendar) calendars.set(articles, (calendar = groupByCalendarDay(articles)));
  return calendar;
}
