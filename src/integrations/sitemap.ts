/**
 * @astrojs/sitemap set up for the archive (used by astro.config.mjs): only HTML pages, each with
 * `lastmod` from the content (src/lib/outputs/sitemap.ts). The archive model comes from the
 * pages through a receiver this opens for the build (src/lib/outputs/build-handoff.ts).
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../config/site.ts';
import type { Archive } from '../lib/model/archive.ts';
import { openReceiver } from '../lib/outputs/build-handoff.ts';
import { isSitemapPage, sitemapLastmod, unlistedPages } from '../lib/outputs/sitemap.ts';
import { createUrls } from '../lib/urls.ts';

export function archiveSitemap(site: SiteConfig): AstroIntegration[] {
  const context = { urls: createUrls(site.base), siteUrl: site.url, pageSize: site.pageSize };
  // The model the pages were built from, handed over by src/data/archive.ts (build-handoff.ts).
  let archive: Archive | undefined;
  const built = () => {
    if (!archive) throw new Error('sitemap: the pages handed over no archive; is src/data/archive.ts loaded by a page?');
    return archive;
  };
  // Worked out once, on the first page serialised: after the build, from the pages' own model.
  let lastmod: Map<string, string> | undefined;
  let unlisted: Set<string> | undefined;
  return [
    {
      // Opens the receiver the pages hand the archive to, for the sitemap below to read.
      name: 'newsroom-archive:sitemap-dates',
      hooks: {
        'astro:build:start': () => {
          archive = lastmod = unlisted = undefined;
          openReceiver('sitemap', { receive: (model) => void (archive = model) });
        },
        'astro:build:done': () => openReceiver('sitemap', undefined),
      },
    },
    sitemap({
      filter: (url) => isSitemapPage(url, context),
      serialize(item) {
        unlisted ??= unlistedPages(built(), context);
        if (unlisted.has(item.url)) return undefined;
        lastmod ??= sitemapLastmod(built(), context);
        const changed = lastmod.get(item.url);
        return changed ? { ...item, lastmod: changed } : item;
      },
    }),
  ];
}
