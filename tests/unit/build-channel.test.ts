import { channel } from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import { buildArchive, type Archive } from '@/lib/model/archive';
import { hasSubscribers, publish, subscribe } from '@/lib/outputs/build-channel';
import type { SearchDocument } from '@/search/build/documents';
import { planShards } from '@/search/build/shard-plan';
import { record } from './helpers';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('build channel', () => {
  it('gives each listener what the pages publish, the very objects', () => {
    let received: Archive | undefined;
    const documents: SearchDocument[] = [];
    stops.push(subscribe('archive', (archive) => void (received = archive)));
    stops.push(subscribe('searchDocuments', (message) => void documents.push(...message.documents)));
    const archive = buildArchive([record('a', '2020-01-01')]);
    publish('archive', archive);
    const document: SearchDocument = {
      url: '/a/',
      shard: 'en',
      before: '<h1>A</h1>',
      after: '',
      body: { key: 'a', html: async () => '<p>a</p>' },
    };
    publish('searchDocuments', { documents: [document], plan: planShards(archive.articles, 'en', 10) });
    expect(received).toBe(archive);
    expect(documents).toEqual([document]);
  });

  it('says whether anyone listens, and stops delivering once unsubscribed (as in astro dev, no one does)', () => {
    expect(hasSubscribers('searchDocuments')).toBe(false);
    let calls = 0;
    const stop = subscribe('archive', () => void (calls += 1));
    expect(hasSubscribers('archive')).toBe(true);
    publish('archive', buildArchive([]));
    stop();
    publish('archive', buildArchive([]));
    expect(calls).toBe(1);
    expect(hasSubscribers('archive')).toBe(false);
  });

  it("reaches across module graphs: messages go through Node's named channels, not a module's state", () => {
    const seen: unknown[] = [];
    stops.push(subscribe('archive', (archive) => void seen.push(archive)));
    // Another copy of the module (the pages' bundle has its own) publishes by the same name.
    const archive = buildArchive([]);
    channel('newsroom-archive:archive').publish(archive);
    expect(seen).toEqual([archive]);
  });
});
