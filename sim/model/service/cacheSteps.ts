import type { Cache } from '../cache/cache';
import type { KeyStore } from '../cache/keyStore';
import type { ReplicatedDatabase } from '../database/replicatedDatabase';
import type { LockWaiter } from '../cache/keyLocks';
import type { RequestTable } from '../requests/requestTable';

/** How a write keeps the cache in step with the database (SEMANTICS.md section 5). */
export type WriteStrategy =
  'updateThenDelete' | 'deleteThenUpdate' | 'updateThenSet' | 'lockDeleteUpdateReload';

type WriteOp = 'lock' | 'delete' | 'db' | 'set' | 'unlock';

/** Each strategy as the sequence of operations a writer performs. */
const WRITE_PLANS: Record<WriteStrategy, readonly WriteOp[]> = {
  // Cache-aside: race A (a reader refills the old value after the delete) stays open.
  updateThenDelete: ['db', 'delete'],
  // Race B: a reader refills the old value between the delete and the commit (wide window).
  deleteThenUpdate: ['delete', 'db'],
  // Race C: two writers set the cache in the other order from their commits.
  updateThenSet: ['db', 'set'],
  // The article's lock(orderId) { deleteCache(); updateDB(); reloadCache(); }.
  lockDeleteUpdateReload: ['lock', 'delete', 'db', 'set', 'unlock'],
};

export type CacheReadStep = {
  kind: 'cacheRead';
  cache: Cache;
  /** The station a missing key is loaded from, or -1 when `loadDb` routes the load. */
  loadFrom: number;
  loadEndpoint: number;
  /** A replicated database whose read routing picks the station (a replica or the master). */
  loadDb?: ReplicatedDatabase | undefined;
  /** Timeout of each cache operation and of the load. */
  cacheTimeout: number;
  loadTimeout: number;
  onFailure: 'fail' | 'fallback';
  /** An in-process cache in front of the distributed one, never invalidated by writes. */
  local?: { store: KeyStore; ttl: number } | undefined;
};

export type CachedWriteStep = {
  kind: 'cachedWrite';
  cache: Cache;
  /** The station the write commits on (a database's master when `database` is set). */
  db: number;
  dbEndpoint: number;
  /** The replicated database the write commits to: it replicates and counts the write. */
  database?: ReplicatedDatabase | undefined;
  strategy: WriteStrategy;
  cacheTimeout: number;
  dbTimeout: number;
  onFailure: 'fail' | 'fallback';
};

/** What the cache steps need from the program that runs them. */
export interface StepRunner extends LockWaiter {
  readonly table: RequestTable;
  call(request: number, target: number, endpoint: number, timeout: number, now: number): void;
  /** The step is done: go on with the next. */
  advance(request: number): void;
  now(): number;
}

// Reader phases, kept in the request table's `phase` column.
const LOOKUP = 0;
const LOAD = 1;
const FILL = 2;
const LOCK = 3;
const UNLOCK = 4;

/**
 * Cache-aside reads and the write strategies, as phases of one step. Versions make staleness
 * checkable: every commit gets a version in the cache's ledger, a load carries the version the
 * database had when it answered, a fill stores that version, and a hit is stale when the version
 * it returns is older than what had been committed when the read began.
 */
export class CacheSteps {
  constructor(private readonly runner: StepRunner) {}

  startRead(request: number, step: CacheReadStep, now: number): void {
    const key = this.runner.table.key[request]!;
    const local = step.local;
    if (local) {
      const version = local.store.get(key, now);
      if (version >= 0) {
        // Served in process: no call. Stale when a write committed since it was cached.
        if (step.cache.ledger.isStale(key, version, now)) step.cache.localStaleReads++;
        this.runner.advance(request);
        return;
      }
    }
    this.runner.table.phase[request] = LOOKUP;
    step.cache.onTrace?.(now, 'lookup', key, request, -1);
    this.runner.call(request, step.cache.nodeOfKey(key), 0, step.cacheTimeout, now);
  }

  readAnswered(parent: number, step: CacheReadStep, now: number, issuedAt: number): void {
    const table = this.runner.table;
    const cache = step.cache;
    const key = table.key[parent]!;
    switch (table.phase[parent]!) {
      case LOOKUP: {
        const version = cache.store.get(key, now);
        if (version >= 0) {
          const stale = cache.ledger.isStale(key, version, issuedAt);
          if (stale) cache.staleReads++;
          cache.onTrace?.(now, stale ? 'staleHit' : 'hit', key, parent, version);
          step.local?.store.set(key, version, now + step.local.ttl);
          this.runner.advance(parent);
          return;
        }
        cache.onTrace?.(now, 'miss', key, parent, -1);
        if (cache.config.fillUnderLock && cache.shouldFill(key)) {
          table.phase[parent] = LOCK;
          this.runner.call(parent, cache.nodeOfKey(key), 0, step.cacheTimeout, now);
        } else {
          this.load(parent, step, now);
        }
        return;
      }
      case LOCK:
        if (cache.locks.acquire(key, parent, this.runner)) {
          cache.onTrace?.(now, 'readLock', key, parent, -1);
          this.load(parent, step, now);
        } else {
          cache.onTrace?.(now, 'readLockQueued', key, parent, -1);
        }
        return;
      case LOAD:
        step.loadDb?.readAnswered(key, table.target[parent]!, issuedAt, now);
        cache.loads++;
        table.version[parent] = cache.ledger.latestAt(key, now);
        cache.onTrace?.(now, 'load', key, parent, table.version[parent]!);
        if (cache.shouldFill(key)) {
          table.phase[parent] = FILL;
          this.runner.call(parent, cache.nodeOfKey(key), 0, step.cacheTimeout, now);
        } else {
          this.runner.advance(parent);
        }
        return;
      case FILL:
        cache.store.set(key, table.version[parent]!, cache.expiryFor(key, now));
        step.local?.store.set(key, table.version[parent]!, now + step.local.ttl);
        cache.fills++;
        cache.onTrace?.(now, 'fill', key, parent, table.version[parent]!);
        if (cache.config.fillUnderLock) {
          table.phase[parent] = UNLOCK;
          this.runner.call(parent, cache.nodeOfKey(key), 0, step.cacheTimeout, now);
        } else {
          this.runner.advance(parent);
        }
        return;
      default:
        cache.locks.release(key);
        cache.onTrace?.(now, 'readUnlock', key, parent, -1);
        this.runner.advance(parent);
    }
  }

  /** A reader was granted the lock it waited for: load now. */
  readLockGranted(parent: number, step: CacheReadStep): void {
    const now = this.runner.now();
    step.cache.onTrace?.(now, 'readLock', this.runner.table.key[parent]!, parent, -1);
    this.load(parent, step, now);
  }

  /**
   * A cache operation or load failed. Returns true when the read carries on anyway: a cache
   * that does not answer is a miss, and a fill that fails only costs the next reader a miss.
   */
  readFailed(parent: number, step: CacheReadStep, now: number): boolean {
    const table = this.runner.table;
    const key = table.key[parent]!;
    const phase = table.phase[parent]!;
    step.cache.onTrace?.(now, 'readFailed', key, parent, -1);
    if (phase === LOOKUP) {
      step.cache.nodeErrors++;
      this.load(parent, step, now);
      return true;
    }
    const holdsLock = step.cache.config.fillUnderLock && phase !== LOCK;
    if (holdsLock) step.cache.locks.release(key);
    if (phase === FILL || phase === UNLOCK) {
      this.runner.advance(parent);
      return true;
    }
    return false;
  }

  private load(parent: number, step: CacheReadStep, now: number): void {
    const table = this.runner.table;
    table.phase[parent] = LOAD;
    if (step.loadDb) {
      const target = step.loadDb.readTarget(table.key[parent]!, now);
      table.target[parent] = target;
      this.runner.call(parent, target, 0, step.loadTimeout, now);
    } else {
      this.runner.call(parent, step.loadFrom, step.loadEndpoint, step.loadTimeout, now);
    }
  }

  startWrite(request: number, step: CachedWriteStep, now: number): void {
    this.runner.table.phase[request] = 0;
    step.cache.onTrace?.(now, 'writeStart', this.runner.table.key[request]!, request, -1);
    this.issue(request, step, now);
  }

  writeAnswered(parent: number, step: CachedWriteStep, now: number): void {
    const table = this.runner.table;
    const cache = step.cache;
    const key = table.key[parent]!;
    const op = WRITE_PLANS[step.strategy][table.phase[parent]!]!;
    if (op === 'lock') {
      if (!cache.locks.acquire(key, parent, this.runner)) {
        cache.onTrace?.(now, 'writeLockQueued', key, parent, -1);
        return;
      }
      cache.onTrace?.(now, 'writeLock', key, parent, -1);
    } else if (op === 'delete') {
      cache.store.delete(key);
      cache.onTrace?.(now, 'delete', key, parent, -1);
    } else if (op === 'db') {
      table.version[parent] = cache.ledger.commit(key, now);
      step.database?.committed(key, now);
      cache.onTrace?.(now, 'commit', key, parent, table.version[parent]!);
    } else if (op === 'set') {
      cache.store.set(key, table.version[parent]!, cache.expiryFor(key, now));
      cache.onTrace?.(now, 'set', key, parent, table.version[parent]!);
    } else {
      cache.locks.release(key);
      cache.onTrace?.(now, 'writeUnlock', key, parent, -1);
    }
    this.next(parent, step, now);
  }

  /** A writer was granted the lock it waited for: carry on with its plan. */
  writeLockGranted(parent: number, step: CachedWriteStep): void {
    const now = this.runner.now();
    step.cache.onTrace?.(now, 'writeLock', this.runner.table.key[parent]!, parent, -1);
    this.next(parent, step, now);
  }

  /** A write operation failed: let go of the lock if it was held; the step then fails. */
  writeFailed(parent: number, step: CachedWriteStep): void {
    const plan = WRITE_PLANS[step.strategy];
    const phase = this.runner.table.phase[parent]!;
    const key = this.runner.table.key[parent]!;
    step.cache.onTrace?.(this.runner.now(), 'writeFailed', key, parent, -1);
    const lockAt = plan.indexOf('lock');
    if (lockAt >= 0 && phase > lockAt && phase < plan.indexOf('unlock')) {
      step.cache.locks.release(key);
    }
  }

  private next(parent: number, step: CachedWriteStep, now: number): void {
    const table = this.runner.table;
    table.phase[parent]!++;
    if (table.phase[parent]! >= WRITE_PLANS[step.strategy].length) this.runner.advance(parent);
    else this.issue(parent, step, now);
  }

  private issue(request: number, step: CachedWriteStep, now: number): void {
    const table = this.runner.table;
    const op = WRITE_PLANS[step.strategy][table.phase[request]!]!;
    if (op === 'db') {
      // A database's master is read at each write: a failover promotes another station.
      const target = step.database ? step.database.master : step.db;
      this.runner.call(request, target, step.dbEndpoint, step.dbTimeout, now);
    } else {
      this.runner.call(
        request,
        step.cache.nodeOfKey(table.key[request]!),
        0,
        step.cacheTimeout,
        now,
      );
    }
  }
}
