/**
 * The export from start to end, for `npm run export` (scripts/export.mjs) and for the site's
 * `/data/` (src/integrations/data-export.ts): the content read and checked (read-archive.ts),
 * each body taken from the last build or rendered (bodies.ts), both in the export's threads
 * (export-threads.ts), the files written (write-export.ts).
 */
import type { SiteConfig } from '../config/site.ts';
import type { ExportFormat } from '../lib/export/rows.ts';
import { Kinds } from '../lib/kinds.ts';
import type { Urls } from '../lib/urls.ts';
import type { BodyReaderStats } from './bodies.ts';
import { BODIES_PER_JOB, exportThreads } from './export-threads.ts';
import { readExportArchive } from './read-archive.ts';
import { writeExport, type ExportManifest, type ExportOptions } from './write-export.ts';
import type { Article } from '../lib/model/archive.ts';

export interface ExportRequest {
  out: string;
  formats: readonly ExportFormat[];
  urls: Urls;
  /** Worker threads to read with; one per core when not given (1: this thread alone). */
  threads?: number;
}

export async function exportArchive(
  site: SiteConfig,
  request: ExportRequest,
): Promise<{ manifest: ExportManifest; stats: BodyReaderStats }> {
  const kinds = new Kinds(site.declaredKinds);
  const declared = site.declaredKinds.map(({ field, multiple }) => ({ field, multiple }));
  const threads = exportThreads(
    { cacheDir: site.cacheDir, trustedHtml: site.trustedHtml, timeZone: site.timeZone, declared },
    request.threads,
  );
  try {
    const archive = await readExportArchive(
      { contentDir: site.contentDir, timeZone: site.timeZone, declared, kinds, clock: site.buildInstant },
      threads.readArticles,
    );
    const bodiesOf = (articles: readonly Article[]) =>
      threads.readBodies(
        articles.map((article) => ({
          article: { summary: article.summary, summaryDerived: article.summaryDerived, lang: article.lang },
          source: archive.bodies.get(article.file)!,
        })),
      );
    const manifest = await writeExport(archive.model.articles, bodiesOf, exportOptions(site, kinds, request), {
      size: BODIES_PER_JOB,
      // Enough batches asked ahead that no thread waits while this one writes.
      ahead: 2 * threads.threads(),
    });
    return { manifest, stats: threads.stats };
  } finally {
    await threads.close();
  }
}

/** What the export writes, and for which site: the same for the command and for `/data/`. */
export function exportOptions(site: SiteConfig, kinds: Kinds, request: ExportRequest): ExportOptions {
  return {
    out: request.out,
    formats: request.formats,
    site: { title: site.title, url: site.url, lang: site.lang, licence: site.licence },
    context: { kinds, urls: request.urls, siteUrl: site.url, lang: site.lang },
  };
}
