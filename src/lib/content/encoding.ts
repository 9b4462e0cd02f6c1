/**
 * Content files are UTF-8, decoded strictly: a file saved in another encoding (Latin-1 or
 * Windows-1252 from an old system: `Caf\xe9`) is an error naming the line and column of its
 * first byte that is not UTF-8, never text published with replacement characters it did not
 * contain. A UTF-8 byte order mark is allowed (and dropped), as are CRLF line ends.
 */

export interface EncodingProblem {
  line: number;
  column: number;
  message: string;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** Where the first byte sequence that is not UTF-8 starts, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The number of continuation bytes, and the range the first of them must be in (which
    // rules out overlong forms, surrogates and code points past U+10FFFF).
    let count: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) count = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      count = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      count = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= count; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += count + 1;
  }
  return -1;
}

/** The file's text, or where and why it is not UTF-8. */
export function decodeContent(bytes: Uint8Array): { text: string } | { problem: EncodingProblem } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, Math.max(at, 0));
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const line = before.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
    // Characters, not bytes, before it on its line (the line's start is valid UTF-8).
    const column = [...strict.decode(before.subarray(lineStart)).replace(/^\uFEFF/, '')].length + 1;
    const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      problem: {
        line,
        column,
        message: `the file is not UTF-8: byte 0x${byte} at column ${column} is not valid UTF-8 (a file saved as Latin-1 or Windows-1252?); save it as UTF-8`,
      },
    };
  }
}

/**
 * An import's input, in the encoding it declares: an XML file (a WordPress export) by its XML
 * declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`), UTF-8 when it declares none; any
 * other file as strict UTF-8. The import writes what it decoded as UTF-8.
 */
export function decodeImportInput(bytes: Uint8Array, isXml: boolean): { text: string } | { problem: EncodingProblem } {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = isXml ? /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] : undefined;
  if (!declared || /^utf-?8$/i.test(declared)) return decodeContent(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared);
  } catch {
    return { problem: { line: 1, column: 1, message: `the file declares the encoding "${declared}", which is not one this import knows; convert it to UTF-8` } };
  }
  // The declaration names the file's encoding; the text no longer is in it.
  return { text: decoder.decode(bytes).replace(/(<\?xml[^>]*\bencoding\s*=\s*["'])[^"']+(["'])/, '$1UTF-8$2') };
}
