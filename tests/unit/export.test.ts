/**
 * The archive as data (src/lib/export/): a body's plain text read from the pipeline's own HTML
 * (held equal to a parse5 reading of the same HTML), word counts across scripts, the rows, and
 * the CSV's guards (formulas, the cell limit, quoting).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { createRenderer } from '@/loaders/process-file';
import { BLOCK_ELEMENTS, countWords, decodeReferences, plainTextOfHtml } from '@/lib/export/plain-text';
import { CSV_BOM, CSV_CELL_LIMIT, csvColumns, csvHeader, csvRow, quoteCell, spreadsheetCell } from '@/lib/export/csv';
import { exportFields, exportRow, ndjsonLine, type ExportRow } from '@/lib/export/rows';
import { buildArchive } from '@/lib/model/archive';
import { Kinds } from '@/lib/kinds';
import { createUrls } from '@/lib/urls';
import { date, record } from './helpers';

/** Bodies that try the reader: references, quotes, code, tables, footnotes, raw HTML, scripts without spaces. */
const BODIES = [
  'A plain paragraph.\n\nAnother, with *emphasis* and a [link](https://example.com "a > b title").',
  '## A heading with "quotes"\n\nText & more text, 1 < 2 > 0, an &copy; and &#x1F600; and &nbsp;here.',
  '```\nif (a < b && c > d) {\n  return "x";\n}\n```\n\nAfter the code `inline <b>` too.',
  '| Column & A | Column |\n| --- | ---: |\n| 1 & 2 | 3 < 4 |\n',
  'A footnote reference.[^1]\n\n[^1]: The footnote, with & in it.',
  '- one\n- two\n  - nested\n\n1. first\n2. second\n\n> A quote\n> over lines.',
  'Raw <b>bold</b> and <script>alert(1)</script> and <img src=x onerror=alert(1)> gone.',
  '研究人员今天宣布，实验室在量子纠缠的研究中取得了重要进展。\n\n東京で発表された。',
  'Line one  \nline two after a hard break.\n\n---\n\nAfter a rule. ![An image](https://example.com/x.png) in text.',
  '<details><summary>More</summary>\n\nHidden text.\n\n</details>',
];

/** The same rules over a parse5 tree: what `plainTextOfHtml` must agree with. */
function referenceText(html: string): string {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const blocks: string[] = [];
  let current = '';
  let pre = 0;
  const end = () => {
    const text = pre
      ? current.replace(/^\n+|\s+$/g, '')
      : current
          .replace(/ {2,}/g, ' ')
          .replace(/ *\t */g, '\t')
          .replace(/[ \r\f]*\n[ \r\f]*/g, '\n')
          .trim();
    if (text) blocks.push(text);
    current = '';
  };
  const walk = (node: RootContent) => {
    if (node.type === 'text') {
      current += pre ? node.value : node.value.replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (node.type !== 'element') return;
    const element = node as Element;
    const className = (element.properties.className as string[] | undefined) ?? [];
    if (['script', 'style', 'template', 'svg', 'math'].includes(element.tagName)) return;
    if (
      element.tagName === 'a' &&
      (className.includes('heading-anchor') || 'dataFootnoteBackref' in element.properties)
    )
      return;
    if (element.tagName === 'br') {
      current += '\n';
      return;
    }
    const block = BLOCK_ELEMENTS.has(element.tagName);
    if (block) {
      end();
      if (element.tagName === 'pre') pre += 1;
    }
    element.children.forEach(walk);
    if (element.tagName === 'td' || element.tagName === 'th') current += '\t';
    if (block) {
      end();
      if (element.tagName === 'pre') pre -= 1;
    }
  };
  tree.children.forEach(walk);
  end();
  return blocks.map((block) => block.replace(/\t+$/gm, '')).join('\n\n');
}

describe("a body's plain text", async () => {
  const renderer = await createRenderer({ trustedHtml: false, timeZone: 'UTC', declared: [] });
  const rendered = await Promise.all(BODIES.map(async (body) => (await renderer.render(body)).code));

  test.each(rendered.map((html, i) => [i, html]))('body %i reads as parse5 reads it', (_i, html) => {
    expect(plainTextOfHtml(html)).toBe(referenceText(html));
  });

  test('references decoded, the page’s own additions left out, blocks a blank line apart', () => {
    expect(plainTextOfHtml(rendered[1]!)).toBe(
      'A heading with “quotes”\n\nText & more text, 1 < 2 > 0, an © and 😀 and \u00a0here.',
    );
    const footnote = plainTextOfHtml(rendered[4]!);
    expect(footnote).not.toContain('Link to section');
    expect(footnote).not.toContain('↩');
    expect(footnote).toContain('The footnote, with & in it.');
  });

  test('code keeps its lines and spaces; a table row is one line of cells a tab apart', () => {
    expect(plainTextOfHtml(rendered[2]!)).toBe(
      'if (a < b && c > d) {\n  return "x";\n}\n\nAfter the code inline <b> too.',
    );
    expect(plainTextOfHtml(rendered[3]!)).toBe('Column & A\tColumn\n\n1 & 2\t3 < 4');
  });

  test('markup the sanitizer removed leaves no text; a hard break is a line break', () => {
    const raw = plainTextOfHtml(rendered[6]!);
    expect(raw).toBe('Raw bold and and gone.');
    expect(plainTextOfHtml(rendered[8]!)).toBe('Line one\nline two after a hard break.\n\nAfter a rule. in text.');
  });

  test('CJK text whole', () => {
    expect(plainTextOfHtml(rendered[7]!)).toBe(BODIES[7]);
  });

  test('a reference that names nothing stays as written', () => {
    expect(decodeReferences('a &notathing; b &#x110000;')).toBe('a &notathing; b \uFFFD');
  });
});

describe('word counts', () => {
  test('words between spaces; punctuation alone is none', () => {
    expect(countWords('The ferry ran again — after the winter pause.')).toBe(8);
    expect(countWords('')).toBe(0);
  });

  test('scripts without spaces are segmented', () => {
    // 研究人员 / 今天 / 宣布: the segmenter finds words, not characters or one long run.
    const count = countWords('研究人员今天宣布', 'zh');
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThan(8);
  });
});

describe('the CSV', () => {
  const kinds = new Kinds([
    {
      kind: 'places',
      field: 'places',
      label: 'Place',
      plural: 'Places',
      path: 'places',
      facet: 'place',
      multiple: true,
      preposition: 'in',
    } as never,
  ]);

  test('a cell a spreadsheet would run as a formula is written as text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(spreadsheetCell(`${start}SUM(A1)`).value).toBe(`'${start}SUM(A1)`);
    expect(spreadsheetCell('Plain').value).toBe('Plain');
    expect(spreadsheetCell('a=b').value).toBe('a=b');
  });

  test('a cell past the limit is cut, never through a character', () => {
    const long = `${'a'.repeat(CSV_CELL_LIMIT - 1)}😀tail`;
    const cell = spreadsheetCell(long);
    expect(cell.cut).toBe(true);
    expect(cell.value).toBe('a'.repeat(CSV_CELL_LIMIT - 1));
    expect(spreadsheetCell('a'.repeat(CSV_CELL_LIMIT)).cut).toBe(false);
  });

  test('quotes, commas and line breaks quoted as RFC 4180 asks', () => {
    expect(quoteCell('He said "no", then left\n')).toBe('"He said ""no"", then left\n"');
    expect(quoteCell('plain')).toBe('plain');
  });

  test('a row: lists joined, the cut cells named, every column in the header', () => {
    const row: ExportRow = {
      url: 'https://example.org/2018/02/27/deal/',
      headline: '=HYPERLINK("x")',
      date: '2018-02-27',
      instant: '2018-02-27T00:00:00Z',
      updated: null,
      names: { companies: ['Microsoft', 'Xiaomi'], topics: [], authors: ['Jane Doe'], sources: [], places: ['Lyon'] },
      source: null,
      language: 'en',
      summary: 'A summary.',
      text: 'x'.repeat(CSV_CELL_LIMIT + 10),
      words: 1,
      corrections: [{ date: '2018-03-01', text: 'Fixed a name.' }],
    };
    const line = csvRow(row, kinds);
    expect(line.endsWith(',text\r\n')).toBe(true);
    expect(line).toContain(',"\'=HYPERLINK(""x"")",');
    expect(line).toContain(',Microsoft; Xiaomi,');
    expect(line).toContain(',2018-03-01: Fixed a name.,');
    expect(csvHeader(kinds)).toBe(`${csvColumns(kinds).join(',')}\r\n`);
    expect(csvColumns(kinds)).toContain('places');
    expect(CSV_BOM).toBe('\uFEFF');
  });
});

describe('rows', () => {
  const kinds = new Kinds();
  const archive = buildArchive(
    [
      record('deal', '2018-02-27T06:20:00+08:00', {
        companies: ['Microsoft'],
        bylines: ['Jane Doe'],
        source: { url: 'https://www.example.com/deal' },
        updated: date('2018-03-01'),
        lang: 'zh',
      }),
    ],
    {},
    { kinds },
  );
  const context = { kinds, urls: createUrls('/archive/'), siteUrl: 'https://example.org/archive/', lang: 'en' };
  const row = exportRow(archive.articles[0]!, { text: 'Text.', words: 1, summary: 'Summary.' }, context);

  test('the URL under the base, the date as written and its instant, names of every kind', () => {
    expect(row.url).toBe('https://example.org/archive/2018/02/27/deal/');
    expect(row.date).toBe('2018-02-27T06:20:00+08:00');
    expect(row.instant).toBe('2018-02-27T06:20:00+08:00');
    expect(row.updated).toBe('2018-03-01');
    expect(row.names).toEqual({
      companies: ['Microsoft'],
      topics: [],
      authors: ['Jane Doe'],
      sources: ['example.com'],
    });
    expect(row.source).toEqual({ name: 'example.com', url: 'https://www.example.com/deal' });
    expect(row.language).toBe('zh');
  });

  test('an NDJSON line holds the fields in the documented order, one per line', () => {
    const line = ndjsonLine(row);
    expect(line.endsWith('}\n')).toBe(true);
    expect(line.split('\n')).toHaveLength(2);
    expect(Object.keys(JSON.parse(line))).toEqual(exportFields(kinds).map((field) => field.name));
  });
});

test("the README's table of fields is the export's own list, in order", () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| field | what it holds |'));
  const rows = table
    .slice(0, table.indexOf('\n\n'))
    .split('\n')
    .slice(2)
    .map((line) => line.match(/^\| `([^`]+)` \| (.*) \|$/)?.slice(1));
  expect(rows).toEqual(exportFields(new Kinds([])).map((field) => [field.name, field.description]));
});
