/**
 * The ids the page itself uses on pages that show rendered Markdown (article pages, and
 * company pages with their registry description). Content ids are kept clear of them
 * (src/lib/content/markdown.ts): an article heading "Main" must not become a second `id="main"`, the
 * skip link's target.
 */
export const PAGE_IDS = {
  /** The skip link's target. */
  main: 'main',
  siteSearch: 'site-search-q',
  related: 'related-heading',
  otherReports: 'other-reports-heading',
  termArticles: 'articles-heading',
  termByYear: 'by-year-heading',
  termCompanies: 'companies-heading',
  termTopics: 'topics-heading',
} as const;

/** A month's section on a term page. */
export function termMonthId(year: number, month: number): string {
  return `month-${year}-${month}`;
}

const FIXED = new Set<string>(Object.values(PAGE_IDS));
const MONTH = /^month-\d+-\d+$/;

export function isPageId(id: string): boolean {
  return FIXED.has(id) || MONTH.test(id);
}
