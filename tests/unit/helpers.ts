/**
 * Small builders for unit tests: records made through the real date parser, so a test's
 * dates follow the same rule the build does.
 */
import type { ArticleRecord, RegistryRecord } from '@/lib/content/schema';
import { parseArchiveDate, type ArchiveDate } from '@/lib/dates';
import { parseFrontmatter, type ParsedFrontmatter } from '@/lib/content/frontmatter';

export function date(written: string, timeZone = 'UTC'): ArchiveDate {
  const parsed = parseArchiveDate(written, timeZone);
  if (typeof parsed === 'string') throw new Error(`test date "${written}" is invalid: ${parsed}`);
  return parsed;
}

export function record(slug: string, written: string, extra: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    slug,
    file: `content/articles/${slug}.md`,
    title: `Title of ${slug}`,
    date: date(written),
    bylines: [],
    companies: [],
    topics: [],
    names: {},
    summary: `Summary of ${slug}.`,
    summaryDerived: false,
    corrections: [],
    draft: false,
    aliases: [],
    storyTerms: '',
    storyTermsDigest: 0,
    ...extra,
  };
}

export function company(slug: string, name: string, aliases: string[] = []): RegistryRecord {
  return { slug, file: `content/companies/${slug}.md`, name, aliases };
}

/** Parses a file that must have valid frontmatter. */
export function frontmatter(source: string): ParsedFrontmatter {
  const parsed = parseFrontmatter(source);
  if (!('lineOf' in parsed)) throw new Error(`test file has broken frontmatter: ${parsed.message}`);
  return parsed;
}

/** A Markdown file from frontmatter lines and a body. */
export function md(lines: string[], body = 'A first paragraph.\n'): string {
  return `---\n${lines.join('\n')}\n---\n${body}`;
}
