/**
 * The archive as data under `/data/`, when the settings publish it (`publishData`, off by
 * default): after the pages, the export of `npm run export` in both formats, one file per year
 * and `manifest.json` (src/export/write-export.ts), beside the page that describes them
 * (src/pages/data/[...data].astro). Made from the build's own articles and rendered bodies
 * (published by the pages, src/lib/outputs/build-channel.ts), so it holds what the site shows.
 *
 * Off, it removes the export's files an earlier build left, so the folder holds no data the
 * site no longer publishes.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../config/site.ts';
import { EXPORT_FORMATS } from '../lib/export/rows.ts';
import { Kinds } from '../lib/kinds.ts';
import { subscribe, type BuildMessages } from '../lib/outputs/build-channel.ts';
import { createUrls } from '../lib/urls.ts';
import { bodyFromHtml } from '../export/bodies.ts';
import { exportOptions } from '../export/export-archive.ts';
import { MANIFEST_FILE, writeExport } from '../export/write-export.ts';

/** The folder of the output that holds the export. */
export const DATA_FOLDER = 'data';
const EXPORT_FILE = /^(?:articles-\d+\.(?:ndjson|csv)|manifest\.json)$/;

export function dataExport(site: SiteConfig): AstroIntegration {
  let unsubscribe: (() => void) | undefined;
  let published: BuildMessages['dataExport'] | undefined;
  return {
    name: 'newsroom-archive:data-export',
    hooks: {
      'astro:build:start': () => {
        if (site.publishData) unsubscribe = subscribe('dataExport', (message) => (published = message));
      },
      'astro:build:done': async ({ dir, logger }) => {
        unsubscribe?.();
        const out = path.join(fileURLToPath(dir), DATA_FOLDER);
        if (!site.publishData) {
          // Only the export's own files: a `public/data/` of the archive's stays.
          for (const name of existsSync(out) ? readdirSync(out) : [])
            if (EXPORT_FILE.test(name)) rmSync(path.join(out, name));
          return;
        }
        if (!published)
          throw new Error('data export: the pages published no articles; is src/data/archive.ts loaded by a page?');
        const { articles, bodyHtml } = published;
        const started = performance.now();
        const kinds = new Kinds(site.declaredKinds);
        const manifest = await writeExport(
          articles,
          (batch) =>
            Promise.all(batch.map(async (article) => bodyFromHtml(await bodyHtml(article), article.summary, article))),
          exportOptions(site, kinds, { out, formats: EXPORT_FORMATS, urls: createUrls(site.base) }),
        );
        logger.info(
          `${manifest.articles} articles as data in ${manifest.files.length} files and ${MANIFEST_FILE} under /${DATA_FOLDER}/ in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
