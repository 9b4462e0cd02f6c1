/**
 * Draws one share card (src/lib/outputs/share-cards.ts): satori lays the card out and turns its
 * text into outlines, in the Noto Sans fonts of the `@fontsource` packages (only the subsets the
 * card's characters need, each read once per thread); sharp (libvips) rasterises it and writes a
 * JPEG. Plain Node can load this module, so it runs in worker threads.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import sharp from 'sharp';
import {
  CARD_SIZE,
  cardText,
  cardTree,
  familiesFor,
  parseUnicodeRange,
  subsetsFor,
  type CardSpec,
  type FontFamily,
} from '../lib/outputs/share-cards.ts';

const require = createRequire(import.meta.url);

/** Where each family's files are: its package, its files' prefix, and which of its subsets to use. */
const FAMILIES: Record<FontFamily, { pkg: string; prefix: string; use(subset: string): boolean }> = {
  // Latin, Latin Extended, Cyrillic, Greek, Vietnamese.
  'Noto Sans': {
    pkg: '@fontsource/noto-sans',
    prefix: 'noto-sans',
    use: (subset) => !subset.startsWith('[') && subset !== 'devanagari',
  },
  // The CJK families' own characters, in numbered slices; their Latin is Noto Sans's.
  'Noto Sans SC': { pkg: '@fontsource/noto-sans-sc', prefix: 'noto-sans-sc', use: (subset) => subset.startsWith('[') },
  'Noto Sans TC': { pkg: '@fontsource/noto-sans-tc', prefix: 'noto-sans-tc', use: (subset) => subset.startsWith('[') },
  'Noto Sans JP': { pkg: '@fontsource/noto-sans-jp', prefix: 'noto-sans-jp', use: (subset) => subset.startsWith('[') },
  'Noto Sans KR': { pkg: '@fontsource/noto-sans-kr', prefix: 'noto-sans-kr', use: (subset) => subset.startsWith('[') },
};

const WEIGHTS = [400, 700] as const;

type SatoriFont = { name: string; data: Buffer; weight: (typeof WEIGHTS)[number]; style: 'normal' };

const ranges = new Map<FontFamily, Record<string, [number, number][]>>();
function rangesOf(family: FontFamily): Record<string, [number, number][]> {
  let found = ranges.get(family);
  if (!found) {
    const { pkg, use } = FAMILIES[family];
    const table = JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
    found = Object.fromEntries(
      Object.entries(table)
        .filter(([subset]) => use(subset))
        .map(([subset, range]) => [subset, parseUnicodeRange(range)]),
    );
    ranges.set(family, found);
  }
  return found;
}

const files = new Map<string, Buffer>();
function fontFile(family: FontFamily, subset: string, weight: number): Buffer {
  const { pkg, prefix } = FAMILIES[family];
  const name = `${prefix}-${subset.replace(/^\[(\d+)\]$/, '$1')}-${weight}-normal.woff`;
  let data = files.get(name);
  if (!data) files.set(name, (data = readFileSync(require.resolve(`${pkg}/files/${name}`))));
  return data;
}

/**
 * The fonts a card needs: for each family that may draw it, the subsets its text falls in, in both
 * weights, each under a name of its own (satori takes one file per name, and falls back from name
 * to name for a character the first lacks), and the `font-family` list that orders them. The same
 * set is the same array, so satori parses each font once per thread.
 */
const fontSets = new Map<string, { fonts: SatoriFont[]; family: string }>();
export function fontsFor(spec: CardSpec): { fonts: SatoriFont[]; family: string } {
  const text = cardText(spec);
  const chosen = subsetsFor(
    text,
    familiesFor(spec.lang).map((family) => ({ family, subsets: rangesOf(family) })),
  );
  const key = chosen.map(([family, subset]) => `${family}/${subset}`).join('|');
  let set = fontSets.get(key);
  if (!set) {
    const name = (family: string, subset: string) => `${family} ${subset}`;
    set = {
      fonts: chosen.flatMap(([family, subset]) =>
        WEIGHTS.map((weight): SatoriFont => ({
          name: name(family, subset),
          data: fontFile(family, subset, weight),
          weight,
          style: 'normal',
        })),
      ),
      family: chosen.map(([family, subset]) => `"${name(family, subset)}"`).join(', '),
    };
    fontSets.set(key, set);
  }
  return set;
}

/** The largest a card may be; past it, it is written at a lower quality. */
export const CARD_MAX_BYTES = 50 * 1024;

sharp.concurrency(1);

/** The card's SVG, as satori draws it (text as outlines). */
export function cardSvg(spec: CardSpec): Promise<string> {
  const { fonts, family } = fontsFor(spec);
  return satori(cardTree(spec, family) as Parameters<typeof satori>[0], { ...CARD_SIZE, fonts });
}

/** The card as a JPEG (share-cards.ts says why): rasterised and encoded in one libvips pipeline. */
export async function renderCard(spec: CardSpec): Promise<Buffer> {
  const svg = Buffer.from(await cardSvg(spec));
  const encode = (quality: number) => sharp(svg).flatten().jpeg({ quality }).toBuffer();
  // Quality 80 keeps text crisp; a card dense with text (a headline of one endless word) steps
  // down until it fits, drawn again each time (rare: a card of ordinary text is about 40 KB).
  let jpeg = await encode(80);
  for (const quality of [65, 50, 35, 20]) {
    if (jpeg.length <= CARD_MAX_BYTES) break;
    jpeg = await encode(quality);
  }
  return jpeg;
}
