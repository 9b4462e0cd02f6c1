/** The search page's script (src/pages/search.astro loads it): starts the page on its markup. */
import { SearchPage } from './search-page.ts';

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void new SearchPage(root).start();
