/**
 * The export from start to end, for `npm run export` (scripts/export.mjs) and for the site's
 * `/data/` (src/integrations/data-export.ts): the content read and checked (read-archive.ts),
 * each body taken from the last build or rendered (bodies.ts), the files written
 * (write-export.ts).
 */
import type { SiteConfig } from '../config/site.ts';
import type { ExportFormat } from '../lib/export/rows.ts';
import { Kinds } from '../lib/kinds.ts';
import type { Urls } from '../lib/urls.ts';
import { BodyReader, type BodyReaderStats } from './bodies.ts';
import { readExportArchive } from './read-archive.ts';
import { writeExport, type ExportManifest, type ExportOptions } from './write-export.ts';
import type { Article } from '../lib/model/archive.ts';

export interface ExportRequest {
  out: string;
  formats: readonly ExportFormat[];
  urls: Urls;
}

export async function exportArchive(
  site: SiteConfig,
  request: ExportRequest,
): Promise<{ manifest: ExportManifest; stats: BodyReaderStats }> {
  const kinds = new Kinds(site.declaredKinds);
  const declared = site.declaredKinds.map(({ field, multiple }) => ({ field, multiple }));
  const archive = readExportArchive({
    contentDir: site.contentDir,
    timeZone: site.timeZone,
    declared,
    kinds,
    clock: site.buildInstant,
  });
  const bodies = new BodyReader(site.cacheDir, { trustedHtml: site.trustedHtml, timeZone: site.timeZone, declared });
  const bodyOf = (article: Article) => bodies.read(article, archive.bodies.get(article.file)!);
  const manifest = await writeExport(archive.model.articles, bodyOf, exportOptions(site, kinds, request));
  return { manifest, stats: bodies.stats };
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
