/**
 * Puts a file the build wrote once and never writes again (a share card in the cache, a Pagefind
 * index file, a page of the staged output) at a second path: as a hard link, so its bytes are not
 * copied, or as a copy on a file system without them. Whatever was at the second path is removed
 * first: a copy onto it would write into that file, which may itself be a link to another.
 */
import { copyFileSync, linkSync, rmSync } from 'node:fs';

export function linkOrCopy(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
