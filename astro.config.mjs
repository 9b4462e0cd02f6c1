// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import { site } from './src/config/site.ts';
import { headingAnchorContent } from './src/lib/heading-anchor.ts';
import { archiveSitemap } from './src/lib/sitemap-integration.ts';
import pagefind from './src/integrations/pagefind.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: site.url,
  // The path of SITE_URL, e.g. `/archive/` for a GitHub Pages project site.
  base: site.base,
  trailingSlash: 'always',
  // Separate caches let several builds (the test sites, say) run side by side and stay warm.
  cacheDir: process.env.ARCHIVE_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory' },
  // Astro's default (Sätteri) runs no remark/rehype plugins; our pipeline needs them.
  markdown: {
    processor: unified({
      gfm: true,
      rehypePlugins: [
        rehypeSlug,
        [rehypeAutolinkHeadings, { behavior: 'append', properties: { className: ['heading-anchor'] }, content: headingAnchorContent }],
      ],
    }),
  },
  devToolbar: { enabled: false },
  // sitemap-index.xml with lastmod from the content (src/lib/sitemap.ts).
  // pagefind stays last: it indexes the finished HTML in astro:build:done.
  integrations: [archiveSitemap(site), pagefind({ excludeSelectors: ['.heading-anchor'] })],
});
