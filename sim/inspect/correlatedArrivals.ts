import { SOURCE_SERIES_FIELDS, STATION_SERIES_FIELDS } from '../metrics/seriesSubjects';
import { Simulation } from '../scenarios/simulation';
import { validateScenario } from '../scenarios/validateScenario';
import { correlatedScenario, CORRELATED_CASES, type CorrelatedCase } from './correlatedScenarios';
import { runWatching } from './runWatching';

export { CORRELATED_CASES, type CorrelatedCase } from './correlatedScenarios';

/** One variant of a case: the arrivals it measured, and what they did to the station. */
export interface ArrivalRun {
  /** Arrivals per bucket (see `CorrelatedComparison.measured`), from the run's series. */
  counts: number[];
  total: number;
  /** Arrivals per bucket on average over the run. */
  mean: number;
  peak: number;
  /** Busiest bucket over the mean bucket: 1 for perfectly even traffic. */
  peakToMean: number;
  /** p99 sojourn (wait and service) at the affected station, seconds. */
  stationP99: number;
  /** p99 response time the users saw (successful requests, retries included), seconds. */
  userP99: number;
  /** Longest queue at the affected station, read after every event. */
  maxQueue: number;
  /** Requests the users sent (first attempts): the same in both variants, same seed. */
  offered: number;
  successes: number;
  failures: number;
}

export interface CorrelatedComparison {
  name: CorrelatedCase;
  /** The station whose arrivals are counted. */
  station: string;
  /** What is counted per bucket. */
  measured: string;
  bucketSeconds: number;
  duration: number;
  correlated: ArrivalRun;
  decorrelated: ArrivalRun;
}

/** Checks a case name from outside (the worker API): a clear message, never a crash. */
export function correlatedCaseProblem(name: unknown): string | null {
  return typeof name === 'string' && (CORRELATED_CASES as readonly string[]).includes(name)
    ? null
    : `name must be one of ${CORRELATED_CASES.join(', ')}`;
}

const ARRIVALS = STATION_SERIES_FIELDS.indexOf('arrivals');
const OFFERED = SOURCE_SERIES_FIELDS.indexOf('offered');
const ATTEMPTS = SOURCE_SERIES_FIELDS.indexOf('attempts');

function run(name: CorrelatedCase, correlated: boolean, seed: number) {
  const built = correlatedScenario(name, correlated, seed);
  const checked = validateScenario(built.scenario);
  if (!checked.ok) throw new Error(`${name} scenario: ${checked.errors.join('; ')}`);
  const sim = new Simulation(checked.scenario, seed);
  const station = sim.stations.find((s) => s.id === built.station)!;
  let maxQueue = 0;
  runWatching(sim, () => {
    if (station.queueLength > maxQueue) maxQueue = station.queueLength;
  });
  const series = sim.series;
  const counts: number[] = [];
  if (built.measure === 'retries') {
    // Attempts that were not first attempts: the retries, all sent to the station.
    const source = series.data[sim.stations.length]!;
    for (let i = 0; i < series.buckets; i++) {
      counts.push(source[ATTEMPTS]![i]! - source[OFFERED]![i]!);
    }
  } else {
    const arrivals = series.data[sim.stations.indexOf(station)]![ARRIVALS]!;
    for (let i = 0; i < series.buckets; i++) counts.push(arrivals[i]!);
  }
  // Boundaries add up bucketSeconds, so the last can fall a rounding error short of the end and
  // the run's flush closes a sliver bucket: its few arrivals belong to the last full bucket.
  const full = Math.round(sim.duration / series.bucketSeconds);
  while (counts.length > full) counts[full - 1] = counts[full - 1]! + counts.pop()!;
  const total = counts.reduce((sum, c) => sum + c, 0);
  const mean = total / Math.max(1, counts.length);
  const peak = Math.max(0, ...counts);
  const source = sim.sources[0]!;
  const result: ArrivalRun = {
    counts,
    total,
    mean,
    peak,
    peakToMean: mean > 0 ? peak / mean : 0,
    stationP99: station.latency.quantile(0.99),
    userP99: source.latency.quantile(0.99),
    maxQueue,
    offered: source.offered,
    successes: source.successes,
    failures:
      source.failedTimeout + source.failedRejected + source.failedUnavailable + source.failedError,
  };
  return { result, built, bucketSeconds: series.bucketSeconds, duration: sim.duration };
}

/** One case: the correlated and the decorrelated variant on the same seed (the same users). */
export function correlatedCase(name: CorrelatedCase, seed = 1): CorrelatedComparison {
  const problem = correlatedCaseProblem(name);
  if (problem) throw new RangeError(problem);
  const correlated = run(name, true, seed);
  const decorrelated = run(name, false, seed);
  return {
    name,
    station: correlated.built.station,
    measured: correlated.built.measured,
    bucketSeconds: correlated.bucketSeconds,
    duration: correlated.duration,
    correlated: correlated.result,
    decorrelated: decorrelated.result,
  };
}
