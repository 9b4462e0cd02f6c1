/**
 * Reports of the same story: articles close in time, about the same names, with similar text.
 * Google News groups coverage of one event; an archive of many outlets should too, and should
 * notice the same wire story imported twice.
 *
 * The technique is TF-IDF cosine similarity (Salton's vector space model), over the story terms
 * of each article (story-terms.ts): each term weighs (1 + ln count) × (ln((N + 1) / (df + 1)) + 1),
 * so words every article uses weigh little and an event's own words (places, figures, product
 * names) weigh most. Only pairs that can be one event are compared: published within
 * `STORY_WINDOW_DAYS` of each other and sharing a name (a company, or a name of a kind the
 * archive declares; topics, authors and sources say too little). An inverted index by name and
 * date finds them, so the cost grows with the archive's size, not with its square.
 *
 * Two things a reader weighs besides the words weigh the cosine too: how far the two articles'
 * names agree (their Jaccard index: reports of one event name the same companies, while a
 * company's other news of the week names others), and how close in time they are (reports of
 * one event come within a day or two). The score is cosine × (0.3 + 0.7 × Jaccard) × (1 − 0.2 ×
 * days apart): a pair naming the same companies on the same day keeps its cosine, one naming one
 * company of three, two days apart, keeps a fifth of it.
 *
 * The weights and the threshold were tuned on a labelled fixture (tests/fixtures/stories/
 * labelled.json): the threshold is the highest that gives one half of its pairs its best F1
 * (precision before recall), rounded down; the other half is held to precision 0.95 and recall
 * 0.8 (tests/unit/same-story.test.ts, which prints both).
 */
import { eachStoryTerm } from './story-terms.ts';

/** Reports of one event appear within this many days of each other. */
export const STORY_WINDOW_DAYS = 3;
/** The score from which two reports are of one story. */
export const SAME_STORY_MIN_SCORE = 0.12;
/** The score from which two articles of one source are the same story twice (a near-duplicate). */
export const NEAR_DUPLICATE_MIN_SCORE = 0.6;

const DAY = 86_400_000;
/** How much of the score the names' agreement decides (the rest is the text's alone). */
const NAMES_WEIGHT = 0.7;
/** How much of the score a day apart takes off. */
const PER_DAY_APART = 0.2;

export interface StoryItem {
  /** The moment of publication, in milliseconds. */
  instant: number;
  /** The names that can make a story (`kind/slug` keys): two articles must share one. */
  names: readonly string[];
  /** Who published it (a source's key, or '' for the archive's own): a near-duplicate is one source's. */
  source: string;
  /** The article's story terms (story-terms.ts `storyTerms`). */
  terms: string;
}

export interface StoryPair {
  /** Positions in the items given, `a < b`. */
  a: number;
  b: number;
  score: number;
}

export interface StoryOptions {
  windowDays?: number;
  minScore?: number;
}

/**
 * An item's terms as numbers (their order in the vocabulary of all items), each with its weight,
 * in the order its story terms list them. Typed arrays, not maps: at 100,000 articles the maps
 * took most of the finder's time and memory.
 */
interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** The weighted, unit-length vectors of the items' terms, and the size of their vocabulary. */
function vectors(items: readonly StoryItem[]): { vectors: TermVector[]; vocabulary: number } {
  const ids = new Map<string, number>();
  const parsed = items.map((item) => {
    const terms: number[] = [];
    const counts: number[] = [];
    eachStoryTerm(item.terms, (term, count) => {
      let id = ids.get(term);
      if (id === undefined) ids.set(term, (id = ids.size));
      terms.push(id);
      counts.push(count);
    });
    return { terms: Int32Array.from(terms), weights: Float64Array.from(counts) };
  });
  const documentFrequency = new Int32Array(ids.size);
  for (const { terms } of parsed) for (const id of terms) documentFrequency[id]! += 1;
  const total = items.length;
  for (const { terms, weights } of parsed) {
    let norm = 0;
    for (let k = 0; k < terms.length; k += 1) {
      const weight = (1 + Math.log(weights[k]!)) * (Math.log((total + 1) / (documentFrequency[terms[k]!]! + 1)) + 1);
      weights[k] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k += 1) weights[k] = weights[k]! / norm;
  }
  return { vectors: parsed, vocabulary: ids.size };
}

/**
 * The cosine of two unit vectors: the smaller one's terms, in its order, against the larger's,
 * laid out by term in `scratch` (all zeros between calls; every weight is above zero).
 */
function cosine(a: TermVector, b: TermVector, scratch: Float64Array): number {
  const [small, large] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
  for (let k = 0; k < large.terms.length; k += 1) scratch[large.terms[k]!] = large.weights[k]!;
  let sum = 0;
  for (let k = 0; k < small.terms.length; k += 1) {
    const other = scratch[small.terms[k]!]!;
    if (other !== 0) sum += small.weights[k]! * other;
  }
  for (let k = 0; k < large.terms.length; k += 1) scratch[large.terms[k]!] = 0;
  return sum;
}

/** The share of two lists' names that both have: 1 when they name the same, 0 when none in common. */
function jaccard(a: readonly string[], b: readonly string[]): number {
  const first = new Set(a);
  const second = new Set(b);
  let shared = 0;
  for (const name of first) if (second.has(name)) shared += 1;
  const union = first.size + second.size - shared;
  return union ? shared / union : 0;
}

/**
 * Every pair of items that could be one event (close in time, a name in common), with its
 * score, in order of `a` then `b`. Pairs below `minScore` are left out.
 */
export function storyPairs(items: readonly StoryItem[], options: StoryOptions = {}): StoryPair[] {
  const window = (options.windowDays ?? STORY_WINDOW_DAYS) * DAY;
  const minScore = options.minScore ?? SAME_STORY_MIN_SCORE;
  // Each name's articles in order of time, to find those within the window by a walk.
  const byName = new Map<string, number[]>();
  for (const [index, item] of items.entries())
    for (const name of new Set(item.names)) {
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(index);
    }
  const candidates = new Set<number>();
  const width = items.length;
  for (const list of byName.values()) {
    list.sort((x, y) => items[x]!.instant - items[y]!.instant || x - y);
    for (let i = 0; i < list.length; i += 1)
      for (let j = i + 1; j < list.length && items[list[j]!]!.instant - items[list[i]!]!.instant <= window; j += 1) {
        const [a, b] = list[i]! < list[j]! ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
        candidates.add(a * width + b);
      }
  }
  if (!candidates.size) return [];
  const { vectors: weighted, vocabulary } = vectors(items);
  const scratch = new Float64Array(vocabulary);
  const pairs: StoryPair[] = [];
  for (const key of candidates) {
    const a = Math.floor(key / width);
    const b = key % width;
    const days = Math.abs(items[a]!.instant - items[b]!.instant) / DAY;
    const score =
      cosine(weighted[a]!, weighted[b]!, scratch) *
      (1 - NAMES_WEIGHT + NAMES_WEIGHT * jaccard(items[a]!.names, items[b]!.names)) *
      (1 - PER_DAY_APART * days);
    if (score >= minScore) pairs.push({ a, b, score });
  }
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** The pairs that are one source's story twice: the same wire copy imported again. */
export function nearDuplicates(
  items: readonly StoryItem[],
  pairs: readonly StoryPair[],
  minScore = NEAR_DUPLICATE_MIN_SCORE,
): StoryPair[] {
  return pairs.filter((pair) => pair.score >= minScore && items[pair.a]!.source === items[pair.b]!.source);
}

/** For each item, the items of its story (its pairs' other sides), oldest first. */
export function storiesByItem(items: readonly StoryItem[], pairs: readonly StoryPair[]): Map<number, number[]> {
  const stories = new Map<number, number[]>();
  const add = (from: number, to: number) => {
    let list = stories.get(from);
    if (!list) stories.set(from, (list = []));
    list.push(to);
  };
  for (const pair of pairs) {
    add(pair.a, pair.b);
    add(pair.b, pair.a);
  }
  for (const list of stories.values()) list.sort((x, y) => items[x]!.instant - items[y]!.instant || x - y);
  return stories;
}
