/** Static paths of the company, topic and author pages: one page per term and page number. */
import { site } from '@/config/site';
import { paginate } from '@/lib/model/pagination';
import type { TermKind } from '@/lib/urls';
import { cardData, pageKey } from '@/lib/outputs/page-keys';
import { getArchive, getDigests, siteKey } from './archive';

export async function termPagePaths(kind: TermKind) {
  const archive = await getArchive();
  const digests = await getDigests();
  return [...archive.terms[kind].values()].flatMap((term) => {
    // What every page of the term shows, hashed once rather than once a page (stats are long).
    const shared = pageKey(siteKey, kind, term.slug, term.name, digests.company(term.slug), archive.stats(term));
    return paginate(term.articles, site.pageSize).map((page) => ({
      params: { slug: term.slug, page: page.number > 1 ? String(page.number) : undefined },
      props: { term, page },
      // Everything the page shows (src/lib/outputs/page-keys.ts): unchanged, it is not rendered again.
      cacheKey: pageKey(shared, page.number, page.count, page.items.map(cardData)),
    }));
  });
}
