/**
 * Reading one content file up to its checked record: the slug from the file name, the
 * frontmatter with line numbers, the schema. The build's loader (src/loaders/process-file.ts)
 * and `npm run check` (src/lib/content/check/) both go through here, so they accept and reject the same
 * files with the same messages; the loader then renders the body, which the check does not.
 */
import path from 'node:path';
import type { ContentProblem } from './errors.ts';
import { validateArticle, validateRegistryEntry, type ArticleContext, type ArticleRecord, type RegistryRecord, type Validated } from './schema.ts';
import { parseFrontmatter, type ParsedFrontmatter } from './frontmatter.ts';
import { bodyLimitProblem } from './limits.ts';
import { slugify } from '../slug.ts';

/** An article, or an entry of a kind's registry (src/lib/kinds.ts: companies, sources). */
export type ContentKind = 'article' | 'registry';

/** A file's slug and parsed frontmatter, or the problem that stops it being read. */
export function readContentFile(file: string, absolute: string, source: string): { slug: string; parsed: ParsedFrontmatter } | { problems: ContentProblem[] } {
  const slug = slugify(path.basename(absolute, '.md'));
  if (!slug) return { problems: [{ file, message: 'the file name gives no usable slug; name the file after its title, e.g. microsoft-and-xiaomi.md' }] };
  const parsed = parseFrontmatter(source);
  if (!('lineOf' in parsed)) return { problems: [{ file, line: parsed.line, message: parsed.message }] };
  // Before the Markdown parser sees it: past a limit, the parser could run for minutes or overflow its stack.
  const tooMuch = bodyLimitProblem(parsed.body, parsed.bodyLine);
  if (tooMuch) return { problems: [{ file, line: tooMuch.line, message: tooMuch.message }] };
  return { slug, parsed };
}

/** The record of a read file, checked against its kind's schema. */
export function validateContentFile(
  kind: ContentKind,
  file: string,
  slug: string,
  parsed: ParsedFrontmatter,
  context: ArticleContext,
): Validated<ArticleRecord | RegistryRecord> {
  return kind === 'article' ? validateArticle(file, slug, parsed, context) : validateRegistryEntry(file, slug, parsed);
}
