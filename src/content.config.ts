import path from 'node:path';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { site } from './config/site';
import { findUrlConflicts } from './lib/model/url-claims';
import type { ArticleRecord, CompanyRecord } from './lib/content/schema';
import { indexCompanyRegistry } from './lib/model/terms';
import { markdownFolderLoader } from './loaders/markdown-folder';
import { checkPublication } from './loaders/publication';

const settings = { timeZone: site.timeZone, trustedHtml: site.trustedHtml };

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
    name: 'archive-articles',
    folder: path.join(site.contentDir, 'articles'),
    required: true,
    kind: 'article',
    settings,
    // No two files on one URL; scheduled articles logged; the last published URLs still served.
    checkAll: async (records, log) => [...findUrlConflicts(records), ...(await checkPublication(records, site, log))],
  }),
});

const companies = defineCollection({
  schema: z.custom<CompanyRecord>(),
  loader: markdownFolderLoader<CompanyRecord>({
    name: 'archive-companies',
    folder: path.join(site.contentDir, 'companies'),
    required: false,
    kind: 'company',
    settings,
    checkAll: (records) => {
      const indexed = indexCompanyRegistry(records);
      return indexed.ok ? [] : indexed.problems;
    },
  }),
});

export const collections = { articles, companies };
