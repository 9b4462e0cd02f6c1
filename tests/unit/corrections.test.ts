import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { BUILT_IN } from '@/lib/kinds';
import { buildArchive } from '@/lib/model/archive';
import type { Correction } from '@/lib/content/schema';
import { correctionAnchor, listCorrections } from '@/lib/model/corrections';
import {
  correctionFeedItem,
  correctionNotesHtml,
  correctionsFeedInfo,
  feedItem,
  renderFeed,
  type FeedContext,
} from '@/lib/outputs/feeds';
import { renderJsonFeed } from '@/lib/outputs/json-feed';
import { createUrls } from '@/lib/urls';
import { checkXml } from '@/lib/xml';
import { date, record } from './helpers';

const context: FeedContext = {
  site: { title: 'Test Archive', description: 'News', url: 'https://news.example.org/archive/', lang: 'en' },
  urls: createUrls('/archive/'),
  kinds: BUILT_IN,
};

const note = (written: string, html: string, plain = html.replace(/<[^>]+>/g, '')): Correction => ({
  date: date(written),
  text: plain,
  html,
  plain,
});

function archive() {
  return buildArchive([
    record('a', '2021-05-01', {
      title: 'Acme & <Sons>',
      corrections: [note('2021-05-02', 'First <em>note</em>.'), note('2021-06-01', 'Second note.')],
    }),
    record('b', '2021-05-10', {
      corrections: [note('2021-05-20T10:00:00+02:00', 'See <a href="../../../../2021/05/01/a/">the other</a>.')],
    }),
    record('c', '2021-05-11'),
  ]);
}

describe('listCorrections', () => {
  test('every note of the archive, newest first, with its anchor on its article page', () => {
    expect(
      listCorrections(archive().articles).map(({ article, correction, anchor }) => [
        article.slug,
        correction.date.written,
        anchor,
      ]),
    ).toEqual([
      ['a', '2021-06-01', 'correction-2'],
      ['b', '2021-05-20T10:00:00+02:00', 'correction-1'],
      ['a', '2021-05-02', 'correction-1'],
    ]);
    expect(correctionAnchor(0)).toBe('correction-1');
  });
});

describe('corrections in feeds', () => {
  test("an article's notes come first in its feed content, and its item is updated at the latest note", async () => {
    const article = archive().byPath.get('2021/05/01/a/')!;
    expect(correctionNotesHtml(article)).toBe(
      '<p><strong>Correction</strong> <time datetime="2021-05-02T00:00:00Z">2 May 2021</time>: First <em>note</em>.</p>' +
        '<p><strong>Correction</strong> <time datetime="2021-06-01T00:00:00Z">1 Jun 2021</time>: Second note.</p>',
    );
    const item = feedItem(article, '<p>Body.</p>', context);
    expect(item.content.startsWith('<p><strong>Correction</strong>')).toBe(true);
    expect(item.content).toContain('<p>Body.</p>');
    expect(item.updated).toBe('2021-06-01T00:00:00Z');
    const xml = await renderFeed(correctionsFeedInfo(context), [item], context);
    expect(checkXml(xml)).toBe(true);
    expect(xml).toContain('<atom:updated>2021-06-01T00:00:00Z</atom:updated>');
    expect(JSON.parse(renderJsonFeed(correctionsFeedInfo(context), [item], context)).items[0].date_modified).toBe(
      '2021-06-01T00:00:00Z',
    );
  });

  test('the corrections feed has one item per note, linking to the note, in RSS and JSON Feed', async () => {
    const items = listCorrections(archive().articles).map((entry) => correctionFeedItem(entry, context));
    const xml = await renderFeed(correctionsFeedInfo(context), items, context);
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('Test Archive: corrections');
    expect(feed.items.map((item) => [item.title, item.link])).toEqual([
      ['Correction: Acme & <Sons>', 'https://news.example.org/archive/2021/05/01/a/#correction-2'],
      ['Correction: Title of b', 'https://news.example.org/archive/2021/05/10/b/#correction-1'],
      ['Correction: Acme & <Sons>', 'https://news.example.org/archive/2021/05/01/a/#correction-1'],
    ]);
    // The note's relative link is made absolute against the article's page.
    expect(feed.items[1]['content:encoded']).toContain('href="https://news.example.org/archive/2021/05/01/a/"');
    const json = JSON.parse(renderJsonFeed(correctionsFeedInfo(context), items, context));
    expect(json.items.map((item: { id: string }) => item.id)).toEqual(feed.items.map((item) => item.link));
  });
});
