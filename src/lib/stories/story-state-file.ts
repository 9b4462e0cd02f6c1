/**
 * What the story finder keeps from one build to the next (same-story.ts `StoryState`), in the
 * cache folder: a JSON header (settings, keys, vocabulary, the arrays' lengths) and then each
 * typed array's bytes as they are in memory. Read back, the arrays are views of the one buffer
 * the file was read into, and written, they go to the file from where they are: a build's heap
 * at 100,000 articles is gigabytes, and each large copy there (Node's `v8.serialize` made two)
 * could cost a full garbage collection of a second or more. A cache, not content: a missing,
 * unreadable, foreign or altered file is not an error, it only means the next build scores every
 * article.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import path from 'node:path';
import type { StoryState } from './same-story.ts';

/** Where a build's cache folder keeps the story finder's state. */
export function storyStateFile(cacheDir: string): string {
  return path.join(cacheDir, 'stories', 'kept.bin');
}

/** The file's first bytes: a file of another layout, or of a machine of another byte order, is not read. */
const MAGIC = `story-state 1 ${endianness()}\n`;

/** The typed arrays of a state, in the file's order: the 8-byte ones first, so that each is aligned. */
const ARRAYS = [
  ['fingerprints', Float64Array],
  ['pairScore', Float64Array],
  ['termStart', Int32Array],
  ['termIds', Int32Array],
  ['termCounts', Int32Array],
  ['documentFrequency', Int32Array],
  ['pairA', Int32Array],
  ['pairB', Int32Array],
] as const;
type ArrayName = (typeof ARRAYS)[number][0];

interface Header {
  settings: string;
  keys: string[];
  vocabulary: string[];
  lengths: Record<ArrayName, number>;
}

/** The state kept in `file`, or undefined when there is none that holds together. */
export function readStoryState(file: string): StoryState | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const magic = Buffer.from(MAGIC);
  if (bytes.length < magic.length + 4 || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
  const headerLength = bytes.readUInt32LE(magic.length);
  const headerEnd = magic.length + 4 + headerLength;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', magic.length + 4, headerEnd)) as Header;
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null || typeof header.lengths !== 'object' || header.lengths === null)
    return undefined;
  let offset = align(headerEnd);
  const arrays: Partial<Record<ArrayName, Float64Array | Int32Array>> = {};
  for (const [name, Kind] of ARRAYS) {
    const length = header.lengths[name];
    if (!Number.isInteger(length) || length < 0 || offset + length * Kind.BYTES_PER_ELEMENT > bytes.length)
      return undefined;
    const at = bytes.byteOffset + offset;
    const buffer = bytes.buffer as ArrayBuffer;
    // A view where the buffer allows one (aligned), else a copy.
    arrays[name] =
      at % Kind.BYTES_PER_ELEMENT === 0
        ? new Kind(buffer, at, length)
        : new Kind(buffer.slice(at, at + length * Kind.BYTES_PER_ELEMENT));
    offset = align(offset + length * Kind.BYTES_PER_ELEMENT);
  }
  if (offset !== align(bytes.length)) return undefined;
  const state = { settings: header.settings, keys: header.keys, vocabulary: header.vocabulary, ...arrays };
  return isStoryState(state) ? state : undefined;
}

/** The next multiple of 8 from `offset`. */
const align = (offset: number) => Math.ceil(offset / 8) * 8;

/**
 * Keeps `state` in `file`: written beside it and renamed, so that a build stopped halfway leaves
 * the old one or none. A cache folder that cannot be written to fails no build: the reason is
 * given back, for a warning, and the next build scores every article.
 */
export function writeStoryState(file: string, state: StoryState): string | undefined {
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const header = Buffer.from(
      JSON.stringify({
        settings: state.settings,
        keys: state.keys,
        vocabulary: state.vocabulary,
        lengths: Object.fromEntries(ARRAYS.map(([name]) => [name, state[name].length])) as Header['lengths'],
      } satisfies Header),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    const fd = openSync(partial, 'w');
    try {
      let written = 0;
      const write = (part: Uint8Array) => {
        writeSync(fd, part);
        written += part.length;
      };
      const pad = () => write(new Uint8Array(align(written) - written));
      write(Buffer.from(MAGIC));
      write(length);
      write(header);
      pad();
      for (const [name] of ARRAYS) {
        const array = state[name];
        write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
        pad();
      }
    } finally {
      closeSync(fd);
    }
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
