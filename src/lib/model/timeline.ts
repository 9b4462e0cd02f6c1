/**
 * Grouping by the written calendar date (the date rule: README, "Content"): years, months and days, newest first,
 * each with its count.
 */
import type { ArchiveDate } from '../dates.ts';

export interface DayGroup<A> {
  year: number;
  month: number;
  day: number;
  articles: A[];
}

export interface MonthGroup<A> {
  year: number;
  month: number;
  count: number;
  days: DayGroup<A>[];
  articles: A[];
}

export interface YearGroup<A> {
  year: number;
  count: number;
  /** Months with articles, newest first. */
  months: MonthGroup<A>[];
  articles: A[];
}

/** `articles` must be newest first (by instant); groups keep that order. */
export function groupByPeriod<A extends { date: ArchiveDate }>(articles: readonly A[]): YearGroup<A>[] {
  const years = new Map<number, YearGroup<A>>();
  for (const article of articles) {
    const { year, month, day } = article.date;
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, count: 0, months: [], articles: [] }));
    let m = y.months.find((g) => g.month === month);
    if (!m) y.months.push((m = { year, month, count: 0, days: [], articles: [] }));
    let d = m.days.find((g) => g.day === day);
    if (!d) m.days.push((d = { year, month, day, articles: [] }));
    y.count++;
    m.count++;
    y.articles.push(article);
    m.articles.push(article);
    d.articles.push(article);
  }
  // Written dates in different offsets can order differently from instants near midnight,
  // so sort the groups by calendar, not by arrival.
  const sorted = [...years.values()].sort((a, b) => b.year - a.year);
  for (const y of sorted) {
    y.months.sort((a, b) => b.month - a.month);
    for (const m of y.months) m.days.sort((a, b) => b.day - a.day);
  }
  return sorted;
}
