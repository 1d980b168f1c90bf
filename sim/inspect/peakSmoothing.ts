import { Simulation } from '../scenarios/simulation';
import { validateScenario } from '../scenarios/validateScenario';
import { STATION_SERIES_FIELDS } from '../metrics/seriesSubjects';
import {
  BASE_RATE,
  BURST_DURATION,
  BURST_START,
  burstRateOf,
  CAPACITY,
  DRAINED_AT_MOST,
  DURATION,
  PEAK_LEVELS,
  peakSmoothingScenario,
  type Variant,
} from './peakScenario';
import { runWatching } from './runWatching';

export {
  BASE_RATE,
  BURST_DURATION,
  BURST_START,
  CAPACITY,
  DRAINED_AT_MOST,
  DURATION,
  PEAK_LEVELS,
  peakSmoothingScenario,
} from './peakScenario';

const QUEUE_AREA = STATION_SERIES_FIELDS.indexOf('queueArea');

/** What one run shows: the backlog, how long it lasted, and what the users got. */
export interface PeakRun {
  /**
   * Highest backlog seen. With the queue: the topic's lag (published, not yet consumed). Without:
   * requests waiting for fulfilment, in its queue or in the order API's queue for a thread to call
   * it (each of the API's 200 threads holds one call, so most of the wait is there).
   */
  peakBacklog: number;
  /** Seconds from the burst's end until the backlog was down to DRAINED_AT_MOST; null: not by end. */
  drainTime: number | null;
  offered: number;
  successes: number;
  /**
   * Orders fulfilment finished: messages consumed (queue), or calls served (sync), which counts
   * the calls served after their user had given up: work done for nobody.
   */
  handled: number;
  failedTimeout: number;
  failedRejected: number;
  failedError: number;
  /** Orders refused or failed, plus messages dead-lettered: work that will never be done. */
  lost: number;
  successRatio: number;
  /** Users' p99 response time, seconds (successful requests). */
  p99: number;
  /** Backlog at each bucket boundary of `PeakSmoothingPoint.times`. */
  backlog: number[];
}

export interface PeakSmoothingPoint {
  level: number;
  capacity: number;
  baseRate: number;
  burstRate: number;
  burstStart: number;
  burstEnd: number;
  duration: number;
  /** The backlog counts as drained at or below this many messages. */
  drainedAtMost: number;
  /** Fluid approximation: arrivals above capacity pile up, then drain at capacity minus base. */
  theory: { peakBacklog: number; drainTime: number };
  /** Bucket boundaries of the backlog series, seconds. */
  times: number[];
  queue: PeakRun;
  sync: PeakRun;
}

/** Checks a level index from outside (the worker API): a clear message, never a crash. */
export function peakSmoothingLevelProblem(level: unknown): string | null {
  if (typeof level === 'number' && Number.isInteger(level) && level >= 0) {
    if (level < PEAK_LEVELS.length) return null;
  }
  return `level must be an integer from 0 to ${PEAK_LEVELS.length - 1}`;
}

/** Fluid approximation (no randomness): what piles up during the burst and how long it takes. */
export function fluidTheory(level: number): { peakBacklog: number; drainTime: number } {
  const excess = Math.max(0, burstRateOf(level) + BASE_RATE - CAPACITY);
  const peakBacklog = excess * BURST_DURATION;
  return { peakBacklog, drainTime: peakBacklog / (CAPACITY - BASE_RATE) };
}

function run(level: number, variant: Variant, seed: number): { run: PeakRun; times: number[] } {
  const checked = validateScenario(peakSmoothingScenario(level, variant, seed));
  if (!checked.ok) throw new Error(`peak-smoothing scenario: ${checked.errors.join('; ')}`);
  const sim = new Simulation(checked.scenario, seed);
  const topic = sim.topics[0]!;
  const [api, fulfilment] = sim.stations;
  let peak = 0;
  // Read after every event: the exact highest backlog, not only the bucket boundaries'.
  runWatching(sim, () => {
    const now = variant === 'queue' ? topic.lag : api!.queueLength + fulfilment!.queueLength;
    if (now > peak) peak = now;
  });
  const series = sim.series;
  const buckets = series.buckets;
  const times: number[] = [];
  const backlog: number[] = [];
  if (variant === 'queue') {
    // Lag at each boundary: the running sum of produced minus consumed and dead-lettered.
    const topicAt = sim.stations.length + sim.sources.length + sim.caches.length;
    const [produced, consumed, dead] = series.data[topicAt]!;
    let lag = 0;
    for (let i = 0; i < buckets; i++) {
      lag += produced![i]! - consumed![i]! - dead![i]!;
      backlog.push(lag);
      times.push((i + 1) * series.bucketSeconds);
    }
  } else {
    // Queue lengths are time integrals in the series: their mean over each bucket.
    const [apiArea, fulfilmentArea] = [0, 1].map((s) => series.data[s]![QUEUE_AREA]!);
    for (let i = 0; i < buckets; i++) {
      backlog.push((apiArea![i]! + fulfilmentArea![i]!) / series.widthOf(i, sim.duration));
      times.push(Math.min(sim.duration, (i + 1) * series.bucketSeconds));
    }
  }
  const burstEnd = BURST_START + BURST_DURATION;
  const drainedAt = times.findIndex((t, i) => t >= burstEnd && backlog[i]! <= DRAINED_AT_MOST);
  const source = sim.sources[0]!;
  const failed =
    source.failedTimeout + source.failedRejected + source.failedUnavailable + source.failedError;
  return {
    times,
    run: {
      peakBacklog: peak,
      drainTime: drainedAt < 0 ? null : times[drainedAt]! - burstEnd,
      offered: source.offered,
      successes: source.successes,
      handled: variant === 'queue' ? topic.consumed : fulfilment!.completed,
      failedTimeout: source.failedTimeout,
      failedRejected: source.failedRejected + source.failedUnavailable,
      failedError: source.failedError,
      lost: failed + topic.deadLettered,
      // Of the requests that ended: one may still be in flight when the run stops.
      successRatio: source.successes / Math.max(1, source.successes + failed),
      p99: source.latency.quantile(0.99),
      backlog,
    },
  };
}

/** One level: the same arrivals (same seed) with the queue and with the synchronous call. */
export function peakSmoothingPoint(level: number, seed = 1): PeakSmoothingPoint {
  const problem = peakSmoothingLevelProblem(level);
  if (problem) throw new RangeError(problem);
  const multiple = PEAK_LEVELS[level]!;
  const queue = run(multiple, 'queue', seed);
  const sync = run(multiple, 'sync', seed);
  return {
    level: multiple,
    capacity: CAPACITY,
    baseRate: BASE_RATE,
    burstRate: burstRateOf(multiple),
    burstStart: BURST_START,
    burstEnd: BURST_START + BURST_DURATION,
    duration: DURATION,
    drainedAtMost: DRAINED_AT_MOST,
    theory: fluidTheory(multiple),
    times: queue.times,
    queue: queue.run,
    sync: sync.run,
  };
}
