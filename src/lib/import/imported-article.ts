import type { PostMedia } from './wp-media.ts';

/**
 * What an importer makes of one piece of copy, before it becomes a file: the frontmatter fields
 * it could read, the body as Markdown, and what the editor should hear about.
 *
 * Dates stay the text the file will hold (`2018-02-27T06:20:00Z`, `2018-02-27`), in the forms
 * the content contract accepts (src/lib/dates.ts), so the importer writes what the build reads.
 */
export interface ImportedArticle {
  /** Where the copy came from, as named in the report (a file, or `file.xml#post-123`). */
  origin: string;
  /** The headline; `undefined` when none could be read (the article is then skipped). */
  title?: string;
  /** The written date; `undefined` when none could be read (skipped unless `--date` gives one). */
  date?: string;
  bylines: string[];
  companies: string[];
  topics: string[];
  summary?: string;
  /** The URL the copy was published at (a WordPress post's permalink). */
  source?: string;
  /**
   * Paths of this site the copy was published at before (a WordPress post's permalink, when the
   * archive takes the blog's place): written as `aliases` where they differ from its new URL.
   */
  aliases?: string[];
  /** The pictures of the copy that live on its own site (a WordPress post's featured and inline images). */
  media?: PostMedia[];
  draft: boolean;
  /** The body as Markdown, ending without a trailing newline. */
  body: string;
  /** Text left out on purpose (page furniture such as "Show Press Release"), for the report. */
  dropped: string[];
  /** Anything else the editor should check (markup the sanitizer removed, say). */
  warnings: string[];
}

/** An item of a source that is not an article, counted in the report. */
export interface SkippedItem {
  origin: string;
  /** Why, in a few words: `a page`, `an attachment`, `trashed`. */
  reason: string;
}
