/**
 * The content contract (README, "Content" and "Errors") as schemas, and the validation that
 * turns a file's frontmatter into a clean record, or into problems that name the file, line and
 * field (worded by field-problems.ts).
 */
import { CONTENT_LIMITS } from './limits.ts';
import { z } from 'astro/zod';
import type { ContentProblem } from './errors.ts';
import { parseArchiveDate, type ArchiveDate } from '../dates.ts';
import { describeIssues } from './field-problems.ts';
import { renderInlineMarkdown } from './inline-markdown.ts';
import type { ParsedFrontmatter } from './frontmatter.ts';
import { parseSitePath, SITE_PATH_FORMS } from './site-path.ts';
import { leadImageSourceProblem } from './lead-image.ts';
import { storyTerms, storyTermsDigest } from '../stories/story-terms.ts';

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
  /** The names given in the fields of kinds the archive's settings declare, by field (`places: [Lyon]`). */
  names: Record<string, string[]>;
  summary: string;
  /** True when the summary was derived from the first paragraph (the page then does not repeat it). */
  summaryDerived: boolean;
  source?: { name?: string; url: string };
  /** Correction notes, oldest first: each dated, its text as written and as safe HTML. */
  corrections: Correction[];
  draft: boolean;
  lang?: string;
  /** Other paths of this site that lead to the article (src/lib/content/site-path.ts), each with its line. */
  aliases: AliasClaim[];
  /** A takedown: the article's URL answers with a removal page, and nothing else shows it. */
  removed?: RemovalNote;
  /** After this instant the article is withdrawn as if removed (a licence that ends). */
  expires?: ArchiveDate;
  /** The lead photograph, a file beside the article (src/lib/content/lead-image.ts). */
  image?: LeadImage;
  /** What it reports, as counted words, to find other reports of its story (src/lib/stories/story-terms.ts). */
  storyTerms: string;
  /** Their fingerprint (`storyTermsDigest`): the story finder's test of change from one build to the next. */
  storyTermsDigest: number;
};

/** An image as Astro's asset pipeline resolved it (its `ImageMetadata`): where it is served, how large, what format. */
export type ImageAsset = { src: string; width: number; height: number; format: string };

/**
 * An article's lead image. `src` is the file as written, relative to the article; `file` is what
 * the loader read of that file (src/loaders/image-files.ts); `asset` is the image Astro resolved
 * from it (src/content.config.ts), present in the pages.
 *
 * Code reads the picture's size and format from `file`, never from `asset`: Astro keeps an
 * original image in the output when anything reads a property of its `ImageMetadata` (it takes
 * that for a use outside its image pipeline), and an archive's originals are hundreds of
 * megabytes. `asset` only goes to Astro's own image functions.
 */
export type LeadImage = {
  src: string;
  file?: { width: number; height: number; format: string; hash: string };
  asset?: ImageAsset;
  alt: string;
  caption?: { text: string; html: string; plain: string };
  credit?: { text: string; html: string; plain: string };
  /** The line of the `image` field, for messages about the file. */
  line?: number;
};

/** An alias: a site path without base or leading slash (`news/old-story/`), and the line it was written on. */
export type AliasClaim = { path: string; line?: number };

/** Why and when an article was taken down; the reason is inline Markdown, like a correction's text. */
export type RemovalNote = {
  date: ArchiveDate;
  text: string;
  html: string;
  plain: string;
  /** Whether the removal page still names the headline (`removed.title: true`); by default it does not. */
  showTitle: boolean;
};

/** A correction note: when it was made, and what it says (inline Markdown, rendered and checked). */
export type Correction = {
  date: ArchiveDate;
  /** The Markdown as written. */
  text: string;
  /** As HTML, sanitized like a body, without a wrapping paragraph. */
  html: string;
  /** As plain text, for JSON-LD and feeds' summaries. */
  plain: string;
};

/** An entry of a kind's registry (`companies/<slug>.md`, `sources/<slug>.md`): the term's name and other spellings. */
export type RegistryRecord = {
  slug: string;
  file: string;
  name: string;
  aliases: string[];
  website?: string;
};

const text = z.string().trim().min(1);
/** A list of names (companies, topics, bylines, aliases): past the limit, a file is an error, not a slow build. */
const nameList = z.array(text).max(CONTENT_LIMITS.names, `a list of at most ${CONTENT_LIMITS.names} names is allowed`);
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

/** A field an archive's settings declare for a kind of its own (src/lib/content/declared-kinds.ts): several names, or one. */
export type DeclaredField = { field: string; multiple: boolean };

/**
 * The article schema for a site time zone and the fields of the archive's declared kinds (built
 * once per pair: zod schemas are costly to make).
 */
export function articleSchema(timeZone: string, declared: readonly DeclaredField[] = []) {
  const key = `${timeZone}\n${JSON.stringify(declared)}`;
  let schema = articleSchemas.get(key);
  if (!schema) articleSchemas.set(key, (schema = makeArticleSchema(timeZone, declared)));
  return schema;
}

/** A correction's text: one paragraph of inline Markdown, rendered here (src/lib/content/inline-markdown.ts). */
const correctionText = text.transform((written, ctx) => {
  const rendered = renderInlineMarkdown(written);
  if (typeof rendered === 'string') {
    ctx.addIssue({ code: 'custom', message: rendered, params: { explained: true } });
    return z.NEVER;
  }
  return { text: written, ...rendered };
});

/** A lead image's file, as written: a path relative to the article, of a format the site shows. */
const imageSource = text.transform((written, ctx) => {
  const problem = leadImageSourceProblem(written);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem, params: { explained: true } });
    return z.NEVER;
  }
  return written;
});

/** An alias, read into a site path (src/lib/content/site-path.ts). */
const sitePath = text.transform((written, ctx) => {
  const parsed = parseSitePath(written);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed, params: { explained: true } });
    return z.NEVER;
  }
  return parsed.path;
});

function makeArticleSchema(timeZone: string, declared: readonly DeclaredField[]) {
  // A declared kind's field is checked as `topics` is (a list of names), or as one name.
  const declaredFields = Object.fromEntries(
    declared.map(({ field, multiple }) => [field, (multiple ? nameList : text).optional()]),
  ) as Record<string, z.ZodOptional<typeof nameList> | z.ZodOptional<typeof text>>;
  return z.strictObject({
    title: text,
    date: dateField(timeZone),
    byline: z.union([text, nameList]).optional(),
    companies: nameList.optional(),
    topics: nameList.optional(),
    summary: text.optional(),
    source: z.strictObject({ name: text.optional(), url: httpUrl }).optional(),
    updated: dateField(timeZone).optional(),
    corrections: z.array(z.strictObject({ date: dateField(timeZone), text: correctionText })).optional(),
    draft: z.boolean().optional(),
    lang: bcp47.optional(),
    aliases: z.array(sitePath).optional(),
    removed: z.strictObject({ date: dateField(timeZone), reason: correctionText, title: z.boolean().optional() }).optional(),
    expires: dateField(timeZone).optional(),
    image: z.strictObject({ src: imageSource, alt: text, caption: correctionText.optional(), credit: correctionText.optional() }).optional(),
    ...declaredFields,
  });
}

export const registrySchema = z.strictObject({
  name: text,
  aliases: nameList.optional(),
  website: httpUrl.optional(),
});

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(name) && seen.add(name));
}

export type Validated<T> = { record: T } | { problems: ContentProblem[] };

export interface ArticleContext {
  /** The site's time zone, for dates written without an offset. */
  timeZone: string;
  /** The fields of the archive's declared kinds. */
  declared?: readonly DeclaredField[];
  /** The summary derived from the body (its first paragraph), used when none is written. */
  derivedSummary: string;
  /**
   * Whether to make the record's story terms (src/lib/stories/story-terms.ts), the costliest part
   * of checking an article: the build and the check compare articles; the export does not, and
   * leaves them empty (default true).
   */
  storyTerms?: boolean;
}

/** An article's story terms with their fingerprint. */
function storyFields(terms: string): Pick<ArticleRecord, 'storyTerms' | 'storyTermsDigest'> {
  return { storyTerms: terms, storyTermsDigest: storyTermsDigest(terms) };
}

/** How an article's fields are worded where a registry entry's field of the same name means another thing. */
const ARTICLE_EXPECTED = {
  aliases: `a list of paths of this site that lead to the article, such as [/news/old-story/]`,
  'aliases[]': SITE_PATH_FORMS,
  image: 'a lead image such as { src: harbour.jpg, alt: Cranes at the container terminal }',
  'image.src': 'the image file, relative to the article, such as harbour.jpg',
  'image.alt': 'a description of the picture for readers who cannot see it',
  'image.caption': 'the caption as one paragraph of text',
  'image.credit': 'the credit as one line of text, such as Photo: Jane Doe',
};

export function validateArticle(file: string, slug: string, parsed: ParsedFrontmatter, { timeZone, declared = [], derivedSummary, storyTerms: withStoryTerms = true }: ArticleContext): Validated<ArticleRecord> {
  const schema = articleSchema(timeZone, declared);
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    // A declared kind's field is worded as `topics` is: a list of names, or one name.
    const expected = {
      ...ARTICLE_EXPECTED,
      ...Object.fromEntries(declared.map(({ field, multiple }) => [field, multiple ? 'a list of names such as [Lyon, Paris]' : 'one name, such as Business'])),
    };
    return { problems: describeIssues(file, parsed, result.error.issues, schema, expected) };
  }
  const data = result.data;
  const explicitSummary = data.summary;
  const summary = explicitSummary ?? derivedSummary;
  // A draft is not published: it may be a headline and nothing more yet (`npm run new`).
  if (!summary && !data.draft) {
    return { problems: [{ file, field: 'summary', message: 'no summary given and the body has no paragraph to derive one from; add a summary or a first paragraph' }] };
  }
  const problems: ContentProblem[] = [];
  if (data.expires && data.expires.instant <= data.date.instant) {
    problems.push({
      file,
      line: parsed.lineOf(['expires']),
      field: 'expires',
      message: `${data.expires.written} is not after the article's date (${data.date.written}); an article must be published before it expires`,
    });
  }
  const aliases = (data.aliases ?? []).map((path, i) => ({ path, line: parsed.lineOf(['aliases', i]) }));
  aliases.forEach((alias, i) => {
    const first = aliases.findIndex((other) => other.path === alias.path);
    if (first < i) problems.push({ file, line: alias.line, field: `aliases[${i}]`, message: `/${alias.path} is listed twice` });
  });
  if (problems.length) return { problems };
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
      names: Object.fromEntries(
        declared.map(({ field }) => {
          const written = (data as Record<string, unknown>)[field] as string | string[] | undefined;
          return [field, uniqueNames(written === undefined ? [] : typeof written === 'string' ? [written] : written)];
        }),
      ),
      summary,
      summaryDerived: explicitSummary === undefined,
      source: data.source,
      corrections: (data.corrections ?? []).map(({ date, text }) => ({ date, ...text })).sort((a, b) => a.date.instant - b.date.instant),
      draft: data.draft ?? false,
      lang: data.lang === undefined ? undefined : Intl.getCanonicalLocales(data.lang)[0],
      aliases,
      removed: data.removed && { date: data.removed.date, ...data.removed.reason, showTitle: data.removed.title ?? false },
      expires: data.expires,
      image: data.image && {
        src: data.image.src,
        alt: data.image.alt,
        ...(data.image.caption ? { caption: data.image.caption } : {}),
        ...(data.image.credit ? { credit: data.image.credit } : {}),
        line: parsed.lineOf(['image']),
      },
      // Drafts too: `npm run check` compares every article, and a draft may be the copy twice.
      ...storyFields(withStoryTerms ? storyTerms(data.title, parsed.body, data.lang ?? 'und') : ''),
    },
  };
}

export function validateRegistryEntry(file: string, slug: string, parsed: ParsedFrontmatter): Validated<RegistryRecord> {
  const result = registrySchema.safeParse(parsed.data);
  if (!result.success) return { problems: describeIssues(file, parsed, result.error.issues, registrySchema) };
  return { record: { slug, file, name: result.data.name, aliases: uniqueNames(result.data.aliases ?? []), website: result.data.website } };
}
