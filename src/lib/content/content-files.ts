/**
 * The Markdown files of a content folder, as the build and `npm run check` both list them.
 * Symbolic links are followed only when they stay inside the content folder and form no loop
 * (a link to a folder that holds it, or to itself); any other link is an error naming it, never
 * a folder read twice or a file from elsewhere published.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './errors.ts';
import { displayPath } from './display-path.ts';

export function listMarkdownFiles(folder: string): { files: string[]; problems: ContentProblem[] } {
  const files: string[] = [];
  const problems: ContentProblem[] = [];
  let root: string;
  try {
    root = realpathSync(folder);
  } catch {
    return { files, problems };
  }
  const inside = (target: string) => target === root || target.startsWith(root + path.sep);

  // `real` is where `dir` really is, which a link inside it must not lead back to.
  const walk = (dir: string, real: string, ancestors: Set<string>) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      // Hidden files and folders (`.git`, an editor's `.swp`) are not content, as for a glob.
      if (entry.name.startsWith('.')) continue;
      const shown = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(shown);
        } catch {
          problems.push({ file: displayPath(shown), message: 'a symbolic link that leads nowhere (its target is missing, or it is a loop of links)' });
          continue;
        }
        if (!inside(target)) {
          problems.push({ file: displayPath(shown), message: `a symbolic link to ${target}, outside the content folder; content must live inside it (copy the file in)` });
          continue;
        }
        const stat = statSync(target);
        if (stat.isDirectory()) {
          if (ancestors.has(target) || target === real) {
            problems.push({ file: displayPath(shown), message: `a symbolic link to ${displayPath(target)}, a folder that holds it: following it would read the same files again and again` });
            continue;
          }
          walk(shown, target, new Set([...ancestors, real]));
        } else if (entry.name.endsWith('.md')) files.push(shown);
      } else if (entry.isDirectory()) walk(shown, path.join(real, entry.name), new Set([...ancestors, real]));
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(shown);
    }
  };
  walk(folder, root, new Set());
  return { files: files.sort(), problems };
}
