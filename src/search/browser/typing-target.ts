/**
 * Whether a key press is aimed at something the reader is typing into, so a keyboard shortcut
 * must leave it alone: text fields, text areas, selects and editable content.
 */
const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

interface ElementLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

export function isTypingTarget(target: EventTarget | ElementLike | null): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as ElementLike;
  if (element.isContentEditable) return true;
  switch (element.tagName?.toUpperCase()) {
    case 'TEXTAREA':
    case 'SELECT':
      return true;
    case 'INPUT':
      return !NON_TEXT_INPUTS.has((element.type ?? 'text').toLowerCase());
    default:
      return false;
  }
}
