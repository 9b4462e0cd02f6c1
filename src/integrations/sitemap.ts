/**
 * @astrojs/sitemap set up for the archive (used by astro.config.mjs): only HTML pages, each with
 * `lastmod` from the content (see sitemap.ts).
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../config/site.ts';
import { builtArchive } from '../lib/outputs/build-handoff.ts';
import { isSitemapPage, sitemapLastmod, unlistedPages } from '../lib/outputs/sitemap.ts';
import { createUrls } from '../lib/urls.ts';

export function archiveSitemap(site: SiteConfig): AstroIntegration {
  const context = { urls: createUrls(site.base), siteUrl: site.url, pageSize: site.pageSize };
  // Worked out once, on the first page serialised: after the build, from the pages' own model.
  let lastmod: Map<string, string> | undefined;
  const lastmodOf = (url: string) => {
    lastmod ??= sitemapLastmod(builtArchive(), context);
    return lastmod.get(url);
  };
  let unlisted: Set<string> | undefined;
  return sitemap({
    filter: (url) => isSitemapPage(url, context),
    serialize(item) {
      unlisted ??= unlistedPages(builtArchive(), context);
      if (unlisted.has(item.url)) return undefined;
      const changed = lastmodOf(item.url);
      return changed ? { ...item, lastmod: changed } : item;
    },
  });
}
