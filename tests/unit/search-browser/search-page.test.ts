// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SearchPage } from '@/search/browser/search-page';
import type { SearchEntity } from '@/search/contract/entities';
import { fakePagefind } from './fake-pagefind';
import { fixtureIndexes } from './fixture';
import { PAGE } from './page-markup';

const ENTITIES: SearchEntity[] = [
  {
    kind: 'company',
    name: 'Acme Corporation',
    aliases: ['Acme'],
    url: '/companies/acme/',
    count: 12,
    first: '2019-01',
    last: '2020-06',
  },
];

async function open(query: string) {
  window.history.replaceState(null, '', `/search/${query}`);
  document.documentElement.lang = 'en';
  document.body.innerHTML = PAGE;
  const root = document.querySelector<HTMLElement>('[data-search]')!;
  const page = new SearchPage(root, Promise.resolve(fakePagefind(fixtureIndexes())));
  await page.start();
  return root;
}

const settle = () => vi.waitFor(() => expect(document.querySelector('[aria-busy]')).toBeNull());
const titles = () => [...document.querySelectorAll('.search-result__title a')].map((a) => a.textContent);

/** Where "Show more results" sits: far below the window, unless a test moves it into view. */
let moreTop = 5000;

beforeEach(() => {
  moreTop = 5000;
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(ENTITIES))),
  );
  vi.spyOn(HTMLButtonElement.prototype, 'getBoundingClientRect').mockImplementation(
    () => ({ top: moreTop }) as DOMRect,
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the search page', () => {
  test('a query in the URL runs on load: the first page of results, newest first, under year headings', async () => {
    await open('?q=factories');
    await settle();
    expect(titles()).toEqual(['Report 12', 'Report 11', 'Report 10', 'Report 9', 'Report 8']);
    expect([...document.querySelectorAll('.search-year__heading')].map((h) => h.textContent)).toEqual(['2020']);
    expect(document.querySelector<HTMLInputElement>('input[name="q"]')!.value).toBe('factories');
    expect(document.querySelector<HTMLButtonElement>('[data-search-more]')!.hidden).toBe(false);
  });

  test('"Show more results" draws the next page and focuses its first result', async () => {
    await open('?q=factories');
    await settle();
    document.querySelector<HTMLButtonElement>('[data-search-more]')!.click();
    await vi.waitFor(() => expect(titles()).toHaveLength(10));
    expect(document.activeElement?.textContent).toBe('Report 7');
  });

  test('while "Show more results" is in view (a tall window), pages are drawn on until it is not', async () => {
    moreTop = 0;
    await open('?q=factories');
    await vi.waitFor(() => expect(titles()).toHaveLength(12));
    expect(document.querySelector<HTMLButtonElement>('[data-search-more]')!.hidden).toBe(true);
    expect(document.querySelector('[data-search-summary]')!.textContent).toBe('12 results for factories');
  });

  test('an excerpt is the article’s own words around the match, never the tagged names', async () => {
    await open('?q=acme');
    await settle();
    const excerpt = document.querySelector('.search-result__excerpt')!;
    expect(excerpt.textContent).toBe('Acme published report 12 about its factories.');
    expect([...excerpt.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Acme']);
    expect(excerpt.textContent).not.toContain('·');
  });

  test('a facet opened counts its values over every shard; ticking one narrows the search, in the URL', async () => {
    const root = await open('?q=factories');
    await settle();
    const group = root.querySelector<HTMLDetailsElement>('[data-facet-group="company"]')!;
    expect(group.querySelector('summary')!.textContent).toBe('Company');
    group.open = true;
    group.dispatchEvent(new Event('toggle'));
    await vi.waitFor(() => expect(root.querySelectorAll('[data-facet-group="company"] input')).toHaveLength(2));
    const labels = [...root.querySelectorAll('[data-facet-group="company"] label')].map((label) =>
      label.textContent!.trim(),
    );
    expect(labels).toEqual(['Acme 12', 'Globex 6']);
    // The counts are the whole: the status says so.
    expect(root.querySelector('[data-search-summary]')!.textContent).toBe('12 results for factories');
    const globex = root.querySelector<HTMLInputElement>('[data-facet-group="company"] input[value="Globex"]')!;
    globex.checked = true;
    globex.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(window.location.search).toBe('?q=factories&company=Globex'));
    await settle();
    expect(titles()).toEqual(['Report 12', 'Report 10', 'Report 8', 'Report 6', 'Report 4']);
    expect(root.querySelector('[data-facet-group="company"] summary')!.textContent).toBe('Company (1 selected)');
  });

  test('the date range and the sort narrow and order the search, each change a step in the history', async () => {
    const root = await open('?q=factories');
    await settle();
    const pushState = vi.spyOn(window.history, 'pushState');
    root.querySelector<HTMLInputElement>('input[name="from"]')!.value = '2019-02';
    root.querySelector<HTMLInputElement>('input[name="to"]')!.value = '2019-04';
    root.querySelector('input[name="to"]')!.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(titles()).toEqual(['Report 4', 'Report 3', 'Report 2']));
    const sort = root.querySelector<HTMLSelectElement>('select[name="sort"]')!;
    sort.value = 'oldest';
    sort.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(titles()).toEqual(['Report 2', 'Report 3', 'Report 4']));
    expect(window.location.search).toBe('?q=factories&from=2019-02&to=2019-04&sort=oldest');
    expect(pushState).toHaveBeenCalledTimes(2);
  });

  test('typing suggests the matching company; a query of common words says so and lists nothing', async () => {
    const root = await open('');
    const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
    input.value = 'acme';
    input.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(root.querySelector('[data-search-entities]')!.hasAttribute('hidden')).toBe(false));
    expect(root.querySelector('.search-entity a')!.textContent).toBe('Acme Corporation');
    expect(window.location.search).toBe('?q=acme');
    input.value = 'the of';
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(root.querySelector('[data-search-summary]')!.textContent).toMatch(/too common/));
    expect(titles()).toEqual([]);
  });
});
