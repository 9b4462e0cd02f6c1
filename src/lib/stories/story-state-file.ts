/**
 * What the story finder keeps from one build to the next (same-story.ts `StoryState`), in the
 * cache folder: written with Node's structured serializer (`node:v8`), which stores typed arrays
 * as they are, so that 100,000 articles' terms are read back in a few tens of milliseconds. A
 * cache, not content: a missing, unreadable or foreign file is not an error, it only means the
 * next build scores every article.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { StoryState } from './same-story.ts';

/** Where a build's cache folder keeps the story finder's state. */
export function storyStateFile(cacheDir: string): string {
  return path.join(cacheDir, 'stories', 'kept.v8');
}

/** The state kept in `file`, or undefined when there is none that holds together. */
export function readStoryState(file: string): StoryState | undefined {
  let value: unknown;
  try {
    value = deserialize(readFileSync(file));
  } catch {
    return undefined;
  }
  return isStoryState(value) ? value : undefined;
}

/**
 * Keeps `state` in `file`: written beside it and renamed, so that a build stopped halfway leaves
 * the old one or none. A cache folder that cannot be written to fails no build: the reason is
 * given back, for a warning, and the next build scores every article.
 */
export function writeStoryState(file: string, state: StoryState): string | undefined {
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(partial, serialize(state));
    renameSync(partial, file);
    return undefined;
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Not even a folder to remove it from: nothing was left.
    }
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Whether a value read back is a state whose parts fit each other, as a run leaves them: a file
 * of another version, cut short or altered is not, since a state taken on trust would be wrong in
 * every build after it (its frequencies are carried forward, never counted again).
 */
function isStoryState(value: unknown): value is StoryState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<StoryState>;
  const { keys, vocabulary, termStart, termIds, termCounts, documentFrequency, pairA, pairB, pairScore } = state;
  if (
    typeof state.settings !== 'string' ||
    !isTextList(keys) ||
    !isTextList(vocabulary) ||
    new Set(vocabulary).size !== vocabulary.length ||
    !(state.fingerprints instanceof Float64Array) ||
    state.fingerprints.length !== keys.length ||
    !(termStart instanceof Int32Array) ||
    termStart.length !== keys.length + 1 ||
    !(termIds instanceof Int32Array) ||
    !(termCounts instanceof Int32Array) ||
    termCounts.length !== termIds.length ||
    !(documentFrequency instanceof Int32Array) ||
    documentFrequency.length !== vocabulary.length ||
    !(pairA instanceof Int32Array) ||
    !(pairB instanceof Int32Array) ||
    !(pairScore instanceof Float64Array) ||
    pairB.length !== pairA.length ||
    pairScore.length !== pairA.length
  )
    return false;
  return (
    termsHoldTogether(termStart, termIds, termCounts, documentFrequency) &&
    pairsHoldTogether(pairA, pairB, pairScore, keys.length)
  );
}

const isTextList = (list: unknown): list is string[] =>
  Array.isArray(list) && list.every((item) => typeof item === 'string');

/**
 * Each item's terms a run of `termIds` from where the last ended (from 0 to the end), each term
 * once an item, of the vocabulary, counted at least once; each term's frequency the number of
 * items that have it.
 */
function termsHoldTogether(
  start: Int32Array,
  ids: Int32Array,
  counts: Int32Array,
  documentFrequency: Int32Array,
): boolean {
  if (start[0] !== 0 || start[start.length - 1] !== ids.length) return false;
  const counted = new Int32Array(documentFrequency.length);
  const seenIn = new Int32Array(documentFrequency.length).fill(-1);
  for (let item = 0; item + 1 < start.length; item += 1) {
    if (start[item + 1]! < start[item]!) return false;
    for (let k = start[item]!; k < start[item + 1]!; k += 1) {
      const id = ids[k]!;
      if (id < 0 || id >= counted.length || seenIn[id] === item || counts[k]! < 1) return false;
      seenIn[id] = item;
      counted[id]! += 1;
    }
  }
  return counted.every((count, id) => count === documentFrequency[id]);
}

/** The pairs in order of `a` then `b`, each once, `a < b`, both items of the state, each score a number from 0. */
function pairsHoldTogether(pairA: Int32Array, pairB: Int32Array, scores: Float64Array, items: number): boolean {
  for (let p = 0; p < pairA.length; p += 1) {
    const [a, b, score] = [pairA[p]!, pairB[p]!, scores[p]!];
    if (a < 0 || a >= b || b >= items || !Number.isFinite(score) || score < 0) return false;
    if (p > 0 && (pairA[p - 1]! > a || (pairA[p - 1] === a && pairB[p - 1]! >= b))) return false;
  }
  return true;
}
