import { describe, expect, test } from 'vitest';
import { ageInYears, ageNotice } from '@/lib/model/age-notice';
import { date } from './helpers';

const day = (year: number, month: number, dayOfMonth: number) => ({ year, month, day: dayOfMonth });

describe('ageInYears', () => {
  test('counts whole years from the written calendar date to the day', () => {
    expect(ageInYears(date('2018-02-27'), day(2026, 2, 26))).toBe(7);
    expect(ageInYears(date('2018-02-27'), day(2026, 2, 27))).toBe(8);
    expect(ageInYears(date('2018-02-27'), day(2026, 11, 21))).toBe(8);
    expect(ageInYears(date('2026-11-21'), day(2026, 11, 21))).toBe(0);
  });

  test('goes by the date as written, in its own offset', () => {
    // Already 5 March in UTC, but written as 4 March: a year old on 4 March.
    expect(ageInYears(date('2022-03-04T23:30:00-05:00'), day(2023, 3, 4))).toBe(1);
  });

  test('a 29 February article has its anniversary on 1 March in other years', () => {
    expect(ageInYears(date('2020-02-29'), day(2021, 2, 28))).toBe(0);
    expect(ageInYears(date('2020-02-29'), day(2021, 3, 1))).toBe(1);
  });
});

describe('ageNotice', () => {
  test('says how old an article past the threshold is, in words', () => {
    expect(ageNotice(date('2018-02-27'), day(2026, 11, 21), 1)).toBe('This article is more than 8 years old');
    expect(ageNotice(date('2025-10-01'), day(2026, 11, 21), 1)).toBe('This article is more than 1 year old');
  });

  test('none for a newer article, or when notices are off', () => {
    expect(ageNotice(date('2026-01-01'), day(2026, 11, 21), 1)).toBeUndefined();
    expect(ageNotice(date('2018-02-27'), day(2026, 11, 21), 10)).toBeUndefined();
    expect(ageNotice(date('2018-02-27'), day(2026, 11, 21), 0)).toBeUndefined();
  });
});
