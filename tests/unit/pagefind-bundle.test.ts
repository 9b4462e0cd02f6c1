/**
 * The one adapter to Pagefind's files (src/search/build/pagefind-bundle.ts), against what the
 * pinned Pagefind writes: the entry file's language indexes and the WebAssembly file names it
 * relies on, and the bundle it puts together from them. A Pagefind upgrade that changes either
 * fails here, not in a reader's browser.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUILT_IN } from '@/lib/kinds';
import { filesUnder, mergeBundles, readEntry, type IndexBundle } from '@/search/build/pagefind-bundle';
import { excerptOf } from '@/search/browser/excerpt';
import { documentContent, searchDocument, type SearchDocumentInput } from '@/search/build/documents';
import { date } from './helpers';

let work: string;
const bundles: IndexBundle[] = [];

const article = (slug: string, title: string, body: string, companies: string[]): SearchDocumentInput => ({
  title,
  path: `2020/01/01/${slug}/`,
  date: date('2020-01-01'),
  summary: 'The summary as written.',
  summaryDerived: false,
  terms: {
    companies: companies.map((name) => ({ kind: 'companies', slug: name.toLowerCase(), name })),
    topics: [],
    authors: [],
    sources: [],
  },
});

/** One Pagefind run, as the index session makes one per shard. */
async function indexShard(key: string, documents: { url: string; content: string }[]): Promise<IndexBundle> {
  const dir = path.join(work, key);
  const { index } = await pagefind.createIndex({});
  for (const document of documents) await index!.addHTMLFile(document);
  await index!.writeFiles({ outputPath: dir });
  await pagefind.close();
  return { key, dir };
}

const context = {
  termUrl: () => '/companies/x/',
  aliasesOf: () => ['Xiaomi Corp', 'Xiaomi Corporation'],
  kinds: BUILT_IN,
};

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pagefind-bundle-'));
  for (const [key, slug, body] of [
    ['en', 'phones', '<p>The phone maker shipped more phones this year.</p>'],
    ['en-x-201901', 'older', '<p>An older report about tablets.</p>'],
  ] as const) {
    const document = searchDocument(
      article(slug, `Xiaomi ${slug}`, body, ['Xiaomi']),
      { key: slug, html: async () => body },
      key,
      context,
    );
    bundles.push(await indexShard(key, [{ url: document.url, content: await documentContent(document) }]));
  }
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("Pagefind's bundle, as the pinned version writes it", () => {
  test('the entry file lists the one language index, named by the documents’ <html lang>, with its WebAssembly', () => {
    const entry = readEntry(bundles[1]!.dir);
    expect(Object.keys(entry.languages)).toEqual(['en-x-201901']);
    expect(entry.languages['en-x-201901']).toMatchObject({ page_count: 1, wasm: 'en-x-201901' });
    expect(readdirSync(bundles[1]!.dir)).toContain('wasm.en-x-201901.pagefind');
    // The same bytes as the language's own WebAssembly: one file can serve every shard of it.
    expect(readFileSync(path.join(bundles[1]!.dir, 'wasm.en-x-201901.pagefind'))).toEqual(
      readFileSync(path.join(bundles[0]!.dir, 'wasm.en.pagefind')),
    );
  });

  test('put together: one entry listing every shard, one WebAssembly per language, none of Pagefind’s own UIs or our files', () => {
    const out = path.join(work, 'merged');
    mergeBundles(bundles, out, new Set(['digest']));
    const entry = readEntry(out);
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'en-x-201901']);
    expect(entry.version).toBe('1.6.0');
    expect(entry.languages['en-x-201901']!.wasm).toBe('en');
    const files = filesUnder(out);
    // No copy per shard: the language's own, and the one Pagefind writes for languages it cannot stem.
    expect(files.filter((file) => file.startsWith('wasm.')).sort()).toEqual([
      'wasm.en.pagefind',
      'wasm.unknown.pagefind',
    ]);
    expect(files.some((file) => /pagefind-(ui|modular-ui|component-ui|highlight)/.test(file))).toBe(false);
    expect(files).toContain('pagefind.js');
    expect(files.filter((file) => file.startsWith(`fragment${path.sep}`))).toHaveLength(2);
  });

  test('a fragment’s content starts with the lead, so the excerpt made from it shows the article’s words, not the tagged names', () => {
    const fragments = filesUnder(bundles[0]!.dir).filter((file) => file.startsWith(`fragment${path.sep}`));
    const fragment = JSON.parse(
      gunzipSync(readFileSync(path.join(bundles[0]!.dir, fragments[0]!)))
        .subarray(12)
        .toString(),
    );
    expect(fragment.content).toContain('Xiaomi · Xiaomi Corp · Xiaomi Corporation ⁂');
    const words = fragment.content.split(/\s+/) as string[];
    expect(words.length).toBe(fragment.word_count);
    // "xiaomi" matches in the headline and the names only: the excerpt is the summary's start.
    const locations = words.flatMap((word, i) => (/xiaomi/i.test(word) ? [i] : []));
    expect(excerptOf({ content: fragment.content, locations, meta: { summary: 'The summary as written.' } })).toEqual([
      { text: 'The summary as written.', mark: false },
    ]);
    // "phones" matches in the body: the excerpt is the body's words around it, marked.
    const phones = words.flatMap((word, i) => (/^phones/i.test(word) ? [i] : []));
    const parts = excerptOf({ content: fragment.content, locations: phones, meta: {} });
    expect(parts.map((part) => part.text).join('')).not.toContain('Xiaomi Corp');
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['phones']);
  });
});
