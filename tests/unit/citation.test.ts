import { describe, expect, test } from 'vitest';
import { citationAuthors, citationMeta, citationOf, citationText, type CitationInput } from '@/lib/outputs/citation';
import { date } from './helpers';

const input: CitationInput = {
  title: 'Microsoft and Xiaomi expand their partnership',
  authors: ['Jane Doe', 'John Roe'],
  date: date('2018-02-27T06:20:00Z'),
  archive: 'Newsroom Archive',
  url: 'https://news.example.org/2018/02/27/deal/',
  lang: 'en',
};

describe('citationOf (MLA 9)', () => {
  test('an article of the archive: authors, the headline in quotation marks, the archive in italics, the day, the URL', () => {
    const citation = citationOf(input);
    expect(citation.container).toBe('Newsroom Archive');
    expect(citationText(citation)).toBe(
      'Doe, Jane, and John Roe. “Microsoft and Xiaomi expand their partnership.” Newsroom Archive, 27 Feb. 2018, https://news.example.org/2018/02/27/deal/. Accessed [date].',
    );
  });

  test('an article from a source: the publication first, the archive as the second container', () => {
    const citation = citationOf({ ...input, authors: [], source: 'Example Wire', date: date('2021-09-05') });
    expect(citation.container).toBe('Example Wire');
    expect(citationText(citation)).toBe(
      '“Microsoft and Xiaomi expand their partnership.” Example Wire, 5 Sept. 2021. Newsroom Archive, https://news.example.org/2018/02/27/deal/. Accessed [date].',
    );
  });

  test('authors: one inverted, two joined, three or more "et al.", names with a comma or of one word as written', () => {
    expect(citationAuthors(['Jane Doe'])).toBe('Doe, Jane. ');
    expect(citationAuthors(['Jane Doe', 'John Roe', 'Ann Poe'])).toBe('Doe, Jane, et al. ');
    expect(citationAuthors(['Doe, Jane'])).toBe('Doe, Jane. ');
    expect(citationAuthors(['Reuters'])).toBe('Reuters. ');
    expect(citationAuthors(["Zoë O'Brien & Co"])).toBe("Zoë O'Brien & Co. ");
    expect(citationAuthors(['王小明'])).toBe('王小明. ');
    expect(citationAuthors(["Zoë O'Brien"])).toBe("O'Brien, Zoë. ");
    expect(citationAuthors(['John Roe Jr.'])).toBe('Roe, John, Jr. ');
    expect(citationAuthors([])).toBe('');
  });

  test('a headline keeps its own question mark, and its double quotation marks become single ones', () => {
    expect(citationOf({ ...input, title: 'Is "cloud" the answer?' }).title).toBe('“Is ‘cloud’ the answer?” ');
  });
});

describe('citationMeta', () => {
  test('Dublin Core says newspaper article and names the publication; Highwire tags carry the rest', () => {
    expect(citationMeta({ ...input, source: 'Example Wire' })).toEqual([
      ['DC.type', 'newspaperArticle'],
      ['DC.source', 'Example Wire'],
      ['citation_title', input.title],
      ['citation_author', 'Jane Doe'],
      ['citation_author', 'John Roe'],
      ['citation_date', '2018-02-27'],
      ['citation_public_url', input.url],
      ['citation_language', 'en'],
    ]);
  });

  test('never a tag that would make Zotero save a journal article, book section, paper, thesis or report', () => {
    const names = citationMeta(input).map(([name]) => name);
    for (const forcing of [
      'citation_journal_title',
      'citation_inbook_title',
      'citation_book_title',
      'citation_conference_title',
      'citation_conference',
      'citation_dissertation_institution',
      'citation_technical_report_institution',
    ])
      expect(names).not.toContain(forcing);
    expect(citationMeta(input)).toContainEqual(['DC.source', 'Newsroom Archive']);
  });

  test('the day is the one written, in its own offset', () => {
    expect(citationMeta({ ...input, date: date('2022-03-04T23:30:00-05:00') })).toContainEqual([
      'citation_date',
      '2022-03-04',
    ]);
  });
});
