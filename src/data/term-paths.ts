/**
 * Static paths of the term pages of every kind (src/lib/kinds.ts): one route serves them all
 * (src/pages/[kind]/), so a kind added to the list gets its pages without a page file of its own.
 */
import { site } from '@/config/site';
import { paginate } from '@/lib/model/pagination';
import { kinds } from '@/config/kinds';
import { cardData, pageKey } from '@/lib/outputs/page-keys';
import { getArchive, getDigests, siteKey } from './archive';

/** `/<kind>/`: each kind's index page. */
export async function termIndexPaths() {
  const archive = await getArchive();
  return kinds.keys.map((kind) => ({
    params: { kind },
    props: { kind },
    // Every name it lists, with its count (src/lib/outputs/page-keys.ts): unchanged, it is not rendered again.
    cacheKey: pageKey(
      siteKey,
      kind,
      'index',
      [...archive.terms[kind]!.values()].map((term) => [term.slug, term.name, term.articles.length]),
    ),
  }));
}

/** `/<kind>/<slug>/[<page>/]`: one page per term and page number. */
export async function termPagePaths() {
  const archive = await getArchive();
  const digests = await getDigests();
  return kinds.keys.flatMap((kind) =>
    [...archive.terms[kind].values()].flatMap((term) => {
      // What every page of the term shows, hashed once rather than once a page (stats are long).
      const shared = pageKey(
        siteKey,
        kind,
        term.slug,
        term.name,
        digests.registry(kind, term.slug),
        archive.stats(term),
      );
      return paginate(term.articles, site.pageSize).map((page) => ({
        params: { kind, slug: term.slug, page: page.number > 1 ? String(page.number) : undefined },
        props: { term, page },
        // Everything the page shows (src/lib/outputs/page-keys.ts): unchanged, it is not rendered again.
        cacheKey: pageKey(shared, page.number, page.count, page.items.map(cardData)),
      }));
    }),
  );
}
