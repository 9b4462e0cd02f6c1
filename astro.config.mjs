// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { site } from './src/config/site.ts';
import { HEADING_ANCHOR_CLASS } from './src/lib/content/heading-anchor.ts';
import { markdownOptions } from './src/lib/content/markdown.ts';
import { contentSecurityPolicy } from './src/lib/outputs/csp.ts';
import { archiveSitemap } from './src/integrations/sitemap.ts';
import pagefind from './src/integrations/pagefind.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import buildLock from './src/integrations/build-lock.ts';
import outputFolder from './src/integrations/output-folder.ts';
import { publishedUrls } from './src/integrations/published-urls.ts';
import { shareCards } from './src/integrations/share-cards.ts';
import { dataExport } from './src/integrations/data-export.ts';

const { syntaxHighlight, ...pipeline } = markdownOptions({ trustedHtml: site.trustedHtml });

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: site.url,
  // The path of SITE_URL, e.g. `/archive/` for a GitHub Pages project site.
  base: site.base,
  trailingSlash: 'always',
  // Separate caches let several builds (the test sites, say) run side by side and stay warm.
  cacheDir: site.cacheDir,
  // Stylesheets as files, never inlined: a page's CSS is fetched once and cached, not repeated in
  // every page of a 100,000-article archive (nor its hashes in every page's policy).
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  // The pipeline of src/lib/content/markdown.ts (Astro's default, Sätteri, runs no remark/rehype
  // plugins); the content loader renders with the same options in its worker threads.
  markdown: { syntaxHighlight, processor: unified(pipeline) },
  // Pictures through sharp, kept in the cache folder: a Markdown image gets a srcset of widths up
  // to its own; the site's stylesheet sizes them (no styles of Astro's: none inline, none global).
  image: { layout: 'constrained', responsiveStyles: false },
  // A strict policy on every page (src/lib/outputs/csp.ts); the search page adds what Pagefind needs.
  security: { csp: contentSecurityPolicy({ trustedHtml: site.trustedHtml }) },
  devToolbar: { enabled: false },
  // Pages whose cache key (src/lib/outputs/page-keys.ts) and code are unchanged are not rendered again.
  experimental: { incrementalBuild: true },
  // sitemap-index.xml with lastmod from the content (src/lib/outputs/sitemap.ts); the policy as a
  // header in _headers; the list of published URLs and the redirects; pagefind stays last.
  integrations: [
    // One build at a time into a cache or output folder; a second stops, naming the first.
    buildLock(),
    // Keeps the output folder between builds, removing what this build no longer makes.
    outputFolder(),
    archiveSitemap(site),
    securityHeaders({ searchPage: 'search/index.html' }),
    // The link-preview cards the pages name, drawn on every core once the pages are written.
    shareCards(site),
    // The archive as data under /data/, when the settings publish it.
    dataExport(site),
    // urls.json and _redirects, after every other file of the site is written.
    publishedUrls(site),
    pagefind({ excludeSelectors: [`.${HEADING_ANCHOR_CLASS}`] }),
  ],
});
