import { describe, expect, it } from 'vitest';
import { formatMonthName } from '@/lib/dates';
import { countArticles, countOf } from '@/lib/wording';

describe('countArticles', () => {
  it('says article for one and articles otherwise', () => {
    expect([0, 1, 2, 12].map(countArticles)).toEqual(['0 articles', '1 article', '2 articles', '12 articles']);
  });
});

describe('countOf', () => {
  it('takes an irregular plural', () => {
    expect([countOf(1, 'company', 'companies'), countOf(3, 'company', 'companies'), countOf(0, 'warning')]).toEqual([
      '1 company',
      '3 companies',
      '0 warnings',
    ]);
  });
});

describe('formatMonthName', () => {
  it('names a month in three widths', () => {
    expect([formatMonthName(2), formatMonthName(2, 'short'), formatMonthName(2, 'narrow')]).toEqual([
      'February',
      'Feb',
      'F',
    ]);
    expect(formatMonthName(12)).toBe('December');
  });
});
