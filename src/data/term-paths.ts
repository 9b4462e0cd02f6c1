/** Static paths of the company, topic and author pages: one page per term and page number. */
import { site } from '@/config/site';
import { paginate } from '@/lib/pagination';
import type { TermKind } from '@/lib/urls';
import { getArchive } from './archive';

export async function termPagePaths(kind: TermKind) {
  const archive = await getArchive();
  return [...archive.terms[kind].values()].flatMap((term) =>
    paginate(term.articles, site.pageSize).map((page) => ({
      params: { slug: term.slug, page: page.number > 1 ? String(page.number) : undefined },
      props: { term, page },
    })),
  );
}
