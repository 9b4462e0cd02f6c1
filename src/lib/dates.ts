/**
 * Article dates, by the date rule (README, "Content"): the calendar date and time shown (and used in URLs and
 * timeline grouping) are the ones written in the file, in its own offset; a date without an
 * offset is in the site's time zone; ordering is by instant.
 *
 * So a written date keeps two things: its wall-clock parts as written, and the instant it
 * names. Every date shown on the site is formatted here.
 */
import { TZDate } from '@date-fns/tz';
// One function's module, not the package's index: the index loads all of date-fns, a second
// of every script's and worker's start.
import { format } from 'date-fns/format';
import { padNumber } from './pad.ts';

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

/** An offset from UTC in minutes as a date writes it: `+08:00`, `-05:30`, or `Z` for none (as date-fns formatISO writes it). */
export function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const size = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${padNumber(Math.floor(size / 60))}:${padNumber(size % 60)}`;
}

/**
 * Reads an offset: `+0800`, `+08`, `+8`, `+08:00` and `+5:30` as `+08:00` and `+05:30`; `Z` (or no
 * offset at all) as `UTC`. Returns what is wrong with one out of range.
 */
export function parseOffset(raw: string): { zone: string; minutes: number } | string {
  if (raw.toUpperCase() === 'Z') return { zone: 'UTC', minutes: 0 };
  const sign = raw[0] === '-' ? -1 : 1;
  const digits = raw.slice(1);
  const [hours, minutes] = digits.includes(':')
    ? digits.split(':').map(Number)
    : digits.length > 2
      ? [Number(digits.slice(0, -2)), Number(digits.slice(-2))]
      : [Number(digits), 0];
  if (hours > 14 || minutes > 59) return `offset ${raw} is out of range (at most ±14:00)`;
  const total = sign * (hours * 60 + minutes);
  if (total === 0) return { zone: 'UTC', minutes: 0 };
  return { zone: `${sign < 0 ? '-' : '+'}${padNumber(hours)}:${padNumber(minutes)}`, minutes: total };
}

/**
 * An instant as a frontmatter date in a time zone, to the minute, with the zone's offset
 * written out (`2026-11-21T09:30:00+01:00`, `…Z` in UTC): what `npm run new` dates an article.
 */
export function formatNowForFrontmatter(now: Date, timeZone: string): string {
  return format(new TZDate(now.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:00XXX");
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
  if (day < 1 || day > daysInMonth(year, month))
    return `"${written}" is not a calendar date: ${year}-${m[2]} has no day ${day}`;
  if (hour > 23 || minute > 59 || second > 59) return `"${written}" is not a valid time of day`;

  let zone: string;
  let instant: number;
  if (m[8]) {
    const offset = parseOffset(m[8]);
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

/** English names from date-fns, worked out once (formatting goes through Intl below). */
const nameOf = (pattern: string, month: number, day = 15) => format(new Date(2000, month, day), pattern);
const MONTH_NAMES = {
  long: Array.from({ length: 12 }, (_, i) => nameOf('MMMM', i)),
  short: Array.from({ length: 12 }, (_, i) => nameOf('MMM', i)),
  narrow: Array.from({ length: 12 }, (_, i) => nameOf('MMMMM', i)),
};
// 2 January 2000 was a Sunday: index 0 is Sunday, as in Date#getUTCDay.
const WEEKDAY_NAMES = Array.from({ length: 7 }, (_, i) => format(new Date(2000, 0, 2 + i), 'EEEE'));

/** A year as date-fns writes `yyyy`: at least four digits. */
const yearText = (year: number) => (year < 0 ? `-${padNumber(year, 4)}` : padNumber(year, 4));

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** The zone's offset from UTC at that instant, in minutes. */
  offset: number;
}

/**
 * Intl formatters, one per zone and kind, made once: a formatter is costly to create and cheap
 * to use, and every listing shows hundreds of dates (the same few zones over and over).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, kind: 'parts' | 'name'): Intl.DateTimeFormat {
  const key = `${kind}\n${zone}`;
  let found = formatters.get(key);
  if (!found) {
    found =
      kind === 'parts'
        ? new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            era: 'short',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          })
        : // As @date-fns/tz's tzName(zone, date, 'short') asks for it: "UTC", "GMT+8", "CET".
          new Intl.DateTimeFormat('en-US', { hour: 'numeric', timeZone: zone, timeZoneName: 'short' });
    formatters.set(key, found);
  }
  return found;
}

/**
 * The wall clock in the date's own zone (its written offset, or the site's zone), worked out once
 * a date: `formatToParts` costs about 10 µs, and each date is asked for in many forms.
 */
const clocks = new WeakMap<ArchiveDate, WallClock>();
function wallClock(date: ArchiveDate): WallClock {
  let clock = clocks.get(date);
  if (!clock) clocks.set(date, (clock = readWallClock(date)));
  return clock;
}

function readWallClock(date: ArchiveDate): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatter(date.zone, 'parts').formatToParts(date.instant)) parts[part.type] = part.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const clock = {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
  const wallAsUtc = new Date(0);
  wallAsUtc.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  wallAsUtc.setUTCHours(clock.hour, clock.minute, clock.second, 0);
  const seconds = Math.floor(date.instant / 1000) * 1000;
  return { ...clock, offset: Math.round((wallAsUtc.getTime() - seconds) / 60_000) };
}

function zoneName(date: ArchiveDate): string {
  return formatter(date.zone, 'name').format(date.instant).split(/\s/g).slice(2).join(' ');
}

/**
 * Each form of each date is worked out once: an article's date is shown on its page and in
 * every listing, feed and sitemap it appears in.
 */
const formatted = new WeakMap<ArchiveDate, Map<string, string>>();
function once(date: ArchiveDate, form: string, compute: () => string): string {
  let forms = formatted.get(date);
  if (!forms) formatted.set(date, (forms = new Map()));
  let text = forms.get(form);
  if (text === undefined) forms.set(form, (text = compute()));
  return text;
}

/** `27 February 2018`, or `27 February 2018, 06:20 UTC` when a time was written. */
export function formatDate(date: ArchiveDate, options: { time?: boolean } = {}): string {
  const withTime = date.hasTime && options.time !== false;
  return once(date, withTime ? 'long-time' : 'long', () => {
    const clock = wallClock(date);
    const day = `${clock.day} ${MONTH_NAMES.long[clock.month - 1]} ${yearText(clock.year)}`;
    return withTime ? `${day}, ${padNumber(clock.hour)}:${padNumber(clock.minute)} ${zoneName(date)}` : day;
  });
}

/** Short form for dense lists: `27 Feb 2018`. */
export function formatShortDate(date: ArchiveDate): string {
  return once(date, 'short', () => {
    const clock = wallClock(date);
    return `${clock.day} ${MONTH_NAMES.short[clock.month - 1]} ${yearText(clock.year)}`;
  });
}

/** The months as MLA abbreviates them: May, June and July in full, September as Sept. */
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** A citation's date (MLA 9): `27 Feb. 2018`, the day as written. */
export function formatCitationDate(date: ArchiveDate): string {
  return once(date, 'citation', () => {
    const clock = wallClock(date);
    return `${clock.day} ${MLA_MONTHS[clock.month - 1]} ${yearText(clock.year)}`;
  });
}

/** The day as written, in ISO 8601 (`2018-02-27`): Highwire's `citation_date`, which reference managers store as given. */
export function toIsoDay(date: ArchiveDate): string {
  return once(date, 'day', () => isoDay(wallClock(date)));
}

function isoDay(clock: WallClock): string {
  return `${yearText(clock.year)}-${padNumber(clock.month)}-${padNumber(clock.day)}`;
}

/** Full ISO 8601 instant with offset, for feeds, JSON-LD and sitemaps. */
export function toIsoInstant(date: ArchiveDate): string {
  return once(date, 'iso', () => {
    const clock = wallClock(date);
    return `${isoDay(clock)}T${padNumber(clock.hour)}:${padNumber(clock.minute)}:${padNumber(clock.second)}${offsetText(clock.offset)}`;
  });
}

/** For `<time datetime>` and machine-readable metadata: `2018-02-27` or `2018-02-27T06:20:00Z`. */
export function toDatetimeAttribute(date: ArchiveDate): string {
  return date.hasTime ? toIsoInstant(date) : toIsoDay(date);
}

/** `February 2018` */
export function formatMonth(year: number, month: number): string {
  return `${MONTH_NAMES.long[month - 1]} ${yearText(year)}`;
}

/** `Tuesday, 27 February 2018` (day headings in period listings). */
export function formatDayHeading(year: number, month: number, day: number): string {
  const weekday = new Date(Date.UTC(2000, month - 1, day));
  weekday.setUTCFullYear(year);
  return `${WEEKDAY_NAMES[weekday.getUTCDay()]}, ${day} ${MONTH_NAMES.long[month - 1]} ${yearText(year)}`;
}

/** A day of the calendar without a year: `27 February` (the "On this day" pages). */
export function formatCalendarDay(month: number, day: number): string {
  return `${day} ${MONTH_NAMES.long[month - 1]}`;
}

/** Zero-padded path parts for URLs: `['2018', '02', '27']`. */
export function datePathParts(date: Pick<ArchiveDate, 'year' | 'month' | 'day'>): [string, string, string] {
  return [padNumber(date.year, 4), padNumber(date.month), padNumber(date.day)];
}

/** A month's name alone: `February` (long), `Feb` (short) or `F` (narrow). */
export function formatMonthName(month: number, width: 'long' | 'short' | 'narrow' = 'long'): string {
  return MONTH_NAMES[width][month - 1];
}
