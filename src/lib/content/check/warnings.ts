/**
 * What `npm run check` warns about: content that builds, but that an editor would want to see
 * before readers do. Each warning names the file, line and field like an error does.
 *
 * - a company name close to another (`Microsft` beside `Microsoft`): a typo makes a second page;
 * - an `updated` in the future (a `date` in the future is no warning: the article is scheduled,
 *   and `npm run check` lists it);
 * - a written summary longer than listings show (`SUMMARY_MAX_LENGTH`);
 * - two articles with the same headline on the same day: usually one story imported twice;
 * - two articles of one source that tell the same story in nearly the same words (the same wire
 *   copy imported twice under another headline; src/lib/stories/same-story.ts);
 * - markup the sanitizer will remove (src/lib/content/sanitize.ts), as the build warns;
 * - a relative link or image that points at nothing (body-scan.ts finds them, site-paths.ts
 *   knows the pages);
 * - an image in the body without alt text.
 */
import type { ContentProblem } from '../errors.ts';
import { countArticles } from '../../wording.ts';
import type { ArticleRecord, RegistryRecord } from '../schema.ts';
import type { ParsedFrontmatter } from '../frontmatter.ts';
import { editDistanceWithin } from '../../edit-distance.ts';
import { normalizeName } from '../../../search/contract/words.ts';
import { SUMMARY_MAX_LENGTH } from '../summary.ts';
import { resolveTermSlug } from '../../model/terms.ts';
import { findImagesWithoutAlt, findMarkupRemovals, findRelativeTargets, type LinkTarget } from './body-scan.ts';
import { createSitePaths } from './site-paths.ts';
import type { Archive } from '../../model/archive.ts';

export interface CheckedArticle {
  record: ArticleRecord;
  parsed: ParsedFrontmatter;
  absolute: string;
}

export interface WarningOptions {
  /** The build's clock (milliseconds since the epoch): what is in the future. */
  now: number;
  /** A trusted archive keeps raw HTML: nothing is removed, so nothing to warn about. */
  trustedHtml: boolean;
  /** Whether a file exists (absolute path): local images and files in `public/`. */
  fileExists(absolute: string): boolean;
  /** Absolute path of the site's `public/` folder, where root-relative files are served from. */
  publicDir: string;
}

/** How far apart two names may be (edits) and still look like one misspelt: more for longer names. */
function allowedEdits(length: number): number {
  return length < 5 ? 0 : length < 12 ? 1 : 2;
}

interface CompanyTerm {
  slug: string;
  name: string;
  key: string;
  /** Where articles name it: the article and the index in its `companies`. */
  uses: { article: CheckedArticle; index: number }[];
  inRegistry: boolean;
}

function closeCompanyNames(articles: readonly CheckedArticle[], registry: readonly RegistryRecord[], index: Map<string, RegistryRecord> | undefined): ContentProblem[] {
  const terms = new Map<string, CompanyTerm>();
  for (const company of registry) terms.set(company.slug, { slug: company.slug, name: company.name, key: normalizeName(company.name), uses: [], inRegistry: true });
  for (const article of articles) {
    article.record.companies.forEach((name, i) => {
      const slug = resolveTermSlug(name, index);
      let term = terms.get(slug);
      if (!term) terms.set(slug, (term = { slug, name, key: normalizeName(name), uses: [], inRegistry: false }));
      term.uses.push({ article, index: i });
    });
  }
  // Compare only names of near lengths: sorted by length, each name against the next few.
  const list = [...terms.values()].filter((term) => term.key).sort((a, b) => a.key.length - b.key.length);
  const warnings: ContentProblem[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length && list[j].key.length - list[i].key.length <= 2; j++) {
      const [a, b] = [list[i], list[j]];
      // The registry is curated: two entries are two companies.
      if (a.inRegistry && b.inRegistry) continue;
      const limit = Math.min(allowedEdits(a.key.length), allowedEdits(b.key.length));
      if (limit === 0 || editDistanceWithin(a.key, b.key, limit) > limit) continue;
      // The likelier typo is the name outside the registry, else the less used one.
      const [typo, meant] =
        a.inRegistry !== b.inRegistry ? (a.inRegistry ? [b, a] : [a, b]) : a.uses.length <= b.uses.length ? [a, b] : [b, a];
      // Two names both in wide use are two companies (Acme Labs, Acne Labs); a typo is rare.
      if (!meant.inRegistry && typo.uses.length > Math.max(2, meant.uses.length / 5)) continue;
      const meantWhere = meant.inRegistry ? 'in the company registry' : `in ${countArticles(meant.uses.length)}`;
      for (const { article, index: at } of typo.uses) {
        warnings.push({
          file: article.record.file,
          line: article.parsed.lineOf(['companies', at]),
          field: `companies[${at}]`,
          message: `"${article.record.companies[at]}" is close to "${meant.name}" (${meantWhere}); a misspelling would get a page of its own`,
        });
      }
    }
  }
  return warnings;
}

function futureUpdates(articles: readonly CheckedArticle[], now: number): ContentProblem[] {
  return articles
    .filter(({ record }) => record.updated && record.updated.instant > now)
    .map(({ record, parsed }) => ({
      file: record.file,
      line: parsed.lineOf(['updated']),
      field: 'updated',
      message: `${record.updated!.written} is in the future; the article will say it was updated then`,
    }));
}

function longSummaries(articles: readonly CheckedArticle[]): ContentProblem[] {
  return articles
    .filter(({ record }) => !record.summaryDerived && record.summary.length > SUMMARY_MAX_LENGTH)
    .map(({ record, parsed }) => ({
      file: record.file,
      line: parsed.lineOf(['summary']),
      field: 'summary',
      message: `${record.summary.length} characters, more than the ${SUMMARY_MAX_LENGTH} listings and feeds are meant for; shorten it to a sentence or two`,
    }));
}

function sameTitleSameDay(articles: readonly CheckedArticle[]): ContentProblem[] {
  const seen = new Map<string, ArticleRecord>();
  const warnings: ContentProblem[] = [];
  for (const { record, parsed } of [...articles].sort((a, b) => a.record.file.localeCompare(b.record.file))) {
    if (record.draft) continue;
    const { year, month, day } = record.date;
    const key = `${year}-${month}-${day} ${normalizeName(record.title)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, record);
      continue;
    }
    warnings.push({ file: record.file, line: parsed.lineOf(['title']), field: 'title', message: `${first.file} has the same headline on the same day; the same story twice?` });
  }
  return warnings;
}

/** The same story twice from one source, by the story finder's measure, at the later article. */
function nearDuplicateStories(articles: readonly CheckedArticle[], archive: Archive): ContentProblem[] {
  const parsedOf = new Map(articles.map(({ record, parsed }) => [record.file, parsed]));
  const warnings: ContentProblem[] = [];
  for (const pair of archive.nearDuplicates()) {
    // Newest first in the model: `a` is the later one.
    const [later, earlier] = [archive.articles[pair.a]!, archive.articles[pair.b]!];
    const sameDay = later.date.year === earlier.date.year && later.date.month === earlier.date.month && later.date.day === earlier.date.day;
    // The same headline on the same day is warned about already.
    if (sameDay && normalizeName(later.title) === normalizeName(earlier.title)) continue;
    const source = later.terms.sources[0]?.name;
    warnings.push({
      file: later.file,
      line: parsedOf.get(later.file)?.lineOf(['title']),
      field: 'title',
      message: `tells the story of ${earlier.file} in nearly the same words (${Math.round(pair.score * 100)}% alike)${source ? `, from the same source (${source})` : ', both the archive’s own'}; the same story imported twice?`,
    });
  }
  return warnings;
}

function bodyWarnings(articles: readonly CheckedArticle[], options: WarningOptions): ContentProblem[] {
  const sitePaths = createSitePaths(articles.map(({ record }) => record));
  const warnings: ContentProblem[] = [];
  for (const { record, parsed, absolute } of articles) {
    const fileLine = (line: number | undefined) => (line === undefined ? undefined : line + parsed.bodyLine - 1);
    if (!options.trustedHtml) {
      const seen = new Set<string>();
      for (const removal of findMarkupRemovals(parsed.body)) {
        if (seen.has(removal.what)) continue;
        seen.add(removal.what);
        warnings.push({ file: record.file, line: fileLine(removal.line), field: 'body', message: `the sanitizer will remove ${removal.what}` });
      }
    }
    for (const target of findRelativeTargets(parsed.body)) {
      const missing = missingTarget(target, record, absolute, sitePaths, options);
      if (missing) warnings.push({ file: record.file, line: fileLine(target.line), field: 'body', message: missing });
    }
    for (const image of findImagesWithoutAlt(parsed.body)) {
      warnings.push({
        file: record.file,
        line: fileLine(image.line),
        field: 'body',
        message: `image "${image.url}" has no alt text; describe it for readers who cannot see it`,
      });
    }
  }
  return warnings;
}

/** Why a relative link or image points at nothing, or `undefined` when it points at something. */
function missingTarget(target: LinkTarget, record: ArticleRecord, absolute: string, sitePaths: ReturnType<typeof createSitePaths>, options: WarningOptions): string | undefined {
  const address = target.url.replace(/[?#].*$/, '');
  if (!address) return undefined;
  let decoded: string;
  try {
    decoded = decodeURI(address);
  } catch {
    return `${target.kind} "${target.url}" is not a valid address`;
  }
  if (target.kind === 'image' && !decoded.startsWith('/')) {
    // Astro takes a relative image from beside the Markdown file, and fails the build without it.
    const file = new URL(decoded, `file://${absolute}`).pathname;
    return options.fileExists(file) ? undefined : `image "${target.url}" is not a file beside the article (looked for ${file})`;
  }
  const resolved = sitePaths.resolve(decoded, record);
  if (sitePaths.has(resolved) || options.fileExists(`${options.publicDir}/${resolved}`)) return undefined;
  return `${target.kind} "${target.url}" points at /${resolved}, which the site will not have`;
}

export function contentWarnings(
  articles: readonly CheckedArticle[],
  registry: readonly RegistryRecord[],
  index: Map<string, RegistryRecord> | undefined,
  options: WarningOptions,
  /** The archive model of the published articles, for what compares articles by their story. */
  archive?: Archive,
): ContentProblem[] {
  return [
    ...(archive ? nearDuplicateStories(articles, archive) : []),
    ...closeCompanyNames(articles, registry, index),
    ...futureUpdates(articles, options.now),
    ...longSummaries(articles),
    ...sameTitleSameDay(articles),
    ...bodyWarnings(articles, options),
  ];
}
