/**
 * Companies, topics, authors and sources as taxonomy terms (Hugo's model: every term gets a page
 * and a feed). Names land on one term when their slugs agree, so "Xiaomi", "XIAOMI" and "Xiaomi."
 * share a page; a registry entry (of companies or sources) also claims its aliases.
 */
import type { ContentProblem } from '../content/errors.ts';
import type { RegistryRecord } from '../content/schema.ts';
import { slugify } from '../slug.ts';
import type { TermKind } from '../kinds.ts';

export interface Term<A = unknown> {
  kind: TermKind;
  slug: string;
  /** Display name: the registry name, else the most used spelling. */
  name: string;
  /** The registry entry behind a company or a source, when there is one. */
  registry?: RegistryRecord;
  /** Every spelling articles used for it, most used first ("ACME", "Acme Corp."). */
  spellings: string[];
  /** Articles newest first. */
  articles: A[];
}

export interface TermRef {
  kind: TermKind;
  slug: string;
  name: string;
}

/** A kind's registry indexed by every name and alias key, or the names two entries claim. */
export type RegistryIndex =
  { ok: true; index: Map<string, RegistryRecord> } | { ok: false; problems: ContentProblem[] };

/** The registry of each kind that has one (companies, sources), indexed by name and alias keys. */
export type Registries = Partial<Record<TermKind, Map<string, RegistryRecord>>>;

/**
 * Maps every name and alias key of a kind's registry to its entry, or reports clashes.
 * `noun` names an entry in the message ("company", "source").
 */
export function indexRegistry(records: readonly RegistryRecord[], noun = 'company'): RegistryIndex {
  const byKey = new Map<string, RegistryRecord>();
  const problems: ContentProblem[] = [];
  for (const record of records) {
    const keys = new Set([record.slug, slugify(record.name), ...record.aliases.map(slugify)]);
    for (const key of keys) {
      const other = byKey.get(key);
      if (other && other !== record) {
        problems.push({
          file: record.file,
          field: 'aliases',
          message: `"${key}" also names the ${noun} in ${other.file}; each name or alias may belong to one ${noun} only`,
        });
      } else byKey.set(key, record);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, index: byKey };
}

/** The slug a name is filed under: the registry entry's when it claims the name. */
export function resolveTermSlug(name: string, registry?: Map<string, RegistryRecord>): string {
  const key = slugify(name);
  return registry?.get(key)?.slug ?? key;
}

/**
 * Groups articles into terms of one kind. `articles` must be newest first; each term's list
 * keeps that order.
 */
export function collectTerms<A>(
  kind: TermKind,
  articles: readonly A[],
  namesOf: (article: A) => readonly string[],
  registry?: Map<string, RegistryRecord>,
): Map<string, Term<A>> {
  const terms = new Map<string, Term<A>>();
  const spellings = new Map<string, Map<string, number>>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const name of namesOf(article)) {
      const slug = resolveTermSlug(name, registry);
      if (!slug || seen.has(slug)) continue;
      seen.add(slug);
      let term = terms.get(slug);
      if (!term) {
        const entry = registry?.get(slug);
        term = { kind, slug, name: entry?.name ?? name, registry: entry, articles: [], spellings: [] };
        terms.set(slug, term);
        spellings.set(slug, new Map());
      }
      term.articles.push(article);
      const counts = spellings.get(slug)!;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  for (const [slug, term] of terms) {
    // Most used spelling first; ties go to the alphabetically first, so builds are stable.
    term.spellings = [...spellings.get(slug)!]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([name]) => name);
    if (!term.registry) term.name = term.spellings[0]!;
  }
  return terms;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The A–Z order of terms, the one place: by name (any case or accent, numbers by value), then slug. */
export function compareTermNames(a: Pick<Term, 'name' | 'slug'>, b: Pick<Term, 'name' | 'slug'>): number {
  return collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug);
}

/** Index-page letter: the slug's first letter (names in other scripts go by transliteration). */
export function initialOf(term: Pick<Term, 'slug'>): string {
  const first = term.slug[0]?.toUpperCase() ?? '#';
  return first >= 'A' && first <= 'Z' ? first : '#';
}

/** A–Z groups for index pages, `#` (digits and others) first. */
export function groupByInitial<T extends Pick<Term, 'slug' | 'name'>>(
  terms: Iterable<T>,
): { letter: string; terms: T[] }[] {
  const groups = new Map<string, T[]>();
  const sorted = [...terms].sort((a, b) => initialOf(a).localeCompare(initialOf(b)) || compareTermNames(a, b));
  for (const term of sorted) {
    const letter = initialOf(term);
    const list = groups.get(letter);
    if (list) list.push(term);
    else groups.set(letter, [term]);
  }
  return [...groups].map(([letter, list]) => ({ letter, terms: list }));
}
