/**
 * A 53-bit fingerprint (cyrb53: two 32-bit lanes, mixed at the end), to tell whether what the
 * story finder reads of an article changed since the last build without keeping its text. Not a
 * cryptographic hash: a change it misses is a chance of about one in 2^53.
 */
/** A double's bits, as two 32-bit words. */
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);

export class Fingerprint {
  #h1: number;
  #h2: number;

  constructor(seed = 0) {
    this.#h1 = 0xdeadbeef ^ (seed >>> 0);
    this.#h2 = 0x41c6ce57 ^ Math.floor(seed / 4294967296);
  }

  /** Adds a text, its length first, so that one text cannot run into the next. */
  text(text: string): this {
    this.number(text.length);
    let h1 = this.#h1;
    let h2 = this.#h2;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    this.#h1 = h1;
    this.#h2 = h2;
    return this;
  }

  /** Adds a number, by the bits of its double (so 0.5 ms apart is another fingerprint). */
  number(value: number): this {
    BITS[0] = value;
    this.#h1 = Math.imul(this.#h1 ^ WORDS[0]!, 2654435761);
    this.#h2 = Math.imul(this.#h2 ^ WORDS[1]!, 1597334677);
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
