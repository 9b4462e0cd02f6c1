import { describe, expect, test } from 'vitest';
import type { RegistryRecord } from '@/lib/content/schema';
import { collectTerms, groupByInitial, indexRegistry, initialOf, resolveTermSlug } from '@/lib/model/terms';
import { company } from './helpers';

interface A {
  id: string;
  names: string[];
}
const a = (id: string, ...names: string[]): A => ({ id, names });
const namesOf = (x: A) => x.names;

function registry(...records: RegistryRecord[]): Map<string, RegistryRecord> {
  const indexed = indexRegistry(records);
  if (!indexed.ok) throw new Error(`registry clash: ${JSON.stringify(indexed.problems)}`);
  return indexed.index;
}

const xiaomi = company('xiaomi', 'Xiaomi', ['Xiaomi Corp', '小米']);
const microsoft = company('microsoft', 'Microsoft', ['Microsoft Corporation', 'MSFT']);

describe('indexRegistry', () => {
  test('indexes each entry under its file slug, its name and its aliases (as slugs)', () => {
    const index = registry(xiaomi, microsoft);
    expect(index.get('xiaomi')).toBe(xiaomi);
    expect(index.get('xiaomi-corp')).toBe(xiaomi);
    expect(index.get('xiao-mi')).toBe(xiaomi);
    expect(index.get('msft')).toBe(microsoft);
    expect(index.get('microsoft-corporation')).toBe(microsoft);
  });

  test('a file whose name differs from the company name is found by both', () => {
    const mi = company('mi', 'Xiaomi Inc.');
    const index = registry(mi);
    expect(index.get('mi')).toBe(mi);
    expect(index.get('xiaomi-inc')).toBe(mi);
  });

  test('an alias claimed by two entries is an error naming both files', () => {
    const other = company('xiaomi-global', 'Xiaomi Global', ['XIAOMI CORP.']);
    const result = indexRegistry([xiaomi, other]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      {
        file: 'content/companies/xiaomi-global.md',
        field: 'aliases',
        message:
          '"xiaomi-corp" also names the company in content/companies/xiaomi.md; each name or alias may belong to one company only',
      },
    ]);
  });

  test("one entry's name used as another's alias is a clash too", () => {
    const result = indexRegistry([microsoft, company('ms', 'MS', ['Microsoft'])]);
    expect(
      !result.ok && result.problems.map((p) => [p.file, p.message.includes('content/companies/microsoft.md')]),
    ).toEqual([['content/companies/ms.md', true]]);
  });

  test('an entry repeating its own name as an alias is not a clash', () => {
    expect(indexRegistry([company('xiaomi', 'Xiaomi', ['XIAOMI', 'Xiaomi'])]).ok).toBe(true);
  });
});

describe('resolveTermSlug', () => {
  const index = registry(xiaomi, company('mi', 'Mi Ecosystem', ['Mijia']));
  test('registry names and aliases resolve to the entry slug, case- and punctuation-insensitively', () => {
    expect(resolveTermSlug('XIAOMI CORP.', index)).toBe('xiaomi');
    expect(resolveTermSlug('小米', index)).toBe('xiaomi');
    expect(resolveTermSlug('mijia', index)).toBe('mi');
  });
  test('unknown names fall back to their own slug', () => {
    expect(resolveTermSlug('Huawei', index)).toBe('huawei');
    expect(resolveTermSlug('AT&T')).toBe('at-and-t');
  });
});

describe('collectTerms', () => {
  test('"Xiaomi", "XIAOMI" and the registry alias "Xiaomi Corp" land on one term with the registry name', () => {
    const articles = [a('3', 'Xiaomi'), a('2', 'XIAOMI'), a('1', 'Xiaomi Corp'), a('0', 'Microsoft')];
    const terms = collectTerms('companies', articles, namesOf, registry(xiaomi));
    expect([...terms.keys()]).toEqual(['xiaomi', 'microsoft']);
    const term = terms.get('xiaomi')!;
    expect(term).toMatchObject({ kind: 'companies', slug: 'xiaomi', name: 'Xiaomi', registry: xiaomi });
    // Articles keep the given (newest first) order.
    expect(term.articles.map((x) => x.id)).toEqual(['3', '2', '1']);
    expect(terms.get('microsoft')!.registry).toBeUndefined();
  });

  test('the registry name wins even when an alias spelling is used more', () => {
    const terms = collectTerms(
      'companies',
      [a('1', 'Xiaomi Corp'), a('2', 'Xiaomi Corp'), a('3', 'xiaomi')],
      namesOf,
      registry(xiaomi),
    );
    expect(terms.get('xiaomi')!.name).toBe('Xiaomi');
  });

  test('a registry entry claims names under its file slug', () => {
    const mi = company('mi', 'Xiaomi', ['小米']);
    const terms = collectTerms('companies', [a('1', '小米'), a('2', 'xiaomi')], namesOf, registry(mi));
    expect([...terms.keys()]).toEqual(['mi']);
    expect(terms.get('mi')!.articles).toHaveLength(2);
  });

  test('for unregistered names the most used spelling wins', () => {
    const terms = collectTerms(
      'companies',
      [a('1', 'Acme Corp.'), a('2', 'ACME Corp'), a('3', 'ACME Corp'), a('4', 'acme corp')],
      namesOf,
    );
    expect(terms.size).toBe(1);
    expect(terms.get('acme-corp')).toMatchObject({ name: 'ACME Corp' });
    expect(terms.get('acme-corp')!.articles).toHaveLength(4);
  });

  test('a tie between spellings is broken the same way every time, whatever the article order', () => {
    const one = collectTerms('topics', [a('1', 'Cloud computing'), a('2', 'cloud computing')], namesOf);
    const two = collectTerms('topics', [a('2', 'cloud computing'), a('1', 'Cloud computing')], namesOf);
    expect(one.get('cloud-computing')!.name).toBe(two.get('cloud-computing')!.name);
  });

  test('an article naming one term twice counts once', () => {
    const terms = collectTerms('companies', [a('1', 'Xiaomi', 'XIAOMI', 'Xiaomi Corp')], namesOf, registry(xiaomi));
    expect(terms.get('xiaomi')!.articles).toHaveLength(1);
  });

  test('names with no usable slug are skipped', () => {
    const terms = collectTerms('topics', [a('1', '   ', 'AI')], namesOf);
    expect([...terms.keys()]).toEqual(['ai']);
  });

  test('topics and authors use the same name merging, without a registry', () => {
    const topics = collectTerms(
      'topics',
      [a('1', 'Artificial intelligence'), a('2', 'Artificial Intelligence'), a('3', 'Artificial intelligence')],
      namesOf,
    );
    expect([...topics.values()].map((t) => [t.kind, t.slug, t.name, t.articles.length])).toEqual([
      ['topics', 'artificial-intelligence', 'Artificial intelligence', 3],
    ]);
    const authors = collectTerms('authors', [a('1', '王小明'), a('2', 'Jane Doe')], namesOf);
    expect([...authors.keys()]).toEqual(['wang-xiao-ming', 'jane-doe']);
    expect(authors.get('wang-xiao-ming')!.name).toBe('王小明');
  });
});

describe('A–Z grouping', () => {
  test('initialOf goes by the slug: transliterated scripts file under their Latin letter, others under #', () => {
    expect(initialOf({ slug: 'xiaomi' })).toBe('X');
    expect(initialOf({ slug: 'wang-xiao-ming' })).toBe('W');
    expect(initialOf({ slug: '21vianet' })).toBe('#');
    expect(initialOf({ slug: 'n-kv4k6w' })).toBe('N');
    expect(initialOf({ slug: '' })).toBe('#');
  });

  test('groups are # first, then A–Z; names sort case- and accent-insensitively, numbers naturally', () => {
    const terms = [
      { slug: 'xiaomi', name: 'Xiaomi' },
      { slug: 'microsoft', name: 'Microsoft' },
      { slug: '21vianet', name: '21Vianet' },
      { slug: '3m', name: '3M' },
      { slug: 'ecole', name: 'École' },
      { slug: 'meta', name: 'meta' },
      { slug: 'wang-xiao-ming', name: '王小明' },
      { slug: 'windows-10', name: 'Windows 10' },
      { slug: 'windows-9', name: 'Windows 9' },
    ];
    const groups = groupByInitial(terms);
    expect(groups.map((g) => [g.letter, g.terms.map((t) => t.name)])).toEqual([
      ['#', ['3M', '21Vianet']],
      ['E', ['École']],
      ['M', ['meta', 'Microsoft']],
      ['W', ['Windows 9', 'Windows 10', '王小明']],
      ['X', ['Xiaomi']],
    ]);
  });

  test('no groups for no terms', () => {
    expect(groupByInitial([])).toEqual([]);
  });
});
