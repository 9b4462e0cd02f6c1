/**
 * Share cards (src/lib/outputs/share-cards.ts, src/integrations/card-renderer.ts): what a card
 * shows and how it is named, the fonts chosen for its text, and that a headline in Chinese,
 * Japanese or Korean is drawn with that script's glyphs, not with a missing-glyph box.
 */
import satori from 'satori';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { fontsFor, renderCard } from '@/integrations/card-renderer';
import {
  archiveCards,
  articleCard,
  cardKey,
  cardPath,
  cjkFamilyOf,
  familiesFor,
  parseUnicodeRange,
  siteCard,
  subsetsFor,
  titleSize,
  type CardSpec,
} from '@/lib/outputs/share-cards';
import { buildArchive } from '@/lib/model/archive';
import { date, record } from './helpers';

const site = { title: 'Newsroom Archive', description: 'An archive.', lang: 'en' };
const spec = (title: string, lang = 'en'): CardSpec =>
  articleCard({ title, lang, dateText: '27 February 2018', bylines: ['Jane Doe'] }, site);

describe('a card', () => {
  test('is named by what it shows: the same text, the same file; another headline, another', () => {
    expect(cardKey(spec('A'))).toBe(cardKey(spec('A')));
    expect(cardKey(spec('A'))).not.toBe(cardKey(spec('B')));
    expect(cardPath(spec('A'))).toMatch(/^_cards\/[\w-]{22}\.jpg$/);
    expect(spec('A').meta).toBe('27 February 2018 · Jane Doe');
  });

  test('a headline of any length gets a smaller size and more lines before it is cut', () => {
    expect(titleSize('Short').fontSize).toBeGreaterThan(titleSize('x'.repeat(80)).fontSize);
    expect(titleSize('x'.repeat(80)).fontSize).toBeGreaterThan(titleSize('x'.repeat(500)).fontSize);
  });

  test('an archive draws the site card, one per article without a photograph, and one per term; or only the site card', () => {
    const archive = buildArchive([
      record('a', '2020-01-01', { companies: ['Acme'], topics: ['Ports'] }),
      record('b', '2020-01-02', {
        image: {
          src: 'b.jpg',
          alt: 'B',
          asset: { src: '/_astro/b.jpg', width: 2000, height: 1000, format: 'jpeg' },
          file: { width: 2000, height: 1000, format: 'jpeg', hash: '' },
        },
      }),
    ]);
    const cards = archiveCards(archive, site, true);
    expect(cards.map((card) => card.title)).toEqual(['Newsroom Archive', 'Title of a', 'Acme', 'Ports']);
    expect(archiveCards(archive, site, false)).toEqual([siteCard(site)]);
    expect(date('2020-01-01').year).toBe(2020);
  });
});

describe('fonts', () => {
  test('each language picks its own CJK family first', () => {
    expect(cjkFamilyOf('zh')).toBe('Noto Sans SC');
    expect(cjkFamilyOf('zh-Hant')).toBe('Noto Sans TC');
    expect(cjkFamilyOf('zh-TW')).toBe('Noto Sans TC');
    expect(cjkFamilyOf('ja')).toBe('Noto Sans JP');
    expect(cjkFamilyOf('ko')).toBe('Noto Sans KR');
    expect(cjkFamilyOf('en')).toBeUndefined();
    expect(familiesFor('ja').slice(0, 2)).toEqual(['Noto Sans', 'Noto Sans JP']);
  });

  test('only the subsets holding the text are loaded: none of a CJK font for English', () => {
    const sans = {
      family: 'Sans',
      subsets: { latin: parseUnicodeRange('U+0000-00FF'), cyrillic: parseUnicodeRange('U+0400-045F') },
    };
    const cjk = {
      family: 'CJK',
      subsets: { '[1]': parseUnicodeRange('U+0020-007F,U+4E00-4E10'), '[2]': parseUnicodeRange('U+5000-5010') },
    };
    expect(subsetsFor('Москва and Paris', [sans, cjk])).toEqual([
      ['Sans', 'cyrillic'],
      ['Sans', 'latin'],
    ]);
    // Latin the first family draws is not taken from the second.
    expect(subsetsFor('a\u4e01', [sans, cjk])).toEqual([
      ['Sans', 'latin'],
      ['CJK', '[1]'],
    ]);
    const english = fontsFor(spec('Microsoft and Xiaomi'));
    expect(english.fonts.map((font) => font.name)).toEqual(['Noto Sans latin', 'Noto Sans latin']);
    const chinese = fontsFor(spec('量子实验室取得突破', 'zh'));
    expect(chinese.fonts.some((font) => font.name.startsWith('Noto Sans SC ['))).toBe(true);
    expect(chinese.fonts.some((font) => /JP|KR|TC/.test(font.name))).toBe(false);
  });
});

/** The outline satori draws for one character with the given fonts, as SVG path data. */
async function outline(char: string, fonts: ReturnType<typeof fontsFor>): Promise<string> {
  const svg = await satori(
    {
      type: 'div',
      props: { style: { display: 'flex', fontSize: 64, fontFamily: fonts.family, fontWeight: 700 }, children: char },
    } as never,
    {
      width: 100,
      height: 100,
      fonts: fonts.fonts,
    },
  );
  return [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]).join(' ');
}

describe('CJK headlines are drawn with their own glyphs', () => {
  for (const [lang, title] of [
    ['zh', '量子实验室取得突破'],
    ['zh-Hant', '香港港口吞吐量創新高'],
    ['ja', '東京の港で新しいクレーン'],
    ['ko', '부산항 새 크레인'],
  ] as const) {
    test(`${lang}: every character has an outline of its own, none is the missing-glyph box`, async () => {
      const fonts = fontsFor(spec(title, lang));
      // What a font without the glyph draws: the missing-glyph box (.notdef), the same for every character.
      const latinOnly = fontsFor(spec('x'));
      const missing = await outline(title[0]!, latinOnly);
      const outlines = await Promise.all([...title].filter((c) => c.trim()).map((char) => outline(char, fonts)));
      for (const drawn of outlines) {
        expect(drawn.length).toBeGreaterThan(0);
        expect(drawn).not.toBe(missing);
      }
      expect(new Set(outlines).size).toBe(new Set([...title].filter((c) => c.trim())).size);
    });
  }

  test('the whole card: 1200×630 JPEG under 50 KB, in Chinese and with a 2,000-character headline', async () => {
    for (const title of [
      '量子实验室取得突破',
      'x'.repeat(2000),
      'Société Générale, Москва and Ἀθῆναι: a headline that goes on and on beyond four lines of big type on a card',
    ]) {
      const card = await renderCard(spec(title, /\p{Script=Han}/u.test(title) ? 'zh' : 'en'));
      const meta = await sharp(card).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
      expect(card.length).toBeLessThanOrEqual(50 * 1024);
    }
  });
});
