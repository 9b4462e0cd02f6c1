import { describe, expect, it } from 'vitest';
import { formatMonthName } from '@/lib/dates';
import { BUILT_IN } from '@/lib/kinds';
import { capitalised, countArticles, countOf, listInWords } from '@/lib/wording';

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

describe('listInWords', () => {
  it('joins one, two and more words, with "and" or "or"', () => {
    expect([listInWords([]), listInWords(['a']), listInWords(['a', 'b']), listInWords(['a', 'b', 'c'], 'or')]).toEqual([
      '',
      'a',
      'a and b',
      'a, b or c',
    ]);
    expect(capitalised(listInWords(['companies', 'topics']))).toBe('Companies and topics');
  });

  it('names every kind, from the one list of kinds', () => {
    expect(BUILT_IN.inWords('plural')).toBe('companies, topics, authors and sources');
    expect(BUILT_IN.inWords('singular', 'or')).toBe('company, topic, author or source');
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
