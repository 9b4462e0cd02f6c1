import { describe, expect, test } from 'vitest';
import { deriveSummary, shortenText, SUMMARY_MAX_LENGTH } from '@/lib/content/summary';

describe('deriveSummary', () => {
  test('the first paragraph as plain text, skipping headings', () => {
    expect(
      deriveSummary(
        '## Xiaomi\n\nMicrosoft and **Xiaomi** have [announced](https://x.org) an `expansion`.\n\nSecond paragraph.',
      ),
    ).toBe('Microsoft and Xiaomi have announced an expansion.');
  });

  test('line breaks inside the paragraph become single spaces', () => {
    expect(deriveSummary('One line\nand   the next.\n\nOther.')).toBe('One line and the next.');
  });

  test('nothing to derive from gives an empty string', () => {
    expect(deriveSummary('')).toBe('');
    expect(deriveSummary('# Only a heading\n\n- a list item\n')).toBe('');
  });

  test('a blank paragraph is skipped', () => {
    // A paragraph that is only an encoded space has no text to show.
    expect(deriveSummary('&#32;\n\nReal text.')).toBe('Real text.');
  });

  test('long paragraphs are shortened', () => {
    const sentence = 'Microsoft and Xiaomi expand their partnership in cloud and devices. ';
    const summary = deriveSummary(sentence.repeat(10));
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
    expect(summary.endsWith('devices.')).toBe(true);
  });
});

describe('shortenText', () => {
  test('text within the limit is unchanged', () => {
    expect(shortenText('Short.', 10)).toBe('Short.');
    expect(shortenText('x'.repeat(300))).toBe('x'.repeat(300));
  });

  test('cuts at the last sentence end within the limit', () => {
    expect(shortenText('First sentence here. Second sentence is longer than the rest.', 40)).toBe(
      'First sentence here.',
    );
    expect(shortenText('Is it a question? Then the answer follows at length.', 30)).toBe('Is it a question?');
  });

  test('a sentence end too early is not used; cuts at a word with an ellipsis instead', () => {
    const text = 'Hi. Microsoft and Xiaomi expand their partnership in many areas of business';
    const short = shortenText(text, 40);
    expect(short).toBe('Hi. Microsoft and Xiaomi expand their…');
    expect(short.length).toBeLessThanOrEqual(41);
  });

  test('trailing punctuation before the ellipsis is dropped', () => {
    expect(shortenText('Cloud, devices, AI, speech, vision and more things', 21)).toBe('Cloud, devices, AI…');
  });

  test('a single over-long word is cut hard', () => {
    expect(shortenText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  test('the default limit applies', () => {
    const long = `${'word '.repeat(100)}`.trim();
    const short = shortenText(long);
    expect(short.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH + 1);
    expect(short).toMatch(/^(word )+word…$/);
  });
});

describe('deriveSummary skips paragraphs without prose', () => {
  test('an image-only first paragraph is not the summary', () => {
    expect(deriveSummary('![img](x.png)\n\nHello world.')).toBe('Hello world.');
  });
});

describe('shortenText stays within its limit', () => {
  test('a single over-long word is cut with the ellipsis inside the limit', () => {
    const out = shortenText('x'.repeat(50), 20);
    expect(out).toHaveLength(20);
    expect(out.endsWith('…')).toBe(true);
  });
});
