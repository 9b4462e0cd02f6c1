/**
 * RelatedIndex takes shortcuts for large terms; it must give exactly what the plain definition
 * gives: the articles sharing the most companies and topics, newest first among equals. Checked
 * here against that definition on random archives with a few very large terms.
 */
import { describe, expect, test } from 'vitest';
import { RelatedIndex } from '@/lib/model/related';

interface Item {
  /** Position in the archive, newest first. */
  id: number;
  companies: { slug: string }[];
  topics: { slug: string }[];
}

function plainRelated(article: Item, all: Item[], limit = 5): number[] {
  const slugs = (a: Item) => new Set([...a.companies.map((r) => `c:${r.slug}`), ...a.topics.map((r) => `t:${r.slug}`)]);
  const mine = slugs(article);
  return all
    .filter((other) => other !== article)
    .map((other) => ({ other, shared: [...slugs(other)].filter((s) => mine.has(s)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || a.other.id - b.other.id)
    .slice(0, limit)
    .map(({ other }) => other.id);
}

function randomArchive(seed: number, size: number): Item[] {
  let state = seed;
  const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  // Skewed: term 0 is in about half the articles, most terms in a few.
  const term = (n: number) => Math.floor(n * rand() ** 3);
  return Array.from({ length: size }, (_, id) => ({
    id,
    companies: [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => String(term(30))))].map((slug) => ({
      slug,
    })),
    topics: [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => String(term(8))))].map((slug) => ({
      slug,
    })),
  }));
}

const keysOf = (item: Item) => [
  ...item.companies.map((ref) => `c:${ref.slug}`),
  ...item.topics.map((ref) => `t:${ref.slug}`),
];

describe('RelatedIndex', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    test(`matches the plain definition on random archive ${seed}`, () => {
      const items = randomArchive(seed, 300);
      const lists = new Map<string, number[]>();
      for (const item of items) for (const key of keysOf(item)) lists.set(key, [...(lists.get(key) ?? []), item.id]);
      const index = new RelatedIndex(items.length, lists);
      for (const item of items)
        expect(index.related(item.id, keysOf(item)), `article ${item.id}`).toEqual(plainRelated(item, items));
    });
  }

  test('an article with more terms than a byte can count still ranks by shared terms', () => {
    // Article 1 shares 256 terms with article 0, article 2 shares two.
    const many = Array.from({ length: 256 }, (_, i) => `c:${i}`);
    const lists = new Map(many.map((key) => [key, [0, 1]]));
    lists.set('t:x', [0, 2]);
    lists.set('t:y', [0, 2]);
    const index = new RelatedIndex(3, lists);
    expect(index.related(0, [...many, 't:x', 't:y'])).toEqual([1, 2]);
  });
});
