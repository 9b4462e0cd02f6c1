/**
 * The Markdown files of a content folder, read: what `npm run check` checks and `npm run
 * import` reads the company registry from. (The build's loader reads its own, in workers.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { displayPath } from './display-path.ts';
import { decodeContent, type EncodingProblem } from './encoding.ts';

export interface SourceFile {
  /** The path as shown in messages. */
  file: string;
  absolute: string;
  /** The text, decoded strictly as UTF-8 (src/lib/content/encoding.ts); empty when it is not. */
  source: string;
  /** Why the file is not UTF-8, if it is not. */
  encoding?: EncodingProblem;
}

/** Every `.md` file below `folder`, sorted; none when the folder does not exist. */
export function readSourceFiles(folder: string): SourceFile[] {
  if (!existsSync(folder)) return [];
  return globSync('**/*.md', { cwd: folder, absolute: true })
    .sort()
    .map((absolute) => {
      const decoded = decodeContent(readFileSync(absolute));
      const file = displayPath(absolute);
      return 'problem' in decoded ? { file, absolute, source: '', encoding: decoded.problem } : { file, absolute, source: decoded.text };
    });
}
