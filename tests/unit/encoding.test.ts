/** Strict UTF-8 for content files, declared encodings for imports (src/lib/content/encoding.ts). */
import { describe, expect, test } from 'vitest';
import { decodeContent, decodeImportInput, firstInvalidUtf8 } from '@/lib/content/encoding';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('decodeContent', () => {
  test('UTF-8 passes, with or without a byte order mark, with CRLF', () => {
    expect(decodeContent(bytes('Café crème\r\n'))).toEqual({ text: 'Café crème\r\n' });
    expect(decodeContent(bytes([0xef, 0xbb, 0xbf], '---\ntitle: 量子\n'))).toEqual({ text: '---\ntitle: 量子\n' });
  });

  test('Latin-1 is an error at the line and column of its first byte that is not UTF-8', () => {
    const result = decodeContent(bytes('---\ntitle: Déjà ', [0xe9], 't\n'));
    expect(result).toEqual({
      problem: {
        line: 2,
        column: 13,
        message:
          'the file is not UTF-8: byte 0xE9 at column 13 is not valid UTF-8 (a file saved as Latin-1 or Windows-1252?); save it as UTF-8',
      },
    });
  });

  test('overlong forms, surrogates, code points past U+10FFFF and cut sequences are not UTF-8', () => {
    expect(firstInvalidUtf8(bytes('ab', [0xc0, 0xaf]))).toBe(2);
    expect(firstInvalidUtf8(bytes([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(bytes('x', [0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(bytes('ok', [0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8(bytes('€ 𝄞 ok'))).toBe(-1);
  });
});

describe('decodeImportInput', () => {
  test('a WordPress export declared ISO-8859-1 is read in it, and says UTF-8 afterwards', () => {
    const xml = bytes('<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss><title>Caf', [0xe9], '</title></rss>');
    expect(decodeImportInput(xml, true)).toEqual({
      text: '<?xml version="1.0" encoding="UTF-8"?>\n<rss><title>Café</title></rss>',
    });
  });

  test('an export declaring UTF-8, or nothing, is strict UTF-8; an unknown encoding is named', () => {
    expect('problem' in decodeImportInput(bytes('<?xml version="1.0"?><rss>', [0xe9], '</rss>'), true)).toBe(true);
    expect(decodeImportInput(bytes('<?xml version="1.0" encoding="utf-8"?><rss>é</rss>'), true)).toEqual({
      text: '<?xml version="1.0" encoding="utf-8"?><rss>é</rss>',
    });
    expect(decodeImportInput(bytes('<?xml version="1.0" encoding="x-nonsense"?><rss/>'), true)).toEqual({
      problem: {
        line: 1,
        column: 1,
        message: 'the file declares the encoding "x-nonsense", which is not one this import knows; convert it to UTF-8',
      },
    });
  });

  test('plain text wire copy is strict UTF-8', () => {
    expect('problem' in decodeImportInput(bytes('Caf', [0xe9]), false)).toBe(true);
  });
});
