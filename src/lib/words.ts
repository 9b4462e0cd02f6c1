/**
 * The words of a text in any script: runs of letters and digits where words are written apart,
 * and, in scripts written without spaces (Chinese, Japanese, Thai…), the words the Unicode
 * segmenter finds (ICU's dictionaries). The export's word count and the same-story terms read
 * words through here.
 */

/** Scripts written without spaces between words: their words are found by the segmenter. */
export const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const segmenters = new Map<string, Intl.Segmenter>();

/** One segmenter per language, made once (making one costs far more than using it). */
export function wordSegmenter(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'word' })));
  return segmenter;
}

/** The segmenter's words of a text in a script without spaces. */
export function* segmentedWords(text: string, lang: string): Generator<string> {
  for (const segment of wordSegmenter(lang).segment(text)) if (segment.isWordLike) yield segment.segment;
}
