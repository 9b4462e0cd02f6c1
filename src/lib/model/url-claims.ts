/**
 * Which file claims which URL: every article that has or will have a URL (published, scheduled,
 * withdrawn) claims its `/YYYY/MM/DD/slug/`, and each of its aliases; no two may claim one URL,
 * and an alias may not be a page the site builds. One rule for the build's loader and for
 * `npm run check`, so both name the same files, lines and fields.
 */
import type { ContentProblem } from '../content/errors.ts';
import type { ArticleRecord } from '../content/schema.ts';
import { createSitePaths } from '../content/check/site-paths.ts';
import type { CurrentUrls } from '../outputs/published-urls.ts';
import { articlePath } from '../urls.ts';
import { articleStatus, hasUrl } from './lifecycle.ts';

/** The URLs articles claim: each path, and the file (and line) that claims it. */
export interface UrlClaim {
  record: ArticleRecord;
  kind: 'article' | 'alias';
  line?: number;
}

/**
 * Every conflict between claims, as problems on the later file (by name). Drafts claim
 * nothing yet; scheduled articles do, as the URL will be theirs.
 */
export function findUrlConflicts(records: readonly ArticleRecord[]): ContentProblem[] {
  const claiming = [...records].filter((record) => !record.draft).sort((a, b) => a.file.localeCompare(b.file));
  const claims = new Map<string, UrlClaim>();
  const problems: ContentProblem[] = [];
  for (const record of claiming) {
    const path = articlePath(record.date, record.slug);
    const first = claims.get(path);
    if (first) {
      problems.push({
        file: record.file,
        field: 'date',
        message: `this article and ${first.record.file} would both be published at /${path}; rename one file or change its date`,
      });
    } else claims.set(path, { record, kind: 'article' });
  }
  // Pages the site builds besides articles: years, months, terms, feeds, search…
  const sitePaths = createSitePaths(claiming);
  for (const record of claiming) {
    const own = articlePath(record.date, record.slug);
    record.aliases.forEach((alias, i) => {
      const problem = (message: string) =>
        problems.push({ file: record.file, line: alias.line, field: `aliases[${i}]`, message });
      const first = claims.get(alias.path);
      if (alias.path === own)
        return problem(`/${alias.path} is this article's own URL; an alias is another path that leads to it`);
      if (first?.kind === 'article')
        return problem(
          `/${alias.path} is the URL of ${first.record.file}; an alias may not take another article's URL`,
        );
      if (first)
        return problem(
          `/${alias.path} is already an alias of ${first.record.file}${first.line ? ` (line ${first.line})` : ''}; an alias leads to one article only`,
        );
      if (sitePaths.has(alias.path))
        return problem(`/${alias.path} is a page the site builds; an alias must be a path no page has`);
      claims.set(alias.path, { record, kind: 'alias', line: alias.line });
    });
  }
  return problems;
}

/**
 * What this build serves from content files, for the check against the last published list
 * (src/lib/outputs/published-urls.ts): each file is named by `keyOf` (relative to the content folder).
 */
export function servedUrls(
  records: readonly ArticleRecord[],
  clock: number | undefined,
  keyOf: (record: ArticleRecord) => string,
): CurrentUrls {
  const served = new Map<string, string>();
  const articleAt = new Map<string, string>();
  const unserved = new Map<string, string>();
  for (const record of records) {
    const status = articleStatus(record, clock);
    const key = keyOf(record);
    if (!hasUrl(status)) {
      unserved.set(
        key,
        status === 'draft' ? 'the article is now a draft' : `the article is now scheduled for ${record.date.written}`,
      );
      continue;
    }
    const path = articlePath(record.date, record.slug);
    articleAt.set(key, path);
    served.set(path, key);
    for (const alias of record.aliases) if (!served.has(alias.path)) served.set(alias.path, key);
  }
  return { served, articleAt, unserved };
}
