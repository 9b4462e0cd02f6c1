/**
 * From imported copy to files: what `npm run import` writes, skips and reports. Pure apart from
 * the `exists` it is given, so the whole decision is tested without touching a disk.
 *
 * Every file is checked by the build's own reader and schema (src/lib/content/file.ts) before
 * it is planned, so an import never writes a file the build would reject.
 */
import path from 'node:path';
import { hasDerivedSummary } from '../content/check/quick-summary.ts';
import type { ContentProblem } from '../content/errors.ts';
import { readContentFile, validateContentFile } from '../content/file.ts';
import type { ArticleRecord, RegistryRecord } from '../content/schema.ts';
import { articlePath } from '../urls.ts';
import { slugify } from '../slug.ts';
import { articleFileText } from './article-file.ts';
import { findOtherOrganisations, findRegistryCompanies } from './company-names.ts';
import type { ImportedArticle, SkippedItem } from './imported-article.ts';
import { bringHome } from './wp-media.ts';

/** Fields the editor gives for a whole batch. */
export interface BatchFields {
  /** Used when the copy has no date of its own. */
  date?: string;
  /** Used when the copy has no byline of its own. */
  bylines: string[];
  /** Added to every article. */
  companies: string[];
  /** Added to every article. */
  topics: string[];
}

export interface ImportSettings {
  /** Absolute content folder (`content/` or ARCHIVE_CONTENT_DIR). */
  contentDir: string;
  timeZone: string;
  registry: readonly RegistryRecord[];
  force: boolean;
  exists(absolute: string): boolean;
  /** How a path is shown to the editor. */
  display(absolute: string): string;
  /**
   * A post's picture in the copy of `wp-content/uploads` (`--media`): its upload path → the local
   * file, or undefined; absent when no folder was given (src/lib/import/wp-media.ts).
   */
  findUpload?(upload: string): string | undefined;
}

export interface PlannedFile {
  origin: string;
  absolute: string;
  text: string;
  draft: boolean;
  /** An existing file this replaces (`--force`). */
  overwrites: boolean;
  /** Registry companies found in the text and written to `companies`. */
  suggested: string[];
  /** Organisation-like names for the editor to confirm; not written. */
  toConfirm: string[];
  dropped: string[];
  warnings: string[];
  /** Pictures to copy into the article's own folder. */
  copies: { from: string; to: string }[];
  /** Pictures left out (not found, no --media), for the report. */
  mediaLeftOut: string[];
}

export interface SkippedArticle {
  origin: string;
  reason: string;
  /** Whether the copy itself needs fixing (no date, no headline, a bad field), not just left alone. */
  failed: boolean;
}

export interface ImportPlan {
  files: PlannedFile[];
  skipped: SkippedArticle[];
  /** Items of a source that are not articles (pages, attachments), by reason. */
  notArticles: SkippedItem[];
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = slugify(name);
    return key !== '' && !seen.has(key) && seen.add(key);
  });
}

function problemText(problems: readonly ContentProblem[]): string {
  return problems.map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}`).join('; ');
}

export function planImport(
  sources: readonly { articles: ImportedArticle[]; skipped?: SkippedItem[] }[],
  batch: BatchFields,
  settings: ImportSettings,
): ImportPlan {
  const plan: ImportPlan = { files: [], skipped: [], notArticles: [] };
  const planned = new Map<string, string>();
  for (const source of sources) {
    plan.notArticles.push(...(source.skipped ?? []));
    for (const article of source.articles) {
      const skip = (reason: string, failed: boolean) => plan.skipped.push({ origin: article.origin, reason, failed });
      if (!article.title) {
        skip('no headline found (in wire copy, the first line; in a WordPress post, its title)', true);
        continue;
      }
      const date = article.date ?? batch.date;
      if (!date) {
        skip('no date found in the copy; give one with --date', true);
        continue;
      }
      const slug = slugify(article.title);
      if (!slug) {
        skip(`the headline "${article.title}" gives no slug`, true);
        continue;
      }
      const text = `${article.title}\n${article.body}`;
      const suggested = findRegistryCompanies(text, settings.registry);
      const companies = unique([...article.companies, ...suggested, ...batch.companies]);
      const fields = {
        title: article.title,
        date,
        bylines: article.bylines.length ? article.bylines : batch.bylines,
        companies,
        topics: unique([...article.topics, ...batch.topics]),
        summary: article.summary,
        source: article.source,
        aliases: article.aliases,
        draft: article.draft,
      };
      let fileText = articleFileText(fields, article.body);

      // The year folder comes from the date as the build reads it; so does every check.
      const probe = path.join(settings.contentDir, 'articles', `${slug}.md`);
      const validate = (text: string, body: string) => {
        const read = readContentFile(settings.display(probe), probe, text);
        return 'problems' in read
          ? read
          : validateContentFile('article', settings.display(probe), read.slug, read.parsed, {
              timeZone: settings.timeZone,
              derivedSummary: hasDerivedSummary(body) ? 'derived' : '',
            });
      };
      const wouldBuild = (text: string) => !('problems' in validate(text, text));
      const result = validate(fileText, article.body);
      if ('problems' in result) {
        skip(`the article would not build: ${problemText(result.problems)}`, true);
        continue;
      }
      const record = result.record as ArticleRecord;
      const absolute = path.join(settings.contentDir, 'articles', String(record.date.year), `${slug}.md`);
      // An old address that is the new one needs no alias (an alias may not be its article's own URL).
      const own = `/${articlePath(record.date, record.slug)}`;
      const aliases = fields.aliases?.filter((alias) => alias !== own);
      // Its pictures, in a folder of its own beside it (articles/YYYY/<slug>/): no two articles share one.
      const media = bringHome(
        article.media ?? [],
        article.body,
        { relative: `${slug}/`, absolute: path.join(path.dirname(absolute), slug) },
        settings.findUpload,
        path.join,
      );
      if (aliases?.length !== fields.aliases?.length || media.image || media.body !== article.body) {
        const withMedia = articleFileText(
          { ...fields, aliases, ...(media.image ? { image: media.image } : {}) },
          media.body,
        );
        // Checked again as the build reads it; a caption the schema refuses costs the image, not the article.
        if (wouldBuild(withMedia)) fileText = withMedia;
        else {
          fileText = articleFileText({ ...fields, aliases }, media.body);
          media.leftOut.push(`${media.image?.src} as the lead image: its alt text or caption would not build`);
          media.copies = media.copies.filter(
            (copy) => !media.image || !copy.to.endsWith(path.basename(media.image.src)),
          );
        }
      }
      const earlier = planned.get(absolute);
      if (earlier) {
        skip(`${settings.display(absolute)} is already written from ${earlier} in this import`, false);
        continue;
      }
      const exists = settings.exists(absolute);
      if (exists && !settings.force) {
        skip(`${settings.display(absolute)} already exists (--force replaces it)`, false);
        continue;
      }
      planned.set(absolute, article.origin);
      plan.files.push({
        origin: article.origin,
        absolute,
        text: fileText,
        draft: article.draft,
        overwrites: exists,
        suggested: suggested.filter((name) => !article.companies.includes(name)),
        toConfirm: findOtherOrganisations(text, settings.registry, companies),
        dropped: article.dropped,
        warnings: [...article.warnings, ...(exists ? [`replaces ${settings.display(absolute)} (--force)`] : [])],
        copies: media.copies,
        mediaLeftOut: media.leftOut,
      });
    }
  }
  return plan;
}
