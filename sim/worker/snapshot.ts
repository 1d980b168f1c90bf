import type { CircuitState } from '../model/resilience/circuitBreaker';
import type { Simulation } from '../scenarios/simulation';

/** Live figures per station, in this order, `STATION_LIVE_FIELDS.length` numbers per station. */
export const STATION_LIVE_FIELDS = [
  'arrivals',
  'completed',
  'rejected',
  'timedOut',
  'busy',
  'servers',
  'queueLength',
  'busyArea',
  'capacityArea',
  'latencySum',
  'replicaLag',
  'replicaLagSum',
  'replicaLagSamples',
  'replicaMaxLag',
] as const;

/** Where the replica fields start: a station that is no database's replica has NaN there. */
const REPLICA_OFFSET = STATION_LIVE_FIELDS.indexOf('replicaLag');

/** Live figures per source. */
export const SOURCE_LIVE_FIELDS = [
  'offered',
  'attempts',
  'successes',
  'failures',
  'latencySum',
] as const;

/**
 * A breaker's state as a number in `Snapshot.breakers`: its index here (Resilience4j's states).
 */
export const BREAKER_STATES = [
  'CLOSED',
  'HALF_OPEN',
  'OPEN',
  'DISABLED',
  'FORCED_OPEN',
  'METRICS_ONLY',
] as const satisfies readonly CircuitState[];

/**
 * What the UI gets each frame: numbers in flat typed arrays (transferable, no object per station)
 * and only the time-series buckets it has not seen yet.
 */
export interface Snapshot {
  now: number;
  duration: number;
  events: number;
  done: boolean;
  stations: Float64Array;
  sources: Float64Array;
  /**
   * Requests sent along each edge since t = 0, [origin][station] row-major: origins as
   * LoadResult.flowOrigins lists them, stations as stationIds.
   */
  flows: Float64Array;
  /** Each breaker's state now, as its index in BREAKER_STATES (breakers as breakerIds). */
  breakers: Float64Array;
  /** Each topic's consumer lag now: messages published and not yet consumed (topics as topicIds). */
  topics: Float64Array;
  series: {
    /** Changes when buckets merged: the reader must drop what it has and take `fromBucket` 0. */
    resolution: number;
    bucketSeconds: number;
    fromBucket: number;
    buckets: number;
    /**
     * [subject][field][bucket - fromBucket], flattened subject-major; subjects and their fields
     * as LoadResult.seriesSubjects lists them (stations, sources, caches, topics, order flows,
     * databases, breakers).
     */
    data: Float64Array;
  };
}

/** Reads the simulation without changing it (see Station.busyAreaAt for why that matters). */
export function takeSnapshot(
  sim: Simulation,
  knownBuckets: number,
  knownResolution: number,
): Snapshot {
  const now = sim.now;
  const sf = STATION_LIVE_FIELDS.length;
  const stations = new Float64Array(sim.stations.length * sf).fill(NaN);
  sim.stations.forEach((s, i) => {
    stations.set(
      [
        s.arrivals,
        s.completed,
        s.rejected,
        s.timedOut,
        s.busy,
        s.servers,
        s.queueLength,
        s.busyAreaAt(now),
        s.capacityAreaAt(now),
        s.latencySum,
      ],
      i * sf,
    );
  });
  // A replica's own lag: now (as Seconds_Behind_Source reads), and its sum, samples and largest
  // since the warm-up. A station replicating two databases shows the first.
  for (let d = sim.databases.length - 1; d >= 0; d--) {
    const db = sim.databases[d]!;
    db.config.replicas.forEach((station, r) => {
      stations.set(
        [
          db.replicaLagAt(r, now),
          db.replicaLagSum[r]!,
          db.replicaLagSamples[r]!,
          db.replicaMaxLag[r]!,
        ],
        station * sf + REPLICA_OFFSET,
      );
    });
  }
  const pf = SOURCE_LIVE_FIELDS.length;
  const sources = new Float64Array(sim.sources.length * pf);
  sim.sources.forEach((s, i) => {
    const failures = s.failedTimeout + s.failedRejected + s.failedUnavailable + s.failedError;
    sources.set([s.offered, s.attempts, s.successes, failures, s.latencySum], i * pf);
  });
  // Plain reads: `state` applies no due timer (an automatic transition is applied by the call
  // the simulator schedules for it), so looking at a breaker cannot change the run.
  const breakers = Float64Array.from(sim.breakers, (b) => BREAKER_STATES.indexOf(b.breaker.state));
  const topics = Float64Array.from(sim.topics, (t) => t.lag);
  const rec = sim.series;
  const from = rec.resolution === knownResolution ? Math.min(knownBuckets, rec.buckets) : 0;
  const rows = rec.buckets - from;
  const perSubject = rec.data.map((fields) => fields.length);
  const data = new Float64Array(perSubject.reduce((a, b) => a + b, 0) * rows);
  let offset = 0;
  for (const fields of rec.data) {
    for (const series of fields) {
      data.set(series.subarray(from, rec.buckets), offset);
      offset += rows;
    }
  }
  return {
    now,
    duration: sim.duration,
    events: sim.kernel.events,
    done: sim.done,
    stations,
    sources,
    flows: sim.network.flows.slice(),
    breakers,
    topics,
    series: {
      resolution: rec.resolution,
      bucketSeconds: rec.bucketSeconds,
      fromBucket: from,
      buckets: rec.buckets,
      data,
    },
  };
}
