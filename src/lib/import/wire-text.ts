/**
 * Plain-text wire copy (a headline, a dateline, paragraphs separated by blank lines) read into
 * an ImportedArticle. Pure: text in, article out; the caller reads files and writes them.
 *
 * What is read:
 * - the headline: the first line, when it reads as one (a single line of at most 200
 *   characters that is not a paragraph);
 * - the dateline right after it (`Feb 27, 2018 06:20 GMT · By Jane Doe`, `2018-02-27`, …),
 *   written out in a form src/lib/dates.ts accepts, and a byline in it or on its own line;
 * - the body: blocks separated by blank lines become paragraphs (their lines kept, joined by
 *   soft breaks), a lone short line between paragraphs becomes a `##` heading, and page
 *   furniture at the end ("Show Press Release", "Share this article", …) is dropped and listed.
 */
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import type { Heading, Paragraph, Root } from 'mdast';
import { offsetText, parseOffset } from '../dates.ts';
import { padNumber } from '../pad.ts';
import type { ImportedArticle } from './imported-article.ts';
import { stringifyMarkdown } from './markdown-text.ts';

const MAX_HEADLINE = 200;
const MAX_SUBHEADING = 80;
const MAX_BYLINE_LINE = 120;

// ---------------------------------------------------------------------------------------------
// Text and blocks

/** BOM gone, `\n` line ends, NFC, each line trimmed (leading indentation is layout, not text). */
function normalise(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.trim());
}

/** Runs of non-blank lines. */
function toBlocks(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Datelines and bylines

/** The date part: ISO, `Feb 27, 2018` / `February 27 2018` / `Feb. 27, 2018`, or `27 February 2018`. */
const DATE_PART =
  '(?:(?<isoY>\\d{4})-(?<isoM>\\d{2})-(?<isoD>\\d{2})' +
  '|(?<mdyM>\\p{L}{3,9})\\.?\\s+(?<mdyD>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<mdyY>\\d{4})' +
  '|(?<dmyD>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<dmyM>\\p{L}{3,9})\\.?,?\\s+(?<dmyY>\\d{4}))';
/** An optional time of day, with an optional zone: `06:20`, `06:20:00`, `6:20 pm`, `06:20 GMT`, `06:20+08:00`, `06:20 GMT+8`. */
const TIME_PART =
  '(?:(?:T|,?\\s+(?:at\\s+)?)(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2})(?:\\.\\d+)?)?' +
  '(?:\\s*(?<ampm>[ap]\\.?m\\.?)(?![\\p{L}\\p{N}]))?' +
  '(?:\\s*(?:(?:GMT|UTC)\\s*(?<namedOffset>[+\\-\u2212]\\d{1,2}(?::?\\d{2})?)|(?<utc>GMT|UTC|Z)|(?<offset>[+\\-\u2212]\\d{2}(?::?\\d{2})?))(?![\\p{L}\\p{N}]))?)?';
const DATELINE_RE = new RegExp(`^${DATE_PART}${TIME_PART}`, 'iu');

/** The calendar day of the date part, checked by date-fns (so `Feb 30` is no date). */
function calendarDay(groups: Record<string, string | undefined>): [number, number, number] | undefined {
  const reference = new Date(2000, 0, 1);
  let date: Date;
  if (groups.isoY) {
    date = parse(`${groups.isoY}-${groups.isoM}-${groups.isoD}`, 'yyyy-MM-dd', reference);
  } else {
    const [month, day, year] = groups.mdyM
      ? [groups.mdyM, groups.mdyD, groups.mdyY]
      : [groups.dmyM, groups.dmyD, groups.dmyY];
    // date-fns reads `Feb` and `February`, not the common `Sept`.
    date = parse(`${month!.replace(/^sept$/i, 'Sep')} ${day} ${year}`, 'MMMM d yyyy', reference);
  }
  if (!isValid(date)) return undefined;
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
}

/** Names in a byline, as written: split on `,`, ` and ` and `&` only. */
function splitNames(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/iu)
    .map((name) => name.trim())
    .filter(Boolean);
}

/**
 * Reads a dateline: a date (and time, and zone) at the start of the line, then nothing, or a
 * separator (`·`, `|`, `-`, `—`, `,`) and/or a byline starting with `By`. Returns the date as
 * written in the article file (`2018-02-27`, `2018-02-27T06:20:00Z`, `2018-02-27T06:20:00+08:00`,
 * or `2018-02-27T06:20:00` for a time with no zone: the site's zone applies) and the names of
 * the byline (none for a bare `By`); undefined when the line is not a dateline.
 */
export function parseDateline(line: string): { date?: string; bylines: string[] } | undefined {
  const text = line.normalize('NFC').trim();
  const m = DATELINE_RE.exec(text);
  if (!m?.groups) return undefined;
  const g = m.groups;

  const day = calendarDay(g);
  if (!day) return undefined;
  let date = `${padNumber(day[0], 4)}-${padNumber(day[1])}-${padNumber(day[2])}`;

  if (g.hour !== undefined) {
    let hour = Number(g.hour);
    const [minute, second] = [Number(g.minute), Number(g.second ?? 0)];
    if (g.ampm) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (/^p/i.test(g.ampm) ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) return undefined;
    let zone = '';
    if (g.utc) zone = 'Z';
    const offset = g.namedOffset ?? g.offset;
    if (offset) {
      const parsed = parseOffset(offset.replace('\u2212', '-'));
      if (typeof parsed === 'string') return undefined;
      zone = offsetText(parsed.minutes);
    }
    date += `T${padNumber(hour)}:${padNumber(minute)}:${padNumber(second)}${zone}`;
  }

  // What follows the date: nothing, a separator, a byline.
  let rest = text.slice(m[0].length);
  if (rest && !/^[\s·•|,\-–—/]/u.test(rest)) return undefined;
  rest = rest.trim().replace(/^[·•|,\-–—/]\s*/u, '');
  if (!rest) return { date, bylines: [] };
  const byline = /^by(?:\s+(.*))?$/iu.exec(rest);
  if (!byline) return undefined;
  return { date, bylines: splitNames(byline[1] ?? '') };
}

const startsLikeName = (word: string) => /^[\p{Lu}\p{Lo}]/u.test(word);

/**
 * A byline on a line of its own: `By Jane Doe`, `By Jane Doe and John Roe`, or a bare `By`.
 * Each name must look like one (at most five words, the first and last capitalised), so a
 * paragraph such as "By 2020, Microsoft expects …" is not taken for a byline.
 */
function parseBylineLine(line: string): string[] | undefined {
  if (line.length > MAX_BYLINE_LINE) return undefined;
  const m = /^by(?:\s+(.*))?$/iu.exec(line);
  if (!m) return undefined;
  const names = splitNames(m[1] ?? '');
  const namesLookRight = names.every((name) => {
    const words = name.split(/\s+/u);
    return words.length <= 5 && startsLikeName(words[0]) && startsLikeName(words[words.length - 1]);
  });
  return namesLookRight ? names : undefined;
}

// ---------------------------------------------------------------------------------------------
// Headlines and sub-headings

/** Words whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'inc',
  'corp',
  'co',
  'ltd',
  'jr',
  'sr',
  'vs',
  'no',
  'gov',
  'sen',
  'rep',
  'gen',
  'prof',
  'plc',
  'bros',
]);

/** Whether the word before a full stop makes it an abbreviation (`U.S.`, `J.`, `Inc.`). */
function isAbbreviation(word: string): boolean {
  const bare = word.replace(/^[^\p{L}\p{N}]+/u, '').replace(/\.+$/u, '');
  return /^\p{L}$/u.test(bare) || /^\p{L}(?:\.\p{L})+$/u.test(bare) || ABBREVIATIONS.has(bare.toLowerCase());
}

/** Whether a line reads as prose: it ends a sentence with a full stop, or holds two sentences. */
function readsAsProse(line: string): boolean {
  if (/[。]./u.test(line) || /。$/u.test(line)) return true;
  if (/[,;:，；：、]$/u.test(line)) return true;
  // A full stop at the end, unless it closes an abbreviation or is an ellipsis.
  const end = /(\S+)\.$/u.exec(line);
  if (end && !end[1].endsWith('..') && !isAbbreviation(end[1])) return true;
  // A full stop inside, followed by a new sentence.
  for (const m of line.matchAll(/(\S+)\.["'”’»)\]]*\s+["'“‘«([]*[\p{Lu}\p{N}]/gu)) {
    if (!m[1].endsWith('..') && !isAbbreviation(m[1])) return true;
  }
  return false;
}

function looksLikeHeadline(line: string): boolean {
  return [...line].length <= MAX_HEADLINE && /\p{L}/u.test(line) && !readsAsProse(line);
}

/** Punctuation that ends a sentence or a clause, so a line ending in it is not a heading. */
const CLOSING = /[.!?:;,…。！？：；，、]["'”’»)\]]*$/u;

/**
 * A block that could be a sub-heading: one short line, starting with a letter or digit, not
 * ending in punctuation, not a numbered item (`1. Cloud`) and not page furniture (`Share`).
 */
function looksLikeSubheading(block: string[]): boolean {
  if (block.length !== 1) return false;
  const [line] = block;
  return (
    [...line].length <= MAX_SUBHEADING &&
    /^[\p{L}\p{N}]/u.test(line) &&
    !CLOSING.test(line) &&
    !/^\d+[.)]\s/u.test(line) &&
    !isFurnitureLine(line)
  );
}

// ---------------------------------------------------------------------------------------------
// Page furniture

const FURNITURE: RegExp[] = [
  /^show press release$/i,
  /^read more\b.*$/i,
  /^continue reading\b.*$/i,
  /^share(?: this(?: article| story| post| page)?)?:?$/i,
  /^share (?:on|via) (?:facebook|twitter|x|linkedin|whatsapp|reddit|email|e-mail)$/i,
  /^(?:tweet|print|print this(?: article| page| story)?|email|e-mail|email this(?: article| story)?)$/i,
  /^advertisement$/i,
  /^subscribe\b.*$/i,
  /^sign up for our newsletter\b.*$/i,
  /^follow us on\b.*$/i,
  /^click here to\b.*$/i,
  /^related(?: articles| stories| posts| news| coverage)?:?$/i,
  /^(?:\d+ )?comments?(?: \(\d+\))?:?$/i,
  /^(?:leave a comment|add a comment)$/i,
  /^back to top\b.*$/i,
  /^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}|by\b)).*$/i,
  /^all rights reserved\.?$/i,
];
/** Furniture lines are short: a long line that starts like one ("Read more about …") is text. */
const MAX_FURNITURE_LINE = 120;

function isFurnitureLine(line: string): boolean {
  return [...line].length <= MAX_FURNITURE_LINE && FURNITURE.some((re) => re.test(line));
}

const isFurnitureBlock = (block: string[]) => block.every(isFurnitureLine);
const isAdvertisement = (block: string[]) => block.every((line) => /^advertisement$/i.test(line));

/**
 * Drops page furniture: whole blocks at the end while they match, furniture lines glued to the
 * end of the last remaining block, and `Advertisement` blocks anywhere. Returns what is left
 * and the lines dropped, in the order they were written.
 */
function dropFurniture(blocks: string[][]): { kept: string[][]; dropped: string[] } {
  const kept = blocks.map((block) => [...block]);
  const trailing: string[] = [];
  while (kept.length && isFurnitureBlock(kept[kept.length - 1])) trailing.unshift(...kept.pop()!);
  const last = kept[kept.length - 1];
  // A glued line must start like a label ("Show Press Release"), not a wrapped word ("share").
  while (
    last &&
    last.length > 1 &&
    /^[\p{Lu}©(]/u.test(last[last.length - 1]) &&
    isFurnitureLine(last[last.length - 1])
  ) {
    trailing.unshift(last.pop()!);
  }
  const dropped: string[] = [];
  const body = kept.filter((block) => {
    if (!isAdvertisement(block)) return true;
    dropped.push(...block);
    return false;
  });
  return { kept: body, dropped: [...dropped, ...trailing] };
}

// ---------------------------------------------------------------------------------------------
// The article

/**
 * Reads plain-text wire copy. `origin` names it in the report (a file path). The title is
 * undefined (with a warning) when the text does not start with a headline; the date is
 * undefined, with no warning, when there is no dateline (the caller reports it).
 */
export function parseWireText(text: string, origin: string): ImportedArticle {
  const blocks = toBlocks(normalise(text));
  const warnings: string[] = [];

  // A cursor over the lines at the top, across block boundaries.
  let b = 0;
  let l = 0;
  const peek = (): string | undefined => {
    while (b < blocks.length && l >= blocks[b].length) [b, l] = [b + 1, 0];
    return blocks[b]?.[l];
  };
  const advance = () => void l++;

  const isMeta = (line: string) => parseDateline(line) !== undefined || parseBylineLine(line) !== undefined;

  let title: string | undefined;
  const first = peek();
  if (
    first !== undefined &&
    !isMeta(first) &&
    looksLikeHeadline(first) &&
    (blocks[0].length === 1 || isMeta(blocks[0][1]))
  ) {
    title = first;
    advance();
  }

  // The dateline and a byline line, in either order, right after the headline (or at the top).
  let date: string | undefined;
  let dated = false;
  let bylines: string[] = [];
  for (let i = 0; i < 2; i++) {
    const line = peek();
    if (line === undefined) break;
    const dateline = dated ? undefined : parseDateline(line);
    if (dateline) {
      dated = true;
      date = dateline.date;
      if (dateline.bylines.length) bylines = dateline.bylines;
      advance();
      continue;
    }
    const names = bylines.length ? undefined : parseBylineLine(line);
    if (names) {
      bylines = names;
      advance();
      continue;
    }
    break;
  }

  peek();
  const rest = b < blocks.length ? [blocks[b].slice(l), ...blocks.slice(b + 1)].filter((block) => block.length) : [];
  const { kept, dropped } = dropFurniture(rest);

  const children: (Paragraph | Heading)[] = kept.map((block, i) => {
    const value = block.join('\n');
    const heading =
      i > 0 &&
      i < kept.length - 1 &&
      looksLikeSubheading(block) &&
      !looksLikeSubheading(kept[i - 1]) &&
      !looksLikeSubheading(kept[i + 1]);
    return heading
      ? { type: 'heading', depth: 2, children: [{ type: 'text', value }] }
      : { type: 'paragraph', children: [{ type: 'text', value }] };
  });
  const tree: Root = { type: 'root', children };
  const body = stringifyMarkdown(tree);

  if (title === undefined) warnings.push('no headline: the text does not start with a single line that reads as one');
  if (!body) warnings.push('no body text');

  return {
    origin,
    title,
    date,
    bylines,
    companies: [],
    topics: [],
    summary: undefined,
    source: undefined,
    draft: false,
    body,
    dropped,
    warnings,
  };
}
