/**
 * How to cite an article: the "Cite this article" block's text, in MLA 9's form for a newspaper
 * article read online, and the metadata reference managers read from the page: Highwire
 * `citation_*` tags, which Zotero, Mendeley and EndNote share, and two Dublin Core tags for
 * Zotero, whose Embedded Metadata translator would otherwise take `citation_title` for a journal
 * article's (its `init`: `hwTypeGuess = "journalArticle"`) and has no `citation_*` tag for a
 * newspaper's name (`citation_journal_title` would make it a journal article).
 *
 *   Doe, Jane, and John Roe. "Headline." Example Wire, 27 Feb. 2018. Newsroom Archive, https://….
 *   Accessed [date].
 *
 * The first container is the publication (the article's source, else the archive); an article
 * from a source is also in the archive, MLA's second container. Text only: pages escape it.
 */
import { formatCitationDate, toIsoDay, type ArchiveDate } from '../dates.ts';

export interface CitationInput {
  title: string;
  /** The bylines, as the article page shows them. */
  authors: readonly string[];
  date: ArchiveDate;
  /** The publication it appeared in: its source's name, when it has one. */
  source?: string;
  /** The archive's name. */
  archive: string;
  /** The article's permanent URL, absolute. */
  url: string;
  /** Its language (BCP 47). */
  lang: string;
}

/** A citation in parts, for a page to set the publication in italics. */
export interface Citation {
  /** `Doe, Jane, and John Roe. `, or empty. */
  authors: string;
  /** `"Headline." ` */
  title: string;
  /** The first container, in italics: the publication. */
  container: string;
  /** `, 27 Feb. 2018. ` and, for an article from a source, the archive: `Newsroom Archive, `. */
  rest: string;
  url: string;
}

/** MLA's author element: the first name inverted, a second as written, three or more "et al.". */
export function citationAuthors(authors: readonly string[]): string {
  const [first, second] = authors;
  if (!first) return '';
  const lead = invertName(first);
  const names = authors.length === 1 ? lead : authors.length === 2 ? `${lead}, and ${second}` : `${lead}, et al`;
  return `${names}${names.endsWith('.') ? '' : '.'} `;
}

const SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/i;
/** A person's name: words of letters, with dots, apostrophes and hyphens. */
const PERSONAL_NAME = /^[\p{L}.'’-]+(?:\s+[\p{L}.'’-]+)+$/u;

/**
 * `Jane Doe` → `Doe, Jane`: the last word is the surname (`John Roe Jr.` → `Roe, John, Jr.`). A
 * name already written with a comma, of one word (`Reuters`, `王小明`) or not a person's
 * (`Smith & Co`, `Staff 2`) is left as it is.
 */
function invertName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (name.includes(',') || !PERSONAL_NAME.test(name.trim())) return name.trim();
  const suffix = words.length > 2 && SUFFIX.test(words.at(-1)!) ? words.pop() : undefined;
  const surname = words.pop()!;
  return [surname, words.join(' '), ...(suffix ? [suffix] : [])].join(', ');
}

/** The headline in quotation marks, its own double quotation marks made single, ended by a full stop unless it ends a sentence itself. */
function quotedTitle(title: string): string {
  const inner = title
    .trim()
    .replace(/"([^"]*)"/g, '‘$1’')
    .replace(/“([^”]*)”/g, '‘$1’');
  const ended = /[.?!…]$/.test(inner) ? inner : `${inner}.`;
  return `“${ended}” `;
}

export function citationOf(input: CitationInput): Citation {
  const date = formatCitationDate(input.date);
  return {
    authors: citationAuthors(input.authors),
    title: quotedTitle(input.title),
    container: input.source ?? input.archive,
    rest: input.source ? `, ${date}. ${input.archive}, ` : `, ${date}, `,
    url: input.url,
  };
}

/** The citation as one line of plain text (the publication not set apart). */
export function citationText(citation: Citation): string {
  return `${citation.authors}${citation.title}${citation.container}${citation.rest}${citation.url}. Accessed [date].`;
}

/**
 * The `<meta name content>` pairs reference managers read, in `<head>`. `DC.type` is a Zotero item
 * type, which its RDF reader takes as given and ranks above the `citation_title` guess; `DC.source`
 * fills the publication's name. No `citation_journal_title` (or book, conference, thesis or report
 * title): any of them would override the type. One `citation_author` per byline, as written.
 */
export function citationMeta(input: CitationInput): [name: string, content: string][] {
  return [
    ['DC.type', 'newspaperArticle'],
    ['DC.source', input.source ?? input.archive],
    ['citation_title', input.title],
    ...input.authors.map((author): [string, string] => ['citation_author', author]),
    ['citation_date', toIsoDay(input.date)],
    ['citation_public_url', input.url],
    ['citation_language', input.lang],
  ];
}
