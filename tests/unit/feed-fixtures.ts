/** The small archive and settings the feed tests (RSS and JSON Feed) share: text that breaks naive XML and JSON. */
import { BUILT_IN } from '@/lib/kinds';
import { buildArchive } from '@/lib/model/archive';
import type { ArticleRecord } from '@/lib/content/schema';
import type { FeedContext } from '@/lib/outputs/feeds';
import { indexRegistry } from '@/lib/model/terms';
import { createUrls } from '@/lib/urls';
import { company, date, record } from './helpers';

export const TRICKY_TITLE = 'Q&A: <b>"Tags"</b> & ]]> end </script> here';
export const TRICKY_SUMMARY = 'Summary with & and < and "quotes" and ]]> and </script> inside.';

export function feedTestContext(description = 'News ]]> "archive"'): FeedContext {
  return {
    site: { title: 'Test & <Archive>', description, url: 'https://news.example.org/archive/', lang: 'en' },
    urls: createUrls('/archive/'),
    kinds: BUILT_IN,
  };
}

/** A tricky article by three authors (names that look like numbers too), then plain ones; `more` adds records. */
export function feedTestArchive(trickyCompany: string, more: ArticleRecord[] = []) {
  const indexed = indexRegistry([company('acme', 'Acme Corporation', ['Acme'])]);
  const registry = indexed.ok ? indexed.index : undefined;
  if (Array.isArray(registry)) throw new Error('registry');
  return buildArchive(
    [
      record('tricky', '2022-03-04T23:30:00-05:00', {
        title: TRICKY_TITLE,
        bylines: ["Zoë O'Brien & Co", '007', '1e3'],
        companies: [trickyCompany, 'ACME'],
        topics: ['R&D <experimental>'],
        summary: TRICKY_SUMMARY,
        updated: date('2022-03-06'),
      }),
      record('plain', '2021-01-02', { bylines: ['Jane Doe'], companies: ['Acme'] }),
      record('older', '2020-05-06T10:00:00Z'),
      ...more,
    ],
    { companies: registry },
  );
}
