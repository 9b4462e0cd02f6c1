import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { HEADING_ANCHOR_CLASS } from '@/lib/content/heading-anchor';

test('the stylesheet styles the heading anchors by the one class name the pipeline gives them', () => {
  const css = readFileSync(new URL('../../src/components/ArticlePage.astro', import.meta.url), 'utf8');
  expect(css).toContain(`.${HEADING_ANCHOR_CLASS} {`);
  expect(css).toContain(`:hover .${HEADING_ANCHOR_CLASS}`);
});
