/**
 * A WordPress export's pictures, brought home (`npm run import -- export.xml --media <uploads>`):
 * the featured image of a post (its `_thumbnail_id` attachment, with that attachment's alt text
 * and caption) and the pictures in its body that live on the blog's own site, each found in a
 * copy of `wp-content/uploads` and copied into a folder of the article's own, linked relatively.
 * Nothing is hot-linked: a picture that cannot be found is left out, and the report says so.
 *
 * WordPress serves resized copies under names of their own (`terminal-1024x683.jpg`, a
 * `-scaled` copy of a large upload): a body that points at one gets the largest file of that
 * picture present in the uploads folder.
 */

/** A picture a post uses: its address on the blog, and what the post says of it. */
export interface PostMedia {
  url: string;
  /** Its path below `wp-content/uploads/`: where to look for it in a copy of that folder. */
  upload: string;
  role: 'lead' | 'inline';
  alt?: string;
  caption?: string;
}

/** The part of an upload URL below `wp-content/uploads/` (`2021/06/terminal-1024x683.jpg`), for a URL on the blog. */
export function uploadPath(url: string, blog: URL | undefined): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, blog);
  } catch {
    return undefined;
  }
  if (blog && parsed.host !== blog.host) return undefined;
  const match = /\/wp-content\/uploads\/(.+)$/.exec(decodeURIComponent(parsed.pathname));
  return match?.[1];
}

// WordPress's derived copies: `-1024x683` (a size), `-scaled` (a big upload scaled down), `-rotated`, `-e1615123456789` (an edit).
const DERIVED = /(?:-\d+x\d+|-scaled|-rotated|-e\d{10,})+$/;

/** The picture an upload path names: its folder, its name without WordPress's size and edit marks, and its extension. */
export function uploadStem(path: string): { folder: string; stem: string; extension: string } {
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '' : path.slice(0, slash);
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const base = dot < 0 ? name : name.slice(0, dot);
  return { folder, stem: base.replace(DERIVED, ''), extension: dot < 0 ? '' : name.slice(dot).toLowerCase() };
}

/** Whether a file of the upload's folder is a copy of the same picture (the original, or another size of it). */
export function isCopyOf(fileName: string, stem: string, extension: string): boolean {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0 || fileName.slice(dot).toLowerCase() !== extension) return false;
  return fileName.slice(0, dot).replace(DERIVED, '') === stem;
}

/**
 * The best local file for an upload: the largest (in bytes) of the copies present, given the
 * folder's files and their sizes.
 */
export function bestCopy(path: string, filesInFolder: readonly { name: string; size: number }[]): string | undefined {
  const { folder, stem, extension } = uploadStem(path);
  const copies = filesInFolder
    .filter((file) => isCopyOf(file.name, stem, extension))
    .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
  return copies[0] && (folder ? `${folder}/${copies[0].name}` : copies[0].name);
}

/** Replaces, in an article's Markdown, each image whose address is `url`: with `local`, or (undefined) removes it. */
export function relinkImage(markdown: string, url: string, local: string | undefined): string {
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const image = new RegExp(`!\\[([^\\]]*)\\]\\(<?${escaped}>?((?:\\s+"[^"]*")?)\\)`, 'g');
  if (local === undefined)
    return markdown
      .replace(image, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  return markdown.replace(image, (_, alt: string, title: string) => `![${alt}](${local}${title})`);
}

/** What an import did with a post's pictures, for the report. */
export interface MediaOutcome {
  /** Files to copy: from the uploads folder to the article's own folder. */
  copies: { from: string; to: string }[];
  /** The lead image the article's `image` names, if it got one. */
  image?: { src: string; alt: string; caption?: string };
  /** Pictures left out, each with why (not found, no --media, no alt text). */
  leftOut: string[];
  /** The body with its pictures linked to their local copies, or taken out. */
  body: string;
}

/**
 * Brings a post's pictures home: each found by `find` (an upload path → the local file, or
 * undefined) is copied into `folder` (the article's own, relative to its file: `slug/`), and the
 * body links it there; one not found is left out. Without `find` (no --media) every picture is
 * left out and listed.
 */
export function bringHome(
  media: readonly PostMedia[],
  body: string,
  folder: { relative: string; absolute: string },
  find: ((upload: string) => string | undefined) | undefined,
  join: (...parts: string[]) => string,
): MediaOutcome {
  const outcome: MediaOutcome = { copies: [], leftOut: [], body };
  const local = new Map<string, string>();
  for (const item of media) {
    const file = find?.(item.upload);
    if (!file) {
      outcome.leftOut.push(`${item.url} (${find ? 'not in the uploads folder' : 'no --media folder given'})`);
      if (item.role === 'inline') outcome.body = relinkImage(outcome.body, item.url, undefined);
      continue;
    }
    const name = file.split(/[\\/]/).pop()!;
    const relative = `${folder.relative}${name}`;
    if (!local.has(file)) {
      local.set(file, relative);
      outcome.copies.push({ from: file, to: join(folder.absolute, name) });
    }
    if (item.role === 'inline') outcome.body = relinkImage(outcome.body, item.url, relative);
    else if (item.alt)
      outcome.image = { src: relative, alt: item.alt, ...(item.caption ? { caption: item.caption } : {}) };
    else
      outcome.leftOut.push(
        `${item.url} as the lead image: it has no alt text in WordPress (add image: { src: ${relative}, alt: … } by hand)`,
      );
  }
  return outcome;
}
