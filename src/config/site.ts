/**
 * Site settings: the one typed place for everything an archive owner configures.
 *
 * Defaults live here; the archive's own settings file, `<content>/archive.yaml`
 * (src/lib/content/archive-settings.ts), overrides them; the environment overrides both
 * (README, "Configuration"):
 * - `SITE_URL`: the public URL of the site. Its path becomes Astro's `base`, so
 *   `SITE_URL=https://user.github.io/archive/` serves the archive under `/archive/`.
 * - `ARCHIVE_CONTENT_DIR`: the folder holding `articles/` and optionally `companies/`.
 * - `ARCHIVE_CACHE_DIR`: Astro's cache folder, so several builds can run side by side.
 * - `ARCHIVE_TIME_ZONE`, `ARCHIVE_PAGE_SIZE`: for deployments that need another zone or page size.
 * - `ARCHIVE_TRUSTED_HTML`: keep raw HTML in articles unsanitized (see `trustedHtml`).
 * - `ARCHIVE_SEARCH_SHARD_SIZE`: articles per search-index shard (see `searchShardSize`).
 * - `ARCHIVE_AGE_NOTICE_YEARS`: from what age an article says how old it is (0: never).
 * - `ARCHIVE_SHARE_CARDS`: a link-preview card per page (default) or one for the site (0).
 * - `ARCHIVE_PUBLISH_DATA`: publish the articles as data under `/data/` (1) or not (0, the default).
 * - `SOURCE_DATE_EPOCH`: the build's clock, for reproducible builds (the reproducible-builds.org
 *   convention: seconds since 1970); default now. Age notices count to its day; scheduled and
 *   expiring articles are published or withdrawn by it.
 * - `ARCHIVE_PUBLISHED_URLS`: the `urls.json` of the last published build (a file or an http(s)
 *   URL), whose article, alias and redirect URLs this build must keep serving.
 *
 * This module is read by astro.config.mjs (before Vite runs) and by pages, so it only uses
 * `process.env`, `node:fs` and `node:path`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  parseArchiveSettings,
  SettingsError,
  SETTINGS_FILE,
  type ArchiveSettings,
} from '../lib/content/archive-settings.ts';
import { formatProblem } from '../lib/content/errors.ts';
import type { KindInfo } from '../lib/kinds.ts';
import { displayPath } from '../lib/content/display-path.ts';

export interface SiteConfig {
  /** Site name shown in the header, titles and feeds. */
  title: string;
  /** One-line description for the home page, metadata and feeds. */
  description: string;
  /** Public origin and path of the site, always ending in `/`. */
  url: string;
  /** Path prefix the site is served under (`/` or e.g. `/archive/`), derived from `url`. */
  base: string;
  /** IANA time zone for dates written without an offset. */
  timeZone: string;
  /** BCP 47 language of the site; an article's `lang` overrides it for that article. */
  lang: string;
  /** How many articles a listing page shows before it paginates. */
  pageSize: number;
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Absolute path of Astro's cache folder (content layer, incremental pages, output list). */
  cacheDir: string;
  /**
   * Keep raw HTML in articles as written instead of sanitizing it, for an archive whose every
   * author is trusted and which needs embeds (iframes). Off by default: any author could then
   * run script in readers' browsers if the Content-Security-Policy were ever loosened. The
   * README spells out the risk.
   */
  trustedHtml: boolean;
  /**
   * The most articles one shard of the search index takes (src/search/build/shard-plan.ts). Pagefind
   * holds a shard in memory while it indexes it (about 120 KB an article) and re-indexes a
   * whole shard when one of its articles changes; more shards cost a search more requests.
   */
  searchShardSize: number;
  /** Articles at least this many years old carry an age notice (src/lib/model/age-notice.ts); 0: none. */
  ageNoticeYears: number;
  /** The build's calendar day in the site's time zone, which age notices count to. */
  buildDay: { year: number; month: number; day: number };
  /**
   * The build's clock (milliseconds since 1970): an article dated after it is scheduled (built
   * nowhere yet), one whose `expires` is before it is withdrawn (src/lib/model/lifecycle.ts).
   */
  buildInstant: number;
  /** Where the last published build's list of URLs is read from (a file path or http(s) URL), if anywhere. */
  publishedUrls?: string;
  /**
   * Whether each article without a photograph, and each company, topic and author page, gets a
   * link-preview card of its own (src/lib/outputs/share-cards.ts); off, every such page shows
   * the site's one card.
   */
  shareCards: boolean;
  /** Whether the site publishes its articles as data under `/data/` (src/integrations/data-export.ts). */
  publishData: boolean;
  /** The footer's publisher and licence lines, plain text, when the archive's settings give them. */
  publisher?: string;
  licence?: string;
  /**
   * The kinds of name the archive's settings declare (`kinds:` in archive.yaml), after the built-in
   * ones; src/config/kinds.ts makes the archive's one list of them.
   */
  declaredKinds: KindInfo[];
}

/** The site setting behind `trustedHtml`; `ARCHIVE_TRUSTED_HTML` overrides it. */
const TRUSTED_HTML = false;
/** The site setting behind `ageNoticeYears`; `ARCHIVE_AGE_NOTICE_YEARS` overrides it. */
const AGE_NOTICE_YEARS = 1;
/** The site setting behind `shareCards`; `ARCHIVE_SHARE_CARDS` overrides it. */
const SHARE_CARDS = true;
/** The site setting behind `searchShardSize`; `ARCHIVE_SEARCH_SHARD_SIZE` overrides it. */
const SEARCH_SHARD_SIZE = 2500;

const DEFAULT_URL = 'http://localhost:4321/';

function readUrl(raw: string | undefined, fromFile: string | undefined): URL {
  const value = raw?.trim() || fromFile || DEFAULT_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL: expected an absolute http(s) URL such as https://news.example.org/, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL: expected an http or https URL, got "${value}"`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

function readTimeZone(raw: string | undefined, fromFile: string | undefined): string {
  const zone = raw?.trim() || fromFile || 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new Error(`ARCHIVE_TIME_ZONE: expected an IANA time zone such as Europe/Berlin, got "${zone}"`);
  }
  return zone;
}

function readCount(name: string, raw: string | undefined, fallback: number, least = 1): number {
  if (!raw?.trim()) return fallback;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < least) {
    throw new Error(`${name}: expected a whole number of at least ${least}, got "${raw}"`);
  }
  return size;
}

/** SOURCE_DATE_EPOCH (or now) in milliseconds since 1970. */
function readBuildInstant(raw: string | undefined): number {
  const seconds = raw?.trim() ? Number(raw) : Date.now() / 1000;
  if (!Number.isFinite(seconds))
    throw new Error(`SOURCE_DATE_EPOCH: expected seconds since 1970-01-01 UTC, got "${raw}"`);
  return Math.round(seconds * 1000);
}

/** The calendar day of an instant in the site's time zone. */
function calendarDayOf(instant: number, timeZone: string): SiteConfig['buildDay'] {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function readBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = raw?.trim().toLowerCase();
  if (!value) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new Error(`${name}: expected true or false, got "${raw}"`);
}

/** The archive's settings file in `contentDir`, when it has one (src/lib/content/archive-settings.ts). */
export function readArchiveSettings(contentDir: string): ArchiveSettings {
  const file = path.join(contentDir, SETTINGS_FILE);
  if (!existsSync(file)) return {};
  const { settings, problems } = parseArchiveSettings(readFileSync(file, 'utf8'), displayPath(file));
  if (problems.length) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    throw new SettingsError(
      `The archive's settings have ${count}:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
  return settings;
}

/** Builds the settings from an environment; exported for tests, use `site` elsewhere. */
export function readSiteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const contentDir = path.resolve(env.ARCHIVE_CONTENT_DIR?.trim() || 'content');
  const own = readArchiveSettings(contentDir);
  const url = readUrl(env.SITE_URL, own.url);
  const timeZone = readTimeZone(env.ARCHIVE_TIME_ZONE, own.timeZone);
  const buildInstant = readBuildInstant(env.SOURCE_DATE_EPOCH);
  return {
    title: own.title ?? 'Newsroom Archive',
    description: own.description ?? 'A searchable archive of technology news: articles, companies, topics and authors.',
    url: url.href,
    base: url.pathname,
    timeZone,
    lang: own.language ?? 'en',
    pageSize: readCount('ARCHIVE_PAGE_SIZE', env.ARCHIVE_PAGE_SIZE, own.pageSize ?? 20),
    contentDir,
    cacheDir: path.resolve(env.ARCHIVE_CACHE_DIR?.trim() || 'node_modules/.astro'),
    trustedHtml: readBoolean('ARCHIVE_TRUSTED_HTML', env.ARCHIVE_TRUSTED_HTML, TRUSTED_HTML),
    searchShardSize: readCount(
      'ARCHIVE_SEARCH_SHARD_SIZE',
      env.ARCHIVE_SEARCH_SHARD_SIZE,
      own.searchShardSize ?? SEARCH_SHARD_SIZE,
    ),
    ageNoticeYears: readCount(
      'ARCHIVE_AGE_NOTICE_YEARS',
      env.ARCHIVE_AGE_NOTICE_YEARS,
      own.ageNoticeYears ?? AGE_NOTICE_YEARS,
      0,
    ),
    buildDay: calendarDayOf(buildInstant, timeZone),
    buildInstant,
    publishedUrls: env.ARCHIVE_PUBLISHED_URLS?.trim() || undefined,
    shareCards: readBoolean('ARCHIVE_SHARE_CARDS', env.ARCHIVE_SHARE_CARDS, own.shareCards ?? SHARE_CARDS),
    publishData: readBoolean('ARCHIVE_PUBLISH_DATA', env.ARCHIVE_PUBLISH_DATA, own.publishData ?? false),
    publisher: own.publisher,
    licence: own.licence,
    declaredKinds: own.kinds ?? [],
  };
}

export const site: SiteConfig = readSiteConfig();
