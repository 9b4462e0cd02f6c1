import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const names = z.union([z.string(), z.array(z.string())]).optional();

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '**/*.md', base: `${process.env.ARCHIVE_CONTENT_DIR}/articles` }),
    schema: z
      .object({
        title: z.string(),
        date: z.coerce.date(),
        byline: names,
        companies: z.array(z.string()).default([]),
        topics: z.array(z.string()).default([]),
        summary: z.string().optional(),
        draft: z.boolean().default(false),
      })
      .passthrough(),
  }),
};
