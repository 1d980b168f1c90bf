import { KeyIndex } from './keyIndex';

/**
 * The contents of a cache: which keys it holds, until when, and which version of the value.
 * Bounded by `capacity` keys with least-recently-used eviction (Redis' allkeys-lru in spirit);
 * expired keys are removed lazily when looked up, as Redis does on access.
 *
 * Slots live in typed arrays with an intrusive doubly linked LRU list, and an open-addressing
 * index from key to slot (KeyIndex): one probe per access and no allocation at all.
 */
export class KeyStore {
  private readonly slotOf: KeyIndex;
  private readonly keyAt: Float64Array;
  private readonly expiresAt: Float64Array;
  private readonly versionAt: Float64Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private head = -1; // most recently used
  private tail = -1; // least recently used
  private used = 0;

  hits = 0;
  misses = 0;
  /** Misses because the key was there but its TTL had passed. */
  expiredMisses = 0;
  evictions = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`cache capacity must be an integer >= 1, got ${capacity}`);
    }
    this.keyAt = new Float64Array(capacity);
    this.expiresAt = new Float64Array(capacity);
    this.versionAt = new Float64Array(capacity);
    this.prev = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.slotOf = new KeyIndex(capacity, this.keyAt);
  }

  get size(): number {
    return this.used;
  }

  /**
   * The cached version of `key` at `now`, or -1 on a miss. Counts the hit or miss and marks the
   * key recently used.
   */
  get(key: number, now: number): number {
    const slot = this.slotOf.get(key);
    if (slot < 0) {
      this.misses++;
      return -1;
    }
    if (this.expiresAt[slot]! <= now) {
      this.remove(key, slot);
      this.misses++;
      this.expiredMisses++;
      return -1;
    }
    this.touch(slot);
    this.hits++;
    return this.versionAt[slot]!;
  }

  /** Stores `key` at `version` until `expiresAt` (Infinity: no TTL), evicting the LRU key if full. */
  set(key: number, version: number, expiresAt: number): void {
    let slot = this.slotOf.get(key);
    if (slot < 0) {
      if (this.used === this.capacity) {
        const victim = this.tail;
        this.remove(this.keyAt[victim]!, victim);
        this.evictions++;
      }
      slot = this.used++;
      this.keyAt[slot] = key;
      this.slotOf.insert(key, slot);
      this.linkFront(slot);
    } else {
      this.touch(slot);
    }
    this.expiresAt[slot] = expiresAt;
    this.versionAt[slot] = version;
  }

  delete(key: number): void {
    const slot = this.slotOf.get(key);
    if (slot >= 0) this.remove(key, slot);
  }

  /** FLUSHALL. */
  clear(): void {
    this.slotOf.clear();
    this.used = 0;
    this.head = -1;
    this.tail = -1;
  }

  /** Share of lookups that hit, NaN before the first. */
  get hitRatio(): number {
    return this.hits / (this.hits + this.misses);
  }

  private touch(slot: number): void {
    if (slot === this.head) return;
    this.unlink(slot);
    this.linkFront(slot);
  }

  private linkFront(slot: number): void {
    this.prev[slot] = -1;
    this.next[slot] = this.head;
    if (this.head >= 0) this.prev[this.head] = slot;
    this.head = slot;
    if (this.tail < 0) this.tail = slot;
  }

  private unlink(slot: number): void {
    const p = this.prev[slot]!;
    const n = this.next[slot]!;
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
  }

  /** Removes `key` and keeps the slots dense by moving the last slot into the hole. */
  private remove(key: number, slot: number): void {
    this.unlink(slot);
    this.slotOf.delete(key);
    const last = --this.used;
    if (slot !== last) {
      const movedKey = this.keyAt[last]!;
      this.keyAt[slot] = movedKey;
      this.expiresAt[slot] = this.expiresAt[last]!;
      this.versionAt[slot] = this.versionAt[last]!;
      const p = this.prev[last]!;
      const n = this.next[last]!;
      this.prev[slot] = p;
      this.next[slot] = n;
      if (p >= 0) this.next[p] = slot;
      else this.head = slot;
      if (n >= 0) this.prev[n] = slot;
      else this.tail = slot;
      this.slotOf.move(movedKey, slot);
    }
  }
}
