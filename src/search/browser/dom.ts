/**
 * Small DOM helpers of the search page's components. Every text from the index or the content is
 * set as text (`append` of a string makes a text node), never parsed as HTML.
 */

/** An element with attributes and children (strings become text nodes). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A link target from the index: a path or an http(s) URL, else nothing (`#`). */
export const safeHref = (url: string) => (/^(\/|https?:\/\/)/i.test(url) ? url : '#');

/** The element `selector` finds in `root`, which the page's markup must have. */
export function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search page: ${selector} is missing`);
  return found;
}

/** The month names of the page's language, for "since March 2023". */
export function monthNames(lang: string): string[] {
  const format = new Intl.DateTimeFormat(lang || 'en', { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2000, i, 1)));
}
