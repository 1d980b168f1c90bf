import { fieldIndex, type SnapshotLayout } from './layout';
import type { SeriesBuffer } from './seriesBuffer';

/** Latency percentiles of the requests completed in each bucket, seconds (NaN: none completed). */
export interface Percentiles {
  latencyP50: number[];
  latencyP95: number[];
  latencyP99: number[];
}

export interface StationSeries extends Percentiles {
  id: string;
  /** Completions per second. */
  throughput: number[];
  /** Busy server-time over available server-time, 0..1. */
  utilisation: number[];
  /** Mean time at the station of the requests completed in the bucket, seconds (NaN: none). */
  meanLatency: number[];
  /** Time-averaged number waiting. */
  queueLength: number[];
  /** Time-averaged busy servers (threads of the pool in use). */
  busy: number[];
  /** Time-averaged servers available: the pool size (it changes under a `servers` fault). */
  poolSize: number[];
}

/** Final failures per second of a source, by reason (NaN: the worker sends no breakdown). */
export interface Outcomes {
  timeout: number[];
  /** Refused: queue full, shed, rate-limited. */
  rejected: number[];
  unavailable: number[];
  error: number[];
}

export interface SourceSeries extends Percentiles {
  id: string;
  /** Logical requests offered per second. */
  offered: number[];
  /** Successes per second. */
  goodput: number[];
  failures: Outcomes;
}

export interface CacheSeries {
  id: string;
  /** Hits over lookups in the bucket, 0..1 (NaN: no lookup). */
  hitRatio: number[];
}

export interface TopicSeries {
  id: string;
  /** Messages published and not yet consumed (nor dead-lettered) at the bucket's end. */
  lag: number[];
}

export interface ReplicaSeries {
  /** The replica's station id. */
  id: string;
  /** Mean replication lag (commit to apply) of the bucket's writes on this replica, s (NaN: none). */
  meanLag: number[];
}

export interface DatabaseSeries {
  id: string;
  /** Mean replication lag (commit to apply, over replicas) of the bucket's writes, s (NaN: none). */
  meanLag: number[];
  /** The same per replica, in the order of the database's `replicas`. */
  replicas: ReplicaSeries[];
  /** Reads a replica answered before applying the latest write to the key, per second. */
  staleReads: number[];
  writes: number[];
}

/** Share of each bucket a breaker spent at each level, 0..1; the three add up to 1. */
export interface BreakerSeries {
  id: string;
  closed: number[];
  halfOpen: number[];
  open: number[];
}

/** A named series: the order charts take their names from the worker's field list. */
export interface NamedValues {
  name: string;
  values: number[];
}

export interface OrderSeries {
  id: string;
  /** Mean number of sagas in each running state over the bucket. */
  states: NamedValues[];
  /** Each order counter (created, completed, compensated, ...) per second. */
  rates: NamedValues[];
}

/** Chart-ready series: every array is aligned with `t`, the bucket start times. */
export interface ChartSeries {
  bucketSeconds: number;
  t: number[];
  stations: StationSeries[];
  sources: SourceSeries[];
  caches: CacheSeries[];
  topics: TopicSeries[];
  orders: OrderSeries[];
  databases: DatabaseSeries[];
  breakers: BreakerSeries[];
}

export const EMPTY_CHART_SERIES: ChartSeries = {
  bucketSeconds: 0,
  t: [],
  stations: [],
  sources: [],
  caches: [],
  topics: [],
  orders: [],
  databases: [],
  breakers: [],
};

/** A saga state's time integral is recorded as `<state>Area`. */
const AREA_SUFFIX = 'Area';

/**
 * Turns accumulated bucket increments into rates and averages, the way the CLI report does: the
 * last bucket of a finished run may be shorter than the others, so rates divide by each bucket's
 * own width (up to `now`).
 */
export function toChartSeries(
  buffer: SeriesBuffer,
  layout: SnapshotLayout,
  now: number,
): ChartSeries {
  const n = buffer.buckets;
  const bs = buffer.bucketSeconds;
  const t = Array.from({ length: n }, (_, i) => i * bs);
  const width = t.map((start) => Math.min(bs, now - start));
  const column = (subject: number, f: number) => {
    const values = f < 0 ? undefined : buffer.columns[subject]?.[f];
    return values ? Array.from(values.subarray(0, n)) : new Array<number>(n).fill(NaN);
  };
  const reader = (subject: number, fields: readonly string[]) => (name: string) =>
    column(subject, fieldIndex(fields, name));
  const per = (values: number[]) => values.map((v, i) => (width[i]! > 0 ? v / width[i]! : NaN));
  const ratio = (num: number[], den: number[], empty: number) =>
    num.map((v, i) => (den[i]! > 0 ? v / den[i]! : empty));
  const percentiles = (f: (name: string) => number[]): Percentiles => ({
    latencyP50: f('latencyP50'),
    latencyP95: f('latencyP95'),
    latencyP99: f('latencyP99'),
  });

  let subject = 0;
  const stations = layout.stationIds.map((id) => {
    const f = reader(subject++, layout.stationSeriesFields);
    return {
      id,
      throughput: per(f('completed')),
      utilisation: ratio(f('busyArea'), f('capacityArea'), 0),
      meanLatency: ratio(f('latencySum'), f('completed'), NaN),
      queueLength: per(f('queueArea')),
      busy: per(f('busyArea')),
      poolSize: per(f('capacityArea')),
      ...percentiles(f),
    };
  });
  const sources = layout.sourceIds.map((id) => {
    const f = reader(subject++, layout.sourceSeriesFields);
    return {
      id,
      offered: per(f('offered')),
      goodput: per(f('successes')),
      failures: {
        timeout: per(f('failedTimeout')),
        rejected: per(f('failedRejected')),
        unavailable: per(f('failedUnavailable')),
        error: per(f('failedError')),
      },
      ...percentiles(f),
    };
  });
  const caches = layout.cacheIds.map((id) => {
    const f = reader(subject++, layout.cacheSeriesFields);
    const hits = f('hits');
    const misses = f('misses');
    return {
      id,
      hitRatio: ratio(
        hits,
        hits.map((h, i) => h + misses[i]!),
        NaN,
      ),
    };
  });
  const topics = layout.topicIds.map((id) => {
    const f = reader(subject++, layout.topicSeriesFields);
    const consumed = f('consumed');
    const dead = f('deadLettered');
    let backlog = 0;
    return { id, lag: f('produced').map((p, i) => (backlog += p - consumed[i]! - dead[i]!)) };
  });
  const orderFields = layout.orderSeriesFields ?? [];
  const orders = (layout.orderIds ?? []).map((id) => {
    const f = reader(subject++, orderFields);
    const areas = orderFields.filter((name) => name.endsWith(AREA_SUFFIX));
    return {
      id,
      states: areas.map((name) => ({
        name: name.slice(0, -AREA_SUFFIX.length),
        values: per(f(name)),
      })),
      rates: orderFields
        .filter((name) => !name.endsWith(AREA_SUFFIX))
        .map((name) => ({ name, values: per(f(name)) })),
    };
  });
  const databaseFields = layout.databaseSeriesFields ?? [];
  const replicaFields = layout.replicaSeriesFields ?? [];
  const databases = (layout.databaseIds ?? []).map((id, k) => {
    const s = subject++;
    const f = reader(s, databaseFields);
    // Each replica's fields follow the database's own, replica by replica.
    const replica = (r: number) => (name: string) => {
      const f = fieldIndex(replicaFields, name);
      return column(s, f < 0 ? f : databaseFields.length + r * replicaFields.length + f);
    };
    return {
      id,
      meanLag: ratio(f('lagSum'), f('lagSamples'), NaN),
      replicas: (layout.databaseReplicaIds?.[k] ?? []).map((replicaId, r) => {
        const g = replica(r);
        return { id: replicaId, meanLag: ratio(g('lagSum'), g('lagSamples'), NaN) };
      }),
      staleReads: per(f('staleReads')),
      writes: per(f('writes')),
    };
  });
  const breakers = (layout.breakerIds ?? []).map((id) => {
    const f = reader(subject++, layout.breakerSeriesFields ?? []);
    return {
      id,
      closed: per(f('closedSeconds')),
      halfOpen: per(f('halfOpenSeconds')),
      open: per(f('openSeconds')),
    };
  });
  return { bucketSeconds: bs, t, stations, sources, caches, topics, orders, databases, breakers };
}

/** Mean station latency over the last closed bucket (null: no bucket yet or none completed). */
export function lastBucketLatency(buffer: SeriesBuffer, layout: SnapshotLayout): (number | null)[] {
  const last = buffer.buckets - 1;
  const completed = fieldIndex(layout.stationSeriesFields, 'completed');
  const latency = fieldIndex(layout.stationSeriesFields, 'latencySum');
  return layout.stationIds.map((_, s) => {
    if (last < 0 || completed < 0 || latency < 0) return null;
    const n = buffer.columns[s]?.[completed]?.[last] ?? 0;
    return n > 0 ? buffer.columns[s]![latency]![last]! / n : null;
  });
}
