/**
 * The names of every kind the search page suggests as the reader types, made from the
 * archive model (src/search/build/entities.ts). Fetched once by the search page.
 */
import type { APIRoute } from 'astro';
import { urls } from '@/config/urls';
import { getArchive } from '@/data/archive';
import { buildSearchEntities } from '@/search/build/entities';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const entities = buildSearchEntities(
    archive.kinds.keys.flatMap((kind) => [...archive.terms[kind]!.values()]),
    (kind, slug) => urls.term(kind, slug),
    archive.kinds,
  );
  return new Response(JSON.stringify(entities), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
