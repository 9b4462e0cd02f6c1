/**
 * Lint enforces declared imports (eslint.config.mjs): a package the code imports without
 * declaring it in package.json is an error, naming it. Run through ESLint's Node API on a file
 * of src/, as `npm run lint` reads it.
 */
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const lint = async (code: string) => {
  const [result] = await new ESLint().lintText(code, { filePath: 'src/lib/declared-imports-probe.ts' });
  return result!.messages
    .filter((message) => message.ruleId === 'import-x/no-extraneous-dependencies')
    .map((message) => message.message);
};

describe('declared imports', () => {
  test('a package only another package brings (unist-util-is, through unist-util-visit) is an error', async () => {
    expect(await lint("import { is } from 'unist-util-is';\nexport const probe = is;\n")).toEqual([
      expect.stringContaining("'unist-util-is' should be listed"),
    ]);
  });

  test("declared packages, Node's own modules, Astro's virtual modules and the project's @/ paths are fine", async () => {
    const code = [
      "import { visit } from 'unist-util-visit';",
      "import path from 'node:path';",
      "import { getCollection } from 'astro:content';",
      "import { slugify } from '@/lib/slug';",
      'export const probe = [visit, path, getCollection, slugify];',
      '',
    ].join('\n');
    expect(await lint(code)).toEqual([]);
  });
});
