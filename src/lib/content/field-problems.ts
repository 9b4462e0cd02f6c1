/**
 * Turns what zod finds wrong with a file's frontmatter into problems an editor can act on: the
 * field, its line in the file, what was expected (in an editor's words) and what was found; a
 * "did you mean" for a misspelt field. The schemas themselves are in schema.ts.
 */
import { z } from 'astro/zod';
import type { ContentProblem } from './errors.ts';
import { DATE_FORMS } from '../dates.ts';
import { editDistanceWithin } from '../edit-distance.ts';
import type { ParsedFrontmatter } from './frontmatter.ts';

/** What each field expects, in the words an editor needs. */
const EXPECTED: Record<string, string> = {
  title: 'a non-empty headline',
  date: DATE_FORMS,
  updated: DATE_FORMS,
  corrections: 'a list of corrections such as [{ date: 2018-03-01, text: An earlier version misspelt Xiaomi. }]',
  'corrections.date': DATE_FORMS,
  'corrections.text': 'the correction as one paragraph of text',
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
  removed: 'a removal such as { date: 2024-05-01, reason: Removed at the request of a court. }',
  'removed.date': DATE_FORMS,
  'removed.reason': 'the reason as one paragraph of text, such as Removed at the request of a court.',
  'removed.title': 'true or false: whether the removal page still shows the headline',
  expires: DATE_FORMS,
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

/**
 * Turns zod's issues into problems naming the field, its line, what was expected and what was
 * found. `expected` words fields one kind of file names otherwise (an article's `aliases` are
 * paths, a company's are names); `field[]` is what each item of a list field expects.
 */
export function describeIssues(
  file: string,
  parsed: ParsedFrontmatter,
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodObject,
  expected: Record<string, string> = {},
): ContentProblem[] {
  const expectation = (key: string) => expected[key] ?? EXPECTED[key];
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
    // A list past its limit (src/lib/content/limits.ts): how long it is, and the limit.
    else if (issue.code === 'too_big' && issue.origin === 'array' && Array.isArray(value)) message = `${issue.message}; this one has ${value.length}`;
    else if (value === undefined) message = `required field is missing; expected ${expectation(path.filter((k) => typeof k === 'string').join('.')) ?? 'a value'}`;
    else {
      const key = path.filter((k) => typeof k === 'string').join('.');
      const wanted = typeof path.at(-1) === 'number' ? (expectation(`${key}[]`) ?? 'a non-empty name') : (expectation(key) ?? 'a valid value');
      message = `expected ${wanted}, got ${describe(value)}`;
    }
    problems.push({ file, line, field, message });
  }
  // One problem per field is enough: a union reports each branch that failed.
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
}
