/**
 * The search index's input (src/lib/search-index.ts): date shards that stay put as an archive
 * grows, and documents that carry every text as text.
 */
import { describe, expect, test } from 'vitest';
import { documentsDigest, planShards, searchDocument } from '@/lib/search-index';
import { date } from './helpers';

const at = (year: number, month: number, lang?: string) => ({ lang, date: { year, month } });

describe('planShards', () => {
  test('fills shards with whole months from the oldest; the newest shard is named by the language alone', () => {
    const articles = [at(2020, 1), at(2020, 1), at(2020, 2), at(2020, 3), at(2020, 3), at(2020, 4)];
    const plan = planShards(articles, 'en', 3);
    expect(plan.shardOf).toEqual(['en-x-202001', 'en-x-202001', 'en-x-202001', 'en', 'en', 'en']);
    expect(plan.counts).toEqual({ 'en-x-202001': 3, en: 3 });
    // One more month that does not fit: the newest shard moves on, the old one gets its month's name.
    const grown = planShards([...articles, at(2020, 5)], 'en', 3);
    expect(grown.counts).toEqual({ 'en-x-202001': 3, 'en-x-202003': 3, en: 1 });
  });

  test('never splits a month, even one busier than a shard', () => {
    const plan = planShards([at(2020, 1), at(2020, 1), at(2020, 1), at(2020, 2)], 'en', 2);
    expect(plan.counts).toEqual({ 'en-x-202001': 3, en: 1 });
  });

  test('each language has shards of its own, named as Pagefind names languages (lower case)', () => {
    const plan = planShards([at(2020, 1), at(2020, 1, 'zh-Hans'), at(2021, 5, 'zh-Hans'), at(2021, 6)], 'en', 1);
    expect(plan.shardOf).toEqual(['en-x-202001', 'zh-hans-x-202001', 'zh-hans', 'en']);
  });

  test('adding articles to the newest month leaves every older shard as it was', () => {
    const before = [at(2019, 1), at(2019, 2), at(2019, 3), at(2019, 4), at(2019, 5)];
    const after = [...before, at(2019, 5), at(2019, 5)];
    const old = planShards(before, 'en', 2);
    const grown = planShards(after, 'en', 2);
    expect(grown.shardOf.slice(0, 4)).toEqual(old.shardOf.slice(0, 4));
  });
});

describe('searchDocument', () => {
  const article = {
    title: 'Q&A: <b>"Tags"</b> </script>',
    path: '2022/03/04/tricky/',
    summary: 'A summary with <img src=x onerror=alert(1)>',
    summaryDerived: false,
    date: date('2022-03-04T23:30:00-05:00'),
    companyRefs: [{ name: 'Fish & Chips <Ltd>' }],
    topicRefs: [{ name: 'R&D' }],
    authorRefs: [{ name: 'Zoë <O\'Brien>' }],
  };

  test('escapes every text, and puts the document in its shard', () => {
    const doc = searchDocument(article, '<p>Body.</p>', 'en-x-202201');
    expect(doc.url).toBe('/2022/03/04/tricky/');
    expect(doc.shard).toBe('en-x-202201');
    expect(doc.content).toContain('<html lang="en-x-202201">');
    expect(doc.content).toContain('<h1 data-pagefind-meta="title">Q&amp;A: &lt;b&gt;&quot;Tags&quot;&lt;/b&gt; &lt;/script&gt;</h1>');
    expect(doc.content).toContain('<p>A summary with &lt;img src=x onerror=alert(1)&gt;</p>');
    expect(doc.content).toContain('<span data-pagefind-filter="company">Fish &amp; Chips &lt;Ltd&gt;</span>');
    expect(doc.content).toContain('<p>Body.</p>');
    expect(doc.content).not.toMatch(/<img|<b>|<\/script>/);
  });

  test('leaves out a derived summary: it is the first paragraph of the body already', () => {
    expect(searchDocument({ ...article, summaryDerived: true }, '<p>Body.</p>', 'en').content).not.toContain('<p>A summary with');
  });

  test('the digest changes with any document and nothing else', () => {
    const a = searchDocument(article, '<p>Body.</p>', 'en');
    const b = searchDocument(article, '<p>Body!</p>', 'en');
    expect(documentsDigest([a])).toBe(documentsDigest([{ ...a }]));
    expect(documentsDigest([a])).not.toBe(documentsDigest([b]));
  });
});
