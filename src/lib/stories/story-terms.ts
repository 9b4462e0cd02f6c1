/**
 * An article's story terms: the words that say what it reports, counted, so that two reports of
 * one event can be compared (src/lib/stories/same-story.ts). Made from the headline and the
 * Markdown body as written, by the loader (one pass per changed file, kept in the content store)
 * and by `npm run check` alike, so both find the same stories.
 *
 * Words are folded (lower case, no accents), a possessive and an English plural taken off
 * ("company's", "companies" → "company"); words of one letter, years (a figure such as "640" or
 * "22" stays: figures tell events apart) and the commonest English words ("the", "said",
 * "percent") are left out. Only the most frequent terms are kept
 * (`STORY_TERMS_KEPT`): what an article reports is in them, and the store stays small. The
 * headline's words count twice.
 */
import { segmentedWords, UNSPACED } from '../words.ts';
import { Fingerprint } from './fingerprint.ts';

/** How many terms an article keeps: its most frequent ones. */
export const STORY_TERMS_KEPT = 48;
/** How many times a headline's word counts. */
const HEADLINE_WEIGHT = 2;

/**
 * Words too common in news copy to tell one event from another. The weighting (rarer words
 * weigh more) discounts common words too; this list keeps them out of the terms kept.
 */
const COMMON = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say told according added year years new one two three first last also us per cent percent ' +
    'mr ms mrs may might must shall since yet however whether within without across around among toward ' +
    'towards upon via another every many much several including made make makes week today yesterday tomorrow'
  ).split(' '),
);

/** A word as terms compare it: folded, its possessive and plural off. */
function termOf(word: string): string {
  let term = word.replace(/['’]s$/, '');
  if (term.length > 4 && /[a-z]$/.test(term)) {
    if (term.endsWith('ies')) term = `${term.slice(0, -3)}y`;
    else if (term.endsWith('s') && !/(?:ss|us|is)$/.test(term)) term = term.slice(0, -1);
  }
  return term;
}

/** The text of a Markdown body a reader reads: link targets, HTML tags and URLs left out. */
function readableText(markdown: string): string {
  return markdown
    .replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, ']')
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ');
}

function countTerms(text: string, lang: string, weight: number, counts: Map<string, number>): void {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const add = (word: string) => {
    const term = termOf(word);
    if ([...term].length < 2 || COMMON.has(term) || /^(?:1[89]|20)\d\d$/.test(term)) return;
    counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  for (const run of folded.match(/[\p{L}\p{N}'’]+/gu) ?? []) {
    if (UNSPACED.test(run)) for (const word of segmentedWords(run, lang)) add(word);
    else add(run.replace(/^['’]+|['’]+$/g, ''));
  }
}

/**
 * The story terms of an article, most frequent first (ties in code-point order, so the same text
 * gives the same terms), as `term count` pairs in one string: compact in the content store.
 */
export function storyTerms(headline: string, body: string, lang: string): string {
  const counts = new Map<string, number>();
  countTerms(headline, lang, HEADLINE_WEIGHT, counts);
  countTerms(readableText(body), lang, 1, counts);
  return [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, STORY_TERMS_KEPT)
    .map(([term, count]) => `${term} ${count}`)
    .join(' ');
}

/**
 * The fingerprint of a `storyTerms` string, made with it (once per changed file, in the loader's
 * workers), so that each build tells an article whose terms changed without reading them all.
 */
export function storyTermsDigest(terms: string): number {
  return new Fingerprint().text(terms).value();
}

/** Each term of `storyTerms`' string with its count, in the string's order (each term once: the string is made from counts). */
export function eachStoryTerm(terms: string, visit: (term: string, count: number) => void): void {
  const parts = terms ? terms.split(' ') : [];
  for (let index = 0; index + 1 < parts.length; index += 2) visit(parts[index]!, Number(parts[index + 1]));
}

/** The terms and counts of `storyTerms`' string. */
export function readStoryTerms(terms: string): Map<string, number> {
  const counts = new Map<string, number>();
  eachStoryTerm(terms, (term, count) => counts.set(term, count));
  return counts;
}
