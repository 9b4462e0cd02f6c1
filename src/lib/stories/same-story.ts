/**
 * Reports of the same story: articles close in time, about the same names, with similar text.
 * Google News groups coverage of one event; an archive of many outlets should too, and should
 * notice the same wire story imported twice.
 *
 * The technique is TF-IDF cosine similarity (Salton's vector space model), over the story terms
 * of each article (story-terms.ts): each term weighs (1 + ln count) × (ln((N + 1) / (df + 1)) + 1),
 * rounded (`inverseFrequency`), so words every article uses weigh little and an event's own words
 * (places, figures, product names) weigh most. Only pairs that can be one event are compared: published within
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
 * A build keeps what it found (`StoryState`, written by story-state-file.ts), and the next one
 * scores anew only the articles that changed and those whose terms' rounded weights moved: an
 * edit costs in proportion to what it changes, and the pairs are those a build from nothing finds.
 *
 * The weights and the threshold were tuned on a labelled fixture (tests/fixtures/stories/
 * labelled.json): the threshold is the highest that gives one half of its pairs its best F1
 * (precision before recall), rounded down; the other half is held to precision 0.95 and recall
 * 0.8 (tests/unit/same-story.test.ts, which prints both).
 */
import { Fingerprint } from './fingerprint.ts';
import { eachStoryTerm, STORY_TERMS_KEPT } from './story-terms.ts';

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
  /** What names the article from one build to the next (its file): the key of what the last build kept. */
  key: string;
  /** The moment of publication, in milliseconds. */
  instant: number;
  /** The names that can make a story (`kind/slug` keys): two articles must share one. */
  names: readonly string[];
  /** Who published it (a source's key, or '' for the archive's own): a near-duplicate is one source's. */
  source: string;
  /** The article's story terms (story-terms.ts `storyTerms`). */
  terms: string;
  /** Their fingerprint (story-terms.ts `storyTermsDigest`), made once with them. */
  termsDigest: number;
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
  /** What the last run kept (`StoryRun.state`): only what changed since is scored anew. */
  previous?: StoryState;
}

/**
 * What a run keeps for the next: each item's key, a fingerprint of what the finder read of it,
 * and its terms (as numbers of `vocabulary`, with their counts); each term's document frequency;
 * the pairs found. Typed arrays, so that it is written and read back at once (story-state-file.ts).
 */
export interface StoryState {
  /** The finder's version, its options and the archive's size level: a state of others is not used. */
  settings: string;
  keys: string[];
  fingerprints: Float64Array;
  /** Item `i`'s terms are `termIds[termStart[i]]` up to `termIds[termStart[i + 1]]`, in its string's order. */
  termStart: Int32Array;
  termIds: Int32Array;
  termCounts: Int32Array;
  vocabulary: string[];
  documentFrequency: Int32Array;
  pairA: Int32Array;
  pairB: Int32Array;
  pairScore: Float64Array;
}

export interface StoryRun {
  pairs: StoryPair[];
  state: StoryState;
  /** How many items were scored anew (all of them when nothing was kept, or the archive's size level changed). */
  rescored: number;
}

/** Changes when the weighting or the state's layout does, so that a state kept by another is not read. */
const STATE_VERSION = 1;
/** The steps of a term's inverse document frequency: eighths. */
const IDF_STEPS = 8;
/** The archive's size, as the weights see it, in steps of a quarter power of two (about 19%). */
const SIZE_STEPS_PER_DOUBLING = 4;

/** The archive's size level: the weights change with it, so a new level scores everything anew. */
function sizeLevel(total: number): number {
  return Math.ceil(SIZE_STEPS_PER_DOUBLING * Math.log2(total + 1));
}

/**
 * A term's inverse document frequency, ln((N + 1) / (df + 1)) + 1, with N the archive's size plus
 * one, rounded up to a quarter power of two (its level), and the result rounded to an eighth.
 * Rounded, so that an edit changes the weight of a term only when its frequency crosses a step
 * (a rare term's does at almost every change; a common one's seldom), and the archive's growth
 * changes no weight until it reaches the next level: the next build scores anew only the articles
 * whose weights moved, and finds the same pairs, to the bit, as a build from nothing would.
 */
function inverseFrequency(documentFrequency: number, level: number): number {
  const size = 2 ** (level / SIZE_STEPS_PER_DOUBLING);
  return Math.round((Math.log((size + 1) / (documentFrequency + 1)) + 1) * IDF_STEPS) / IDF_STEPS;
}

/** What the finder reads of an item, as a fingerprint: an item whose fingerprint is the one kept is the item scored then. */
function fingerprint(item: StoryItem): number {
  const print = new Fingerprint(item.termsDigest).number(item.instant).text(item.source);
  for (const name of item.names) print.text(name);
  return print.value();
}

/** A growing list of 32-bit integers. */
class IntList {
  values: Int32Array;
  length = 0;
  constructor(room: number) {
    this.values = new Int32Array(Math.max(room, 16));
  }
  push(value: number): void {
    if (this.length === this.values.length) this.grow();
    this.values[this.length++] = value;
  }
  pushAll(values: Int32Array): void {
    while (this.length + values.length > this.values.length) this.grow();
    this.values.set(values, this.length);
    this.length += values.length;
  }
  /** The list: a view of its room when it fills most of it (no copy), else a copy of its own. */
  done(): Int32Array {
    return this.length * 2 >= this.values.length
      ? this.values.subarray(0, this.length)
      : this.values.slice(0, this.length);
  }
  private grow(): void {
    const grown = new Int32Array(this.values.length * 2);
    grown.set(this.values);
    this.values = grown;
  }
}

/** The items' terms as numbers, with each term's document frequency. */
interface Terms {
  start: Int32Array;
  ids: Int32Array;
  counts: Int32Array;
  vocabulary: string[];
  documentFrequency: Int32Array;
}

/**
 * Every pair of items that could be one event (close in time, a name in common), with its
 * score, in order of `a` then `b`. Pairs below `minScore` are left out. Given the state of the
 * last run, only the items that changed since, and those with a term whose weight moved, are
 * scored anew; the pairs are the same as without it.
 */
export function findStories(items: readonly StoryItem[], options: StoryOptions = {}): StoryRun {
  if (!options.previous) return run(items, options);
  try {
    return run(items, options);
  } catch {
    // A kept state that holds together (story-state-file.ts checks it) but still fails: it is a
    // cache, so the pairs are found from nothing instead.
    return run(items, { ...options, previous: undefined });
  }
}

function run(items: readonly StoryItem[], options: StoryOptions): StoryRun {
  const windowDays = options.windowDays ?? STORY_WINDOW_DAYS;
  const window = windowDays * DAY;
  const minScore = options.minScore ?? SAME_STORY_MIN_SCORE;
  const level = sizeLevel(items.length);
  const settings = `${STATE_VERSION} ${windowDays} ${minScore} ${level}`;
  const previous = options.previous?.settings === settings ? options.previous : undefined;

  // The items the last run scored as they are now, by their old positions (−1: none).
  const fingerprints = Float64Array.from(items, fingerprint);
  const oldOf = previous ? matchKept(items, fingerprints, previous) : new Int32Array(items.length).fill(-1);
  const terms = readTerms(items, oldOf, previous);
  const idf = new Float64Array(terms.vocabulary.length);
  for (let id = 0; id < idf.length; id += 1) idf[id] = inverseFrequency(terms.documentFrequency[id]!, level);

  // Items to score anew: the new and the changed ones, and those with a term whose weight moved.
  const dirty = new Uint8Array(items.length);
  let moved: Uint8Array | undefined;
  if (previous)
    for (let id = 0; id < previous.documentFrequency.length; id += 1)
      if (
        previous.documentFrequency[id] !== terms.documentFrequency[id] &&
        inverseFrequency(previous.documentFrequency[id]!, level) !== idf[id]
      )
        (moved ??= new Uint8Array(idf.length))[id] = 1;
  let rescored = 0;
  for (let index = 0; index < items.length; index += 1) {
    if (oldOf[index]! < 0) dirty[index] = 1;
    else if (moved)
      for (let k = terms.start[index]!; k < terms.start[index + 1]!; k += 1)
        if (moved[terms.ids[k]!]) {
          dirty[index] = 1;
          break;
        }
    rescored += dirty[index]!;
  }

  // The pairs kept: both sides as they were, so their score is too.
  const pairs: StoryPair[] = [];
  if (previous) {
    const newOf = new Int32Array(previous.keys.length).fill(-1);
    for (let index = 0; index < items.length; index += 1) if (oldOf[index]! >= 0) newOf[oldOf[index]!] = index;
    for (let p = 0; p < previous.pairA.length; p += 1) {
      const [x, y] = [newOf[previous.pairA[p]!]!, newOf[previous.pairB[p]!]!];
      if (x >= 0 && y >= 0 && !dirty[x] && !dirty[y])
        pairs.push({ a: Math.min(x, y), b: Math.max(x, y), score: previous.pairScore[p]! });
    }
  }

  // The pairs scored anew: each dirty item against the items that share a name with it within
  // the window (each name's items in order of time, the window's start found by halving), each
  // pair once: from its dirty side, or from its first side when both are dirty.
  const byName = namesInTime(items, dirty, rescored < items.length);
  const vectorOf = vectors(fingerprints, terms, idf);
  const scratch = new Float64Array(terms.vocabulary.length);
  const seen = new Int32Array(items.length).fill(-1);
  for (let item = 0; item < items.length; item += 1) {
    if (!dirty[item]) continue;
    const instant = items[item]!.instant;
    for (const name of new Set(items[item]!.names)) {
      const list = byName.get(name)!;
      let low = 0;
      let high = list.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (items[list[middle]!]!.instant < instant - window) low = middle + 1;
        else high = middle;
      }
      for (let k = low; k < list.length && items[list[k]!]!.instant <= instant + window; k += 1) {
        const other = list[k]!;
        if (other === item || seen[other] === item || (dirty[other] && other < item)) continue;
        seen[other] = item;
        const [a, b] = item < other ? [item, other] : [other, item];
        const days = Math.abs(items[a]!.instant - items[b]!.instant) / DAY;
        const score =
          cosine(vectorOf(a), vectorOf(b), scratch) *
          (1 - NAMES_WEIGHT + NAMES_WEIGHT * jaccard(items[a]!.names, items[b]!.names)) *
          (1 - PER_DAY_APART * days);
        if (score >= minScore) pairs.push({ a, b, score });
      }
    }
  }
  pairs.sort((x, y) => x.a - y.a || x.b - y.b);

  const state: StoryState = {
    settings,
    keys: items.map((item) => item.key),
    fingerprints,
    termStart: terms.start,
    termCounts: terms.counts,
    ...compacted(terms),
    ...pairArrays(pairs),
  };
  return { pairs, state, rescored };
}

/**
 * The terms as the state keeps them: a term no article has any more (its articles were edited or
 * removed) stays in the vocabulary, at frequency 0, until such terms are half of it; then they go,
 * and the others are numbered anew (a term's number decides no score).
 */
function compacted(terms: Terms): Pick<StoryState, 'termIds' | 'vocabulary' | 'documentFrequency'> {
  const { ids, vocabulary, documentFrequency } = terms;
  let gone = 0;
  for (const frequency of documentFrequency) if (frequency === 0) gone += 1;
  if (gone <= vocabulary.length / 2) return { termIds: ids, vocabulary, documentFrequency };
  const renumbered = new Int32Array(vocabulary.length).fill(-1);
  const kept: string[] = [];
  for (let id = 0; id < vocabulary.length; id += 1)
    if (documentFrequency[id]) renumbered[id] = kept.push(vocabulary[id]!) - 1;
  return {
    termIds: ids.map((id) => renumbered[id]!),
    vocabulary: kept,
    documentFrequency: documentFrequency.filter((frequency) => frequency > 0),
  };
}

/** The pairs as the state keeps them: three typed arrays. */
function pairArrays(pairs: readonly StoryPair[]): Pick<StoryState, 'pairA' | 'pairB' | 'pairScore'> {
  const [pairA, pairB, pairScore] = [
    new Int32Array(pairs.length),
    new Int32Array(pairs.length),
    new Float64Array(pairs.length),
  ];
  for (const [p, pair] of pairs.entries()) [pairA[p], pairB[p], pairScore[p]] = [pair.a, pair.b, pair.score];
  return { pairA, pairB, pairScore };
}

/** Every pair of items that could be one event, with its score (`findStories`, with nothing kept). */
export function storyPairs(items: readonly StoryItem[], options: Omit<StoryOptions, 'previous'> = {}): StoryPair[] {
  return findStories(items, options).pairs;
}

/**
 * Each item's position in the kept state when it is the item scored then (its key, and its
 * fingerprint, the same), else −1. The order of articles rarely changes between builds, so each
 * key is first looked for where the last one matched; the rest are looked up among the kept keys
 * not matched.
 */
function matchKept(items: readonly StoryItem[], fingerprints: Float64Array, previous: StoryState): Int32Array {
  const oldOf = new Int32Array(items.length).fill(-1);
  const claimed = new Uint8Array(previous.keys.length);
  const unmatched: number[] = [];
  let next = 0;
  for (let index = 0; index < items.length; index += 1) {
    const key = items[index]!.key;
    const old = previous.keys[next] === key ? next : previous.keys[next + 1] === key ? next + 1 : -1;
    if (old < 0) unmatched.push(index);
    else {
      claimed[old] = 1;
      if (previous.fingerprints[old] === fingerprints[index]) oldOf[index] = old;
      next = old + 1;
    }
  }
  if (unmatched.length) {
    const rest = new Map<string, number>();
    for (let old = 0; old < previous.keys.length; old += 1) if (!claimed[old]) rest.set(previous.keys[old]!, old);
    for (const index of unmatched) {
      const old = rest.get(items[index]!.key);
      if (old === undefined) continue;
      rest.delete(items[index]!.key); // a kept key matches one item at most
      if (previous.fingerprints[old] === fingerprints[index]) oldOf[index] = old;
    }
  }
  return oldOf;
}

/**
 * Each name's items in order of time: of every name when every item is scored anew, else only
 * of the names of the items that are.
 */
function namesInTime(items: readonly StoryItem[], dirty: Uint8Array, some: boolean): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  if (some)
    for (let index = 0; index < items.length; index += 1)
      if (dirty[index]) for (const name of items[index]!.names) byName.set(name, []);
  for (let index = 0; index < items.length; index += 1) {
    const names = items[index]!.names;
    for (let k = 0; k < names.length; k += 1) {
      if (names.indexOf(names[k]!) !== k) continue; // a name given twice
      let list = byName.get(names[k]!);
      if (!list) {
        if (some) continue;
        byName.set(names[k]!, (list = []));
      }
      list.push(index);
    }
  }
  for (const list of byName.values()) list.sort((x, y) => items[x]!.instant - items[y]!.instant || x - y);
  return byName;
}

/**
 * The items' terms as numbers: an unchanged item's copied from the kept state, a changed one's
 * read from its string (a term not seen before takes the next number); the document frequencies
 * those kept, less what the changed and the gone items had, plus what the changed ones have now.
 */
function readTerms(items: readonly StoryItem[], oldOf: Int32Array, previous: StoryState | undefined): Terms {
  // Every item kept, in its place: the kept terms are the terms. Nothing is copied, which counts
  // in a build whose heap is gigabytes: each large allocation there can cost a full collection.
  if (previous && items.length === previous.keys.length && oldOf.every((old, index) => old === index)) {
    const { termStart: start, termIds: ids, termCounts: counts, vocabulary, documentFrequency } = previous;
    return { start, ids, counts, vocabulary, documentFrequency };
  }
  const vocabulary = previous ? [...previous.vocabulary] : [];
  let ids: Map<string, number> | undefined;
  const idOf = (term: string) => {
    ids ??= new Map(vocabulary.map((known, id) => [known, id]));
    let id = ids.get(term);
    if (id === undefined) {
      ids.set(term, (id = vocabulary.length));
      vocabulary.push(term);
    }
    return id;
  };
  const start = new Int32Array(items.length + 1);
  // Room for the kept terms and the most a changed item has, so that the lists do not grow.
  let room = 0;
  for (const old of oldOf)
    room += previous && old >= 0 ? previous.termStart[old + 1]! - previous.termStart[old]! : STORY_TERMS_KEPT;
  const termIds = new IntList(room);
  const termCounts = new IntList(room);
  const changed: number[] = [];
  for (let index = 0; index < items.length; index += 1) {
    start[index] = termIds.length;
    const old = oldOf[index]!;
    if (previous && old >= 0) {
      // A run of items kept in the same order is copied at once.
      let last = index;
      while (last + 1 < items.length && oldOf[last + 1] === oldOf[last]! + 1) last += 1;
      const [from, to] = [previous.termStart[old]!, previous.termStart[old + last - index + 1]!];
      for (let k = index + 1; k <= last; k += 1)
        start[k] = termIds.length + previous.termStart[old + k - index]! - from;
      termIds.pushAll(previous.termIds.subarray(from, to));
      termCounts.pushAll(previous.termCounts.subarray(from, to));
      index = last;
    } else {
      changed.push(index);
      eachStoryTerm(items[index]!.terms, (term, count) => {
        termIds.push(idOf(term));
        termCounts.push(count);
      });
    }
  }
  start[items.length] = termIds.length;
  const [idList, countList] = [termIds.done(), termCounts.done()];
  const documentFrequency = new Int32Array(vocabulary.length);
  if (previous) {
    documentFrequency.set(previous.documentFrequency);
    const kept = new Uint8Array(previous.keys.length);
    for (const old of oldOf) if (old >= 0) kept[old] = 1;
    for (let old = 0; old < previous.keys.length; old += 1)
      if (!kept[old])
        for (let k = previous.termStart[old]!; k < previous.termStart[old + 1]!; k += 1)
          documentFrequency[previous.termIds[k]!]! -= 1;
    for (const index of changed)
      for (let k = start[index]!; k < start[index + 1]!; k += 1) documentFrequency[idList[k]!]! += 1;
  } else for (const id of idList) documentFrequency[id]! += 1;
  return { start, ids: idList, counts: countList, vocabulary, documentFrequency };
}

/**
 * Each item's weighted, unit-length vector, made on first use: each term weighs
 * (1 + ln count) × its inverse document frequency, summed in the order of the item's terms.
 */
function vectors(fingerprints: Float64Array, terms: Terms, idf: Float64Array): (index: number) => TermVector {
  const made: (TermVector | undefined)[] = [];
  return (index) => {
    const vector = made[index];
    if (vector) return vector;
    const from = terms.start[index]!;
    const ids = terms.ids.subarray(from, terms.start[index + 1]!);
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (let k = 0; k < ids.length; k += 1) {
      const weight = (1 + Math.log(terms.counts[from + k]!)) * idf[ids[k]!]!;
      weights[k] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k += 1) weights[k] = weights[k]! / norm;
    return (made[index] = { fingerprint: fingerprints[index]!, terms: ids, weights });
  };
}

/**
 * An item's terms as numbers (their order in the vocabulary of all items), each with its weight,
 * in the order its story terms list them. Typed arrays, not maps: at 100,000 articles the maps
 * took most of the finder's time and memory.
 */
interface TermVector {
  /** The item's fingerprint: of two vectors as long, the one with the lower is summed over (see `cosine`). */
  fingerprint: number;
  terms: Int32Array;
  weights: Float64Array;
}

/**
 * The cosine of two unit vectors: the smaller one's terms, in its order, against the larger's,
 * laid out by term in `scratch` (all zeros between calls; every weight is above zero). Which is
 * summed over depends on the vectors alone (their length, then their item's fingerprint), not on
 * the items' positions or keys, so that a pair kept from the last build has the score a build
 * from nothing gives it. Two items of one fingerprint have the same terms: either way gives the
 * same sum.
 */
function cosine(a: TermVector, b: TermVector, scratch: Float64Array): number {
  const aFirst =
    a.terms.length < b.terms.length || (a.terms.length === b.terms.length && a.fingerprint <= b.fingerprint);
  const [small, large] = aFirst ? [a, b] : [b, a];
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
