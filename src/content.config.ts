import path from 'node:path';
import { defineCollection } from 'astro:content';
import { site } from './config/site';
import { findUrlCollisions } from './lib/archive';
import type { ArticleRecord, CompanyRecord } from './lib/content-schema';
import { indexCompanyRegistry } from './lib/terms';
import { markdownFolderLoader } from './loaders/markdown-folder';

const settings = { timeZone: site.timeZone, trustedHtml: site.trustedHtml };

const articles = defineCollection({
  loader: markdownFolderLoader<ArticleRecord>({
    name: 'archive-articles',
    folder: path.join(site.contentDir, 'articles'),
    required: true,
    kind: 'article',
    settings,
    checkAll: findUrlCollisions,
  }),
});

const companies = defineCollection({
  loader: markdownFolderLoader<CompanyRecord>({
    name: 'archive-companies',
    folder: path.join(site.contentDir, 'companies'),
    required: false,
    kind: 'company',
    settings,
    checkAll: (records) => {
      const index = indexCompanyRegistry(records);
      return Array.isArray(index) ? index : [];
    },
  }),
});

export const collections = { articles, companies };
