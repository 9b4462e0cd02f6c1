import { describe, expect, test } from 'vitest';
import { excerptOf, matchedWords, SUMMARY_CHARACTERS } from '@/search/browser/excerpt';

const ZWS = '\u200B';
// As Pagefind 1.6 writes a Chinese article's content: words segmented by zero-width spaces.
const chinese = [
  '量子',
  '实验',
  '室',
  '取得',
  '突破',
  '. ',
  'Xiaomi ',
  '· ',
  '小米 ',
  '⁂',
  '. ',
  '研究',
  '人员',
  '今天',
  '宣布',
  '，',
  '实验',
  '室',
  '取得',
  '了',
  '进展',
  '。',
].join(ZWS);
const english = 'Acme buys Globex. Acme · Acme Corp. · Globex ⁂. Acme said on Monday that it had agreed to buy Globex.';

describe('excerpts', () => {
  test('around the matches in the text, the lead (headline and names) left out', () => {
    const words = english.split(' ');
    const locations = words.flatMap((word, i) => (word.startsWith('Globex') ? [i] : []));
    const parts = excerptOf({ content: english, locations, meta: {} });
    expect(parts.map((part) => part.text).join('')).toBe('Acme said on Monday that it had agreed to buy Globex.');
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['Globex.']);
  });

  test('when only the headline or a name matched: the start of the summary, cut at a word', () => {
    const parts = excerptOf({
      content: english,
      locations: [0, 3, 5],
      meta: { summary: 'Acme agreed to buy Globex.' },
    });
    expect(parts).toEqual([{ text: 'Acme agreed to buy Globex.', mark: false }]);
    const long = `${'word '.repeat(100)}end`;
    const [cut] = excerptOf({ content: english, locations: [0], meta: { summary: long } });
    expect(cut!.text.length).toBeLessThanOrEqual(SUMMARY_CHARACTERS + 2);
    expect(cut!.text).toMatch(/word …$/);
  });

  test('segmented text (Chinese) is put back together without spaces, its matches marked', () => {
    const words = chinese.split(ZWS);
    const at = words.indexOf('人员');
    // Pagefind's `content` has lost the zero-width spaces; its `raw_content` has them.
    const parts = excerptOf({
      content: chinese.replaceAll(ZWS, ''),
      raw_content: chinese,
      locations: [1, at],
      meta: {},
    });
    expect(parts.map((part) => part.text).join('')).toBe('研究人员今天宣布，实验室取得了进展。');
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['人员']);
  });

  test('long text: a window of words with the most matches, cut with an ellipsis', () => {
    const body = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    const content = `Title ⁂ ${body}`;
    const parts = excerptOf({ content, locations: [52, 60, 95], meta: {} }, 20);
    const text = parts.map((part) => part.text).join('');
    expect(text.startsWith('w46 ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['w50', 'w58']);
  });

  test('text is drawn as written, not as Pagefind escaped it', () => {
    const raw = 'AT&T <b> ⁂ AT&T said <b> was fine.';
    const parts = excerptOf({ content: raw.replaceAll('&', '&amp;'), raw_content: raw, locations: [3], meta: {} });
    expect(parts.map((part) => part.text).join('')).toBe('AT&T said <b> was fine.');
  });

  test('the words that matched, folded, for telling a word being typed from Pagefind’s prefix fallback', () => {
    expect(matchedWords({ content: 'Société Générale ⁂ rose.', locations: [0, 3] })).toEqual(['societe', 'rose']);
  });
});
