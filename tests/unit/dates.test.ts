import { TZDate, tzName } from '@date-fns/tz';
import { format, formatISO } from 'date-fns';
import { describe, expect, test } from 'vitest';
import {
  DATE_FORMS,
  datePathParts,
  formatDate,
  formatDayHeading,
  formatMonth,
  formatShortDate,
  parseArchiveDate,
  toDatetimeAttribute,
  toIsoInstant,
  type ArchiveDate,
} from '@/lib/dates';
import { date } from './helpers';

const utc = (iso: string) => Date.parse(iso);

describe('parseArchiveDate: dates with an offset', () => {
  test('the seed date: written in UTC with Z', () => {
    const d = date('2018-02-27T06:20:00Z');
    expect(d).toMatchObject({
      year: 2018,
      month: 2,
      day: 27,
      hasTime: true,
      zone: 'UTC',
      written: '2018-02-27T06:20:00Z',
    });
    expect(d.instant).toBe(utc('2018-02-27T06:20:00Z'));
  });

  test('Z and +00:00 name the same instant and the same zone', () => {
    const z = date('2018-02-27T06:20:00Z');
    const plus = date('2018-02-27T06:20:00+00:00');
    expect(plus.instant).toBe(z.instant);
    expect(plus.zone).toBe('UTC');
    expect(toIsoInstant(plus)).toBe(toIsoInstant(z));
  });

  test('+0800 and +08 are normalised to +08:00', () => {
    for (const written of ['2018-02-27T06:20:00+0800', '2018-02-27T06:20:00+08', '2018-02-27T06:20:00+08:00']) {
      const d = date(written);
      expect(d.zone, written).toBe('+08:00');
      expect(d.instant, written).toBe(utc('2018-02-26T22:20:00Z'));
    }
  });

  test('the calendar date is the one written, in its own offset, even when UTC is another day', () => {
    // 06:20 in Beijing is 22:20 the day before in UTC; the archive files it under the 27th.
    const beijing = date('2018-02-27T06:20:00+08:00');
    expect([beijing.year, beijing.month, beijing.day]).toEqual([2018, 2, 27]);
    // 23:30 in New York is already 1 July in UTC; it stays 30 June.
    const newYork = date('2019-06-30T23:30:00-05:00');
    expect([newYork.year, newYork.month, newYork.day]).toEqual([2019, 6, 30]);
    expect(newYork.instant).toBe(utc('2019-07-01T04:30:00Z'));
    expect(newYork.zone).toBe('-05:00');
  });

  test('half-hour offsets and fractional seconds', () => {
    const india = date('2018-02-27T06:20:00.250+05:30');
    expect(india.zone).toBe('+05:30');
    expect(india.instant).toBe(utc('2018-02-27T00:50:00.250Z'));
  });

  test('a space instead of T, lower-case t/z and no seconds are accepted', () => {
    expect(date('2018-02-27 06:20Z').instant).toBe(utc('2018-02-27T06:20:00Z'));
    expect(date('2018-02-27t06:20:00z').instant).toBe(utc('2018-02-27T06:20:00Z'));
  });

  test('surrounding whitespace is ignored', () => {
    expect(date('  2018-02-27 ').written).toBe('2018-02-27');
  });
});

describe('parseArchiveDate: dates without an offset are in the site time zone', () => {
  test('a bare date in UTC', () => {
    const d = date('2018-02-27');
    expect(d).toMatchObject({ year: 2018, month: 2, day: 27, hasTime: false, zone: 'UTC' });
    expect(d.instant).toBe(utc('2018-02-27T00:00:00Z'));
  });

  test('a bare date in Europe/Berlin is midnight there, and keeps its written calendar day', () => {
    const d = date('2018-02-27', 'Europe/Berlin');
    expect(d.zone).toBe('Europe/Berlin');
    expect(d.instant).toBe(utc('2018-02-26T23:00:00Z'));
    expect([d.year, d.month, d.day]).toEqual([2018, 2, 27]);
    expect(datePathParts(d)).toEqual(['2018', '02', '27']);
  });

  test('a date-time in Europe/Berlin follows daylight saving time', () => {
    // Berlin moved from +01:00 to +02:00 at 01:00 UTC on 25 March 2018, and back on 28 October.
    expect(date('2018-03-24T12:00:00', 'Europe/Berlin').instant).toBe(utc('2018-03-24T11:00:00Z'));
    expect(date('2018-03-25T12:00:00', 'Europe/Berlin').instant).toBe(utc('2018-03-25T10:00:00Z'));
    expect(date('2018-10-28T12:00:00', 'Europe/Berlin').instant).toBe(utc('2018-10-28T11:00:00Z'));
    const summer = date('2018-07-01T09:00', 'Europe/Berlin');
    expect(toDatetimeAttribute(summer)).toBe('2018-07-01T09:00:00+02:00');
    expect(formatDate(summer)).toBe('1 July 2018, 09:00 GMT+2');
  });

  test('the site zone only applies to dates without an offset', () => {
    expect(date('2018-07-01T09:00:00Z', 'Europe/Berlin').instant).toBe(utc('2018-07-01T09:00:00Z'));
    expect(date('2018-07-01T09:00:00Z', 'Europe/Berlin').zone).toBe('UTC');
  });
});

describe('parseArchiveDate: impossible dates are rejected with a message', () => {
  test.each([
    ['2018-02-30', /2018-02 has no day 30/],
    ['2019-02-29', /2019-02 has no day 29/],
    ['2018-04-31', /2018-04 has no day 31/],
    ['2018-02-00', /has no day 0/],
    ['2018-13-01', /has no month 13/],
    ['2018-00-10', /has no month 0/],
    ['2018-02-27T24:00:00', /not a valid time of day/],
    ['2018-02-27T12:60:00', /not a valid time of day/],
    ['2018-02-27T12:00:60', /not a valid time of day/],
  ])('%s', (written, reason) => {
    const result = parseArchiveDate(written, 'UTC');
    expect(typeof result).toBe('string');
    expect(result).toMatch(reason);
    // The message quotes what was written so the editor can find it.
    expect(result).toContain(`"${written}"`);
  });

  test('offsets beyond ±14:00 are rejected', () => {
    expect(parseArchiveDate('2018-02-27T06:20:00+15:00', 'UTC')).toMatch(/\+15:00 is out of range/);
    expect(parseArchiveDate('2018-02-27T06:20:00+08:75', 'UTC')).toMatch(/out of range/);
  });

  test.each(['27/02/2018', 'February 27, 2018', '2018-2-27', '2018', 'yesterday', '2018-02-27T06', ''])(
    'text that is not a date (%j) says which forms are expected',
    (written) => {
      const result = parseArchiveDate(written, 'UTC');
      expect(result).toBe(`expected ${DATE_FORMS}, got "${written}"`);
    },
  );

  test('leap days exist in leap years, including 2000 but not 1900', () => {
    expect(date('2020-02-29')).toMatchObject({ year: 2020, month: 2, day: 29 });
    expect(date('2000-02-29').day).toBe(29);
    expect(parseArchiveDate('1900-02-29', 'UTC')).toMatch(/1900-02 has no day 29/);
  });
});

describe('ordering is by instant, not by the written text', () => {
  test('a later wall-clock time in a far-east offset can be the earlier instant', () => {
    const beijing = date('2018-02-27T06:20:00+08:00'); // 22:20 UTC on the 26th
    const london = date('2018-02-27T00:00:00Z');
    expect(beijing.instant).toBeLessThan(london.instant);
  });

  test('instants sort as the moments they name', () => {
    // 01:30 in New York (06:30 UTC) is later than 06:20 UTC although its wall clock is earlier.
    const written = ['2018-02-27T01:30:00-05:00', '2018-02-27T06:20:00Z', '2018-02-27T06:20:00+08:00', '2018-02-27'];
    const sorted = written
      .map((w) => date(w))
      .sort((a, b) => a.instant - b.instant)
      .map((d) => d.written);
    expect(sorted).toEqual([
      '2018-02-27T06:20:00+08:00',
      '2018-02-27',
      '2018-02-27T06:20:00Z',
      '2018-02-27T01:30:00-05:00',
    ]);
  });
});

describe('formatting', () => {
  test('formatDate shows the written wall clock and its zone', () => {
    expect(formatDate(date('2018-02-27T06:20:00Z'))).toBe('27 February 2018, 06:20 UTC');
    expect(formatDate(date('2018-02-27T06:20:00+08:00'))).toBe('27 February 2018, 06:20 GMT+8');
    expect(formatDate(date('2018-02-27T06:20:00+0800'))).toBe('27 February 2018, 06:20 GMT+8');
    expect(formatDate(date('2019-06-30T23:30:00-05:00'))).toBe('30 June 2019, 23:30 GMT-5');
  });

  test('formatDate without a written time shows only the day, and time: false drops the time', () => {
    expect(formatDate(date('2018-02-27'))).toBe('27 February 2018');
    expect(formatDate(date('2018-02-27', 'Europe/Berlin'))).toBe('27 February 2018');
    expect(formatDate(date('2018-02-27T06:20:00+08:00'), { time: false })).toBe('27 February 2018');
  });

  test('toDatetimeAttribute keeps the written offset (Z for UTC) and date-only stays date-only', () => {
    expect(toDatetimeAttribute(date('2018-02-27T06:20:00Z'))).toBe('2018-02-27T06:20:00Z');
    expect(toDatetimeAttribute(date('2018-02-27T06:20:00+00:00'))).toBe('2018-02-27T06:20:00Z');
    expect(toDatetimeAttribute(date('2018-02-27T06:20:00+0800'))).toBe('2018-02-27T06:20:00+08:00');
    expect(toDatetimeAttribute(date('2018-02-27'))).toBe('2018-02-27');
    expect(toDatetimeAttribute(date('2018-02-27', 'Europe/Berlin'))).toBe('2018-02-27');
  });

  test('toIsoInstant always gives a full date-time naming the same instant', () => {
    const cases = ['2018-02-27T06:20:00Z', '2018-02-27T06:20:00+08:00', '2018-02-27', '2019-06-30T23:30:00-05:00'];
    for (const written of cases) {
      const d = date(written);
      expect(Date.parse(toIsoInstant(d))).toBe(d.instant);
    }
    const berlin = date('2018-02-27', 'Europe/Berlin');
    expect(toIsoInstant(berlin)).toBe('2018-02-27T00:00:00+01:00');
    expect(Date.parse(toIsoInstant(berlin))).toBe(berlin.instant);
    expect(toIsoInstant(date('2018-02-27T06:20:00+08:00'))).toBe('2018-02-27T06:20:00+08:00');
  });

  test('short dates, month names, day headings and zero-padded URL parts', () => {
    expect(formatShortDate(date('2018-02-27T06:20:00+08:00'))).toBe('27 Feb 2018');
    expect(formatMonth(2018, 2)).toBe('February 2018');
    expect(formatMonth(2018, 12)).toBe('December 2018');
    expect(formatDayHeading(2018, 2, 27)).toBe('Tuesday, 27 February 2018');
    expect(datePathParts({ year: 2018, month: 2, day: 7 })).toEqual(['2018', '02', '07']);
    expect(datePathParts({ year: 2018, month: 11, day: 30 })).toEqual(['2018', '11', '30']);
  });
});

describe('parseArchiveDate rejects wall times skipped by a clock change', () => {
  test('02:30 on the night Berlin moved to summer time does not exist', () => {
    const result = parseArchiveDate('2018-03-25T02:30:00', 'Europe/Berlin');
    expect(typeof result).toBe('string');
    expect(result).toMatch(/does not exist in the time zone Europe\/Berlin/);
  });

  test('the same wall time with an offset, or an hour later, is fine', () => {
    expect(typeof parseArchiveDate('2018-03-25T02:30:00+01:00', 'Europe/Berlin')).toBe('object');
    expect(typeof parseArchiveDate('2018-03-25T03:30:00', 'Europe/Berlin')).toBe('object');
  });
});

describe('the fast formatters agree with date-fns on every zone and era', () => {
  // The formatting the archive had before it cached Intl formatters: date-fns on a TZDate.
  const own = (d: ArchiveDate) => new TZDate(d.instant, d.zone);
  const reference = {
    formatDate: (d: ArchiveDate) =>
      `${format(own(d), 'd MMMM yyyy')}${d.hasTime ? `, ${format(own(d), 'HH:mm')} ${tzName(d.zone, own(d), 'short')}` : ''}`,
    formatShortDate: (d: ArchiveDate) => format(own(d), 'd MMM yyyy'),
    toIsoInstant: (d: ArchiveDate) => formatISO(own(d)),
    toDatetimeAttribute: (d: ArchiveDate) =>
      d.hasTime ? formatISO(own(d)) : formatISO(own(d), { representation: 'date' }),
  };
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'Pacific/Kiritimati',
  ];
  const offsets = ['Z', '+08:00', '-05:30', '+14:00', '-12:00', '+00:00', ''];
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pad = (n: number) => String(n).padStart(2, '0');

  test('2,000 random dates from 1900 to 2100, with and without a time and an offset', () => {
    for (let i = 0; i < 2000; i++) {
      const year = 1900 + Math.floor(rand() * 200);
      const day = `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
      const time =
        rand() < 0.8
          ? `T${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))}:${pad(Math.floor(rand() * 60))}${offsets[i % offsets.length]}`
          : '';
      const parsed = parseArchiveDate(day + time, zones[i % zones.length]);
      if (typeof parsed === 'string') continue; // a wall time skipped by a clock change
      for (const [name, expected] of Object.entries(reference)) {
        const actual = { formatDate, formatShortDate, toIsoInstant, toDatetimeAttribute }[
          name as keyof typeof reference
        ](parsed);
        expect(actual, `${name}(${parsed.written} in ${parsed.zone})`).toBe(expected(parsed));
      }
    }
  });

  test('day headings and month names', () => {
    for (const [y, m, d] of [
      [2018, 2, 27],
      [1900, 1, 1],
      [2100, 12, 31],
      [2024, 2, 29],
    ]) {
      expect(formatDayHeading(y, m, d)).toBe(format(new TZDate(y, m - 1, d, 12, 0, 0, 0, 'UTC'), 'EEEE, d MMMM yyyy'));
      expect(formatMonth(y, m)).toBe(format(new TZDate(y, m - 1, 15, 12, 0, 0, 0, 'UTC'), 'MMMM yyyy'));
    }
  });
});
