import { callLimitReports, type CallLimitReport } from './callLimitReport';
import { tierReports, type TierReport } from './tierReport';
import type { LatencyHistogram } from './latencyHistogram';
import {
  BREAKER_SERIES_FIELDS,
  CACHE_SERIES_FIELDS,
  DATABASE_SERIES_FIELDS,
  ORDER_SERIES_FIELDS,
  REPLICA_SERIES_FIELDS,
  STATION_SERIES_FIELDS,
  SOURCE_SERIES_FIELDS,
  TOPIC_SERIES_FIELDS,
} from './seriesSubjects';
import type { SeriesRecorder } from './seriesRecorder';
import {
  cacheTotals,
  databaseTotals,
  difference,
  replicaLagTotals,
  sourceTotals,
  stationTotals,
} from './totals';
import type { Simulation } from '../scenarios/simulation';
import { RUNNING_STATES } from '../model/orders/sagaStates';
import type { SagaExecutor } from '../model/orders/sagaExecutor';
import { lessonReport, type LessonReport } from '../lessons/lessonReport';

export interface LatencyFigures {
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
}

export interface StationReport {
  servers: number;
  arrivals: number;
  completed: number;
  rejected: number;
  timedOut: number;
  late: number;
  errors: number;
  /** Every request that did not complete normally, by reason. */
  errorsByReason: {
    queueFull: number;
    unavailable: number;
    rateLimited: number;
    shed: number;
    timedOut: number;
    error: number;
  };
  throughput: number;
  utilization: number;
  meanQueueLength: number;
  meanInSystem: number;
  latency: LatencyFigures;
  wait: LatencyFigures;
}

export interface SourceReport {
  offered: number;
  attempts: number;
  retries: number;
  retriesDenied: number;
  successes: number;
  failures: { timeout: number; rejected: number; unavailable: number; error: number };
  offeredRate: number;
  goodput: number;
  latency: LatencyFigures;
}

export interface CacheReport {
  hits: number;
  misses: number;
  /** hits / (hits + misses); null before the first lookup. */
  hitRatio: number | null;
  expiredMisses: number;
  evictions: number;
  loads: number;
  fills: number;
  nodeErrors: number;
  /** Reads answered in process by local caches in front of it (no call), and the stale ones. */
  localHits: number;
  localStaleReads: number;
  keysHeld: number;
  /** Cache hits that served a value older than the database's when the read began. */
  staleReads: number;
  /** Lock acquisitions and those that had to wait (lockDeleteUpdateReload, fillUnderLock). */
  locksAcquired: number;
  locksContended: number;
}

/** Database figures cover the measured window, after the warm-up, as station figures do. */
export interface DatabaseReport {
  writes: number;
  reads: number;
  readsFromMaster: number;
  staleReads: number;
  /** Share of replica reads that were stale; null when no replica read was made. */
  staleShare: number | null;
  /** Mean and largest time from a write's commit to its apply on a replica, seconds. */
  meanReplicationLag: number | null;
  maxReplicationLag: number;
  failovers: number;
  /** Keys whose latest write had not reached the promoted replica when the master failed. */
  lostWrites: number;
  /** The lag figures of each replica (by station id): their samples make up the ones above. */
  replicas: Record<string, ReplicaReport>;
}

/** One replica's time from a write's commit to its apply there, seconds, as in DatabaseReport. */
export interface ReplicaReport {
  meanReplicationLag: number | null;
  maxReplicationLag: number;
}

export interface BreakerReport {
  state: string;
  transitions: number;
  /** The first transitions (up to 1,000): simulated time, from, to. */
  log: { at: number; from: string; to: string }[];
  notPermitted: number;
}

export interface TopicReport {
  produced: number;
  /** Messages processed at least once (a duplicate is not counted again). */
  consumed: number;
  /** Every message handed to a consumer: first deliveries, retries and replays after a crash. */
  deliveries: number;
  /** Deliveries of a message already processed (a crashed consumer's uncommitted work). */
  duplicates: number;
  redelivered: number;
  deadLettered: number;
  /** Messages published and not yet consumed at the end of the run. */
  lag: number;
  /** The largest lag at any bucket boundary. */
  maxLag: number;
}

export interface ShardedTableReport {
  queries: number;
  shardCalls: number;
  indexLookups: number;
  /** Shard calls plus index lookups per query, all queries together. */
  callsPerQuery: number | null;
  /** The same for queries by another key: 2 by index table, N by scatter, 1 by search index. */
  callsPerOtherKeyQuery: number | null;
  /** Queries answered by the search index, and those that missed a change not yet indexed. */
  searchQueries: number;
  staleSearchResults: number;
}

/**
 * An order flow over the whole run, from t = 0 (the warm-up does not apply: a saga started in it
 * may end after it). `inFlight` and `stuckAtEnd` are at the end of the run.
 */
export interface OrderReport {
  /** Orders created (sagas started): one per processed idempotency key. */
  created: number;
  completed: number;
  compensated: number;
  rejected: number;
  needsManualHandling: number;
  /** Sagas not finished at the end. */
  inFlight: number;
  /** Of those, sagas waiting on a reply that was lost (only the scanner can move them). */
  stuckAtEnd: number;
  /** Client retries answered with the stored response of the first attempt. */
  replaysServed: number;
  /** 409: a retry while the first attempt was in progress. */
  conflicts: number;
  /** 400: the key was first used with other parameters. */
  mismatches: number;
  /** Orders created for a logical request that already had one (its key had expired). */
  duplicateOrders: number;
  /** Key checks the database failed or did not answer in time: the client got an error. */
  keyCheckFailures: number;
  /** Saga calls a duplicateCalls fault delivered twice. */
  duplicatesDelivered: number;
  /** Deliveries the services recognised as seen before and applied no effect for. */
  duplicatesSuppressed: number;
  /** Saga calls whose reply an instance crash lost (they wait for the scheduled job). */
  lostReplies: number;
  /** Stuck sagas the scheduled job drove on or back (the critical path). */
  compensationsByScanner: number;
  /** notifyMerchant redelivered by delayed message (the non-critical path). */
  notifyRedeliveries: number;
  paymentsCaptured: number;
  paymentsRefunded: number;
  /** Captures for a logical request that already had one: double charges. */
  doubleCaptures: number;
  /** Async creation's background pool, when the flow has one: its load over the whole run. */
  executor?: {
    threads: number;
    queueCapacity: number;
    meanActive: number;
    meanQueued: number;
    maxQueued: number;
    rejected: number;
  };
}

export interface SeriesReport {
  bucketSeconds: number;
  t: number[];
  stations: Record<string, Record<string, number[]>>;
  sources: Record<string, Record<string, number[]>>;
  caches: Record<string, Record<string, number[]>>;
  topics: Record<string, Record<string, number[]>>;
  /**
   * Per order flow, per bucket: counts of created, completed, ... and the mean number of sagas
   * in each running state. Only when the scenario has order flows.
   */
  orders?: Record<string, Record<string, number[]>>;
  /**
   * Per replicated database, per bucket: writes, reads, stale reads and the mean replication lag
   * of the writes committed in it (seconds, 0: none). Only when the scenario has databases.
   */
  databases?: Record<string, Record<string, number[]>>;
  /**
   * Per replicated database, per replica (by station id), per bucket: the mean replication lag of
   * the writes committed in it on that replica (seconds, 0: none). Only when there are databases.
   */
  replicaLag?: Record<string, Record<string, number[]>>;
  /**
   * Per circuit breaker, per bucket: the share of the bucket it spent CLOSED, HALF_OPEN and OPEN,
   * the calls it refused and its state changes. Only when the scenario has breakers.
   */
  breakers?: Record<string, Record<string, number[]>>;
}

/** The CLI's `--json` document, and the browser's export: one shape, documented in README.md. */
export interface RunReport {
  scenario: string;
  seed: number;
  simulatedSeconds: number;
  warmupSeconds: number;
  events: number;
  wallMs: number;
  warnings: string[];
  stations: Record<string, StationReport>;
  sources: Record<string, SourceReport>;
  caches: Record<string, CacheReport>;
  databases: Record<string, DatabaseReport>;
  breakers: Record<string, BreakerReport>;
  /** Only when a call step has a rate limiter or a bulkhead. */
  callLimits?: Record<string, CallLimitReport>;
  topics: Record<string, TopicReport>;
  shardedTables: Record<string, ShardedTableReport>;
  /** Only when the scenario has order flows (so other reports keep their shape). */
  orders?: Record<string, OrderReport>;
  /** Station groups the scenario names (its `tiers`), summed. */
  tiers: Record<string, TierReport>;
  /** Only when the scenario has a lesson: its goals' verdicts and the challenge score. */
  lesson?: LessonReport;
  series: SeriesReport;
}

/** JSON has no NaN: a figure with no samples is null. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Six significant digits: enough for a chart, and the JSON stays readable. */
const round = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(6)) : 0);

/** Percentiles come from buckets 0.8% wide, so digits beyond six would be noise. */
const quantile = (h: LatencyHistogram, q: number) => {
  const v = finite(h.quantile(q));
  return v === null ? null : round(v);
};

function latencyFigures(h: LatencyHistogram): LatencyFigures {
  return {
    mean: finite(h.mean),
    p50: quantile(h, 0.5),
    p95: quantile(h, 0.95),
    p99: quantile(h, 0.99),
    p999: quantile(h, 0.999),
    max: finite(h.max),
  };
}

export function buildRunReport(sim: Simulation, wallMs: number, warnings: string[]): RunReport {
  const now = sim.now;
  const measured = now - sim.warmup.at;
  const stations: Record<string, StationReport> = {};
  sim.stations.forEach((station, i) => {
    const d = difference(stationTotals(station, now), sim.warmup.stationBaseline[i]!);
    stations[station.id] = {
      servers: station.servers,
      arrivals: d.arrivals,
      completed: d.completed,
      rejected: d.rejected,
      timedOut: d.timedOut,
      late: d.late,
      errors: d.errors,
      errorsByReason: {
        queueFull: d.rejected - d.rejectedUnavailable - d.rejectedRateLimited - d.rejectedShed,
        unavailable: d.rejectedUnavailable,
        rateLimited: d.rejectedRateLimited,
        shed: d.rejectedShed,
        timedOut: d.timedOut,
        error: d.errors,
      },
      throughput: d.completed / measured,
      utilization: d.capacityArea > 0 ? d.busyArea / d.capacityArea : 0,
      meanQueueLength: d.queueArea / measured,
      meanInSystem: (d.queueArea + d.busyArea) / measured,
      latency: latencyFigures(station.latency),
      wait: latencyFigures(station.wait),
    };
  });
  const sources: Record<string, SourceReport> = {};
  sim.sources.forEach((source, i) => {
    const d = difference(sourceTotals(source), sim.warmup.sourceBaseline[i]!);
    sources[source.id] = {
      offered: d.offered,
      attempts: d.attempts,
      retries: d.retries,
      retriesDenied: d.retriesDenied,
      successes: d.successes,
      failures: {
        timeout: d.failedTimeout,
        rejected: d.failedRejected,
        unavailable: d.failedUnavailable,
        error: d.failedError,
      },
      offeredRate: d.offered / measured,
      goodput: d.successes / measured,
      latency: latencyFigures(source.latency),
    };
  });
  const caches: Record<string, CacheReport> = {};
  sim.caches.forEach((cache, i) => {
    const d = difference(cacheTotals(cache), sim.warmup.cacheBaseline[i]!);
    caches[cache.config.id] = {
      ...d,
      hitRatio: finite(d.hits / (d.hits + d.misses)),
      keysHeld: cache.store.size,
      staleReads: cache.staleReads,
      locksAcquired: cache.locks.acquired,
      locksContended: cache.locks.contended,
    };
  });
  const databases: Record<string, DatabaseReport> = {};
  sim.databases.forEach((db, i) => {
    const d = difference(databaseTotals(db), sim.warmup.databaseBaseline[i]!);
    const replicaReads = d.reads - d.readsFromMaster;
    const lag = replicaLagTotals(db);
    const baseline = sim.warmup.replicaLagBaseline[i]!;
    const replicas: Record<string, ReplicaReport> = {};
    db.config.replicas.forEach((station, r) => {
      const sum = lag.sum[r]! - baseline.sum[r]!;
      replicas[sim.stations[station]!.id] = {
        meanReplicationLag: finite(sum / (lag.samples[r]! - baseline.samples[r]!)),
        maxReplicationLag: db.replicaMaxLag[r]!,
      };
    });
    databases[db.config.id] = {
      writes: d.writes,
      reads: d.reads,
      readsFromMaster: d.readsFromMaster,
      staleReads: d.staleReads,
      staleShare: replicaReads > 0 ? d.staleReads / replicaReads : null,
      meanReplicationLag: finite(d.lagSum / d.lagSamples),
      maxReplicationLag: db.maxLag,
      failovers: d.failovers,
      lostWrites: d.lostWrites,
      replicas,
    };
  });
  const breakers: Record<string, BreakerReport> = {};
  for (const logged of sim.breakers) {
    breakers[logged.name] = {
      state: logged.breaker.state,
      transitions: logged.transitionCount,
      log: logged.transitions.map((t) => ({ ...t })),
      notPermitted: logged.breaker.notPermittedSinceStart,
    };
  }
  const series = seriesReport(sim, now);
  const topics: Record<string, TopicReport> = {};
  for (const topic of sim.topics) {
    topics[topic.id] = {
      produced: topic.produced,
      consumed: topic.consumed,
      deliveries: topic.deliveries,
      duplicates: topic.duplicates,
      redelivered: topic.redelivered,
      deadLettered: topic.deadLettered,
      lag: topic.lag,
      maxLag: Math.max(0, ...series.topics[topic.id]!.lag!),
    };
  }
  const shardedTables: Record<string, ShardedTableReport> = {};
  for (const t of sim.shardedTables) {
    shardedTables[t.config.id] = {
      queries: t.queries,
      shardCalls: t.shardCalls,
      indexLookups: t.indexLookups,
      callsPerQuery: t.queries > 0 ? (t.shardCalls + t.indexLookups) / t.queries : null,
      callsPerOtherKeyQuery: t.otherKeyQueries > 0 ? t.otherKeyCalls / t.otherKeyQueries : null,
      searchQueries: t.search?.queries ?? 0,
      staleSearchResults: t.search?.staleResults ?? 0,
    };
  }
  const orders: Record<string, OrderReport> = {};
  for (const flow of sim.orderFlows) {
    const s = flow.stats;
    orders[flow.id] = {
      created: s.created,
      completed: s.completed,
      compensated: s.compensated,
      rejected: s.rejected,
      needsManualHandling: s.needsManualHandling,
      inFlight: flow.states.running,
      stuckAtEnd: flow.stuck,
      replaysServed: s.replaysServed,
      conflicts: s.conflicts,
      mismatches: s.mismatches,
      duplicateOrders: s.duplicateOrders,
      keyCheckFailures: s.keyCheckFailures,
      duplicatesDelivered: s.duplicatesDelivered,
      duplicatesSuppressed: s.duplicatesSuppressed,
      lostReplies: s.lostReplies,
      compensationsByScanner: s.compensationsByScanner,
      notifyRedeliveries: s.notifyRedeliveries,
      paymentsCaptured: s.paymentsCaptured,
      paymentsRefunded: s.paymentsRefunded,
      doubleCaptures: s.doubleCaptures,
      ...(flow.executor && { executor: executorReport(flow.executor, now) }),
    };
  }
  return {
    scenario: sim.scenario.name,
    seed: sim.seed,
    simulatedSeconds: now,
    warmupSeconds: sim.warmup.at,
    events: sim.kernel.events,
    wallMs,
    warnings,
    stations,
    sources,
    caches,
    databases,
    breakers,
    ...(sim.callLimits.length > 0 && { callLimits: callLimitReports(sim.callLimits) }),
    topics,
    shardedTables,
    ...(sim.orderFlows.length > 0 && { orders }),
    tiers: tierReports(sim.scenario.tiers, stations, series, sim.warmup.at),
    ...lessonPart(sim),
    series,
  };
}

function seriesReport(sim: Simulation, end: number): SeriesReport {
  const rec = sim.series;
  const n = rec.buckets;
  const t = Array.from({ length: n }, (_, i) => round(i * rec.bucketSeconds));
  const width = (i: number) => rec.widthOf(i, end);
  const stations: SeriesReport['stations'] = {};
  sim.stations.forEach((station, s) => {
    const f = fieldReader(rec, s, STATION_SERIES_FIELDS, n);
    stations[station.id] = {
      arrivals: f('arrivals'),
      completed: f('completed'),
      rejected: f('rejected'),
      timedOut: f('timedOut'),
      throughput: per(f('completed'), width),
      meanLatency: ratio(f('latencySum'), f('completed')),
      utilization: ratio(f('busyArea'), f('capacityArea')),
      meanQueueLength: per(f('queueArea'), width),
    };
  });
  const sources: SeriesReport['sources'] = {};
  sim.sources.forEach((source, k) => {
    const f = fieldReader(rec, sim.stations.length + k, SOURCE_SERIES_FIELDS, n);
    sources[source.id] = {
      offered: f('offered'),
      attempts: f('attempts'),
      successes: f('successes'),
      failures: f('failures'),
      goodput: per(f('successes'), width),
      meanLatency: ratio(f('latencySum'), f('successes')),
    };
  });
  const caches: SeriesReport['caches'] = {};
  const firstCache = sim.stations.length + sim.sources.length;
  sim.caches.forEach((cache, k) => {
    const f = fieldReader(rec, firstCache + k, CACHE_SERIES_FIELDS, n);
    const hits = f('hits');
    const misses = f('misses');
    caches[cache.config.id] = {
      hits,
      misses,
      hitRatio: hits.map((h, i) => (h + misses[i]! > 0 ? round(h / (h + misses[i]!)) : 0)),
      loads: f('loads'),
    };
  });
  const topics: SeriesReport['topics'] = {};
  const firstTopic = firstCache + sim.caches.length;
  sim.topics.forEach((topic, k) => {
    const f = fieldReader(rec, firstTopic + k, TOPIC_SERIES_FIELDS, n);
    const produced = f('produced');
    const consumed = f('consumed');
    const dead = f('deadLettered');
    let backlog = 0;
    topics[topic.id] = {
      produced,
      consumed,
      deadLettered: dead,
      // Lag at each bucket's end: everything published so far minus what has been consumed.
      lag: produced.map((p, i) => (backlog += p - consumed[i]! - dead[i]!)),
    };
  });
  const orders: NonNullable<SeriesReport['orders']> = {};
  const firstFlow = firstTopic + sim.topics.length;
  sim.orderFlows.forEach((flow, k) => {
    const f = fieldReader(rec, firstFlow + k, ORDER_SERIES_FIELDS, n);
    const series: Record<string, number[]> = {
      created: f('created'),
      completed: f('completed'),
      compensated: f('compensated'),
      needsManualHandling: f('needsManualHandling'),
      replaysServed: f('replaysServed'),
      conflicts: f('conflicts'),
      compensationsByScanner: f('compensationsByScanner'),
      notifyRedeliveries: f('notifyRedeliveries'),
    };
    // Mean number of sagas in each state over the bucket, and in all of them (in flight).
    const inFlight = new Array<number>(n).fill(0);
    for (const state of RUNNING_STATES) {
      const area = f(`${state}Area`);
      series[state] = per(area, width);
      area.forEach((a, i) => (inFlight[i]! += a));
    }
    series.inFlight = per(inFlight, width);
    orders[flow.id] = series;
  });
  const databases: NonNullable<SeriesReport['databases']> = {};
  const replicaLag: NonNullable<SeriesReport['replicaLag']> = {};
  const firstDatabase = firstFlow + sim.orderFlows.length;
  sim.databases.forEach((db, k) => {
    const f = fieldReader(rec, firstDatabase + k, DATABASE_SERIES_FIELDS, n);
    databases[db.config.id] = {
      writes: f('writes'),
      reads: f('reads'),
      staleReads: f('staleReads'),
      meanLag: ratio(f('lagSum'), f('lagSamples')),
    };
    // Each replica's fields follow the database's own (seriesSubjects.ts).
    const column = (r: number, field: (typeof REPLICA_SERIES_FIELDS)[number]) => {
      const c = DATABASE_SERIES_FIELDS.length + r * REPLICA_SERIES_FIELDS.length;
      const series = rec.data[firstDatabase + k]![c + REPLICA_SERIES_FIELDS.indexOf(field)]!;
      return Array.from(series.subarray(0, n));
    };
    const lags: Record<string, number[]> = {};
    db.config.replicas.forEach((station, r) => {
      lags[sim.stations[station]!.id] = ratio(column(r, 'lagSum'), column(r, 'lagSamples'));
    });
    replicaLag[db.config.id] = lags;
  });
  const breakers: NonNullable<SeriesReport['breakers']> = {};
  const firstBreaker = firstDatabase + sim.databases.length;
  sim.breakers.forEach((logged, k) => {
    const f = fieldReader(rec, firstBreaker + k, BREAKER_SERIES_FIELDS, n);
    breakers[logged.name] = {
      closed: per(f('closedSeconds'), width),
      halfOpen: per(f('halfOpenSeconds'), width),
      open: per(f('openSeconds'), width),
      notPermitted: f('notPermitted'),
      transitions: f('transitions'),
    };
  });
  return {
    bucketSeconds: rec.bucketSeconds,
    t,
    stations,
    sources,
    caches,
    topics,
    ...(sim.orderFlows.length > 0 && { orders }),
    ...(sim.databases.length > 0 && { databases }),
    ...(sim.breakers.length > 0 && { breakers }),
    ...(sim.databases.length > 0 && { replicaLag }),
  };
}

function fieldReader<F extends string>(
  rec: SeriesRecorder,
  subject: number,
  fields: readonly F[],
  n: number,
): (field: F) => number[] {
  return (field) => Array.from(rec.data[subject]![fields.indexOf(field)]!.subarray(0, n));
}

const per = (values: number[], width: (i: number) => number): number[] =>
  values.map((v, i) => round(v / width(i)));

const ratio = (num: number[], den: number[]): number[] =>
  num.map((v, i) => (den[i]! > 0 ? round(v / den[i]!) : 0));

/** `{ lesson }` when the scenario has one, else nothing (other presets' reports keep their bytes). */
function lessonPart(sim: Simulation): { lesson?: LessonReport } {
  const lesson = lessonReport(sim);
  return lesson ? { lesson } : {};
}

function executorReport(e: SagaExecutor, now: number): NonNullable<OrderReport['executor']> {
  const means = e.means(now);
  return {
    threads: e.config.threads,
    queueCapacity: e.config.queueCapacity,
    meanActive: means.active,
    meanQueued: means.queued,
    maxQueued: e.maxQueued,
    rejected: e.rejected,
  };
}
