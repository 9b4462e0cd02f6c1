/**
 * Listing a content folder (src/lib/content/content-files.ts): symbolic links are followed when
 * they stay inside it and form no loop; a link out of it, a loop and a dangling link are named.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { listMarkdownFiles } from '@/lib/content/content-files';

const work = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'content-files-')));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('links inside the folder are followed; loops, links out and dangling links are errors naming the link', () => {
  const content = path.join(work, 'content');
  const outside = path.join(work, 'elsewhere');
  for (const dir of ['articles/2020', 'shared', '.git']) mkdirSync(path.join(content, dir), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(content, 'articles/2020/a.md'), 'a');
  writeFileSync(path.join(content, 'articles/2020/notes.txt'), 'not Markdown');
  writeFileSync(path.join(content, 'shared/b.md'), 'b');
  writeFileSync(path.join(content, '.git/c.md'), 'hidden');
  writeFileSync(path.join(outside, 'd.md'), 'd');
  symlinkSync(path.join(content, 'shared'), path.join(content, 'articles/linked'));
  symlinkSync(path.join(content, 'articles'), path.join(content, 'articles/2020/loop'));
  symlinkSync(outside, path.join(content, 'articles/out'));
  symlinkSync(path.join(work, 'missing'), path.join(content, 'articles/dangling.md'));

  const { files, problems } = listMarkdownFiles(content);
  expect(files.map((file) => path.relative(content, file))).toEqual([
    'articles/2020/a.md',
    'articles/linked/b.md',
    'shared/b.md',
  ]);
  expect(problems.map(({ file, message }) => `${path.relative(content, file)}: ${message}`)).toEqual([
    'articles/2020/loop: a symbolic link to ' +
      path.join(content, 'articles') +
      ', a folder that holds it: following it would read the same files again and again',
    'articles/dangling.md: a symbolic link that leads nowhere (its target is missing, or it is a loop of links)',
    `articles/out: a symbolic link to ${outside}, outside the content folder; content must live inside it (copy the file in)`,
  ]);
});
