/**
 * What the story finder keeps from one build to the next (same-story.ts `StoryState`), in the
 * cache folder: written with Node's structured serializer (`node:v8`), which stores typed arrays
 * as they are, so that 100,000 articles' terms are read back in a few tens of milliseconds. A
 * cache, not content: a missing, unreadable or foreign file is not an error, it only means the
 * next build scores every article.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/** Keeps `state` in `file`: written beside it and renamed, so that a build stopped halfway leaves the old one or none. */
export function writeStoryState(file: string, state: StoryState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, serialize(state));
  renameSync(partial, file);
}

/** Whether a value read back is a state whose parts fit each other (a file of another version, or cut short, is not). */
function isStoryState(value: unknown): value is StoryState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<StoryState>;
  const items = Array.isArray(state.keys) ? state.keys.length : -1;
  const terms = state.termStart instanceof Int32Array ? state.termStart[items] : undefined;
  const vocabulary = Array.isArray(state.vocabulary) ? state.vocabulary.length : -1;
  const pairs = state.pairA instanceof Int32Array ? state.pairA.length : -1;
  return (
    typeof state.settings === 'string' &&
    state.fingerprints instanceof Float64Array &&
    state.fingerprints.length === items &&
    state.termStart instanceof Int32Array &&
    state.termStart.length === items + 1 &&
    state.termIds instanceof Int32Array &&
    state.termIds.length === terms &&
    state.termCounts instanceof Int32Array &&
    state.termCounts.length === terms &&
    state.documentFrequency instanceof Int32Array &&
    state.documentFrequency.length === vocabulary &&
    numbersBelow(state.termIds, vocabulary) &&
    state.pairB instanceof Int32Array &&
    state.pairB.length === pairs &&
    state.pairScore instanceof Float64Array &&
    state.pairScore.length === pairs
  );
}

/** Whether every number of `list` is one of 0 to `limit` − 1. */
function numbersBelow(list: Int32Array, limit: number): boolean {
  for (let k = 0; k < list.length; k += 1) if (list[k]! < 0 || list[k]! >= limit) return false;
  return true;
}
