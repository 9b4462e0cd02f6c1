// ESLint for the whole project: JavaScript's and typescript-eslint's recommended rules,
// eslint-plugin-astro's for .astro files, and one of eslint-plugin-import-x's: every package the
// code imports is declared in package.json. `npm run lint` runs it (with Prettier's check), in CI too.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist.next/',
      'dist.previous/',
      'node_modules/',
      '.cache/',
      '.astro/',
      'content/',
      'test-results/',
      'playwright-report/',
      'bench/reference/node_modules/',
      'bench/reference/.astro/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a parameter or binding kept for its position or to leave a field out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // A package imported but not declared works only while another package happens to bring it.
    plugins: { 'import-x': importX },
    settings: {
      // `@/…` is the project's own `src/` (tsconfig paths); `astro:…` are Astro's virtual modules.
      'import-x/internal-regex': '^@/',
      'import-x/core-modules': ['astro:content', 'astro:assets', 'astro:env', 'astro:transitions', 'astro:middleware'],
    },
    rules: {
      'import-x/no-extraneous-dependencies': ['error', { includeTypes: true }],
    },
  },
);
