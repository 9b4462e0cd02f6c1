/**
 * Comments that point at files point at files that exist: every path the code names
 * (`src/search/build/documents.ts`, `../contract/shards.ts`) resolves, from the project root or
 * from the file that names it. A file moved or removed without its mentions fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOTED =
  /(?<![\w@/.-])((?:src|tests|scripts|bench)\/[\w./-]*[\w-]\.(?:ts|astro|mjs|css|json)|(?:src|tests|scripts|bench)\/[\w./-]+\/)(?![\w])/g;
const RELATIVE = /(?<![\w@/.-])(\.{1,2}\/[\w./-]*[\w-]\.(?:ts|astro|mjs|css))(?![\w])/g;

function sourceFiles(): string[] {
  return ['src', 'scripts', 'bench']
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        // Files only: Astro's own `.astro/` folder (in bench/reference after a bench) is not a page.
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name)),
    )
    .filter((file) => /\.(ts|astro|mjs|css)$/.test(file) && !file.includes('node_modules'));
}

describe('file references', () => {
  test('every path named in the code exists', () => {
    const missing: string[] = [];
    for (const file of sourceFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const [, ref] of text.matchAll(ROOTED)) if (!existsSync(ref!)) missing.push(`${file}: ${ref}`);
      for (const [, ref] of text.matchAll(RELATIVE))
        if (!existsSync(path.join(path.dirname(file), ref!))) missing.push(`${file}: ${ref}`);
    }
    expect(missing).toEqual([]);
  });
});
