import type { RandomStream } from '../../kernel/rng';
import { KeyLocks } from './keyLocks';
import { KeyStore } from './keyStore';
import { VersionLedger } from './versionLedger';

export interface CacheConfig {
  id: string;
  /** Most keys held across the cluster; past it the least recently used key is evicted. */
  capacity: number;
  /** Seconds a filled key lives; Infinity = no TTL. */
  ttl: number;
  /** TTLs are spread uniformly over ttl * (1 +- jitter), so keys filled together expire apart. */
  ttlJitter: number;
  /** Seconds a "not found" answer is cached (0 = never: every miss on a missing key hits the DB). */
  nullTtl: number;
  /** Keys from this id up do not exist in the database (see KeyChooser). */
  existingKeys: number;
  /** Readers take the key's lock to refill on a miss (closes race A of SEMANTICS.md 5). */
  fillUnderLock: boolean;
}

/** One cache-aside operation on a key, as the race replay (sim/inspect/raceReplay.ts) draws it. */
export type CacheTraceOp =
  | 'lookup'
  | 'hit'
  | 'staleHit'
  | 'miss'
  | 'readLockQueued'
  | 'readLock'
  | 'load'
  | 'fill'
  | 'readUnlock'
  | 'readFailed'
  | 'writeStart'
  | 'writeLockQueued'
  | 'writeLock'
  | 'delete'
  | 'commit'
  | 'set'
  | 'writeUnlock'
  | 'writeFailed';

/** `version`: the one read, loaded, filled, committed or set; -1 when the op carries none. */
export type CacheTraceListener = (
  now: number,
  op: CacheTraceOp,
  key: number,
  request: number,
  version: number,
) => void;

/**
 * A distributed cache (Redis Cluster style): one key store, and the node that owns each key
 * (by hash slot), each node a station with its own capacity. Nothing here decides the hit ratio:
 * it emerges from the key popularity, the TTLs, the capacity and the faults.
 */
export class Cache {
  readonly store: KeyStore;
  /** Fills that completed, and database loads made because of misses. */
  fills = 0;
  loads = 0;
  /** Lookups that failed at the node (down or timed out), treated as misses. */
  nodeErrors = 0;
  /** Hits that returned an older version than the database had committed when the read began. */
  staleReads = 0;
  /** In-process caches in front of this one (cacheRead steps with `local`). */
  readonly locals: KeyStore[] = [];
  /** Reads those answered with a value older than the database's latest commit. */
  localStaleReads = 0;
  /** Commit history of the backing database, to judge staleness. */
  readonly ledger = new VersionLedger();
  /** Per-key distributed locks for the locked write strategy. */
  readonly locks = new KeyLocks();
  /**
   * Told of every cache-aside operation (sim/model/service/cacheSteps.ts), for the inspect race
   * replay. Unset in runs: the steps call it with `?.`, which evaluates nothing when it is unset.
   */
  onTrace: CacheTraceListener | undefined = undefined;

  constructor(
    readonly config: CacheConfig,
    /** Station index of the node that owns `key`. */
    readonly nodeOfKey: (key: number) => number,
    private readonly ttlRng: RandomStream,
    /** Picks the keys an eviction samples (Redis's approximated LRU). */
    evictionRng?: RandomStream,
  ) {
    this.store = new KeyStore(config.capacity, evictionRng);
  }

  /** Expiry time for a key filled at `now`; missing keys get the null TTL. */
  expiryFor(key: number, now: number): number {
    const c = this.config;
    if (key >= c.existingKeys) return now + c.nullTtl;
    if (c.ttl === Infinity) return Infinity;
    const spread = c.ttlJitter > 0 ? 1 + c.ttlJitter * (2 * this.ttlRng.next() - 1) : 1;
    return now + c.ttl * spread;
  }

  /** Whether a loaded answer for `key` is worth storing. */
  shouldFill(key: number): boolean {
    return key < this.config.existingKeys || this.config.nullTtl > 0;
  }

  /**
   * Warm-up: fills the `count` most popular keys at `now` (ids 0, 1, 2 ... skipping those
   * `serves` refuses: another centre's users). With `spread`, each key's remaining TTL is drawn
   * evenly over (0, ttl], so the preloaded keys expire one by one instead of all together.
   */
  preload(count: number, now: number, spread = false, serves?: (key: number) => boolean): void {
    const wanted = Math.min(count, this.config.existingKeys, this.config.capacity);
    const keys: number[] = [];
    for (let key = 0; keys.length < wanted && key < this.config.existingKeys; key++) {
      if (serves === undefined || serves(key)) keys.push(key);
    }
    // Least popular first, so the most popular end up most recently used.
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const expiry =
        spread && this.config.ttl < Infinity
          ? now + this.config.ttl * (1 - this.ttlRng.next())
          : this.expiryFor(key, now);
      this.store.set(key, 0, expiry);
    }
  }

  flush(): void {
    this.store.clear();
  }
}
