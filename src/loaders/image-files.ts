/**
 * What an image file is: its format and size, read with sharp (the library Astro's image service
 * uses), for the rules of src/lib/content/lead-image.ts. Used by the content loader's workers and
 * by `npm run check`.
 */
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import type { ImageFileFacts } from '../lib/content/lead-image.ts';

export async function readImageFacts(absolute: string): Promise<ImageFileFacts> {
  if (!existsSync(absolute)) return { missing: true };
  try {
    const { format, width, height, compression } = await sharp(absolute).metadata();
    if (!format || !width || !height) return { unreadable: 'no size or format found' };
    // sharp names AVIF by its container (HEIF) and codec (AV1).
    return { format: format === 'heif' && compression === 'av1' ? 'avif' : format, width, height };
  } catch (error) {
    return { unreadable: (error as Error).message };
  }
}
