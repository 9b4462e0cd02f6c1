import { describe, expect, it } from 'vitest';
import { formatMonthName } from '@/lib/dates';
import { countArticles } from '@/lib/wording';

describe('countArticles', () => {
  it('says article for one and articles otherwise', () => {
    expect([0, 1, 2, 12].map(countArticles)).toEqual(['0 articles', '1 article', '2 articles', '12 articles']);
  });
});

describe('formatMonthName', () => {
  it('names a month in three widths', () => {
    expect([formatMonthName(2), formatMonthName(2, 'short'), formatMonthName(2, 'narrow')]).toEqual(['February', 'Feb', 'F']);
    expect(formatMonthName(12)).toBe('December');
  });
});
