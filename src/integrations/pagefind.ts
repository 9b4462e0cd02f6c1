/**
 * Builds the Pagefind search index as the last step of `astro build`, into `<outDir>/pagefind/`,
 * and serves the last built index during `astro dev`.
 *
 * Why an integration rather than `pagefind --site dist` after the build: the hook receives the
 * real output folder (`astro build --outDir …`, as the tests use), and Pagefind's Node API runs
 * its indexer in the same step, so the index can never be missing or stale after a build.
 *
 * What gets indexed is decided by the pages themselves: article pages mark their article with
 * `data-pagefind-body` (so every other page is skipped) and carry their metadata, filters and
 * sort key (src/components/SearchMeta.astro). Drafts are never built, so never indexed.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import sirv from 'sirv';

export interface PagefindIntegrationOptions {
  /**
   * Elements whose text must not be indexed although they sit inside an article body: the
   * heading permalinks' "Link to section: …" text would otherwise match "section" everywhere.
   */
  excludeSelectors?: string[];
}

const BUNDLE_DIR = 'pagefind';

/** The part of `pagefind-entry.json` read here. */
interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

async function buildIndex(siteDir: string, options: PagefindIntegrationOptions, logger: AstroIntegrationLogger) {
  const started = performance.now();
  const outputPath = path.join(siteDir, BUNDLE_DIR);
  // Pagefind names fragments by content hash and never deletes old ones; start clean so a
  // rebuild into the same folder does not accumulate dead files.
  rmSync(outputPath, { recursive: true, force: true });

  const fail = (step: string, errors: string[]): never => {
    throw new Error(`Pagefind could not ${step}:\n  ${errors.join('\n  ')}`);
  };
  try {
    const { index, errors: createErrors } = await pagefind.createIndex({ excludeSelectors: options.excludeSelectors });
    if (!index || createErrors.length) return fail('start', createErrors);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) fail(`index ${siteDir}`, added.errors);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) fail(`write ${outputPath}`, written.errors);
    const ms = Math.round(performance.now() - started);
    // `page_count` counts every HTML file read; the entry file says how many were indexed.
    const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    const languages = Object.entries(entry.languages).map(([lang, { page_count }]) => ({ lang, count: page_count }));
    const indexed = languages.reduce((sum, { count }) => sum + count, 0);
    const perLanguage = languages.map(({ lang, count }) => `${lang} ${count}`).join(', ');
    logger.info(
      `indexed ${indexed} article(s)${perLanguage ? ` (${perLanguage})` : ''} of ${added.page_count} page(s) in ${ms} ms → ${path.relative(process.cwd(), outputPath) || outputPath}/`,
    );
    if (indexed === 0) logger.warn('no article was indexed: search will find nothing');
  } finally {
    // The Node API talks to a Pagefind process; stop it so the build can exit.
    await pagefind.close();
  }
}

export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  let outDir = '';
  let base = '/';
  return {
    name: 'newsroom-archive:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },

      // `astro dev` renders pages on demand and builds no index. Serve the one the last
      // `npm run build` left in the output folder, so search works (on that content) in dev;
      // without one, the search page says that search needs a build.
      'astro:server:setup': ({ server, logger }) => {
        const bundle = path.join(outDir, BUNDLE_DIR);
        const prefix = `${base}${BUNDLE_DIR}/`;
        const serve = sirv(bundle, { dev: true, etag: true });
        server.middlewares.use((req, res, next) => {
          const url = req.url ?? '';
          if (!url.startsWith(prefix) || !existsSync(bundle)) return next();
          req.url = url.slice(prefix.length - 1);
          serve(req, res, () => {
            req.url = url;
            next();
          });
        });
        if (existsSync(bundle)) logger.info(`search uses the index of the last build: ${path.relative(process.cwd(), bundle)}/`);
        else logger.info('no search index yet: run `npm run build` to make search work in dev');
      },

      'astro:build:done': async ({ dir, logger }) => {
        await buildIndex(fileURLToPath(dir), options, logger);
      },
    },
  };
}
