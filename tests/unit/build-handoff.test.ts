import { afterEach, describe, expect, it } from 'vitest';
import { buildArchive, type Archive } from '@/lib/model/archive';
import { openReceiver, openReceivers } from '@/lib/outputs/build-handoff';
import type { SearchDocument } from '@/lib/outputs/search-index';
import { record } from './helpers';

afterEach(() => {
  openReceiver('sitemap', undefined);
  openReceiver('searchIndex', undefined);
});

describe('build hand-over', () => {
  it('gives each open receiver what the pages hand over, the very objects', () => {
    let received: Archive | undefined;
    const documents: SearchDocument[] = [];
    openReceiver('sitemap', { receive: (archive) => void (received = archive) });
    openReceiver('searchIndex', { add: (docs) => void documents.push(...docs) });
    const archive = buildArchive([record('a', '2020-01-01')]);
    const { sitemap, searchIndex } = openReceivers();
    sitemap?.receive(archive);
    const document: SearchDocument = { url: '/a/', shard: 'en', before: '<h1>A</h1>', after: '', body: { key: 'a', html: async () => '<p>a</p>' } };
    searchIndex?.add([document]);
    expect(received).toBe(archive);
    expect(documents).toEqual([document]);
  });

  it('has no receiver open unless an integration opened one (as in astro dev)', () => {
    expect(openReceivers()).toEqual({ sitemap: undefined, searchIndex: undefined });
  });

  it('reaches across module graphs: the receivers live under one process-wide symbol', () => {
    const receiver = { receive: () => undefined };
    openReceiver('sitemap', receiver);
    const holder = (globalThis as Record<symbol, { sitemap?: unknown }>)[Symbol.for('newsroom-archive.build-receivers')];
    expect(holder?.sitemap).toBe(receiver);
  });
});
