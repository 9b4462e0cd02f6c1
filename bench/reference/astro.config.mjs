// The benchmark's reference: the least an archive on Astro 7 must do, to measure the project
// against (bench/run.mjs builds both on the same articles). The same unified + rehype-slug
// Markdown, Astro's glob loader, an article page, a company and a topic page, one RSS feed;
// the search index is the Pagefind CLI, run by bench/run.mjs after the build.
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';

export default defineConfig({
  site: 'http://localhost:4321/',
  cacheDir: process.env.ARCHIVE_CACHE_DIR || './node_modules/.astro',
  markdown: { processor: unified({ gfm: true, rehypePlugins: [rehypeSlug] }) },
  devToolbar: { enabled: false },
});
