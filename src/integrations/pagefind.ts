/**
 * The search index in the Astro build (src/search/build/ does the work): when the build
 * starts, an index session listens for the documents the pages publish
 * (src/lib/outputs/build-channel.ts) and indexes them while the pages are written; when the
 * build is done, it writes the bundle into `<outDir>/pagefind/`. During `astro dev` it serves
 * the last build's index.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sirv from 'sirv';
import { subscribe } from '../lib/outputs/build-channel.ts';
import { BUNDLE_DIR, IndexSession, type IndexOptions } from '../search/build/index-session.ts';

export default function pagefindIntegration(options: IndexOptions = {}): AstroIntegration {
  let outDir = '';
  let base = '/';
  let cacheDir = '';
  let session: IndexSession | undefined;
  let unsubscribe: (() => void) | undefined;
  return {
    name: 'newsroom-archive:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheDir = fileURLToPath(config.cacheDir);
      },

      'astro:build:start': ({ logger }) => {
        const current = new IndexSession(path.join(cacheDir, 'search-index'), options, logger);
        session = current;
        unsubscribe = subscribe('searchDocuments', (message) => current.add(message));
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
        if (existsSync(bundle))
          logger.info(`search uses the index of the last build: ${path.relative(process.cwd(), bundle)}/`);
        else logger.info('no search index yet: run `npm run build` to make search work in dev');
      },

      'astro:build:done': async ({ dir }) => {
        unsubscribe?.();
        await session!.finish(fileURLToPath(dir));
      },
    },
  };
}
