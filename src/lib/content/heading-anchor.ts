/**
 * The link rehype-autolink-headings appends to each body heading: a visible `#` (shown on
 * hover and focus by CSS) whose accessible name says which section it links to.
 */
import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';

/** The class of those links: styled with the article's prose (components/ArticlePage.astro), left out of the search index and of feeds. */
export const HEADING_ANCHOR_CLASS = 'heading-anchor';

export function headingAnchorContent(heading: Element): ElementContent[] {
  return [
    { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['visually-hidden'] },
      children: [{ type: 'text', value: `Link to section: ${toString(heading)}` }],
    },
  ];
}
