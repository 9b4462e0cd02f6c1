/** The search page's markup as src/pages/search.astro writes it (the parts the script reads). */
import { SHARDS } from './fixture';

export const PAGE = `
<div data-search data-bundle-path="/pagefind/" data-base-url="/" data-shards='${JSON.stringify(SHARDS)}' data-entities="/search/entities.json" data-page-size="5">
  <div data-search-nojs>Search needs JavaScript</div>
  <p data-search-unavailable hidden></p>
  <div data-search-ui hidden>
    <form data-search-form>
      <input id="search-q" name="q" type="search" />
      <button type="submit">Search</button>
      <input name="from" type="month" /><input name="to" type="month" />
      <select name="sort"><option value="newest">Newest first</option><option value="oldest">Oldest first</option><option value="relevance">Relevance</option></select>
    </form>
    <section data-search-entities hidden><ul></ul></section>
    <p data-search-summary role="status"></p>
    <div data-search-help hidden><ul><li hidden><a data-search-without-filters href="/search/">Search without filters</a></li></ul></div>
    <section data-search-facets hidden><div data-search-facet-list></div></section>
    <div data-search-results></div>
    <button type="button" data-search-more hidden>Show more results</button>
  </div>
</div>`;
