import path from 'node:path';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { site } from './config/site';
import { findUrlConflicts } from './lib/model/url-claims';
import type { ArticleRecord, RegistryRecord } from './lib/content/schema';
import { indexRegistry } from './lib/model/terms';
import { markdownFolderLoader } from './loaders/markdown-folder';
import { ARTICLES_LOADER } from './loaders/pipeline-sources';
import { checkPublication } from './loaders/publication';

const settings = {
  timeZone: site.timeZone,
  trustedHtml: site.trustedHtml,
  // The fields of the archive's own kinds, checked like `topics`; in the digest, so a change re-reads every article.
  declared: site.declaredKinds.map(({ field, multiple }) => ({ field, multiple })),
};

// The loader validates every file itself (src/lib/content/schema.ts) and stores finished
// records; the schema only tells TypeScript what an entry's data is, at no cost at run time.
const articles = defineCollection({
  // Only a lead image's file is looked at by the schema: image() has Astro resolve it into
  // `image.asset`, for the pages, when the loader passes a record with one through parseData.
  schema: ({ image }) =>
    z
      .looseObject({ image: z.looseObject({ asset: image().optional() }).optional() })
      .transform((data) => data as unknown as ArticleRecord),
  loader: markdownFolderLoader<ArticleRecord>({
    name: ARTICLES_LOADER,
    folder: path.join(site.contentDir, 'articles'),
    required: true,
    kind: 'article',
    settings,
    // No two files on one URL; scheduled articles logged; the last published URLs still served.
    checkAll: async (records, log) => [...findUrlConflicts(records), ...(await checkPublication(records, site, log))],
  }),
});

/**
 * A kind's registry (src/lib/kinds.ts): `<content>/<folder>/<slug>.md` entries that name its
 * terms and claim their other spellings. Optional: without the folder, names are as written.
 */
function registryCollection(folder: string, noun: string) {
  return defineCollection({
    schema: z.custom<RegistryRecord>(),
    loader: markdownFolderLoader<RegistryRecord>({
      name: `archive-${folder}`,
      folder: path.join(site.contentDir, folder),
      required: false,
      kind: 'registry',
      settings,
      checkAll: (records) => {
        const indexed = indexRegistry(records, noun);
        return indexed.ok ? [] : indexed.problems;
      },
    }),
  });
}

// One collection per kind with a registry; src/data/archive.ts reads them by the kinds' list.
const companies = registryCollection('companies', 'company');
const sources = registryCollection('sources', 'source');

export const collections = { articles, companies, sources };
