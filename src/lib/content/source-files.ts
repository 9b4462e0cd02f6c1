/**
 * The Markdown files of a content folder, read: what `npm run check` checks and `npm run
 * import` reads the company registry from. (The build's loader reads its own, in workers.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { listMarkdownFiles } from './content-files.ts';
import { displayPath } from './display-path.ts';
import { decodeContent } from './encoding.ts';

export interface SourceFile {
  /** The path as shown in messages. */
  file: string;
  absolute: string;
  /** The text, decoded strictly as UTF-8 (src/lib/content/encoding.ts); empty when it is not. */
  source: string;
  /** Why the file cannot be read, if it cannot: not UTF-8, or a link that cannot be followed. */
  unreadable?: { line?: number; message: string };
}

/** Every `.md` file below `folder`, sorted; none when the folder does not exist. */
export function readSourceFiles(folder: string): SourceFile[] {
  if (!existsSync(folder)) return [];
  const { files, problems } = listMarkdownFiles(folder);
  const links = problems.map((problem): SourceFile => ({ file: problem.file, absolute: '', source: '', unreadable: { message: problem.message } }));
  // A link that cannot be followed is reported as the build reports it.
  return [...links, ...files.map(readSourceFile)];
}

/** One file, read and decoded (for a tool that reads a large folder one file at a time). */
export function readSourceFile(absolute: string): SourceFile {
  const decoded = decodeContent(readFileSync(absolute));
  const file = displayPath(absolute);
  return 'problem' in decoded ? { file, absolute, source: '', unreadable: decoded.problem } : { file, absolute, source: decoded.text };
}
