import { describe, expect, test } from 'vitest';
import { buildArchive, compareNewestFirst } from '@/lib/model/archive';
import { formatCalendarDay } from '@/lib/dates';
import {
  adjacentCalendarDays,
  CALENDAR,
  calendarDayKey,
  calendarIndex,
  groupByCalendarDay,
  onThisDay,
  parseCalendarDayKey,
} from '@/lib/model/on-this-day';
import { sitemapLastmod, unlistedPages } from '@/lib/outputs/sitemap';
import { createUrls } from '@/lib/urls';
import { record } from './helpers';

const newestFirst = (...records: ReturnType<typeof record>[]) => [...records].sort(compareNewestFirst);
const key = (day: { month: number; day: number } | undefined) => (day ? calendarDayKey(day) : undefined);
const slugs = (articles: { slug: string }[]) => articles.map((a) => a.slug);

describe('the calendar', () => {
  test('has 366 days in order, 1 January to 31 December, 29 February included', () => {
    expect(CALENDAR).toHaveLength(366);
    expect(key(CALENDAR[0])).toBe('01-01');
    expect(key(CALENDAR[31])).toBe('02-01');
    expect(key(CALENDAR[59])).toBe('02-29');
    expect(key(CALENDAR[60])).toBe('03-01');
    expect(key(CALENDAR[365])).toBe('12-31');
    expect(new Set(CALENDAR.map(key)).size).toBe(366);
    // Days per month: 29 for February, as in a leap year.
    const perMonth = Array.from({ length: 12 }, (_, i) => CALENDAR.filter((d) => d.month === i + 1).length);
    expect(perMonth).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  test('a day is keyed MM-DD, and only real days parse', () => {
    expect(calendarDayKey({ month: 2, day: 7 })).toBe('02-07');
    expect(calendarDayKey({ month: 12, day: 31 })).toBe('12-31');
    expect(parseCalendarDayKey('02-29')).toEqual({ month: 2, day: 29 });
    expect(parseCalendarDayKey('12-31')).toEqual({ month: 12, day: 31 });
    for (const bad of ['02-30', '04-31', '13-01', '00-10', '01-00', '2-27', '02-7', '0227', '02-27/', '']) {
      expect(parseCalendarDayKey(bad), bad).toBeUndefined();
    }
    expect(calendarIndex({ month: 2, day: 30 })).toBe(-1);
    expect(calendarIndex({ month: 3, day: 1 })).toBe(60);
  });

  test('the days before and after a day wrap round the year', () => {
    expect(adjacentCalendarDays({ month: 12, day: 31 })).toEqual({
      previous: { month: 12, day: 30 },
      next: { month: 1, day: 1 },
    });
    expect(adjacentCalendarDays({ month: 1, day: 1 })).toEqual({
      previous: { month: 12, day: 31 },
      next: { month: 1, day: 2 },
    });
    expect(adjacentCalendarDays({ month: 2, day: 28 }).next).toEqual({ month: 2, day: 29 });
    expect(adjacentCalendarDays({ month: 3, day: 1 }).previous).toEqual({ month: 2, day: 29 });
    expect(adjacentCalendarDays({ month: 4, day: 30 }).next).toEqual({ month: 5, day: 1 });
    expect(() => adjacentCalendarDays({ month: 2, day: 30 })).toThrow(/02-30/);
  });

  test('a day is named without a year', () => {
    expect(formatCalendarDay(2, 27)).toBe('27 February');
    expect(formatCalendarDay(2, 29)).toBe('29 February');
    expect(formatCalendarDay(1, 1)).toBe('1 January');
    expect(formatCalendarDay(12, 31)).toBe('31 December');
  });
});

describe('groupByCalendarDay', () => {
  const articles = newestFirst(
    record('a2018', '2018-02-27T06:20:00Z'),
    record('b2018', '2018-02-27'),
    record('c2020', '2020-02-27T10:00:00+08:00'),
    record('d2015', '2015-02-27T23:00:00-05:00'),
    record('leap', '2020-02-29'),
    record('other', '2019-06-15'),
  );

  test('every day of the calendar, each year newest first, articles newest first within a year', () => {
    const calendar = groupByCalendarDay(articles);
    expect(calendar.days).toHaveLength(366);
    expect(calendar.days.map(key)).toEqual(CALENDAR.map(key));
    const feb27 = calendar.day(2, 27)!;
    expect(feb27.years.map((y) => [y.year, slugs(y.articles)])).toEqual([
      [2020, ['c2020']],
      [2018, ['a2018', 'b2018']],
      [2015, ['d2015']],
    ]);
    expect(slugs(feb27.articles)).toEqual(['c2020', 'a2018', 'b2018', 'd2015']);
    expect(slugs(calendar.day(2, 29)!.articles)).toEqual(['leap']);
    expect(slugs(calendar.day(6, 15)!.articles)).toEqual(['other']);
    // Every other day is there, and empty.
    expect(calendar.days.filter((d) => d.articles.length > 0).map(key)).toEqual(['02-27', '02-29', '06-15']);
    expect(calendar.day(1, 1)).toEqual({ month: 1, day: 1, articles: [], years: [] });
    expect(calendar.day(2, 30)).toBeUndefined();
  });

  test('the day is the written date, not the UTC date', () => {
    // 23:30 on 4 March at UTC−5 is 04:30 on 5 March in UTC: it is on 4 March.
    // 01:00 on 1 March at UTC+8 is 17:00 on 28 February in UTC: it is on 1 March.
    const calendar = groupByCalendarDay(
      newestFirst(record('tricky', '2022-03-04T23:30:00-05:00'), record('beijing', '2018-03-01T01:00:00+08:00')),
    );
    expect(slugs(calendar.day(3, 4)!.articles)).toEqual(['tricky']);
    expect(calendar.day(3, 5)!.articles).toEqual([]);
    expect(slugs(calendar.day(3, 1)!.articles)).toEqual(['beijing']);
    expect(calendar.day(2, 28)!.articles).toEqual([]);
  });

  test('a day without articles has the nearest days with some before and after it, round the year', () => {
    const calendar = groupByCalendarDay(articles);
    const nearest = (month: number, day: number) => {
      const { before, after } = calendar.nearest(month, day);
      return [key(before), key(after)];
    };
    expect(nearest(2, 28)).toEqual(['02-27', '02-29']);
    expect(nearest(3, 1)).toEqual(['02-29', '06-15']);
    // Before the first day with articles comes the last of the year, and after the last the first.
    expect(nearest(1, 1)).toEqual(['06-15', '02-27']);
    expect(nearest(12, 31)).toEqual(['06-15', '02-27']);
    // Never the day itself.
    expect(nearest(2, 27)).toEqual(['06-15', '02-29']);
  });

  test('with one day of articles, that day is the nearest both ways; with none, there is none', () => {
    const one = groupByCalendarDay([record('only', '2018-02-27')]);
    expect(key(one.nearest(7, 1).before)).toBe('02-27');
    expect(key(one.nearest(7, 1).after)).toBe('02-27');
    expect(one.nearest(2, 27)).toEqual({});
    const none = groupByCalendarDay([]);
    expect(none.days).toHaveLength(366);
    expect(none.days.every((d) => d.articles.length === 0)).toBe(true);
    expect(none.nearest(2, 27)).toEqual({});
  });

  test('onThisDay works a list out once', () => {
    expect(onThisDay(articles)).toBe(onThisDay(articles));
    expect(onThisDay([...articles])).not.toBe(onThisDay(articles));
  });
});

describe('in the sitemap', () => {
  const archive = buildArchive([
    record('tricky', '2022-03-04T23:30:00-05:00'),
    record('older', '2018-03-04'),
    record('other', '2019-06-15T10:00:00+02:00'),
  ]);
  const context = { urls: createUrls('/archive/'), siteUrl: 'https://news.example.org/archive/', pageSize: 20 };
  const abs = (path: string) => `https://news.example.org/archive/${path}`;

  test('the calendar and each day with articles are last modified with their newest article', () => {
    const lastmod = sitemapLastmod(archive, context);
    expect(lastmod.get(abs('on-this-day/'))).toBe('2022-03-04T23:30:00-05:00');
    expect(lastmod.get(abs('on-this-day/03-04/'))).toBe('2022-03-04T23:30:00-05:00');
    expect(lastmod.get(abs('on-this-day/06-15/'))).toBe('2019-06-15T10:00:00+02:00');
    expect(lastmod.has(abs('on-this-day/03-05/'))).toBe(false);
  });

  test('a day without articles is left out; the others are listed', () => {
    const unlisted = unlistedPages(archive, context);
    expect([...unlisted].filter((url) => url.includes('/on-this-day/'))).toHaveLength(366 - 2);
    // An archive without corrections has an empty corrections page: unlisted too.
    expect(unlisted.has(abs('corrections/'))).toBe(true);
    expect(unlisted.has(abs('on-this-day/03-05/'))).toBe(true);
    expect(unlisted.has(abs('on-this-day/02-29/'))).toBe(true);
    expect(unlisted.has(abs('on-this-day/03-04/'))).toBe(false);
    expect(unlisted.has(abs('on-this-day/'))).toBe(false);
  });

  test('subscribe pages (about feeds, not content) are left out', () => {
    const unlisted = unlistedPages(archive, context);
    expect(unlisted.has(abs('feed/'))).toBe(true);
    expect(unlisted.has(abs('corrections/feed/'))).toBe(true);
    expect([...unlisted].filter((url) => url.endsWith('/feed/'))).toHaveLength(2);
    const tagged = buildArchive([{ ...record('a', '2020-01-01'), companies: ['Acme'], topics: ['Feed'] }]);
    const terms = unlistedPages(tagged, context);
    expect(terms.has(abs('companies/acme/feed/'))).toBe(true);
    expect(terms.has(abs('topics/feed/feed/'))).toBe(true);
    expect(terms.has(abs('topics/feed/'))).toBe(false);
  });
});
