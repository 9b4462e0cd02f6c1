/**
 * What the story finder keeps for the next build (src/lib/stories/story-state-file.ts): read back
 * as written; a missing, cut-short, foreign, inconsistent or altered file reads as nothing kept, so
 * the next build scores every article instead of trusting it; a cache folder that cannot be
 * written to fails no build.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, test } from 'vitest';
import { findStories, type StoryItem } from '@/lib/stories/same-story';
import { readStoryState, storyStateFile, writeStoryState } from '@/lib/stories/story-state-file';
import { storyTerms, storyTermsDigest } from '@/lib/stories/story-terms';

const work = mkdtempSync(path.join(os.tmpdir(), 'story-state-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const item = (key: string, day: number, text: string): StoryItem => {
  const terms = storyTerms(text, text, 'en');
  return {
    key,
    instant: Date.UTC(2024, 0, day),
    names: ['companies/contoso'],
    source: '',
    terms,
    termsDigest: storyTermsDigest(terms),
  };
};
const items = [
  item('a.md', 1, 'Contoso buys Fabrikam for 2 billion in a deal approved in Lisbon'),
  item('b.md', 2, 'Fabrikam agrees to a 2 billion sale to Contoso, Lisbon regulator approves'),
  item('c.md', 2, 'Contoso opens a battery plant in Ohio'),
];

describe('the story finder’s kept state', () => {
  test('is read back as it was written, in the cache folder’s stories/ folder', () => {
    const file = storyStateFile(work);
    expect(file).toBe(path.join(work, 'stories', 'kept.bin'));
    const { state, pairs } = findStories(items);
    expect(pairs.length).toBeGreaterThan(0);
    writeStoryState(file, state);
    const back = readStoryState(file);
    expect(back).toEqual(state);
    expect(findStories(items, { previous: back }).rescored).toBe(0);
  });

  test('a missing, cut-short, foreign or inconsistent file is nothing kept', () => {
    const file = path.join(work, 'other', 'kept.bin');
    expect(readStoryState(file)).toBeUndefined();
    const { state } = findStories(items);
    writeStoryState(file, state);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length / 2));
    expect(readStoryState(file)).toBeUndefined();
    writeFileSync(file, serialize({ settings: 'x' }));
    expect(readStoryState(file)).toBeUndefined();
    writeStoryState(file, { ...state, termIds: state.termIds.map(() => state.vocabulary.length) });
    expect(readStoryState(file)).toBeUndefined();
    writeStoryState(file, { ...state, fingerprints: state.fingerprints.subarray(1) });
    expect(readStoryState(file)).toBeUndefined();
  });

  test('an altered state is nothing kept: its runs of terms, counts, frequencies, vocabulary and pairs are checked', () => {
    const file = path.join(work, 'altered', 'kept.bin');
    const { state } = findStories(items);
    const altered = (change: Partial<typeof state>) => {
      writeStoryState(file, { ...state, ...change });
      return readStoryState(file);
    };
    writeStoryState(file, state);
    expect(readStoryState(file)).toEqual(state);
    const [second] = [state.termStart[1]!];
    expect(
      altered({ termStart: state.termStart.map((start, i) => (i === 1 ? second + 1 : i === 2 ? second : start)) }),
    ).toBeUndefined();
    expect(altered({ termCounts: state.termCounts.map((count, k) => (k === 0 ? 0 : count)) })).toBeUndefined();
    expect(
      altered({ documentFrequency: state.documentFrequency.map((df, id) => (id === 0 ? df + 1 : df)) }),
    ).toBeUndefined();
    expect(
      altered({ vocabulary: state.vocabulary.map((term, id) => (id === 1 ? state.vocabulary[0]! : term)) }),
    ).toBeUndefined();
    expect(altered({ termIds: state.termIds.map((id, k) => (k === 1 ? state.termIds[0]! : id)) })).toBeUndefined();
    expect(altered({ pairB: state.pairA.slice() })).toBeUndefined();
    expect(altered({ pairScore: state.pairScore.map(() => Number.NaN) })).toBeUndefined();
    expect(altered({ keys: [...state.keys.slice(0, -1), 7 as unknown as string] })).toBeUndefined();
  });

  test('a cache folder that cannot be written to fails nothing: the reason is given back, and no partial file is left', () => {
    const blocked = path.join(work, 'a-file');
    writeFileSync(blocked, '');
    const { state } = findStories(items);
    const reason = writeStoryState(path.join(blocked, 'stories', 'kept.bin'), state);
    expect(reason).toMatch(/ENOTDIR|EEXIST|not a directory/i);
    expect(writeStoryState(storyStateFile(path.join(work, 'fine')), state)).toBeUndefined();
  });
});
