/**
 * A 53-bit fingerprint (cyrb53: two 32-bit lanes, mixed at the end), to tell whether what the
 * story finder reads of an article changed since the last build without keeping its text. Not a
 * cryptographic hash: a change it misses is a chance of about one in 2^53.
 */
export class Fingerprint {
  #h1: number;
  #h2: number;

  constructor(seed = 0) {
    this.#h1 = 0xdeadbeef ^ (seed >>> 0);
    this.#h2 = 0x41c6ce57 ^ Math.floor(seed / 4294967296);
  }

  /** Adds a text, and a separator after it, so that one text cannot run into the next. */
  text(text: string): this {
    let h1 = this.#h1;
    let h2 = this.#h2;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    this.#h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    this.#h2 = Math.imul(h2 ^ 0x1f, 1597334677);
    return this;
  }

  /** Adds a number (a whole one, as a millisecond instant is), without making it a text. */
  number(value: number): this {
    this.#h1 = Math.imul(this.#h1 ^ (value >>> 0), 2654435761);
    this.#h2 = Math.imul(this.#h2 ^ Math.floor(value / 4294967296), 1597334677);
    return this;
  }

  /** The fingerprint so far: a whole number below 2^53. */
  value(): number {
    const h1 =
      Math.imul(this.#h1 ^ (this.#h1 >>> 16), 2246822507) ^ Math.imul(this.#h2 ^ (this.#h2 >>> 13), 3266489909);
    const h2 = Math.imul(this.#h2 ^ (this.#h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}
