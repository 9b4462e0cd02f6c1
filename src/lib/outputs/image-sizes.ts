/**
 * The sizes the site draws pictures at, one place for every component and output: the widths
 * of a lead image's `srcset`, its `sizes`, listing thumbnails, the link-preview image and the
 * structured-data crops (Google asks for 16:9, 4:3 and 1:1, each at least 50,000 pixels and
 * 1,200 wide where it can be).
 */
import type { ImageAsset } from '../content/schema.ts';

/** Widths a lead image is offered at, up to its own (never enlarged). */
const LEAD_WIDTHS = [480, 800, 1200, 1600, 2000, 2400];

/** The `srcset` widths of a picture: the standard ones up to its width, and its own width when smaller than all. */
export function leadWidths(image: Pick<ImageAsset, 'width'>): number[] {
  return [...LEAD_WIDTHS.filter((width) => width < image.width), image.width];
}

/** How wide the lead figure is drawn: the reading column (42rem) on a wide screen, the screen on a phone. */
export const LEAD_SIZES = '(min-width: 46rem) 42rem, calc(100vw - 2rem)';

/** A listing's thumbnail, in CSS pixels (drawn at 1× and 2×). */
export const THUMBNAIL = { width: 120, height: 80 } as const;

/** The link-preview image's width: 1,200, or the picture's own when smaller. */
export function previewWidth(image: Pick<ImageAsset, 'width'>): number {
  return Math.min(1200, image.width);
}

/** Google reads no structured-data image of fewer pixels. */
const CROP_MIN_PIXELS = 50_000;

/**
 * The structured-data crops: each aspect ratio as large as the picture allows, 1,200 wide at
 * most; a crop that would have fewer than 50,000 pixels is left out.
 */
export function structuredCrops(image: Pick<ImageAsset, 'width' | 'height'>): { width: number; height: number }[] {
  return [
    [16, 9],
    [4, 3],
    [1, 1],
  ]
    .map(([w, h]) => {
      // The largest crop of this ratio inside the picture, then no wider than 1,200.
      const scale = Math.min(image.width / w, image.height / h);
      const width = Math.min(1200, Math.floor(w * scale));
      return { width, height: Math.round((width * h) / w) };
    })
    .filter(({ width, height }) => width * height >= CROP_MIN_PIXELS);
}
