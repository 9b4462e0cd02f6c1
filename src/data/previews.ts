/**
 * The picture a link preview shows for each page (`og:image`), and the pictures of an article's
 * structured data and feed items. An article with a lead image shows its photograph (as JPEG, at
 * most 1,200 wide; in JSON-LD as 16:9, 4:3 and 1:1 crops: src/lib/outputs/image-sizes.ts); any
 * other page its share card (src/lib/outputs/share-cards.ts), or the site's card when per-page
 * cards are off. Derivatives go through Astro's image pipeline (`getImage`), so they are made
 * once and kept in the cache folder.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { site } from '@/config/site';
import { urls } from '@/config/urls';
import type { Article, ArchiveTerm } from '@/lib/model/archive';
import { isPhoto } from '@/lib/content/lead-image';
import type { LeadImage } from '@/lib/content/schema';
import { previewWidth, structuredCrops } from '@/lib/outputs/image-sizes';
import {
  CARD_FORMAT,
  CARD_SIZE,
  cardOfArticle,
  cardOfTerm,
  cardPath,
  siteCard,
  type CardSpec,
} from '@/lib/outputs/share-cards';
import { absoluteUrl } from '@/lib/urls';
import { kinds } from '@/config/kinds';

/** A picture for a link preview: absolute URL, size, media type and alt text. */
export interface PreviewImage {
  url: string;
  width: number;
  height: number;
  type: string;
  alt: string;
}

const absolute = (src: string) => absoluteUrl(src, site.url);

function cardPreview(spec: CardSpec, alt: string): PreviewImage {
  return { url: absolute(urls.path(cardPath(spec))), ...CARD_SIZE, type: CARD_FORMAT.type, alt };
}

/** The site's card: every page's preview unless it has a better one. */
export function sitePreview(): PreviewImage {
  return cardPreview(siteCard(site), site.title);
}

/** A company's, topic's or author's preview: its own card, or the site's. */
export function termPreview(term: ArchiveTerm): PreviewImage {
  return site.shareCards ? cardPreview(cardOfTerm(term, site, kinds), term.name) : sitePreview();
}

/** The lead image as a JPEG of at most 1,200 pixels wide, for previews and feeds. */
async function photoPreview(image: LeadImage): Promise<PreviewImage> {
  const file = image.file!;
  const width = previewWidth(file);
  // One size, no srcset: `layout: 'none'` (the site's default layout would add a set of widths).
  const result = await getImage({ src: image.asset as ImageMetadata, width, format: 'jpg', layout: 'none' });
  const height = Math.round((file.height * width) / file.width);
  return { url: absolute(result.src), width, height, type: 'image/jpeg', alt: image.alt };
}

/** An article's preview: its photograph, else its card (or the site's). */
export async function articlePreview(article: Article): Promise<PreviewImage> {
  if (isPhoto(article)) return photoPreview(article.image!);
  return site.shareCards ? cardPreview(cardOfArticle(article, site), article.title) : sitePreview();
}

/** An article's photograph for its feed items (Media RSS, JSON Feed), when it has one. */
export async function articleFeedImage(article: Article): Promise<PreviewImage | undefined> {
  return isPhoto(article) ? photoPreview(article.image!) : undefined;
}

/**
 * The NewsArticle's `image`: the photograph cropped to 16:9, 4:3 and 1:1, each as large as it
 * allows. Never a card: Google advises against images of text there.
 */
export async function structuredImages(article: Article): Promise<string[]> {
  if (!isPhoto(article)) return [];
  const asset = article.image!.asset as ImageMetadata;
  const crops = await Promise.all(
    structuredCrops(article.image!.file!).map(({ width, height }) =>
      getImage({ src: asset, width, height, fit: 'cover', format: 'jpg', layout: 'none' }),
    ),
  );
  return crops.map((crop) => absolute(crop.src));
}
