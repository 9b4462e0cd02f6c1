/**
 * The frontmatter fields every article may carry (src/lib/content/schema.ts defines them; a unit
 * test holds this list to the schema). A kind the archive's settings declare may not take one.
 * Kept as a plain list so the settings reader, which astro.config.mjs loads before Vite, need not
 * load the schema and its Markdown pipeline.
 */
export const ARTICLE_FIELDS: readonly string[] = [
  'title',
  'date',
  'byline',
  'companies',
  'topics',
  'summary',
  'source',
  'updated',
  'corrections',
  'draft',
  'lang',
  'aliases',
  'removed',
  'expires',
  'image',
];
