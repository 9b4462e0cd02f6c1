/**
 * The `/` keyboard shortcut: focus the search box (the search page's own box, else the
 * header's), as on GitHub, YouTube or MDN. Ignored while the reader is typing in a field or
 * uses a modifier, so it never eats a real `/`.
 *
 * Article pages ship no client JavaScript, so they do not get this (BaseLayout's
 * `clientScript` prop); the header form itself works everywhere.
 */
import { isTypingTarget } from './typing-target.ts';

const TARGETS = ['[data-search-ui] .pf-input', '#site-search-q'];

document.addEventListener('keydown', (event) => {
  if (
    event.key !== '/' ||
    event.defaultPrevented ||
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    event.isComposing
  )
    return;
  if (isTypingTarget(event.target)) return;
  const box = TARGETS.map((selector) => document.querySelector<HTMLInputElement>(selector)).find(
    (element): element is HTMLInputElement => element !== null && element.offsetParent !== null,
  );
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});
