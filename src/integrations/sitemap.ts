/**
 * @astrojs/sitemap set up for the archive (used by astro.config.mjs): only HTML pages, each with
 * `lastmod` from the content (src/lib/outputs/sitemap.ts). The archive model comes from the
 * pages on the build channel (src/lib/outputs/build-channel.ts).
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../config/site.ts';
import type { Archive } from '../lib/model/archive.ts';
import { subscribe } from '../lib/outputs/build-channel.ts';
import { isSitemapPage, sitemapLastmod, unlistedPages } from '../lib/outputs/sitemap.ts';
import { createUrls } from '../lib/urls.ts';

export function archiveSitemap(site: SiteConfig): AstroIntegration[] {
  const context = { urls: createUrls(site.base), siteUrl: site.url, pageSize: site.pageSize };
  // The model the pages were built from, published by src/data/archive.ts (build-channel.ts).
  let archive: Archive | undefined;
  let unsubscribe: (() => void) | undefined;
  const built = () => {
    if (!archive) throw new Error('sitemap: the pages published no archive; is src/data/archive.ts loaded by a page?');
    return archive;
  };
  // Worked out once, on the first page serialised: after the build, from the pages' own model.
  let lastmod: Map<string, string> | undefined;
  let unlisted: Set<string> | undefined;
  return [
    {
      // Listens for the archive the pages publish, for the sitemap below to read.
      name: 'newsroom-archive:sitemap-dates',
      hooks: {
        'astro:build:start': () => {
          archive = lastmod = unlisted = undefined;
          unsubscribe = subscribe('archive', (model) => void (archive = model));
        },
        'astro:build:done': () => unsubscribe?.(),
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
