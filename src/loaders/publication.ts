/**
 * What the build's clock and the last published build ask of the articles, checked when the
 * content is loaded, before any page is written (src/content.config.ts):
 * - the log says how many articles are scheduled and when the next goes live, and how many are
 *   withdrawn (removed or expired); the next such moment is recorded for `npm start`, which
 *   builds again once it has passed (`scheduleOf`);
 * - given the last published list of URLs (`ARCHIVE_PUBLISHED_URLS`), every article, alias and
 *   redirect URL on it must still be served (src/lib/outputs/published-urls.ts): a lost URL is a
 *   problem like any other, and the build stops before writing anything. The list read is kept
 *   for the rest of the build (published-list.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../lib/content/errors.ts';
import { displayPath } from '../lib/content/display-path.ts';
import type { ArticleRecord } from '../lib/content/schema.ts';
import { articleStatus, nextChange } from '../lib/model/lifecycle.ts';
import { servedUrls } from '../lib/model/url-claims.ts';
import { checkPublished } from '../lib/outputs/published-urls.ts';
import { countOf } from '../lib/wording.ts';
import { keepPublishedList, readPublishedList } from './published-list.ts';

export interface PublicationSettings {
  contentDir: string;
  cacheDir: string;
  buildInstant: number;
  publishedUrls?: string;
}

/** A content file as the list of published URLs names it: relative to the content folder. */
export function contentFileKey(file: string, contentDir: string): string {
  return path.relative(contentDir, path.resolve(file)).split(path.sep).join('/');
}

function scheduleFile(cacheDir: string): string {
  return path.join(cacheDir, 'published-urls', 'schedule.json');
}

/** The next instant (ms) at which the last build's content would change by the clock alone, if any. */
export function scheduleOf(cacheDir: string): number | undefined {
  const file = scheduleFile(cacheDir);
  if (!existsSync(file)) return undefined;
  const next = (JSON.parse(readFileSync(file, 'utf8')) as { next?: number }).next;
  return typeof next === 'number' ? next : undefined;
}

export async function checkPublication(
  records: readonly ArticleRecord[],
  site: PublicationSettings,
  log: { info(message: string): void },
): Promise<ContentProblem[]> {
  const clock = site.buildInstant;
  const statuses = records.map((record) => articleStatus(record, clock));
  const count = (status: string) => statuses.filter((s) => s === status).length;
  const scheduled = records
    .filter((_, i) => statuses[i] === 'scheduled')
    .sort((a, b) => a.date.instant - b.date.instant);
  if (scheduled.length) {
    log.info(
      `${countOf(scheduled.length, 'article')} scheduled, built nowhere yet; the next goes live at ${scheduled[0]!.date.written} (${scheduled[0]!.file})`,
    );
  }
  const withdrawn = count('removed') + count('expired');
  if (withdrawn)
    log.info(
      `${countOf(withdrawn, 'article')} withdrawn (${count('removed')} removed, ${count('expired')} expired): each URL answers with a removal page`,
    );
  const next = nextChange(records, clock);
  mkdirSync(path.dirname(scheduleFile(site.cacheDir)), { recursive: true });
  writeFileSync(scheduleFile(site.cacheDir), JSON.stringify({ clock, next: next ?? null }));

  if (!site.publishedUrls) {
    keepPublishedList(site.cacheDir, undefined);
    return [];
  }
  const previous = await readPublishedList(site.publishedUrls);
  keepPublishedList(site.cacheDir, previous);
  const current = servedUrls(records, clock, (record) => contentFileKey(record.file, site.contentDir));
  const { moved, lost } = checkPublished(previous, current, (file) => displayPath(path.join(site.contentDir, file)));
  log.info(
    `checked ${countOf(previous.urls.length, 'published URL')} of ${site.publishedUrls}: ` +
      (lost.length
        ? `${countOf(lost.length, 'URL')} would be lost`
        : 'every article, alias and redirect is still served') +
      (moved.length
        ? `; ${countOf(moved.length, 'moved article')} redirected from ${moved.length === 1 ? 'its' : 'their'} old URL`
        : ''),
  );
  for (const { from, file } of moved)
    log.info(`/${from} now redirects to ${displayPath(path.join(site.contentDir, file))}, which moved`);
  return lost;
}
