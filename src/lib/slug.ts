/**
 * The one slug rule (README, "Content"): lower-case ASCII, accents transliterated, `&` read as `and`,
 * every other run of non-alphanumerics one `-`.
 *
 * Scripts without Latin letters are transliterated too (人工智能 → ren-gong-zhi-neng,
 * Москва → moskva), so every name gets a readable URL. A name that transliterates to nothing
 * (emoji, symbols) falls back to a stable hash of its text, so it still gets a page.
 */
import { transliterate } from 'transliteration';

/** FNV-1a over the UTF-16 code units: tiny, dependency-free and stable across runs. */
function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function slugify(name: string): string {
  const text = name.normalize('NFC').trim();
  const slug = transliterate(text.replace(/&/g, ' and '))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug) return slug;
  return text ? `n-${stableHash(text)}` : '';
}
