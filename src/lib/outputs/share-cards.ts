/**
 * Share cards: the 1200×630 picture a link preview shows (`og:image`) for a page without a
 * photograph of its own: an article without a lead image, a company, topic or author page, the
 * home page. Drawn at build time (src/integrations/share-cards.ts) with satori, in the site's
 * colours, in Noto Sans from npm packages (never a system font, so every machine draws the same
 * card), in the script of the page's language.
 *
 * What a card shows is its `CardSpec`; its file is named by the hash of the spec and of how cards
 * are drawn (`CARD_DESIGN`), so a page knows its card's URL without drawing it, and a card whose
 * text did not change is never drawn again.
 */
import { createHash } from 'node:crypto';
import { isPhoto } from '../content/lead-image.ts';
import { formatDate, type ArchiveDate } from '../dates.ts';
import type { Kinds, TermKind } from '../kinds.ts';
import { countArticles } from '../wording.ts';

/** Bumped whenever the drawing below changes, so every card is drawn again. */
export const CARD_DESIGN = 'card-1';

export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** The card's margins, and the width its text is set in. */
const PADDING = { x: 72, y: 60 } as const;
const TEXT_WIDTH = CARD_SIZE.width - 2 * PADDING.x;

/** Where cards are served from, below the base: `_cards/<key>.png`. */
export const CARD_FOLDER = '_cards';

export interface CardSpec {
  /** The small line above the title: the site's name, or a term's kind. */
  eyebrow: string;
  /** The headline, or the term's or site's name. */
  title: string;
  /** The line below it: date and byline, a count, or the site's description. */
  meta: string;
  /** The site's name, at the foot (for an article's card; empty for the site's own). */
  footer: string;
  /** BCP 47 language of the title, which picks its font (Simplified or Traditional Chinese, Japanese, Korean). */
  lang: string;
}

/** A card's file name: the hash of what it shows and how it is drawn. */
export function cardKey(spec: CardSpec): string {
  return createHash('sha256')
    .update(JSON.stringify([CARD_DESIGN, spec]))
    .digest('base64url')
    .slice(0, 22);
}

/** The card's path below the base. */
export function cardPath(spec: CardSpec): string {
  return `${CARD_FOLDER}/${cardKey(spec)}.${CARD_FORMAT.extension}`;
}

/**
 * Cards are JPEG: a link preview's image must be JPEG or PNG, and a PNG of a card's anti-aliased
 * text runs past 50 KB where a JPEG at quality 80 stays under it (the services that show
 * previews re-encode them as JPEG anyway).
 */
export const CARD_FORMAT = { extension: 'jpg', type: 'image/jpeg' } as const;

/** What the cards need of the site. */
export interface CardSite {
  title: string;
  description: string;
  lang: string;
}

/** The card of the site itself: the home page's, and every page's when per-page cards are off. */
export function siteCard(site: CardSite): CardSpec {
  return { eyebrow: 'Archive', title: site.title, meta: site.description, footer: '', lang: site.lang };
}

/** An article's card: its headline, date and bylines. */
export function articleCard(
  article: { title: string; lang?: string; dateText: string; bylines: readonly string[] },
  site: CardSite,
): CardSpec {
  return {
    eyebrow: site.title,
    title: article.title,
    meta: [article.dateText, article.bylines.join(', ')].filter(Boolean).join(' · '),
    footer: '',
    lang: article.lang ?? site.lang,
  };
}

/** A company's, topic's or author's card: its kind, its name, how many articles. */
export function termCard(term: { label: string; name: string; countText: string }, site: CardSite): CardSpec {
  return { eyebrow: term.label, title: term.name, meta: term.countText, footer: site.title, lang: site.lang };
}

/** The font families the card's text may need, its language's first. */
export type FontFamily = 'Noto Sans' | 'Noto Sans SC' | 'Noto Sans TC' | 'Noto Sans JP' | 'Noto Sans KR';

/** Which CJK family a language writes with; `undefined` for the rest (Noto Sans has Latin, Cyrillic and Greek). */
export function cjkFamilyOf(lang: string): FontFamily | undefined {
  const tag = lang.toLowerCase();
  if (tag.startsWith('ja')) return 'Noto Sans JP';
  if (tag.startsWith('ko')) return 'Noto Sans KR';
  if (tag.startsWith('zh')) return /-(hant|tw|hk|mo)\b/.test(tag) ? 'Noto Sans TC' : 'Noto Sans SC';
  return undefined;
}

/** The families to try for each character, in order: Noto Sans, the page's CJK family, then the others. */
export function familiesFor(lang: string): FontFamily[] {
  const first = cjkFamilyOf(lang);
  const cjk: FontFamily[] = ['Noto Sans SC', 'Noto Sans TC', 'Noto Sans JP', 'Noto Sans KR'];
  return ['Noto Sans', ...(first ? [first] : []), ...cjk.filter((family) => family !== first)];
}

/** A `unicode-range` value (`U+0000-00FF,U+0131`) as inclusive [from, to] pairs. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to, 16)];
  });
}

/**
 * The subsets of the families (fontsource splits each font into files by `unicode-range`) that
 * draw the characters of `text`: for each character, the first family, in order, with a subset
 * holding it. Only those files are loaded: a card in Chinese reads a few of the hundred files of a
 * CJK font, a card in English none (a CJK font's slices also hold Latin punctuation, which Noto
 * Sans draws first).
 */
export function subsetsFor<F extends string>(
  text: string,
  families: readonly { family: F; subsets: Readonly<Record<string, readonly [number, number][]>> }[],
): [F, string][] {
  const wanted = new Map<string, [F, string]>();
  for (const char of new Set(text)) {
    const code = char.codePointAt(0)!;
    if (code < 0x20) continue;
    search: for (const { family, subsets } of families) {
      for (const [name, ranges] of Object.entries(subsets)) {
        if (ranges.some(([from, to]) => code >= from && code <= to)) {
          wanted.set(`${family}/${name}`, [family, name]);
          break search;
        }
      }
    }
  }
  return [...wanted.values()].sort(
    ([fa, a], [fb, b]) =>
      families.findIndex((f) => f.family === fa) - families.findIndex((f) => f.family === fb) || a.localeCompare(b),
  );
}

/** The headline's size: smaller as it grows, so most fit; what still does not is cut with an ellipsis. */
export function titleSize(title: string): { fontSize: number; lines: number } {
  const length = [...title].length;
  if (length <= 40) return { fontSize: 76, lines: 3 };
  if (length <= 90) return { fontSize: 62, lines: 4 };
  return { fontSize: 52, lines: 5 };
}

/** The site's colours on a card (its dark scheme: strong on any chat app's background). */
export const CARD_COLOURS = {
  background: '#14161a',
  text: '#e8eaee',
  muted: '#aab1bd',
  accent: '#8ab4ff',
  rule: '#363b45',
} as const;

interface CardNode {
  type: string;
  props: { style: Record<string, string | number>; children?: (CardNode | string)[] | CardNode | string };
}

const node = (style: CardNode['props']['style'], children?: CardNode['props']['children']): CardNode => ({
  type: 'div',
  props: { style, children },
});

/**
 * The card as satori draws it: an element tree (satori's React-like objects, no JSX needed).
 * `fontFamily` is the list of fonts loaded for it, in the order to try them.
 */
export function cardTree(spec: CardSpec, fontFamily: string): CardNode {
  const { fontSize, lines } = titleSize(spec.title);
  // A word too long for a line (a pasted URL, a run without spaces) may break anywhere.
  const wordBreak = /\S{24,}/.test(spec.title) ? 'break-all' : 'normal';
  const line = { display: 'block', width: TEXT_WIDTH, lineClamp: 1, wordBreak: 'break-all' } as const;
  // The canvas is CARD_SIZE; the text sits in a box of its own inside the margins (satori adds
  // padding to a box's size rather than taking it from it).
  return node(
    {
      display: 'flex',
      width: '100%',
      height: '100%',
      backgroundColor: CARD_COLOURS.background,
      borderTop: `12px solid ${CARD_COLOURS.accent}`,
    },
    [
      node(
        {
          position: 'absolute',
          top: PADDING.y,
          left: PADDING.x,
          width: TEXT_WIDTH,
          height: CARD_SIZE.height - 12 - 2 * PADDING.y,
          display: 'flex',
          flexDirection: 'column',
          color: CARD_COLOURS.text,
          fontFamily,
        },
        [
          node({ ...line, fontSize: 30, fontWeight: 700, color: CARD_COLOURS.accent, letterSpacing: 1 }, spec.eyebrow),
          // The headline takes the space between, centred in it.
          node({ display: 'flex', flexGrow: 1, alignItems: 'center', width: TEXT_WIDTH }, [
            node(
              {
                display: 'block',
                width: TEXT_WIDTH,
                fontSize,
                fontWeight: 700,
                lineHeight: 1.18,
                lineClamp: lines,
                wordBreak,
              },
              spec.title,
            ),
          ]),
          node({ ...line, fontSize: 30, color: CARD_COLOURS.muted }, spec.meta),
          ...(spec.footer
            ? [
                node(
                  {
                    ...line,
                    marginTop: 12,
                    paddingTop: 14,
                    borderTop: `2px solid ${CARD_COLOURS.rule}`,
                    fontSize: 28,
                    color: CARD_COLOURS.text,
                  },
                  spec.footer,
                ),
              ]
            : []),
        ],
      ),
    ],
  );
}

/** Every character a card draws, for choosing font subsets. */
export function cardText(spec: CardSpec): string {
  return `${spec.eyebrow}${spec.title}${spec.meta}${spec.footer}…`;
}

/** What the cards of an archive need of each article and term (a narrow view of the model). */
export interface CardSource {
  articles: readonly {
    title: string;
    lang?: string;
    date: ArchiveDate;
    terms: { authors: readonly { name: string }[] };
    image?: { asset?: unknown; file?: { format: string } };
  }[];
  terms: Record<TermKind, ReadonlyMap<string, { kind: TermKind; name: string; articles: readonly unknown[] }>>;
  kinds: Kinds;
}

/** An article's card, from the model. */
export function cardOfArticle(article: CardSource['articles'][number], site: CardSite): CardSpec {
  return articleCard(
    {
      title: article.title,
      lang: article.lang,
      dateText: formatDate(article.date, { time: false }),
      bylines: article.terms.authors.map((a) => a.name),
    },
    site,
  );
}

/** A term's card, from the model. */
export function cardOfTerm(
  term: { kind: TermKind; name: string; articles: readonly unknown[] },
  site: CardSite,
  kinds: Kinds,
): CardSpec {
  return termCard(
    { label: kinds.info(term.kind).singular, name: term.name, countText: countArticles(term.articles.length) },
    site,
  );
}

/**
 * Every card a build of the archive draws: the site's; with per-page cards on, each article's
 * without a lead image, and each company's, topic's and author's.
 */
export function archiveCards(archive: CardSource, site: CardSite, perPage: boolean): CardSpec[] {
  if (!perPage) return [siteCard(site)];
  return [
    siteCard(site),
    // The same rule as the pages' previews (src/data/previews.ts): a card for every article they show one for.
    ...archive.articles.filter((article) => !isPhoto(article)).map((article) => cardOfArticle(article, site)),
    ...archive.kinds.keys.flatMap((kind) =>
      [...archive.terms[kind]!.values()].map((term) => cardOfTerm(term, site, archive.kinds)),
    ),
  ];
}
