/**
 * The rules of an article's lead image (`image: { src, alt, caption, credit }`): a file beside
 * the article, in a format the site shows, at least 1,200 pixels wide for link previews (Google
 * Discover asks for that width). The file's own facts (is it there, what is it, how large) are
 * read by the caller (src/loaders/image-files.ts); the rules are here, for the build and for
 * `npm run check` alike.
 */

/** The formats a lead image may be, by file extension. */
export const IMAGE_FORMATS: Readonly<Record<string, string>> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
  svg: 'svg',
};

/** The width below which a lead image makes a poor link preview. */
export const LEAD_IMAGE_MIN_WIDTH = 1200;

/** What is wrong with a lead image's `src` as written, before the file is looked at. */
export function leadImageSourceProblem(src: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return (
      `"${src}" is a remote image; the archive shows only its own files (a remote one can change or vanish). ` +
      'Download it next to the article and write its file name, or import a WordPress export with npm run import -- export.xml --media <uploads folder>'
    );
  }
  if (src.startsWith('/')) return `"${src}" starts with /; write the file's path relative to the article, such as harbour.jpg or images/harbour.jpg`;
  const extension = /\.([a-z0-9]+)$/i.exec(src)?.[1]?.toLowerCase();
  if (!extension || !(extension in IMAGE_FORMATS)) {
    return `"${src}" is not an image file the site shows; expected a .jpg, .jpeg, .png, .webp, .avif, .gif or .svg file`;
  }
  return undefined;
}

/** What the caller read of the file. */
export type ImageFileFacts = { missing: true } | { unreadable: string } | { format: string; width: number; height: number };

/** The problems of a lead image's file: `errors` stop the build, `warnings` are worth a look. */
export function leadImageFileProblems(src: string, facts: ImageFileFacts): { errors: string[]; warnings: string[] } {
  if ('missing' in facts) return { errors: [`"${src}" is not a file beside the article`], warnings: [] };
  if ('unreadable' in facts) return { errors: [`"${src}" could not be read as an image: ${facts.unreadable}`], warnings: [] };
  const extension = /\.([a-z0-9]+)$/i.exec(src)?.[1]?.toLowerCase() ?? '';
  const named = IMAGE_FORMATS[extension];
  if (named && named !== facts.format) return { errors: [`"${src}" is named .${extension} but holds a ${facts.format.toUpperCase()} image`], warnings: [] };
  const warnings =
    facts.width < LEAD_IMAGE_MIN_WIDTH
      ? [`"${src}" is ${facts.width} pixels wide; link previews and Google Discover want at least ${LEAD_IMAGE_MIN_WIDTH}`]
      : [];
  return { errors: [], warnings };
}

/**
 * Whether an article's lead image is a photograph the pages can show resized (Astro resolved it,
 * the loader read its size, and it is not an SVG, which Astro cannot resize): such an article's
 * previews, feeds and listings use it; every other article gets a share card.
 */
export function isPhoto(article: { image?: { asset?: unknown; file?: { format: string } } }): boolean {
  return !!article.image?.asset && !!article.image.file && article.image.file.format !== 'svg';
}
