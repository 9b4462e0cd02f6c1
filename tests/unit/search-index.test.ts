/**
 * The search index's input (src/lib/outputs/search-index.ts): date shards that stay put as an archive
 * grows, records with facets, month and sort key, and documents that carry every text as text,
 * the names an article is tagged with among them.
 */
import { describe, expect, test } from 'vitest';
import { BUILT_IN } from '@/lib/kinds';
import { addDocumentWords, wordDirectoryDocument } from '@/search/build/directory';
import {
  documentContent,
  searchDocument,
  searchRecord,
  searchSortKey,
  taggedNames,
  type SearchContext,
} from '@/search/build/documents';
import { documentsDigest, planShards } from '@/search/build/shard-plan';
import { date } from './helpers';
import type { TermKind } from '@/lib/kinds';

const at = (year: number, month: number, lang?: string) => ({ lang, date: { year, month } });
const countsOf = (plan: ReturnType<typeof planShards>) =>
  Object.fromEntries(plan.shards.map((shard) => [shard.key, shard.count]));

describe('planShards', () => {
  test('fills shards with whole months from the oldest; the newest shard is named by the language alone', () => {
    const articles = [at(2020, 1), at(2020, 1), at(2020, 2), at(2020, 3), at(2020, 3), at(2020, 4)];
    const plan = planShards(articles, 'en', 3);
    expect(plan.shardOf).toEqual(['en-x-202001', 'en-x-202001', 'en-x-202001', 'en', 'en', 'en']);
    expect(plan.shards).toEqual([
      { key: 'en-x-202001', lang: 'en', from: 202001, to: 202002, count: 3 },
      { key: 'en', lang: 'en', from: 202003, to: 202004, count: 3 },
    ]);
    // One more month that does not fit: the newest shard moves on, the old one gets its month's name.
    const grown = planShards([...articles, at(2020, 5)], 'en', 3);
    expect(countsOf(grown)).toEqual({ 'en-x-202001': 3, 'en-x-202003': 3, en: 1 });
  });

  test('never splits a month, even one busier than a shard', () => {
    expect(countsOf(planShards([at(2020, 1), at(2020, 1), at(2020, 1), at(2020, 2)], 'en', 2))).toEqual({
      'en-x-202001': 3,
      en: 1,
    });
  });

  test('each language has shards of its own, named as Pagefind names languages (lower case)', () => {
    const plan = planShards([at(2020, 1), at(2020, 1, 'zh-Hans'), at(2021, 5, 'zh-Hans'), at(2021, 6)], 'en', 1);
    expect(plan.shardOf).toEqual(['en-x-202001', 'zh-hans-x-202001', 'zh-hans', 'en']);
    expect(plan.shards.find((shard) => shard.key === 'zh-hans')).toEqual({
      key: 'zh-hans',
      lang: 'zh-hans',
      from: 202105,
      to: 202105,
      count: 1,
    });
  });

  test('adding articles to the newest month leaves every older shard as it was', () => {
    const before = [at(2019, 1), at(2019, 2), at(2019, 3), at(2019, 4), at(2019, 5)];
    const after = [...before, at(2019, 5), at(2019, 5)];
    expect(planShards(after, 'en', 2).shardOf.slice(0, 4)).toEqual(planShards(before, 'en', 2).shardOf.slice(0, 4));
  });
});

describe('searchSortKey', () => {
  test('orders by instant, whatever offset each date was written in', () => {
    const written = [
      '2019-01-10T09:30:00+02:00',
      '2019-01-10T08:00:00Z',
      '2019-01-10T03:00:00-05:00',
      '2019-01-10',
      '1969-07-20T20:17:00Z',
    ];
    const keys = written.map((w) => searchSortKey(date(w)));
    expect(keys[4]! < keys[3]!).toBe(true);
    expect(keys[3]! < keys[0]!).toBe(true);
    expect(keys[0]! < keys[1]!).toBe(true);
    expect(keys[1]).toBe(keys[2]);
  });

  test('keys are equally wide digits, so text and number order agree', () => {
    const keys = ['0001-01-01', '1969-12-31T23:59:59Z', '1970-01-01', '2024-02-29', '9999-12-31T23:59:59Z'].map((w) =>
      searchSortKey(date(w)),
    );
    expect(new Set(keys.map((k) => k.length)).size).toBe(1);
    for (const key of keys) expect(key).toMatch(/^\d+$/);
    expect([...keys].sort()).toEqual(keys);
    expect([...keys].sort((a, b) => Number(a) - Number(b))).toEqual(keys);
  });
});

const ref = (kind: TermKind, name: string, slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-')) => ({
  kind,
  slug,
  name,
});
const context: SearchContext = {
  termUrl: (r) => `/news/${r.kind}/${r.slug}/`,
  aliasesOf: (r) => (r.slug === 'microsoft' ? ['MSFT', 'Microsoft Corp.'] : []),
  kinds: BUILT_IN,
};

describe('searchRecord', () => {
  const article = {
    date: date('2018-02-27T06:20:00Z'),
    summary: 'One, two: three.',
    terms: {
      companies: [ref('companies', 'Microsoft'), ref('companies', 'Xiaomi'), ref('companies', 'Xiaomi')],
      topics: [ref('topics', 'Cloud computing')],
      authors: [ref('authors', 'Doe, Jane')],
      sources: [ref('sources', 'Example Wire')],
    },
  };

  test('carries the facets and the month, keeping names with commas and colons whole and dropping repeats', () => {
    expect(searchRecord(article, context).filters).toEqual({
      company: ['Microsoft', 'Xiaomi'],
      topic: ['Cloud computing'],
      author: ['Doe, Jane'],
      source: ['Example Wire'],
      month: ['2018-02'],
    });
  });

  test('shows the date as written, the terms with their pages, and sorts by instant', () => {
    const record = searchRecord(article, context);
    expect(record.meta.date).toBe('27 February 2018, 06:20 UTC');
    expect(record.meta.summary).toBe('One, two: three.');
    expect(JSON.parse(record.meta.terms)).toEqual([
      ['company', 'Microsoft', '/news/companies/microsoft/'],
      ['company', 'Xiaomi', '/news/companies/xiaomi/'],
      ['company', 'Xiaomi', '/news/companies/xiaomi/'],
      ['topic', 'Cloud computing', '/news/topics/cloud-computing/'],
      ['source', 'Example Wire', '/news/sources/example-wire/'],
    ]);
    expect(record.sort.date).toBe(searchSortKey(article.date));
    expect(record.meta.date_sort).toBe(record.sort.date);
  });

  test('the month is the month as written, not the UTC month', () => {
    expect(searchRecord({ ...article, date: date('2019-01-01T01:00:00+09:00') }, context).filters.month).toEqual([
      '2019-01',
    ]);
  });
});

describe('searchDocument', () => {
  const article = {
    title: 'Q&A: <b>"Tags"</b> </script>',
    path: '2022/03/04/tricky/',
    summary: 'A summary with <img src=x onerror=alert(1)>',
    summaryDerived: false,
    date: date('2022-03-04T23:30:00-05:00'),
    terms: {
      companies: [
        { ...ref('companies', 'Fish & Chips <Ltd>', 'fish'), spellings: ['Fish & Chips <Ltd>', 'Fish and Chips'] },
        { ...ref('companies', 'Microsoft'), spellings: ['MICROSOFT', 'microsoft corp'] },
      ],
      topics: [{ ...ref('topics', 'R&D'), spellings: ['R&D'] }],
      authors: [{ ...ref('authors', "Zoë <O'Brien>", 'zoe'), spellings: ["Zoë <O'Brien>"] }],
      sources: [{ ...ref('sources', 'Example & Sons'), spellings: ['Example & Sons'] }],
    },
  };

  /** A body whose key is its text, as the loader's digest would be. */
  const body = (html: string) => ({ key: html, html: async () => html });
  const contentOf = (input: typeof article) =>
    documentContent(searchDocument(input, body('<p>Body.</p>'), 'en', context));

  test('escapes every text, and puts the document in its shard', async () => {
    const doc = searchDocument(article, body('<p>Body.</p>'), 'en-x-202201', context);
    expect(doc.url).toBe('/2022/03/04/tricky/');
    expect(doc.shard).toBe('en-x-202201');
    const content = await documentContent(doc);
    expect(content.indexOf('<p>Body.</p>')).toBeGreaterThan(content.indexOf('</h1>'));
    expect(content.indexOf('<p>Body.</p>')).toBeLessThan(content.indexOf('data-pagefind-ignore'));
    expect(content).toContain('<html lang="en-x-202201">');
    expect(content).toContain(
      '<h1 data-pagefind-meta="title">Q&amp;A: &lt;b&gt;&quot;Tags&quot;&lt;/b&gt; &lt;/script&gt;</h1>',
    );
    expect(content).toContain('<p>A summary with &lt;img src=x onerror=alert(1)&gt;</p>');
    expect(content).toContain('<span data-pagefind-filter="company">Fish &amp; Chips &lt;Ltd&gt;</span>');
    expect(content).toContain('<span data-pagefind-filter="month">2022-03</span>');
    expect(content).toContain('<p>Body.</p>');
    expect(content).not.toMatch(/<img|<b>|<\/script>/);
  });

  test('the names it is tagged with are searchable, weighted between headline and body', async () => {
    const content = await contentOf(article);
    expect(content).toContain(
      `<p data-pagefind-weight="4">Fish &amp; Chips &lt;Ltd&gt; · Microsoft · MSFT · Microsoft Corp. · R&amp;D · Zoë &lt;O'Brien&gt; · Example &amp; Sons · Fish and Chips ⁂</p>`,
    );
    // Before the summary and the body.
    expect(content.indexOf('data-pagefind-weight')).toBeLessThan(content.indexOf('<p>A summary'));
  });

  test('each name once: resolved names, registry aliases and the spellings the article used', async () => {
    // "microsoft corp" reads as the alias "Microsoft Corp."; "MICROSOFT" as the name.
    expect(taggedNames(article, context)).toEqual([
      'Fish & Chips <Ltd>',
      'Microsoft',
      'MSFT',
      'Microsoft Corp.',
      'R&D',
      "Zoë <O'Brien>",
      'Example & Sons',
      'Fish and Chips',
    ]);
    const other = { ...article, terms: { companies: [], topics: [], authors: [], sources: [] } };
    // No names: the lead is the headline alone, still ended by its mark.
    expect(await contentOf(other)).toContain('<p data-pagefind-weight="4">⁂</p>');
  });

  test('leaves out a derived summary: it is the first paragraph of the body already', async () => {
    expect(await contentOf({ ...article, summaryDerived: true })).not.toContain('<p>A summary with');
  });

  test('the digest changes with any document and nothing else', () => {
    const a = searchDocument(article, body('<p>Body.</p>'), 'en', context);
    const b = searchDocument(article, body('<p>Body!</p>'), 'en', context);
    const retitled = searchDocument({ ...article, title: 'Another title' }, body('<p>Body.</p>'), 'en', context);
    expect(documentsDigest([a])).toBe(documentsDigest([{ ...a }]));
    expect(documentsDigest([a])).not.toBe(documentsDigest([b]));
    expect(documentsDigest([a])).not.toBe(documentsDigest([retitled]));
    expect(documentsDigest([a])).not.toBe(documentsDigest([{ ...a, shard: 'en-x-202201' }]));
  });

  test('the digest reads no body: a shard that stays the same is never read', () => {
    const unread = { key: 'digest-1', html: () => Promise.reject(new Error('read')) };
    const doc = searchDocument(article, unread, 'en', context);
    expect(() => documentsDigest([doc])).not.toThrow();
  });
});

describe('the word directory', () => {
  const wordsOf = (html: string) => {
    const words = new Set<string>();
    addDocumentWords(html, words);
    return [...words].sort();
  };

  test('holds every word of the text once, in lower case, split as Pagefind splits it and at every tag', () => {
    // Pagefind puts a space around a paragraph or heading, not around an inline element or a table
    // cell (which it joins); the directory also holds each side of every tag.
    expect(wordsOf('<h1>Nex<b>tia</b> Networks</h1><p>networks rise.</p><p>Next<br>day</p>')).toEqual(
      ['day', 'nex', 'networks', 'next', 'nextia', 'rise.', 'tia'].sort(),
    );
    expect(wordsOf('<table><tr><th>Net</th><th>Sales</th></tr></table>')).toEqual(['net', 'netsales', 'sales']);
  });

  test('keeps character references as the HTML writes them, and the words of attributes out', () => {
    expect(wordsOf('<p title="Hidden words">AT&amp;T and &Eacute;cole</p>')).toEqual(
      ['AT&amp;T', 'and', '&Eacute;cole'].sort(),
    );
  });

  test('the words a document is indexed by are gathered from its text, not its metadata', async () => {
    const words = new Set<string>();
    const doc = searchDocument(
      {
        title: 'Zorblax rises',
        path: 'a/',
        summary: 'S',
        summaryDerived: true,
        date: date('2022-03-04'),
        terms: { companies: [ref('companies', 'Acme')], topics: [], authors: [], sources: [] },
      },
      { key: 'k', html: async () => '<p>Body <em>text</em></p>' },
      'en',
      context,
    );
    const content = await documentContent(doc, words);
    expect(content).toBe(await documentContent(doc));
    expect([...words]).toEqual(expect.arrayContaining(['zorblax', 'rises', 'acme', 'body', 'text']));
    // Not the sort key, month or date kept for results.
    expect([...words].some((word) => /^\d{6,}$|2022-03/.test(word))).toBe(false);
  });

  test("a shard's document: its words in its language's directory, its key as the filter, nothing as markup", () => {
    const doc = wordDirectoryDocument({ key: 'en-x-201803', lang: 'en' }, ['acme', 'AT&amp;T', 'x<script>']);
    expect(doc.url).toBe('/en-x-201803/');
    expect(doc.content).toContain('<html lang="en-x-words">');
    expect(doc.content).toContain('<p>acme AT&amp;T x&lt;script></p>');
    expect(doc.content).toContain(
      '<div data-pagefind-ignore><span data-pagefind-filter="shard">en-x-201803</span></div>',
    );
    expect(doc.content).not.toContain('<script>');
  });
});
