/**
 * The archive's own settings, in `<content>/archive.yaml`: its title, description, public URL,
 * language, time zone, page size, age-notice years, share cards, search shard size, whether it
 * publishes its articles as data, kinds of its own (src/lib/content/declared-kinds.ts) and the footer's publisher and licence lines travel
 * with its content, so one checkout publishes any archive (src/config/site.ts reads them; the
 * environment still overrides the ones it has a variable for).
 *
 * Strict like frontmatter: an unknown key (with a suggestion), a wrong type or a bad value is a
 * problem naming the file, the line and the key, and every one is reported. The file is not
 * trusted with the site's safety: sanitizing cannot be switched off from it, so a content commit
 * cannot switch it off.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { editDistanceWithin } from '../edit-distance.ts';
import type { KindInfo } from '../kinds.ts';
import { readDeclaredKinds } from './declared-kinds.ts';
import type { ContentProblem } from './errors.ts';

/** A settings file with problems: its message lists them all, as file:line: key: message. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
    // The message says all an editor needs; a stack trace into the config would only distract.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The file, in the content folder. */
export const SETTINGS_FILE = 'archive.yaml';

export interface ArchiveSettings {
  title?: string;
  description?: string;
  /** The public URL, absolute http(s). */
  url?: string;
  /** BCP 47, canonical (`en`, `pt-BR`, `zh-Hans`). */
  language?: string;
  /** IANA time zone. */
  timeZone?: string;
  pageSize?: number;
  ageNoticeYears?: number;
  shareCards?: boolean;
  searchShardSize?: number;
  /** The footer's publisher line: who publishes the archive. Plain text. */
  publisher?: string;
  /** The footer's licence line: the terms of its text. Plain text. */
  licence?: string;
  /** Whether the site publishes its articles as data under `/data/` (src/integrations/data-export.ts). */
  publishData?: boolean;
  /** Kinds of name of the archive's own, after the built-in ones. */
  kinds?: KindInfo[];
}

type Read = { value: unknown } | { problem: string };

const text =
  (what: string) =>
  (value: unknown): Read =>
    typeof value === 'string' && value.trim() ? { value: value.trim() } : { problem: `expected ${what}` };

const whole =
  (least: number) =>
  (value: unknown): Read =>
    typeof value === 'number' && Number.isInteger(value) && value >= least
      ? { value }
      : { problem: `expected a whole number of at least ${least}, got ${JSON.stringify(value)}` };

function yesOrNo(value: unknown): Read {
  return typeof value === 'boolean' ? { value } : { problem: `expected true or false, got ${JSON.stringify(value)}` };
}

/** The readers of the settings that take one value; `kinds` takes a map (declared-kinds.ts). */
const READERS: Record<Exclude<keyof ArchiveSettings, 'kinds'>, (value: unknown) => Read> = {
  title: text('the archive’s name, a line of text'),
  description: text('a one-line description'),
  url(value) {
    const read = text('an absolute http(s) URL such as https://news.example.org/')(value);
    if ('problem' in read) return read;
    try {
      const url = new URL(read.value as string);
      if (url.protocol === 'http:' || url.protocol === 'https:') return read;
    } catch {
      // Reported below.
    }
    return { problem: `expected an absolute http(s) URL such as https://news.example.org/, got "${read.value}"` };
  },
  language(value) {
    const read = text('a language tag such as en, fr or zh-Hans')(value);
    if ('problem' in read) return read;
    try {
      return { value: Intl.getCanonicalLocales(read.value as string)[0] };
    } catch {
      return { problem: `expected a language tag such as en, fr or zh-Hans, got "${read.value}"` };
    }
  },
  timeZone(value) {
    const read = text('an IANA time zone such as Europe/Paris')(value);
    if ('problem' in read) return read;
    try {
      new Intl.DateTimeFormat('en', { timeZone: read.value as string });
      return read;
    } catch {
      return { problem: `expected an IANA time zone such as Europe/Paris, got "${read.value}"` };
    }
  },
  pageSize: whole(1),
  ageNoticeYears: whole(0),
  shareCards: yesOrNo,
  publishData: yesOrNo,
  searchShardSize: whole(1),
  publisher: text('a line of text naming who publishes the archive'),
  licence: text('a line of text giving the terms of its text, such as "Text © Harbour Gazette, CC BY 4.0"'),
};

export const SETTINGS_KEYS = [...Object.keys(READERS), 'kinds'] as (keyof ArchiveSettings)[];

/** Keys an editor might reach for that the file does not take, and why. */
const REFUSED: Record<string, string> = {
  trustedHtml:
    'cannot be set in the content: keeping raw HTML is switched on in src/config/site.ts or by ARCHIVE_TRUSTED_HTML, so a content commit cannot switch sanitizing off',
  license: 'is spelt "licence" here',
};

/** Reads the settings file's text; `file` is the path shown in problems. */
export function parseArchiveSettings(source: string, file: string): { settings: ArchiveSettings; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined) => lineCounter.linePos(offset ?? 0).line;
  const firstError = doc.errors[0];
  if (firstError) {
    const reason = firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    return { settings: {}, problems: [{ file, line: lineAt(firstError.pos[0]), message: `broken YAML: ${reason}` }] };
  }
  if (doc.contents === null) return { settings: {}, problems: [] };
  if (!isMap(doc.contents)) {
    return { settings: {}, problems: [{ file, line: 1, message: 'expected "key: value" lines, such as "title: Harbour Gazette Archive"' }] };
  }
  const settings: Record<string, unknown> = {};
  const problems: ContentProblem[] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const line = lineAt(isScalar(keyNode) ? keyNode.range?.[0] : undefined);
    if (key in REFUSED) {
      problems.push({ file, line, field: key, message: REFUSED[key]! });
      continue;
    }
    if (key === 'kinds') {
      const declared = readDeclaredKinds(pair.value, file, (node) => lineAt(node?.range?.[0]), line);
      problems.push(...declared.problems);
      if (declared.kinds.length) settings.kinds = declared.kinds;
      continue;
    }
    const reader = READERS[key as Exclude<keyof ArchiveSettings, 'kinds'>];
    if (!reader) {
      const near = SETTINGS_KEYS.find((known) => editDistanceWithin(known.toLowerCase(), key.toLowerCase(), 2) <= 2);
      problems.push({
        file,
        line,
        field: key,
        message: `unknown setting${near ? ` (did you mean "${near}"?)` : ''}; the settings are ${SETTINGS_KEYS.join(', ')}`,
      });
      continue;
    }
    const valueNode = pair.value;
    // A scalar is all any key takes: a list, a map or an alias (never expanded) is the wrong type.
    const read = reader(isScalar(valueNode) ? valueNode.value : valueNode == null ? null : {});
    const valueLine = isScalar(valueNode) && valueNode.range ? lineAt(valueNode.range[0]) : line;
    if ('problem' in read) problems.push({ file, line: valueLine, field: key, message: read.problem });
    else settings[key] = read.value;
  }
  return { settings: settings as ArchiveSettings, problems };
}
