import type { Cache } from '../model/cache/cache';
import type { ReplicatedDatabase } from '../model/database/replicatedDatabase';
import type { Source } from '../model/sources/source';
import type { Station } from '../model/station/station';

/** Cumulative station counters at one instant; differences of two give a measurement window. */
export interface StationTotals {
  arrivals: number;
  completed: number;
  rejected: number;
  rejectedUnavailable: number;
  rejectedRateLimited: number;
  rejectedShed: number;
  timedOut: number;
  late: number;
  errors: number;
  busyArea: number;
  queueArea: number;
  capacityArea: number;
}

export function stationTotals(station: Station, now: number): StationTotals {
  return {
    arrivals: station.arrivals,
    completed: station.completed,
    rejected: station.rejected,
    rejectedUnavailable: station.rejectedUnavailable,
    rejectedRateLimited: station.rejectedRateLimited,
    rejectedShed: station.rejectedShed,
    timedOut: station.timedOut,
    late: station.late,
    errors: station.errors,
    busyArea: station.busyAreaAt(now),
    queueArea: station.queueAreaAt(now),
    capacityArea: station.capacityAreaAt(now),
  };
}

export interface SourceTotals {
  offered: number;
  attempts: number;
  retries: number;
  retriesDenied: number;
  successes: number;
  failedTimeout: number;
  failedRejected: number;
  failedUnavailable: number;
  failedError: number;
}

export function sourceTotals(source: Source): SourceTotals {
  return {
    offered: source.offered,
    attempts: source.attempts,
    retries: source.retries,
    retriesDenied: source.retriesDenied,
    successes: source.successes,
    failedTimeout: source.failedTimeout,
    failedRejected: source.failedRejected,
    failedUnavailable: source.failedUnavailable,
    failedError: source.failedError,
  };
}

export interface CacheTotals {
  hits: number;
  misses: number;
  expiredMisses: number;
  evictions: number;
  loads: number;
  fills: number;
  nodeErrors: number;
  /** Reads answered by in-process caches in front of it, and how many were stale. */
  localHits: number;
  localStaleReads: number;
}

export function cacheTotals(cache: Cache): CacheTotals {
  const store = cache.store;
  return {
    hits: store.hits,
    misses: store.misses,
    expiredMisses: store.expiredMisses,
    evictions: store.evictions,
    loads: cache.loads,
    fills: cache.fills,
    nodeErrors: cache.nodeErrors,
    localHits: cache.locals.reduce((sum, local) => sum + local.hits, 0),
    localStaleReads: cache.localStaleReads,
  };
}

export interface DatabaseTotals {
  writes: number;
  reads: number;
  readsFromMaster: number;
  staleReads: number;
  lagSum: number;
  lagSamples: number;
  failovers: number;
  lostWrites: number;
}

export function databaseTotals(db: ReplicatedDatabase): DatabaseTotals {
  return {
    writes: db.writes,
    reads: db.reads,
    readsFromMaster: db.readsFromMaster,
    staleReads: db.staleReads,
    lagSum: db.lagSum,
    lagSamples: db.lagSamples,
    failovers: db.failovers,
    lostWrites: db.lostWrites,
  };
}

/**
 * Per replica (in the order of the database's `replicas`), the lag sums and samples so far:
 * copies, kept apart from DatabaseTotals so `difference` stays field by field.
 */
export interface ReplicaLagTotals {
  sum: Float64Array;
  samples: Float64Array;
}

export function replicaLagTotals(db: ReplicatedDatabase): ReplicaLagTotals {
  return { sum: db.replicaLagSum.slice(), samples: db.replicaLagSamples.slice() };
}

/** a - b, field by field. */
export function difference<T extends object>(a: T, b: T): T {
  const out = { ...a };
  for (const key of Object.keys(a) as (keyof T)[]) {
    (out[key] as number) = (a[key] as number) - (b[key] as number);
  }
  return out;
}
