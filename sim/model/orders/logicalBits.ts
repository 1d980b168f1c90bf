/**
 * One bit per logical request (numbered 0, 1, 2, ... by the sources): a set of them in an eighth
 * of a byte each, so a peak of 10,000 orders a second for ten minutes remembers six million of
 * them in under a megabyte, where a Set<number> would hold hundreds.
 */
export class LogicalBits {
  private bits = new Uint8Array(1024);

  has(logical: number): boolean {
    const byte = logical >>> 3;
    return byte < this.bits.length && (this.bits[byte]! & (1 << (logical & 7))) !== 0;
  }

  /** Adds `logical`; whether it was there already. */
  add(logical: number): boolean {
    const byte = logical >>> 3;
    if (byte >= this.bits.length) {
      let size = this.bits.length;
      while (size <= byte) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (logical & 7);
    const had = (this.bits[byte]! & mask) !== 0;
    this.bits[byte]! |= mask;
    return had;
  }
}
