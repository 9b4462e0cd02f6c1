/**
 * A fake of Pagefind's JS API for the search page's unit tests: the bundle's language indexes
 * (shards, word directories) as lists of documents, opened by `<html lang>` as Pagefind opens
 * them, searched by whole words or by prefix (the last word, as Pagefind does), filtered and
 * sorted by date. It counts what is asked of it, so a test can say what a search read.
 */
import type { PagefindInstance, PagefindModule, PagefindResult, ResultData } from '@/search/browser/pagefind-instance';

export interface FakeDocument {
  url: string;
  title: string;
  /** The indexed text after the lead words (headline and names). */
  text: string;
  /** Headline and names, before the text. */
  lead?: string;
  date?: string;
  filters?: Record<string, string[]>;
  meta?: Record<string, string>;
}

export interface FakeLog {
  opened: string[];
  searches: { key: string; term: string | null }[];
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function resultOf(doc: FakeDocument, term: string, index: number): PagefindResult {
  const lead = doc.lead ?? doc.title;
  const content = `${lead} ⁂ ${doc.text}`;
  const all = content.split(/\s+/);
  const wanted = wordsOf(term.replace(/"/g, ''));
  const locations = all.flatMap((word, at) =>
    wanted.some((w) => wordsOf(word).some((x) => x.startsWith(w))) ? [at] : [],
  );
  const data: ResultData = {
    url: doc.url,
    // As Pagefind gives them: the escaped text, and the text as indexed.
    content: content.replaceAll('&', '&amp;').replaceAll('<', '&lt;'),
    raw_content: content,
    excerpt: '',
    locations,
    meta: { title: doc.title, date_sort: doc.date ?? '', ...doc.meta },
    filters: doc.filters ?? {},
  };
  return { id: `${doc.url}#${index}`, score: locations.length, data: async () => data };
}

/** A Pagefind module whose bundle holds `indexes` (language key → documents). */
export function fakePagefind(
  indexes: Record<string, FakeDocument[]>,
  log: FakeLog = { opened: [], searches: [] },
): PagefindModule & { log: FakeLog } {
  return {
    log,
    createInstance() {
      const key = document.documentElement.getAttribute('lang') ?? '';
      log.opened.push(key);
      const docs = indexes[key] ?? [];
      const instance: PagefindInstance = {
        init: async () => {},
        options: async () => {},
        destroy: async () => {},
        preload: async () => {},
        filters: async () => counts(docs),
        async search(term, options) {
          log.searches.push({ key, term });
          const filters = (options.filters ?? {}) as Record<string, string[] | { any: string[] }>;
          let found = docs.filter((doc) =>
            Object.entries(filters).every(([name, wanted]) => {
              const values = doc.filters?.[name] ?? [];
              return Array.isArray(wanted)
                ? wanted.every((value) => values.includes(value))
                : wanted.any.some((value) => values.includes(value));
            }),
          );
          if (term) {
            const exact = term.startsWith('"');
            const wanted = wordsOf(term);
            found = found.filter((doc) => {
              const words = wordsOf(`${doc.lead ?? doc.title} ${doc.text}`);
              return wanted.every((word, i) =>
                words.some((w) => (exact || i < wanted.length - 1 ? w === word : w.startsWith(word))),
              );
            });
          }
          const sort = options.sort?.date;
          if (sort)
            found = [...found].sort((a, b) => (sort === 'asc' ? 1 : -1) * (a.date ?? '').localeCompare(b.date ?? ''));
          return { results: found.map((doc, i) => resultOf(doc, term ?? '', i)), filters: counts(found) };
        },
      };
      return instance;
    },
  };
}

function counts(docs: readonly FakeDocument[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const doc of docs) {
    for (const [name, values] of Object.entries(doc.filters ?? {})) {
      for (const value of values) (out[name] ??= {})[value] = (out[name][value] ?? 0) + 1;
    }
  }
  return out;
}
