import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseArchiveDate } from '@/lib/dates';
import { parseDateline, parseWireText } from '@/lib/import/wire-text';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

/** The body of an article file: after the closing `---` line and its blank line, without the final newline. */
function bodyOf(path: string): string {
  const text = read(path);
  const close = text.indexOf('\n---\n', 3);
  return text
    .slice(close + '\n---\n'.length)
    .replace(/^\n/, '')
    .replace(/\n$/, '');
}

describe('parseWireText on the seed texts (what an editor made of them by hand)', () => {
  test('expanding-the-collaboration: headline, dateline with an empty byline, a sub-heading, furniture', () => {
    const article = parseWireText(
      read('tests/fixtures/seeds/expanding-the-collaboration.txt'),
      'expanding-the-collaboration.txt',
    );
    expect(article.title).toBe('Expanding the collaboration with cloud and devices focus');
    expect(article.date).toBe('2018-02-27T06:20:00Z');
    expect(article.bylines).toEqual([]);
    expect(article.dropped).toEqual(['Show Press Release']);
    expect(article.body).toBe(
      bodyOf('content/articles/2018/expanding-the-collaboration-with-cloud-and-devices-focus.md'),
    );
    expect(article.body).toContain('\n\n## Xiaomi building a Cortana speaker\n\n');
    expect(article).toMatchObject({
      origin: 'expanding-the-collaboration.txt',
      companies: [],
      topics: [],
      summary: undefined,
      source: undefined,
      draft: false,
      warnings: [],
    });
  });

  test('microsoft-and-xiaomi-ink: headline, no date, two sub-headings', () => {
    const article = parseWireText(read('tests/fixtures/seeds/microsoft-and-xiaomi-ink.txt'), 'seed.txt');
    expect(article.title).toBe('Microsoft And Xiaomi Ink AI And Cloud Computing Partnership Deal');
    expect(article.date).toBeUndefined();
    expect(article.bylines).toEqual([]);
    expect(article.dropped).toEqual([]);
    expect(article.warnings).toEqual([]);
    expect(article.body).toBe(
      bodyOf('content/articles/2018/microsoft-and-xiaomi-ink-ai-and-cloud-computing-partnership-deal.md'),
    );
    expect(article.body).toContain('\n\n## Microsoft Azure\n\n');
    expect(article.body).toContain('\n\n## Email warrants\n\n');
  });
});

describe('parseDateline', () => {
  test.each([
    ['Feb 27, 2018 06:20 GMT', '2018-02-27T06:20:00Z'],
    ['Feb 27, 2018 06:20 UTC', '2018-02-27T06:20:00Z'],
    ['February 27, 2018', '2018-02-27'],
    ['february 27 2018', '2018-02-27'],
    ['Feb. 27, 2018', '2018-02-27'],
    ['27 February 2018', '2018-02-27'],
    ['27 Feb 2018 06:20', '2018-02-27T06:20:00'],
    ['2018-02-27', '2018-02-27'],
    ['2018-02-27 06:20', '2018-02-27T06:20:00'],
    ['2018-02-27T06:20:00+08:00', '2018-02-27T06:20:00+08:00'],
    ['2018-02-27T06:20:15Z', '2018-02-27T06:20:15Z'],
    ['2018-02-27 06:20 Z', '2018-02-27T06:20:00Z'],
    ['2018-02-27 06:20 +0800', '2018-02-27T06:20:00+08:00'],
    ['2018-02-27 06:20 -05:30', '2018-02-27T06:20:00-05:30'],
    ['27 Feb 2018 06:20 GMT+8', '2018-02-27T06:20:00+08:00'],
    ['27 Feb 2018 06:20 UTC-5', '2018-02-27T06:20:00-05:00'],
    ['27 Feb 2018 06:20 GMT+0', '2018-02-27T06:20:00Z'],
    ['Feb 27, 2018, 6:20 pm GMT', '2018-02-27T18:20:00Z'],
    ['Feb 27, 2018 12:05 a.m.', '2018-02-27T00:05:00'],
    ['Sept 5, 2018', '2018-09-05'],
    ['Feb 29, 2020', '2020-02-29'],
    ['1st March 2018', '2018-03-01'],
  ])('%s → %s', (line, date) => {
    expect(parseDateline(line)).toEqual({ date, bylines: [] });
    // What the importer writes, the build reads.
    expect(typeof parseArchiveDate(date, 'Europe/London')).toBe('object');
  });

  test.each([
    ['Feb 30, 2018', 'no 30 February'],
    ['2018-02-30', 'no 30 February'],
    ['Feb 29, 2018', 'not a leap year'],
    ['2018-13-01', 'no month 13'],
    ['Smarch 3, 2018', 'no such month'],
    ['2018-02-27 25:00', 'no hour 25'],
    ['2018-02-27 06:20 +1500', 'offset out of range'],
    ['2018-02-27 GMT', 'a zone without a time'],
    ['Feb 27, 2018 - Microsoft said on Tuesday it would expand its deal', 'prose after the date'],
    ['2018-02-27abc', 'letters glued to the date'],
    ['Microsoft and Xiaomi have announced an expansion', 'no date at all'],
    ['', 'empty'],
  ])('%s is not a dateline (%s)', (line) => {
    expect(parseDateline(line)).toBeUndefined();
  });

  test.each([
    ['Feb 27, 2018 06:20 GMT \u00a0·\u00a0 By', []],
    ['Feb 27, 2018 · By Jane Doe', ['Jane Doe']],
    ['February 27, 2018 | By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['27 February 2018 - By Jane Doe, John Roe', ['Jane Doe', 'John Roe']],
    ['2018-02-27 — by Jane Doe & John Roe', ['Jane Doe', 'John Roe']],
    ['2018-02-27, By Jane Doe, Reuters', ['Jane Doe', 'Reuters']],
    ['Feb 27, 2018 By Jane Doe', ['Jane Doe']],
    ['2018-02-27 ·', []],
  ])('bylines in %s', (line, bylines) => {
    expect(parseDateline(line)?.bylines).toEqual(bylines);
  });

  test('a dateline with a time, a zone and a byline', () => {
    expect(parseDateline('Feb 27, 2018 06:20 GMT-05:30 — By Ann Poe, Bo Li & Cy Young')).toEqual({
      date: '2018-02-27T06:20:00-05:30',
      bylines: ['Ann Poe', 'Bo Li', 'Cy Young'],
    });
  });
});

describe('parseWireText: text forms', () => {
  const article = 'Headline of the day\n\nFeb 27, 2018\n\nFirst paragraph.\n\nSecond paragraph.\n';

  test('CRLF and CR line ends read as LF', () => {
    const crlf = parseWireText(article.replace(/\n/g, '\r\n'), 'crlf.txt');
    const cr = parseWireText(article.replace(/\n/g, '\r'), 'cr.txt');
    for (const a of [crlf, cr]) {
      expect(a.title).toBe('Headline of the day');
      expect(a.date).toBe('2018-02-27');
      expect(a.body).toBe('First paragraph.\n\nSecond paragraph.');
    }
  });

  test('a BOM is stripped', () => {
    const a = parseWireText(`\uFEFF${article}`, 'bom.txt');
    expect(a.title).toBe('Headline of the day');
    expect(a.body).toBe('First paragraph.\n\nSecond paragraph.');
  });

  test('trailing whitespace and whitespace-only lines; several blank lines separate blocks', () => {
    const a = parseWireText(
      'Headline   \n \t \nFeb 27, 2018  \n\n\n\nOne line\t\nand its next line   \n\n\n\nTwo.',
      'x.txt',
    );
    expect(a.title).toBe('Headline');
    expect(a.date).toBe('2018-02-27');
    expect(a.body).toBe('One line\nand its next line\n\nTwo.');
  });

  test('text is NFC-normalised', () => {
    const a = parseWireText('Cafe\u0301 news\n\nA cafe\u0301 opened.', 'nfc.txt');
    expect(a.title).toBe('Caf\u00e9 news');
    expect(a.body).toBe('A caf\u00e9 opened.');
  });

  test('lines within a block stay as written, joined by soft breaks', () => {
    const a = parseWireText('Headline\n\nFirst line of the paragraph\nsecond line of it.\n\nNext paragraph.', 'x.txt');
    expect(a.body).toBe('First line of the paragraph\nsecond line of it.\n\nNext paragraph.');
  });
});

describe('parseWireText: headline', () => {
  test('no headline: a file starting with a long paragraph', () => {
    const text =
      'Microsoft and Xiaomi have announced an expansion of their original collaboration. The two companies will work together on cloud services.\n\nSecond paragraph.';
    const a = parseWireText(text, 'noheadline.txt');
    expect(a.title).toBeUndefined();
    expect(a.warnings).toEqual(['no headline: the text does not start with a single line that reads as one']);
    expect(a.body).toBe(
      'Microsoft and Xiaomi have announced an expansion of their original collaboration. The two companies will work together on cloud services.\n\nSecond paragraph.',
    );
  });

  test('no headline: a single sentence ending in a full stop', () => {
    const a = parseWireText('Microsoft said on Tuesday it would expand its deal with Xiaomi.\n\nMore text.', 'x.txt');
    expect(a.title).toBeUndefined();
    expect(a.body).toBe('Microsoft said on Tuesday it would expand its deal with Xiaomi.\n\nMore text.');
  });

  test('no headline: the first block has several lines that are not a dateline', () => {
    const a = parseWireText('Microsoft and Xiaomi have announced\nan expansion of their deal\n\nMore text.', 'x.txt');
    expect(a.title).toBeUndefined();
    expect(a.body).toBe('Microsoft and Xiaomi have announced\nan expansion of their deal\n\nMore text.');
  });

  test('no headline: a line over 200 characters', () => {
    const long = `Microsoft ${'and Xiaomi '.repeat(20)}sign a deal`;
    expect(long.length).toBeGreaterThan(200);
    const a = parseWireText(`${long}\n\nMore text.`, 'x.txt');
    expect(a.title).toBeUndefined();
    expect(a.body.startsWith('Microsoft and Xiaomi')).toBe(true);
  });

  test('abbreviations, ellipses and questions do not make a headline prose', () => {
    expect(parseWireText('U.S. Supreme Court Hears Microsoft Email Case\n\nText.', 'x').title).toBe(
      'U.S. Supreme Court Hears Microsoft Email Case',
    );
    expect(parseWireText('Microsoft Buys Stake in Xiaomi Inc.\n\nText.', 'x').title).toBe(
      'Microsoft Buys Stake in Xiaomi Inc.',
    );
    expect(parseWireText('Is Cortana coming to Xiaomi speakers?\n\nText.', 'x').title).toBe(
      'Is Cortana coming to Xiaomi speakers?',
    );
    expect(parseWireText('Microsoft and Xiaomi, again...\n\nText.', 'x').title).toBe('Microsoft and Xiaomi, again...');
  });

  test('headline and dateline in one block', () => {
    const a = parseWireText('Headline here\nFebruary 27, 2018\n\nBody text.', 'x.txt');
    expect(a).toMatchObject({ title: 'Headline here', date: '2018-02-27', body: 'Body text.' });
  });

  test('a dateline followed by body lines in the same block', () => {
    const a = parseWireText('Headline here\n\n2018-02-27\nThe body starts here.\n\nMore.', 'x.txt');
    expect(a).toMatchObject({ title: 'Headline here', date: '2018-02-27', body: 'The body starts here.\n\nMore.' });
  });

  test('a dateline at the very top, with no headline', () => {
    const a = parseWireText('Feb 27, 2018\n\nMicrosoft said on Tuesday it would expand its deal.', 'x.txt');
    expect(a.title).toBeUndefined();
    expect(a.date).toBe('2018-02-27');
    expect(a.body).toBe('Microsoft said on Tuesday it would expand its deal.');
  });

  test('no date: title and body, no warning about the date', () => {
    const a = parseWireText('Headline here\n\nBody text.\n\nMore body.', 'x.txt');
    expect(a.date).toBeUndefined();
    expect(a.warnings).toEqual([]);
    expect(a.body).toBe('Body text.\n\nMore body.');
  });

  test('a dateline two blocks down is body, not a date', () => {
    const a = parseWireText('Headline here\n\nFirst paragraph.\n\nFeb 27, 2018', 'x.txt');
    expect(a.date).toBeUndefined();
    expect(a.body).toBe('First paragraph.\n\nFeb 27, 2018');
  });

  test('a headline with no body is warned about', () => {
    const a = parseWireText('Headline only\n', 'x.txt');
    expect(a.title).toBe('Headline only');
    expect(a.body).toBe('');
    expect(a.warnings).toEqual(['no body text']);
  });

  test('empty text', () => {
    const a = parseWireText('', 'empty.txt');
    expect(a).toMatchObject({ title: undefined, date: undefined, body: '', bylines: [], dropped: [] });
    expect(a.warnings).toHaveLength(2);
  });
});

describe('parseWireText: bylines', () => {
  test('a single byline in the dateline', () => {
    expect(parseWireText('Headline\n\nFeb 27, 2018 · By Jane Doe\n\nBody.', 'x').bylines).toEqual(['Jane Doe']);
  });

  test('two bylines in the dateline', () => {
    const a = parseWireText('Headline\n\nFeb 27, 2018 | By Jane Doe and John Roe\n\nBody.', 'x');
    expect(a.bylines).toEqual(['Jane Doe', 'John Roe']);
    expect(a.body).toBe('Body.');
  });

  test('an empty By gives no byline', () => {
    const a = parseWireText('Headline\n\nFeb 27, 2018 06:20 GMT  ·  By\n\nBody.', 'x');
    expect(a.bylines).toEqual([]);
    expect(a.date).toBe('2018-02-27T06:20:00Z');
    expect(a.body).toBe('Body.');
  });

  test('a byline on its own line after the dateline', () => {
    const a = parseWireText('Headline\nFeb 27, 2018\nBy Jane Doe, John Roe\n\nBody.', 'x');
    expect(a).toMatchObject({
      title: 'Headline',
      date: '2018-02-27',
      bylines: ['Jane Doe', 'John Roe'],
      body: 'Body.',
    });
  });

  test('a byline on its own line after the headline, then the dateline', () => {
    const a = parseWireText('Headline\n\nBy Jane Doe\n\n27 February 2018\n\nBody.', 'x');
    expect(a).toMatchObject({ title: 'Headline', date: '2018-02-27', bylines: ['Jane Doe'], body: 'Body.' });
  });

  test('a byline line and no dateline', () => {
    const a = parseWireText('Headline\nBy Jane Doe & John Roe\n\nBody.', 'x');
    expect(a).toMatchObject({ title: 'Headline', date: undefined, bylines: ['Jane Doe', 'John Roe'], body: 'Body.' });
  });

  test('a paragraph starting with "By" is not a byline', () => {
    const a = parseWireText('Headline\n\nBy 2020, Microsoft expects to sell more devices.\n\nMore.', 'x');
    expect(a.bylines).toEqual([]);
    expect(a.body).toBe('By 2020, Microsoft expects to sell more devices.\n\nMore.');
    const b = parseWireText('Headline\n\nBy collaborating with Microsoft, Xiaomi will grow\n\nMore.', 'x');
    expect(b.bylines).toEqual([]);
    expect(b.body).toBe('By collaborating with Microsoft, Xiaomi will grow\n\nMore.');
  });
});

describe('parseWireText: non-Latin text', () => {
  test('a Chinese article', () => {
    const text =
      '小米与微软扩大合作\n\n2018年2月27日\n\n小米和微软宣布扩大双方的合作。双方将在云服务方面合作。\n\n人工智能\n\n小米将在小爱音箱中集成微软小娜。';
    const a = parseWireText(text, 'zh.txt');
    expect(a.title).toBe('小米与微软扩大合作');
    expect(a.date).toBeUndefined();
    expect(a.body).toBe(
      '2018年2月27日\n\n小米和微软宣布扩大双方的合作。双方将在云服务方面合作。\n\n## 人工智能\n\n小米将在小爱音箱中集成微软小娜。',
    );
  });

  test('a Chinese paragraph first is not a headline', () => {
    const a = parseWireText('小米和微软宣布扩大双方的合作。双方将在云服务方面合作。\n\n更多。', 'zh.txt');
    expect(a.title).toBeUndefined();
  });

  test('a Cyrillic article', () => {
    const text =
      'Microsoft и Xiaomi расширяют сотрудничество\n\n27 Feb 2018 06:20 GMT+3\n\nКомпании объявили о расширении партнёрства. Xiaomi будет использовать Azure.\n\nОблачные сервисы\n\nСтороны также будут сотрудничать в области ИИ.';
    const a = parseWireText(text, 'ru.txt');
    expect(a.title).toBe('Microsoft и Xiaomi расширяют сотрудничество');
    expect(a.date).toBe('2018-02-27T06:20:00+03:00');
    expect(a.body).toBe(
      'Компании объявили о расширении партнёрства. Xiaomi будет использовать Azure.\n\n## Облачные сервисы\n\nСтороны также будут сотрудничать в области ИИ.',
    );
  });

  test('a Cyrillic first paragraph of two sentences is not a headline', () => {
    const a = parseWireText('Компании объявили о партнёрстве. Xiaomi будет использовать Azure\n\nЕщё.', 'ru.txt');
    expect(a.title).toBeUndefined();
  });
});

describe('parseWireText: Markdown-looking text stays text', () => {
  test('list markers, headings, HTML and emphasis are escaped', () => {
    const text = [
      'Headline',
      '',
      'First paragraph.',
      '',
      '* not a list',
      '',
      '# not a heading',
      '',
      '1. not a list',
      '',
      '<script>alert(1)</script>',
      '',
      'Some *stars* and _underscores_ and [brackets](x).',
      '',
      'A line\n- not a list either',
    ].join('\n');
    const a = parseWireText(text, 'md.txt');
    expect(a.body).toBe(
      [
        'First paragraph.',
        '\\* not a list',
        '\\# not a heading',
        '1\\. not a list',
        '\\<script>alert(1)\\</script>',
        'Some \\*stars\\* and \\_underscores\\_ and \\[brackets]\\(x).',
        'A line\n\\- not a list either',
      ].join('\n\n'),
    );
    expect(a.body).not.toContain('\n## ');
  });

  test('a short Markdown-looking line between paragraphs is not made a heading', () => {
    const a = parseWireText('Headline\n\nFirst.\n\n# Hash line\n\nLast.', 'x');
    expect(a.body).toBe('First.\n\n\\# Hash line\n\nLast.');
  });
});

describe('parseWireText: sub-headings', () => {
  test('only a short unpunctuated line between paragraphs', () => {
    const text = [
      'Headline',
      'Not first but heading-like',
      '',
      'Opening paragraph.',
      '',
      'A real heading',
      '',
      'Middle paragraph.',
      '',
      'Ends with a colon:',
      '',
      'Another paragraph.',
      '',
      '“A quoted line.”',
      '',
      '(Aside in brackets)',
      '',
      'Closing paragraph.',
      '',
      'Last short line',
    ].join('\n');
    const a = parseWireText(text, 'x');
    expect(a.title).toBeUndefined();
    expect(a.body.match(/^## .*$/gm)).toEqual(['## A real heading']);
  });

  test('the first and last body blocks are never headings', () => {
    const a = parseWireText('Headline\n\nShort first\n\nA paragraph.\n\nShort last', 'x');
    expect(a.body).toBe('Short first\n\nA paragraph.\n\nShort last');
  });

  test('two short lines in a row are not headings', () => {
    const a = parseWireText('Headline\n\nA paragraph.\n\nShort one\n\nShort two\n\nAnother paragraph.', 'x');
    expect(a.body).toBe('A paragraph.\n\nShort one\n\nShort two\n\nAnother paragraph.');
  });

  test('a line over 80 characters is not a heading', () => {
    const long = 'A line without punctuation that runs on and on and on past the eighty character limit';
    expect(long.length).toBeGreaterThan(80);
    const a = parseWireText(`Headline\n\nA paragraph.\n\n${long}\n\nAnother paragraph.`, 'x');
    expect(a.body).toBe(`A paragraph.\n\n${long}\n\nAnother paragraph.`);
  });

  test('a line starting with a digit can be a heading', () => {
    const a = parseWireText('Headline\n\nA paragraph.\n\n2018 outlook\n\nAnother paragraph.', 'x');
    expect(a.body).toBe('A paragraph.\n\n## 2018 outlook\n\nAnother paragraph.');
  });
});

describe('parseWireText: page furniture', () => {
  test('trailing furniture blocks are dropped and listed in order', () => {
    const text = [
      'Headline',
      '',
      'Body paragraph.',
      '',
      'Read more:',
      '',
      'Share this article\nShare on Facebook\nShare on Twitter\nShare on LinkedIn',
      '',
      'Tweet',
      '',
      'Print',
      '',
      'Email this',
      '',
      'Subscribe to our newsletter',
      '',
      'Follow us on Twitter',
      '',
      'Click here to subscribe',
      '',
      'Related articles',
      '',
      '3 Comments',
      '',
      'Back to top',
      '',
      '© 2018 Example News Ltd. All rights reserved.',
      '',
      'Copyright 2018 Example News',
    ].join('\n');
    const a = parseWireText(text, 'x');
    expect(a.body).toBe('Body paragraph.');
    expect(a.dropped).toEqual([
      'Read more:',
      'Share this article',
      'Share on Facebook',
      'Share on Twitter',
      'Share on LinkedIn',
      'Tweet',
      'Print',
      'Email this',
      'Subscribe to our newsletter',
      'Follow us on Twitter',
      'Click here to subscribe',
      'Related articles',
      '3 Comments',
      'Back to top',
      '© 2018 Example News Ltd. All rights reserved.',
      'Copyright 2018 Example News',
    ]);
  });

  test.each([
    'Show Press Release',
    'Read more',
    'Continue reading',
    'Share',
    'Advertisement',
    'Comments',
    'ADVERTISEMENT',
  ])('"%s" at the end is dropped', (line) => {
    const a = parseWireText(`Headline\n\nBody.\n\n${line}`, 'x');
    expect(a.body).toBe('Body.');
    expect(a.dropped).toEqual([line]);
  });

  test('a furniture line glued to the end of the last paragraph', () => {
    const a = parseWireText('Headline\n\nFirst.\n\nLast paragraph of the story.\nShow Press Release', 'x');
    expect(a.body).toBe('First.\n\nLast paragraph of the story.');
    expect(a.dropped).toEqual(['Show Press Release']);
  });

  test('a lowercase wrapped word at the end of a paragraph is not furniture', () => {
    const a = parseWireText('Headline\n\nXiaomi is gaining market\nshare', 'x');
    expect(a.body).toBe('Xiaomi is gaining market\nshare');
    expect(a.dropped).toEqual([]);
  });

  test('furniture-like text in the middle stays; a lone Advertisement is dropped anywhere', () => {
    const a = parseWireText('Headline\n\nFirst.\n\nAdvertisement\n\nShare\n\nSecond.\n\nRead more', 'x');
    expect(a.body).toBe('First.\n\nShare\n\nSecond.');
    expect(a.dropped).toEqual(['Advertisement', 'Read more']);
  });

  test('prose that starts like furniture is kept', () => {
    const a = parseWireText('Headline\n\nFirst.\n\nCopyright law experts said the ruling would stand.', 'x');
    expect(a.body).toBe('First.\n\nCopyright law experts said the ruling would stand.');
    expect(a.dropped).toEqual([]);
  });
});
