import { describe, expect, test } from 'vitest';
import { compareNewestFirst } from '@/lib/model/archive';
import { groupByPeriod } from '@/lib/model/timeline';
import { record } from './helpers';

const newestFirst = (...records: ReturnType<typeof record>[]) => [...records].sort(compareNewestFirst);
const shape = (years: ReturnType<typeof groupByPeriod<ReturnType<typeof record>>>) =>
  years.map((y) => ({
    year: y.year,
    count: y.count,
    months: y.months.map((m) => ({
      month: m.month,
      count: m.count,
      days: m.days.map((d) => [d.day, d.articles.map((a) => a.slug)]),
    })),
  }));

describe('groupByPeriod', () => {
  test('years, months and days, newest first, with counts', () => {
    const years = groupByPeriod(
      newestFirst(
        record('a', '2018-02-27T06:20:00Z'),
        record('b', '2018-02-27'),
        record('c', '2018-02-03'),
        record('d', '2018-11-30'),
        record('e', '2017-12-31'),
      ),
    );
    expect(shape(years)).toEqual([
      {
        year: 2018,
        count: 4,
        months: [
          { month: 11, count: 1, days: [[30, ['d']]] },
          {
            month: 2,
            count: 3,
            days: [
              [27, ['a', 'b']],
              [3, ['c']],
            ],
          },
        ],
      },
      { year: 2017, count: 1, months: [{ month: 12, count: 1, days: [[31, ['e']]] }] },
    ]);
    expect(years[0].articles.map((a) => a.slug)).toEqual(['d', 'a', 'b', 'c']);
    expect(years[0].months[1].articles.map((a) => a.slug)).toEqual(['a', 'b', 'c']);
  });

  test('articles are grouped by their written date, not their UTC date', () => {
    // 01:00 on 1 March in Beijing is 17:00 UTC on 28 February: it belongs to March.
    const years = groupByPeriod(newestFirst(record('beijing', '2018-03-01T01:00:00+08:00')));
    expect(shape(years)).toEqual([
      { year: 2018, count: 1, months: [{ month: 3, count: 1, days: [[1, ['beijing']]] }] },
    ]);
  });

  test('written New Year in one offset is still the old year in UTC: filed under the new year', () => {
    const years = groupByPeriod(
      newestFirst(record('berlin', '2019-01-01T00:30:00+01:00'), record('utc', '2018-12-31T23:45:00Z')),
    );
    // Instants: berlin is 23:30 UTC, utc 23:45 UTC, so utc comes first in the list...
    // ...but the groups are calendar-ordered: 2019 before 2018.
    expect(years.map((y) => [y.year, y.articles.map((a) => a.slug)])).toEqual([
      [2019, ['berlin']],
      [2018, ['utc']],
    ]);
  });

  test('months and days are in calendar order even when instants order them differently', () => {
    // Newest by instant: "feb" (20:00 UTC on 28 Feb) then "mar" (17:00 UTC on 28 Feb).
    const list = newestFirst(record('mar', '2018-03-01T01:00:00+08:00'), record('feb', '2018-02-28T20:00:00Z'));
    expect(list.map((a) => a.slug)).toEqual(['feb', 'mar']);
    const [year] = groupByPeriod(list);
    expect(year.months.map((m) => m.month)).toEqual([3, 2]);

    const sameMonth = newestFirst(record('d2', '2018-02-02T01:00:00+08:00'), record('d1', '2018-02-01T20:00:00Z'));
    expect(sameMonth.map((a) => a.slug)).toEqual(['d1', 'd2']);
    expect(groupByPeriod(sameMonth)[0].months[0].days.map((d) => d.day)).toEqual([2, 1]);
  });

  test('no articles, no groups', () => {
    expect(groupByPeriod([])).toEqual([]);
  });
});
