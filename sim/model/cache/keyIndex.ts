/**
 * Key -> slot index for a KeyStore: open addressing with linear probing over one Int32Array,
 * at most half full, and backward-shift deletion (no tombstones, so probes stay short however
 * long the run). Keys are not stored twice: a bucket holds slot + 1 and the key is read from the
 * store's own `keyAt` column.
 *
 * Why not a Map: at the article's scale a cache holds millions of keys and is read over a million
 * times per simulated second; a JS Map's entries are scattered on the heap and each lookup takes
 * several cache misses, while here a lookup is one probe in a flat array, usually one miss. It
 * was a fifth of the whole run's time in the lunch-peak profile.
 */
export class KeyIndex {
  private readonly buckets: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(
    capacity: number,
    private readonly keyAt: Float64Array,
    private readonly stride = 1,
  ) {
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    if (bits > 30) throw new RangeError(`key index too large for ${capacity} keys`);
    this.buckets = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** The slot of `key`, or -1. */
  get(key: number): number {
    const buckets = this.buckets;
    const keyAt = this.keyAt;
    let at = this.home(key);
    for (;;) {
      const held = buckets[at]!;
      if (held === 0) return -1;
      if (keyAt[(held - 1) * this.stride] === key) return held - 1;
      at = (at + 1) & this.mask;
    }
  }

  /** Records `key` (not present) at `slot`; the store has already written keyAt[slot]. */
  insert(key: number, slot: number): void {
    const buckets = this.buckets;
    let at = this.home(key);
    while (buckets[at] !== 0) at = (at + 1) & this.mask;
    buckets[at] = slot + 1;
  }

  /** `key`, present, now lives at `slot` (the store moved it). */
  move(key: number, slot: number): void {
    const buckets = this.buckets;
    const keyAt = this.keyAt;
    // The bucket still names the old slot, which still holds `key` too: find it by the key.
    const at = this.bucketOf(key, buckets, keyAt);
    buckets[at] = slot + 1;
  }

  /** Removes `key`, present; shifts later entries of its probe run back into the hole. */
  delete(key: number): void {
    const buckets = this.buckets;
    const keyAt = this.keyAt;
    const mask = this.mask;
    let hole = this.bucketOf(key, buckets, keyAt);
    let at = hole;
    for (;;) {
      at = (at + 1) & mask;
      const held = buckets[at]!;
      if (held === 0) break;
      const home = this.home(keyAt[(held - 1) * this.stride]!);
      // The entry may fill the hole only if its home is not in the cyclic range (hole, at].
      const inRange = hole <= at ? home > hole && home <= at : home > hole || home <= at;
      if (!inRange) {
        buckets[hole] = held;
        hole = at;
      }
    }
    buckets[hole] = 0;
  }

  /** The bucket holding `key`, which must be present (the probe run reaches it before a gap). */
  private bucketOf(key: number, buckets: Int32Array, keyAt: Float64Array): number {
    let at = this.home(key);
    for (;;) {
      const held = buckets[at]!;
      if (held === 0) throw new Error(`key ${key} is not in the index`);
      if (keyAt[(held - 1) * this.stride] === key) return at;
      at = (at + 1) & this.mask;
    }
  }

  clear(): void {
    this.buckets.fill(0);
  }

  /** Fibonacci hashing of the key's two 32-bit halves: integer keys spread evenly. */
  private home(key: number): number {
    const low = key >>> 0;
    const high = (key / 4294967296) | 0;
    return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }
}
