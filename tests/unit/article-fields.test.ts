/** The settings reader's list of article fields is the schema's (src/lib/content/article-fields.ts). */
import { describe, expect, test } from 'vitest';
import { ARTICLE_FIELDS } from '@/lib/content/article-fields';
import { articleSchema } from '@/lib/content/schema';

describe('ARTICLE_FIELDS', () => {
  test("lists exactly the schema's fields, so no declared kind can take one", () => {
    expect([...ARTICLE_FIELDS].sort()).toEqual(Object.keys(articleSchema('UTC').shape).sort());
  });

  test("a declared kind's field joins the schema, as a list or as one name", () => {
    const shape = articleSchema('UTC', [
      { field: 'places', multiple: true },
      { field: 'desk', multiple: false },
    ]).shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
    expect(shape.places!.safeParse(['Lyon', 'Paris']).success).toBe(true);
    expect(shape.places!.safeParse('Lyon').success).toBe(false);
    expect(shape.desk!.safeParse('Business').success).toBe(true);
    expect(shape.desk!.safeParse(['Business']).success).toBe(false);
  });
});
