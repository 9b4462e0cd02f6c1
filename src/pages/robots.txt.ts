/**
 * robots.txt, generated so the sitemap's address follows SITE_URL and its base path. (Crawlers
 * only read /robots.txt at the root of a host; on a project site under a sub-path, the host's
 * own robots.txt is the one that counts.)
 */
import type { APIRoute } from 'astro';
import { site } from '@/config/site';
import { urls } from '@/config/urls';
import { robotsTxt, SITEMAP_INDEX } from '@/lib/outputs/sitemap';
import { absoluteUrl } from '@/lib/urls';

export const GET: APIRoute = () =>
  new Response(robotsTxt(absoluteUrl(urls.path(SITEMAP_INDEX), site.url)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
