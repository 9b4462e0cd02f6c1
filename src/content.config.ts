import path from 'node:path';
import { defineCollection } from 'astro:content';
import { site } from './config/site';
import { findUrlCollisions } from './lib/archive';
import { validateArticle, validateCompany } from './lib/content-schema';
import { indexCompanyRegistry } from './lib/terms';
import { markdownFolderLoader } from './loaders/markdown-folder';

const articles = defineCollection({
  loader: markdownFolderLoader({
    name: 'archive-articles',
    folder: path.join(site.contentDir, 'articles'),
    required: true,
    settingsKey: `tz=${site.timeZone}`,
    validate: (file, slug, parsed) => validateArticle(file, slug, parsed, site.timeZone),
    checkAll: findUrlCollisions,
  }),
});

const companies = defineCollection({
  loader: markdownFolderLoader({
    name: 'archive-companies',
    folder: path.join(site.contentDir, 'companies'),
    required: false,
    settingsKey: 'company-v1',
    validate: validateCompany,
    checkAll: (records) => {
      const index = indexCompanyRegistry(records);
      return Array.isArray(index) ? index : [];
    },
  }),
});

export const collections = { articles, companies };
