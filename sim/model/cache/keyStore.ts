import type { RandomStream } from '../../kernel/rng';

/** Doubles per entry, and the offsets of its fields. */
const ENTRY = 4;
/** The key plus one, so that 0 marks an empty bucket (keys are ids >= 0). */
const KEY = 0;
const EXPIRES = 1;
const VERSION = 2;
/** The access counter when the key was last read or written: its LRU clock. */
const ACCESS = 3;

/**
 * Redis's approximated LRU (evict.c, allkeys-lru): each eviction samples `maxmemory-samples`
 * keys (default 5), feeds them to a pool of the 16 best candidates kept across evictions
 * (EVPOOL_SIZE), and evicts the pool's idlest key that still exists, without re-checking it.
 */
const SAMPLES = 5;
const POOL_SIZE = 16;

/**
 * The contents of a cache: which keys it holds, until when, and which version of the value.
 * Bounded by `capacity` keys; past it a key is evicted the way Redis does it (see above), not by
 * an exact LRU list, so the hit ratio a lesson shows is the one a Redis node would have. Expired
 * keys are removed lazily when looked up, as Redis does on access.
 *
 * Entries live in one open-addressing table (linear probing, at most half full, backward-shift
 * deletion), each entry's key, expiry, version and access clock side by side, so a lookup costs
 * one probe into one cache line. At the lunch-peak lesson's scale (18 caches of 165,000 keys
 * read a million times per simulated second) the separate index and LRU links this replaced
 * made lookups the largest single cost of the run: two or three memory misses each.
 */
export class KeyStore {
  private readonly table: Float64Array;
  private readonly mask: number;
  private readonly shift: number;
  private used = 0;
  private clock = 0;
  /** Eviction candidates, idlest last: keys and the access clock seen when sampled. */
  private readonly poolKeys = new Float64Array(POOL_SIZE);
  private readonly poolAccess = new Float64Array(POOL_SIZE);
  private poolSize = 0;

  hits = 0;
  misses = 0;
  /** Misses because the key was there but its TTL had passed. */
  expiredMisses = 0;
  evictions = 0;

  /** `sampler` picks the keys an eviction samples; any fixed stream keeps runs reproducible. */
  constructor(
    readonly capacity: number,
    private readonly sampler?: RandomStream,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`cache capacity must be an integer >= 1, got ${capacity}`);
    }
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    if (bits > 30) throw new RangeError(`cache capacity too large: ${capacity}`);
    this.table = new Float64Array((1 << bits) * ENTRY);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  get size(): number {
    return this.used;
  }

  /**
   * The cached version of `key` at `now`, or -1 on a miss. Counts the hit or miss and marks the
   * key recently used.
   */
  get(key: number, now: number): number {
    const at = this.find(key);
    if (at < 0) {
      this.misses++;
      return -1;
    }
    const table = this.table;
    if (table[at * ENTRY + EXPIRES]! <= now) {
      this.removeAt(at);
      this.misses++;
      this.expiredMisses++;
      return -1;
    }
    table[at * ENTRY + ACCESS] = ++this.clock;
    this.hits++;
    return table[at * ENTRY + VERSION]!;
  }

  /** Stores `key` at `version` until `expiresAt` (Infinity: no TTL), evicting a key if full. */
  set(key: number, version: number, expiresAt: number): void {
    let at = this.find(key);
    if (at < 0) {
      if (this.used === this.capacity) this.evictOne();
      at = this.emptyBucketFor(key);
      this.table[at * ENTRY + KEY] = key + 1;
      this.used++;
    }
    const table = this.table;
    table[at * ENTRY + EXPIRES] = expiresAt;
    table[at * ENTRY + VERSION] = version;
    table[at * ENTRY + ACCESS] = ++this.clock;
  }

  delete(key: number): void {
    const at = this.find(key);
    if (at >= 0) this.removeAt(at);
  }

  /** FLUSHALL. */
  clear(): void {
    this.table.fill(0);
    this.used = 0;
    this.poolSize = 0;
  }

  /** Share of lookups that hit, NaN before the first. */
  get hitRatio(): number {
    return this.hits / (this.hits + this.misses);
  }

  /** The bucket holding `key`, or -1. */
  private find(key: number): number {
    const table = this.table;
    const tag = key + 1;
    let at = this.home(key);
    for (;;) {
      const held = table[at * ENTRY + KEY]!;
      if (held === tag) return at;
      if (held === 0) return -1;
      at = (at + 1) & this.mask;
    }
  }

  private emptyBucketFor(key: number): number {
    const table = this.table;
    let at = this.home(key);
    while (table[at * ENTRY + KEY] !== 0) at = (at + 1) & this.mask;
    return at;
  }

  /** Removes the entry at `at`; later entries of its probe run shift back into the hole. */
  private removeAt(at: number): void {
    const table = this.table;
    const mask = this.mask;
    let hole = at;
    let next = at;
    for (;;) {
      next = (next + 1) & mask;
      const held = table[next * ENTRY + KEY]!;
      if (held === 0) break;
      const home = this.home(held - 1);
      // The entry may fill the hole only if its home is not in the cyclic range (hole, next].
      const inRange = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (!inRange) {
        table.copyWithin(hole * ENTRY, next * ENTRY, next * ENTRY + ENTRY);
        hole = next;
      }
    }
    table.fill(0, hole * ENTRY, hole * ENTRY + ENTRY);
    this.used--;
  }

  /** evict.c's performEvictions for allkeys-lru, one key. */
  private evictOne(): void {
    this.populatePool();
    for (let k = this.poolSize - 1; k >= 0; k--) {
      const key = this.poolKeys[k]!;
      this.poolSize--;
      // Candidates behind it move up; the pool stays sorted, idlest last.
      const at = this.find(key);
      if (at >= 0) {
        this.removeAt(at);
        this.evictions++;
        return;
      }
    }
    // Unreachable while the store is full (the pool was just filled from it), but never loop.
    throw new Error('cache eviction found no key to evict');
  }

  /**
   * evictionPoolPopulate: samples keys from a random place in the table (dictGetSomeKeys walks
   * consecutive buckets the same way) and keeps the idlest in the pool, sorted by idle time.
   */
  private populatePool(): void {
    const table = this.table;
    const buckets = this.mask + 1;
    let at = this.sampler ? Math.floor(this.sampler.next() * buckets) : this.clock & this.mask;
    let sampled = 0;
    for (let walked = 0; sampled < SAMPLES && walked < buckets; walked++) {
      const held = table[at * ENTRY + KEY]!;
      if (held !== 0) {
        sampled++;
        this.offerToPool(held - 1, table[at * ENTRY + ACCESS]!);
      }
      at = (at + 1) & this.mask;
    }
  }

  /** Inserts a candidate where its access clock belongs (most recent first, idlest last). */
  private offerToPool(key: number, access: number): void {
    const keys = this.poolKeys;
    const accessAt = this.poolAccess;
    // Sampled again: drop the old entry, whose clock may be stale, and insert afresh.
    for (let k = 0; k < this.poolSize; k++) {
      if (keys[k] === key) {
        keys.copyWithin(k, k + 1, this.poolSize);
        accessAt.copyWithin(k, k + 1, this.poolSize);
        this.poolSize--;
        break;
      }
    }
    let k = 0;
    while (k < this.poolSize && accessAt[k]! > access) k++;
    if (this.poolSize === POOL_SIZE) {
      // Full: a candidate more recent than all of them is not kept; otherwise the most recent
      // (least idle) one makes room, as in Redis.
      if (k === 0) return;
      keys.copyWithin(0, 1, k);
      accessAt.copyWithin(0, 1, k);
      k--;
    } else {
      keys.copyWithin(k + 1, k, this.poolSize);
      accessAt.copyWithin(k + 1, k, this.poolSize);
      this.poolSize++;
    }
    keys[k] = key;
    accessAt[k] = access;
  }

  /** Fibonacci hashing of the key's two 32-bit halves: integer keys spread evenly. */
  private home(key: number): number {
    const low = key >>> 0;
    const high = (key / 4294967296) | 0;
    return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }
}
