import { KeyIndex } from './keyIndex';

/** Doubles per record, and the offsets of its fields (the key is at 0). */
const RECORD = 4;
const EXPIRES = 1;
const VERSION = 2;

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
  /**
   * One record per slot, [key, expiresAt, version, unused], side by side so that a lookup
   * touches one cache line rather than one per column: the caches of the lunch-peak lesson
   * hold millions of keys and are read a million times per simulated second.
   */
  private readonly records: Float64Array;
  /** LRU links, [prev, next] per slot. */
  private readonly links: Int32Array;
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
    this.records = new Float64Array(capacity * RECORD);
    this.links = new Int32Array(capacity * 2);
    this.slotOf = new KeyIndex(capacity, this.records, RECORD);
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
    if (this.records[slot * RECORD + EXPIRES]! <= now) {
      this.remove(key, slot);
      this.misses++;
      this.expiredMisses++;
      return -1;
    }
    this.touch(slot);
    this.hits++;
    return this.records[slot * RECORD + VERSION]!;
  }

  /** Stores `key` at `version` until `expiresAt` (Infinity: no TTL), evicting the LRU key if full. */
  set(key: number, version: number, expiresAt: number): void {
    let slot = this.slotOf.get(key);
    if (slot < 0) {
      if (this.used === this.capacity) {
        const victim = this.tail;
        this.remove(this.records[victim * RECORD]!, victim);
        this.evictions++;
      }
      slot = this.used++;
      this.records[slot * RECORD] = key;
      this.slotOf.insert(key, slot);
      this.linkFront(slot);
    } else {
      this.touch(slot);
    }
    this.records[slot * RECORD + EXPIRES] = expiresAt;
    this.records[slot * RECORD + VERSION] = version;
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
    const links = this.links;
    links[2 * slot] = -1;
    links[2 * slot + 1] = this.head;
    if (this.head >= 0) links[2 * this.head] = slot;
    this.head = slot;
    if (this.tail < 0) this.tail = slot;
  }

  private unlink(slot: number): void {
    const links = this.links;
    const p = links[2 * slot]!;
    const n = links[2 * slot + 1]!;
    if (p >= 0) links[2 * p + 1] = n;
    else this.head = n;
    if (n >= 0) links[2 * n] = p;
    else this.tail = p;
  }

  /** Removes `key` and keeps the slots dense by moving the last slot into the hole. */
  private remove(key: number, slot: number): void {
    this.unlink(slot);
    this.slotOf.delete(key);
    const last = --this.used;
    if (slot !== last) {
      const records = this.records;
      const links = this.links;
      const movedKey = records[last * RECORD]!;
      records[slot * RECORD] = movedKey;
      records[slot * RECORD + EXPIRES] = records[last * RECORD + EXPIRES]!;
      records[slot * RECORD + VERSION] = records[last * RECORD + VERSION]!;
      const p = links[2 * last]!;
      const n = links[2 * last + 1]!;
      links[2 * slot] = p;
      links[2 * slot + 1] = n;
      if (p >= 0) links[2 * p + 1] = slot;
      else this.head = slot;
      if (n >= 0) links[2 * n] = slot;
      else this.tail = slot;
      this.slotOf.move(movedKey, slot);
    }
  }
}
