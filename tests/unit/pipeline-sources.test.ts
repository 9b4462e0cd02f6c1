import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { pipelineSources } from '../../src/loaders/pipeline-sources.ts';

const loaders = new URL('../../src/loaders/', import.meta.url);
const names = (urls: URL[], root: URL) => urls.map((url) => path.relative(root.pathname, url.pathname));

describe("the loader's pipeline sources", () => {
  test("follow the entry points' local imports, however deep, each once (cycles included); packages are not followed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pipeline-'));
    const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
    write(
      'entry.ts',
      "import { a } from './a.ts';\nimport type { T } from './types.ts';\nimport { x } from 'some-package';\nexport * from './b.ts';\n",
    );
    write('a.ts', "import {\n  c,\n} from './lib/c.ts';\nexport const a = c;\n");
    write('b.ts', "export { a } from './a.ts';\n");
    write('types.ts', 'export type T = 1;\n');
    write('unused.ts', 'export const u = 1;\n');
    // A cycle back to the entry.
    mkdirSync(path.join(dir, 'lib'));
    write('lib/c.ts', "import { a } from '../entry.ts';\nexport const c = 1;\n");
    const root = pathToFileURL(`${dir}/`);
    expect(names(pipelineSources([new URL('entry.ts', root)]), root)).toEqual([
      'a.ts',
      'b.ts',
      'entry.ts',
      'lib/c.ts',
      'types.ts',
    ]);
  });

  test('of the real loader: what renders a body, sanitizes it and reads its frontmatter, and what those import', () => {
    const sources = names(
      pipelineSources([new URL('process-file.ts', loaders), new URL('html-files.ts', loaders)]),
      new URL('../', loaders),
    );
    for (const module of [
      'loaders/process-file.ts',
      'lib/content/markdown.ts',
      'lib/content/sanitize.ts',
      'lib/content/frontmatter.ts',
      'lib/pad.ts',
      'lib/edit-distance.ts',
    ]) {
      expect(sources).toContain(module);
    }
    expect(sources).not.toContain('loaders/markdown-folder.ts');
  });
});
