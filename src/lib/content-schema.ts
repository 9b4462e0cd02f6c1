/**
 * The content contract (README, "Content" and "Errors") as schemas, and the validation that turns a file's
 * frontmatter into a clean record or into problems that name the file, line and field.
 */
import { z } from 'astro/zod';
import type { ContentProblem } from './content-errors.ts';
import { editDistanceWithin } from './edit-distance.ts';
import { DATE_FORMS, parseArchiveDate, type ArchiveDate } from './dates.ts';
import type { ParsedFrontmatter } from './frontmatter.ts';

/**
 * An article as the archive model uses it (drafts included; the archive leaves them out).
 * Records are types, not interfaces: Astro's content store holds plain data
 * (`Record<string, unknown>`), which only a type alias is assignable to.
 */
export type ArticleRecord = {
  slug: string;
  /** The file, as named in messages. */
  file: string;
  title: string;
  date: ArchiveDate;
  updated?: ArchiveDate;
  bylines: string[];
  companies: string[];
  topics: string[];
  summary: string;
  /** True when the summary was derived from the first paragraph (the page then does not repeat it). */
  summaryDerived: boolean;
  source?: { name?: string; url: string };
  draft: boolean;
  lang?: string;
};

export type CompanyRecord = {
  slug: string;
  file: string;
  name: string;
  aliases: string[];
  website?: string;
};

const text = z.string().trim().min(1);
const nameList = z.array(text);
const httpUrl = z.url({ protocol: /^https?$/ });
const bcp47 = text.refine((tag) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
});

function dateField(timeZone: string) {
  return z.string().transform((written, ctx) => {
    const parsed = parseArchiveDate(written, timeZone);
    if (typeof parsed === 'string') {
      // `explained`: the message already says what is wrong and what was expected.
      ctx.addIssue({ code: 'custom', message: parsed, params: { explained: true } });
      return z.NEVER;
    }
    return parsed;
  });
}

const articleSchemas = new Map<string, ReturnType<typeof makeArticleSchema>>();

/** The article schema for a site time zone (built once per zone: zod schemas are costly to make). */
export function articleSchema(timeZone: string) {
  let schema = articleSchemas.get(timeZone);
  if (!schema) articleSchemas.set(timeZone, (schema = makeArticleSchema(timeZone)));
  return schema;
}

function makeArticleSchema(timeZone: string) {
  return z.strictObject({
    title: text,
    date: dateField(timeZone),
    byline: z.union([text, nameList]).optional(),
    companies: nameList.optional(),
    topics: nameList.optional(),
    summary: text.optional(),
    source: z.strictObject({ name: text.optional(), url: httpUrl }).optional(),
    updated: dateField(timeZone).optional(),
    draft: z.boolean().optional(),
    lang: bcp47.optional(),
  });
}

export const companySchema = z.strictObject({
  name: text,
  aliases: nameList.optional(),
  website: httpUrl.optional(),
});

/** What each field expects, in the words an editor needs. */
const EXPECTED: Record<string, string> = {
  title: 'a non-empty headline',
  date: DATE_FORMS,
  updated: DATE_FORMS,
  byline: 'a name, or a list of names such as [Jane Doe, John Roe]',
  companies: 'a list of company names such as [Microsoft, Xiaomi]',
  topics: 'a list of topics such as [Cloud computing]',
  aliases: 'a list of other names such as [Xiaomi Corp]',
  summary: 'one or two sentences of text',
  source: 'a source such as { name: Example News, url: https://example.com/story }',
  'source.name': 'the name of the source as text',
  'source.url': 'an absolute http(s) URL',
  website: 'an absolute http(s) URL such as https://www.example.com',
  draft: 'true or false',
  lang: 'a BCP 47 language tag such as en, zh or pt-BR',
  name: 'the company name as text',
};

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null || value === '') return 'an empty value';
  if (typeof value === 'string') return `"${value.length > 80 ? `${value.slice(0, 77)}…` : value}"`;
  if (Array.isArray(value)) return value.length ? 'a list' : 'an empty list';
  if (typeof value === 'object') return 'a set of fields';
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

/** Turns zod's issues into problems naming the field, its line, what was expected and what was found. */
export function describeIssues(
  file: string,
  parsed: ParsedFrontmatter,
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodObject,
): ContentProblem[] {
  // The fields allowed where an unknown key sits: the top level, or a nested object like source.
  const fieldsAt = (path: readonly PropertyKey[]): string[] => {
    let shape: z.ZodObject | undefined = schema;
    for (const key of path) {
      let field: unknown = shape?.shape[key as string];
      while (field instanceof z.ZodOptional) field = field.unwrap();
      shape = field instanceof z.ZodObject ? field : undefined;
    }
    return shape ? Object.keys(shape.shape) : [];
  };
  const problems: ContentProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const knownFields = fieldsAt(issue.path);
        const near = knownFields.find((known) => editDistanceWithin(known, key.toLowerCase(), 2) <= 2);
        problems.push({
          file,
          line: parsed.lineOf([...issue.path, key] as (string | number)[]),
          field: fieldName([...issue.path, key]),
          message: `unknown field${near ? ` (did you mean "${near}"?)` : ''}; expected only ${knownFields.join(', ')}`,
        });
      }
      continue;
    }
    const path = issue.path as (string | number)[];
    const value = valueAt(parsed.data, path);
    const field = fieldName(path);
    const line = parsed.lineOf(path) ?? parsed.lineOf(path.slice(0, 1));
    let message: string;
    if (issue.code === 'custom' && issue.params?.explained) message = issue.message;
    else if (value === undefined && path.length === 1) message = `required field is missing; expected ${EXPECTED[field] ?? 'a value'}`;
    else {
      const expected = typeof path.at(-1) === 'number' ? 'a non-empty name' : (EXPECTED[path.filter((k) => typeof k === 'string').join('.')] ?? 'a valid value');
      message = `expected ${expected}, got ${describe(value)}`;
    }
    problems.push({ file, line, field, message });
  }
  // One problem per field is enough: a union reports each branch that failed.
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(name) && seen.add(name));
}

export type Validated<T> = { record: T } | { problems: ContentProblem[] };

export interface ArticleContext {
  /** The site's time zone, for dates written without an offset. */
  timeZone: string;
  /** The summary derived from the body (its first paragraph), used when none is written. */
  derivedSummary: string;
}

export function validateArticle(file: string, slug: string, parsed: ParsedFrontmatter, { timeZone, derivedSummary }: ArticleContext): Validated<ArticleRecord> {
  const schema = articleSchema(timeZone);
  const result = schema.safeParse(parsed.data);
  if (!result.success) return { problems: describeIssues(file, parsed, result.error.issues, schema) };
  const data = result.data;
  const explicitSummary = data.summary;
  const summary = explicitSummary ?? derivedSummary;
  // A draft is not published: it may be a headline and nothing more yet (`npm run new`).
  if (!summary && !data.draft) {
    return { problems: [{ file, field: 'summary', message: 'no summary given and the body has no paragraph to derive one from; add a summary or a first paragraph' }] };
  }
  return {
    record: {
      slug,
      file,
      title: data.title,
      date: data.date,
      updated: data.updated,
      bylines: uniqueNames(data.byline === undefined ? [] : typeof data.byline === 'string' ? [data.byline] : data.byline),
      companies: uniqueNames(data.companies ?? []),
      topics: uniqueNames(data.topics ?? []),
      summary,
      summaryDerived: explicitSummary === undefined,
      source: data.source,
      draft: data.draft ?? false,
      lang: data.lang === undefined ? undefined : Intl.getCanonicalLocales(data.lang)[0],
    },
  };
}

export function validateCompany(file: string, slug: string, parsed: ParsedFrontmatter): Validated<CompanyRecord> {
  const result = companySchema.safeParse(parsed.data);
  if (!result.success) return { problems: describeIssues(file, parsed, result.error.issues, companySchema) };
  return { record: { slug, file, name: result.data.name, aliases: uniqueNames(result.data.aliases ?? []), website: result.data.website } };
}
