/**
 * Article dates, by SPEC.md's rule: the calendar date and time shown (and used in URLs and
 * timeline grouping) are the ones written in the file, in its own offset; a date without an
 * offset is in the site's time zone; ordering is by instant.
 *
 * So a written date keeps two things: its wall-clock parts as written, and the instant it
 * names. Every date shown on the site is formatted here.
 */
import { TZDate, tzName } from '@date-fns/tz';
import { format, formatISO } from 'date-fns';

export interface ArchiveDate {
  /** The text as written in the frontmatter. */
  written: string;
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** Whether a time of day was written (a bare `YYYY-MM-DD` has none). */
  hasTime: boolean;
  /** The zone the wall-clock parts are in: `UTC`, an offset like `+08:00`, or the site's IANA zone. */
  zone: string;
  /** Milliseconds since the epoch of the instant named. */
  instant: number;
}

const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export const DATE_FORMS = 'YYYY-MM-DD or an ISO 8601 date-time such as 2018-02-27T06:20:00Z';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Normalises `+0800`, `+08` and `+08:00` to `+08:00`; `Z` to `UTC`. */
function normaliseOffset(raw: string): { zone: string; minutes: number } | string {
  if (raw.toUpperCase() === 'Z') return { zone: 'UTC', minutes: 0 };
  const sign = raw[0] === '-' ? -1 : 1;
  const digits = raw.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 14 || minutes > 59) return `offset ${raw} is out of range (at most ±14:00)`;
  const total = sign * (hours * 60 + minutes);
  if (total === 0) return { zone: 'UTC', minutes: 0 };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { zone: `${sign < 0 ? '-' : '+'}${pad(hours)}:${pad(minutes)}`, minutes: total };
}

/**
 * Parses a frontmatter date. Returns the date, or a sentence saying what is wrong with it
 * (the caller adds the file and field).
 */
export function parseArchiveDate(written: string, siteTimeZone: string): ArchiveDate | string {
  const text = written.trim();
  const m = DATE_RE.exec(text);
  if (!m) return `expected ${DATE_FORMS}, got "${written}"`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (month < 1 || month > 12) return `"${written}" has no month ${month}`;
  if (day < 1 || day > daysInMonth(year, month)) return `"${written}" is not a calendar date: ${year}-${m[2]} has no day ${day}`;
  if (hour > 23 || minute > 59 || second > 59) return `"${written}" is not a valid time of day`;

  let zone: string;
  let instant: number;
  if (m[8]) {
    const offset = normaliseOffset(m[8]);
    if (typeof offset === 'string') return `"${written}": ${offset}`;
    zone = offset.zone;
    instant = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset.minutes * 60_000;
  } else {
    zone = siteTimeZone;
    const local = new TZDate(year, month - 1, day, hour, minute, second, ms, siteTimeZone);
    // A wall time skipped when the clocks went forward names no instant: say so, do not shift it.
    if (local.getHours() !== hour || local.getMinutes() !== minute) {
      return `"${written}" does not exist in the time zone ${siteTimeZone} (the clocks moved forward then); write the time with its offset`;
    }
    instant = local.getTime();
  }
  return { written: text, year, month, day, hasTime, zone, instant };
}

/** The date in its own zone, for date-fns to format wall-clock fields. */
function inOwnZone(date: ArchiveDate): TZDate {
  return new TZDate(date.instant, date.zone);
}

/** `27 February 2018`, or `27 February 2018, 06:20 UTC` when a time was written. */
export function formatDate(date: ArchiveDate, options: { time?: boolean } = {}): string {
  const own = inOwnZone(date);
  const day = format(own, 'd MMMM yyyy');
  if (!date.hasTime || options.time === false) return day;
  return `${day}, ${format(own, 'HH:mm')} ${tzName(date.zone, own, 'short')}`;
}

/** Short form for dense lists: `27 Feb 2018`. */
export function formatShortDate(date: ArchiveDate): string {
  return format(inOwnZone(date), 'd MMM yyyy');
}

/** For `<time datetime>` and machine-readable metadata: `2018-02-27` or `2018-02-27T06:20:00Z`. */
export function toDatetimeAttribute(date: ArchiveDate): string {
  if (!date.hasTime) return formatISO(inOwnZone(date), { representation: 'date' });
  return formatISO(inOwnZone(date));
}

/** Full ISO 8601 instant with offset, for feeds, JSON-LD and sitemaps. */
export function toIsoInstant(date: ArchiveDate): string {
  return formatISO(inOwnZone(date));
}

/** `February 2018` */
export function formatMonth(year: number, month: number): string {
  return format(new TZDate(year, month - 1, 15, 12, 0, 0, 0, 'UTC'), 'MMMM yyyy');
}

/** `Tuesday, 27 February 2018` (day headings in period listings). */
export function formatDayHeading(year: number, month: number, day: number): string {
  return format(new TZDate(year, month - 1, day, 12, 0, 0, 0, 'UTC'), 'EEEE, d MMMM yyyy');
}

/** Zero-padded path parts for URLs: `['2018', '02', '27']`. */
export function datePathParts(date: Pick<ArchiveDate, 'year' | 'month' | 'day'>): [string, string, string] {
  return [String(date.year).padStart(4, '0'), String(date.month).padStart(2, '0'), String(date.day).padStart(2, '0')];
}

/** A month's name alone: `February` (long), `Feb` (short) or `F` (narrow). */
export function formatMonthName(month: number, width: 'long' | 'short' | 'narrow' = 'long'): string {
  const pattern = { long: 'MMMM', short: 'MMM', narrow: 'MMMMM' }[width];
  return format(new TZDate(2000, month - 1, 15, 12, 0, 0, 0, 'UTC'), pattern);
}
