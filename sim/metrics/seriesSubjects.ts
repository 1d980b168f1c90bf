import type { Cache } from '../model/cache/cache';
import type { ReplicatedDatabase } from '../model/database/replicatedDatabase';
import type { Topic } from '../model/mq/topic';
import type { OrderFlow } from '../model/orders/orderFlow';
import { RUNNING_STATES } from '../model/orders/sagaStates';
import type { Source } from '../model/sources/source';
import type { LoggedBreaker } from '../model/resilience/breakerLog';
import type { Station } from '../model/station/station';
import { BreakerStateTime } from './breakerStateTime';
import { LATENCY_BUCKETS, LatencyHistogram } from './latencyHistogram';
import type { SeriesSubject } from './seriesRecorder';

/** Per-bucket latency percentiles of stations and sources, after their counters in the series. */
export const LATENCY_PERCENTILE_FIELDS = ['latencyP50', 'latencyP95', 'latencyP99'] as const;
const QUANTILES = [0.5, 0.95, 0.99] as const;

/**
 * Percentiles of the latencies recorded in each bucket: the difference of two readings of a
 * cumulative histogram. `total` counts every recording and is never reset, so a reading can tell
 * that the warm-up cleared the histogram meanwhile: the bucket then has only what came after.
 */
class BucketPercentiles {
  private readonly previous: Float64Array;
  private readonly bucket = new LatencyHistogram();
  private clearedAt: number;

  constructor(
    private readonly histogram: LatencyHistogram,
    private readonly total: () => number,
  ) {
    this.previous = new Float64Array(LATENCY_BUCKETS);
    this.clearedAt = total() - histogram.count;
  }

  sample(out: Float64Array): void {
    const clearedAt = this.total() - this.histogram.count;
    if (clearedAt !== this.clearedAt) {
      this.previous.fill(0);
      this.clearedAt = clearedAt;
    }
    const n = this.bucket.loadIncrement(this.histogram, this.previous);
    QUANTILES.forEach((q, k) => (out[k] = n > 0 ? this.bucket.quantile(q) : NaN));
  }
}

export const STATION_SERIES_FIELDS = [
  'arrivals',
  'completed',
  'rejected',
  'timedOut',
  'latencySum',
  'busyArea',
  'queueArea',
  'capacityArea',
] as const;

export function stationSubject(station: Station): SeriesSubject {
  const percentiles = new BucketPercentiles(station.latency, () => station.completed);
  return {
    id: station.id,
    seriesFields: STATION_SERIES_FIELDS,
    bucketFields: LATENCY_PERCENTILE_FIELDS,
    sampleBucket: (_now, out) => percentiles.sample(out),
    sampleCumulative(now, out) {
      out[0] = station.arrivals;
      out[1] = station.completed;
      out[2] = station.rejected;
      out[3] = station.timedOut;
      out[4] = station.latencySum;
      out[5] = station.busyAreaAt(now);
      out[6] = station.queueAreaAt(now);
      out[7] = station.capacityAreaAt(now);
    },
  };
}

/**
 * `failures` split by reason after the original fields, so readers by name (the report, whose
 * JSON must not change) and by position (the latency percentiles after the counters) still work.
 */
export const SOURCE_SERIES_FIELDS = [
  'offered',
  'attempts',
  'successes',
  'failures',
  'latencySum',
  'failedTimeout',
  'failedRejected',
  'failedUnavailable',
  'failedError',
] as const;

export function sourceSubject(source: Source): SeriesSubject {
  const percentiles = new BucketPercentiles(source.latency, () => source.successes);
  return {
    id: source.id,
    seriesFields: SOURCE_SERIES_FIELDS,
    bucketFields: LATENCY_PERCENTILE_FIELDS,
    sampleBucket: (_now, out) => percentiles.sample(out),
    sampleCumulative(_now, out) {
      out[0] = source.offered;
      out[1] = source.attempts;
      out[2] = source.successes;
      out[3] =
        source.failedTimeout +
        source.failedRejected +
        source.failedUnavailable +
        source.failedError;
      out[4] = source.latencySum;
      out[5] = source.failedTimeout;
      out[6] = source.failedRejected;
      out[7] = source.failedUnavailable;
      out[8] = source.failedError;
    },
  };
}

export const CACHE_SERIES_FIELDS = ['hits', 'misses', 'loads'] as const;

export function cacheSubject(cache: Cache): SeriesSubject {
  return {
    id: cache.config.id,
    seriesFields: CACHE_SERIES_FIELDS,
    sampleCumulative(_now, out) {
      out[0] = cache.store.hits;
      out[1] = cache.store.misses;
      out[2] = cache.loads;
    },
  };
}

export const TOPIC_SERIES_FIELDS = ['produced', 'consumed', 'deadLettered'] as const;

export function topicSubject(topic: Topic): SeriesSubject {
  return {
    id: topic.id,
    seriesFields: TOPIC_SERIES_FIELDS,
    sampleCumulative(_now, out) {
      out[0] = topic.produced;
      out[1] = topic.consumed;
      out[2] = topic.deadLettered;
    },
  };
}

/** Order-flow counters, then the time integral of the number of sagas in each running state. */
export const ORDER_COUNTER_FIELDS = [
  'created',
  'completed',
  'compensated',
  'needsManualHandling',
  'replaysServed',
  'conflicts',
  'compensationsByScanner',
  'notifyRedeliveries',
  'duplicatesSuppressed',
] as const;
export const ORDER_SERIES_FIELDS = [
  ...ORDER_COUNTER_FIELDS,
  ...RUNNING_STATES.map((state) => `${state}Area` as const),
] as const;

export function orderSubject(flow: OrderFlow): SeriesSubject {
  const stats = flow.stats;
  const counters = ORDER_COUNTER_FIELDS.length;
  return {
    id: flow.id,
    seriesFields: ORDER_SERIES_FIELDS,
    sampleCumulative(now, out) {
      ORDER_COUNTER_FIELDS.forEach((field, f) => (out[f] = stats[field]));
      for (let s = 0; s < RUNNING_STATES.length; s++) {
        out[counters + s] = flow.states.areaAt(s, now);
      }
    },
  };
}

/**
 * A replicated database's counters. `lagSum` / `lagSamples` over a bucket is the mean replication
 * lag (commit to apply, averaged over replicas) of the writes committed in it: the lag is not a
 * parameter but emerges from the write rate against each replica's single SQL thread.
 */
export const DATABASE_SERIES_FIELDS = [
  'writes',
  'reads',
  'staleReads',
  'lagSum',
  'lagSamples',
] as const;

/**
 * The same lag figures per replica, after the database's own fields: for each replica in the
 * order of its `replicas`, these fields, named `<field>:<position>` (`lagSum:0`, `lagSamples:0`,
 * `lagSum:1`...). Over a bucket, `lagSum:r` / `lagSamples:r` is replica r's mean lag.
 */
export const REPLICA_SERIES_FIELDS = ['lagSum', 'lagSamples'] as const;

/** Every series field of a database with `replicas` replicas, in the recorder's order. */
export function databaseSeriesFields(replicas: number): string[] {
  const perReplica = Array.from({ length: replicas }, (_, r) =>
    REPLICA_SERIES_FIELDS.map((field) => `${field}:${r}`),
  );
  return [...DATABASE_SERIES_FIELDS, ...perReplica.flat()];
}

export function databaseSubject(db: ReplicatedDatabase): SeriesSubject {
  const base = DATABASE_SERIES_FIELDS.length;
  const replicas = db.config.replicas.length;
  return {
    id: db.config.id,
    seriesFields: databaseSeriesFields(replicas),
    sampleCumulative(_now, out) {
      out[0] = db.writes;
      out[1] = db.reads;
      out[2] = db.staleReads;
      out[3] = db.lagSum;
      out[4] = db.lagSamples;
      for (let r = 0; r < replicas; r++) {
        out[base + 2 * r] = db.replicaLagSum[r]!;
        out[base + 2 * r + 1] = db.replicaLagSamples[r]!;
      }
    },
  };
}

/** Seconds at each level (CLOSED, HALF_OPEN, OPEN), then calls refused and state changes. */
export const BREAKER_SERIES_FIELDS = [
  'closedSeconds',
  'halfOpenSeconds',
  'openSeconds',
  'notPermitted',
  'transitions',
] as const;

/** Must be made once the breaker exists and before the run starts: it listens to transitions. */
export function breakerSubject(logged: LoggedBreaker): SeriesSubject {
  const time = new BreakerStateTime(logged.breaker);
  return {
    id: logged.name,
    seriesFields: BREAKER_SERIES_FIELDS,
    sampleCumulative(now, out) {
      time.secondsAt(now, out, 0);
      out[3] = logged.breaker.notPermittedSinceStart;
      out[4] = logged.transitionCount;
    },
  };
}
