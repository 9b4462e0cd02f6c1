/**
 * A redirect page at every alias and every old URL of a moved article (src/lib/outputs/redirects.ts
 * says what it holds); `_redirects` beside them makes them real 301s on hosts that read it.
 * An endpoint, so a page can stand at `old-story.html` as well as at `news/old-story/`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '@/config/site';
import { urls } from '@/config/urls';
import { getArchive, siteKey } from '@/data/archive';
import type { ArchiveRedirect } from '@/lib/model/archive';
import { pageKey } from '@/lib/outputs/page-keys';
import { redirectPageFile, redirectPageHtml } from '@/lib/outputs/redirects';
import { absoluteUrl } from '@/lib/urls';

/** The headline a redirect page may name: not that of a takedown that hides it. */
function titleOf(redirect: ArchiveRedirect): string | undefined {
  const to = redirect.to;
  if ('status' in to && to.status === 'removed' && !to.removed?.showTitle) return undefined;
  return to.title;
}

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.redirects.map((redirect) => ({
    params: { redirect: redirectPageFile(redirect.from) },
    props: { redirect },
    cacheKey: pageKey(siteKey, 'redirect', redirect.from, redirect.to.path, titleOf(redirect) ?? null),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ redirect: ArchiveRedirect }> = ({ props: { redirect } }) => {
  const href = encodeURI(urls.path(redirect.to.path));
  const html = redirectPageHtml({
    href,
    canonical: absoluteUrl(href, site.url),
    title: titleOf(redirect),
    lang: site.lang,
  });
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
