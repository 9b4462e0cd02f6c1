/**
 * The Markdown files of a content folder, read: what `npm run check` checks and `npm run
 * import` reads the company registry from. (The build's loader reads its own, in workers.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { displayPath } from './display-path.ts';

export interface SourceFile {
  /** The path as shown in messages. */
  file: string;
  absolute: string;
  source: string;
}

/** Every `.md` file below `folder`, sorted; none when the folder does not exist. */
export function readSourceFiles(folder: string): SourceFile[] {
  if (!existsSync(folder)) return [];
  return globSync('**/*.md', { cwd: folder, absolute: true })
    .sort()
    .map((absolute) => ({ file: displayPath(absolute), absolute, source: readFileSync(absolute, 'utf8') }));
}
