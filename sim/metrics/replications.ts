/**
 * Independent replications: one scenario run on seeds S, S+1, ..., S+N-1, each run's figure (its
 * mean latency, its utilisation...) taken as one observation. Runs on different seeds are
 * independent and each figure averages many requests, so the N figures are close to normal and
 * the Student-t interval of their mean, with N - 1 degrees of freedom, covers the long-run value
 * 95% of the time. The warm-up is the scenario's, already left out of every report.
 */
import type { RunReport, SourceReport, StationReport } from './runReport';
import type { StationTheory } from './theory';

/** Most replications the CLI runs in one go: beyond, the interval is narrow enough to stop. */
export const MAX_REPLICATIONS = 1000;

/** z with P(Z <= z) = 0.975: the limit of the t quantiles as the degrees of freedom grow. */
const Z_975 = 1.959963984540054;

/**
 * t(0.975, df) for df = 1..30, from the exact CDF (tests/theory/formulas.test.ts checks that
 * helper against published tables). Six decimals: 1e-7 relative error at worst.
 */
const T_975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157,
  2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024,
  2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523,
  2.042272,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: the factor that turns a
 * standard error into the half-width of a two-sided 95% interval. A table up to 30, then the
 * Cornish-Fisher expansion in 1/df (Hill, 1970), whose first omitted term is below 2e-8 there;
 * Infinity gives the normal quantile.
 */
export function tQuantile95(df: number): number {
  if (df === Infinity) return Z_975;
  if (!(Number.isInteger(df) && df >= 1)) {
    throw new RangeError(`degrees of freedom must be an integer >= 1, got ${df}`);
  }
  if (df <= T_975.length) return T_975[df - 1]!;
  const z = Z_975;
  const z2 = z * z;
  const z3 = z2 * z;
  const z5 = z3 * z2;
  const z7 = z5 * z2;
  const z9 = z7 * z2;
  const v = df;
  return (
    z +
    (z3 + z) / (4 * v) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v)
  );
}

/** Mean of the observations and the half-width of its 95% interval (null when undefined). */
export interface Estimate {
  mean: number | null;
  /** t(0.975, n - 1) s / sqrt(n); null with fewer than two observations. */
  halfWidth: number | null;
  /** Observations behind it: runs where the figure existed (a run with no completion has no latency). */
  n: number;
  /** The closed form's value, when the station or source has one. */
  theory?: number | null;
}

/** Six significant digits, as in the run report: more would be noise. */
const round = (x: number): number => Number(x.toPrecision(6));

/** The 95% Student-t interval of independent observations; nulls (no data in a run) skipped. */
export function estimate(values: readonly (number | null)[]): Estimate {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: null, halfWidth: null, n };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  if (n < 2) return { mean: round(mean), halfWidth: null, n };
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const halfWidth = tQuantile95(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean: round(mean), halfWidth: round(halfWidth), n };
}

/** The station figures replicated, each read off one run's StationReport. */
export const STATION_FIGURES = {
  throughput: (s: StationReport) => s.throughput,
  utilization: (s: StationReport) => s.utilization,
  meanLatency: (s: StationReport) => s.latency.mean,
  meanWait: (s: StationReport) => s.wait.mean,
  p99Latency: (s: StationReport) => s.latency.p99,
  meanInSystem: (s: StationReport) => s.meanInSystem,
  refusedShare: (s: StationReport) => (s.arrivals > 0 ? s.rejected / s.arrivals : null),
} as const;

export const SOURCE_FIGURES = {
  offeredRate: (s: SourceReport) => s.offeredRate,
  goodput: (s: SourceReport) => s.goodput,
  successShare: (s: SourceReport) => (s.offered > 0 ? s.successes / s.offered : null),
  meanLatency: (s: SourceReport) => s.latency.mean,
  p99Latency: (s: SourceReport) => s.latency.p99,
} as const;

export type StationFigure = keyof typeof STATION_FIGURES;
export type SourceFigure = keyof typeof SOURCE_FIGURES;

/** What the closed form says of each replicated figure; p99 has no closed form here. */
function stationTheoryValues(t: StationTheory): Record<StationFigure, number | null> {
  return {
    throughput: t.throughput,
    utilization: t.utilization,
    meanLatency: t.W,
    meanWait: t.Wq,
    p99Latency: null,
    meanInSystem: t.L,
    refusedShare: t.blocking,
  };
}

/** The source feeding a lone station sees that station's figures end to end. */
function sourceTheoryValues(t: StationTheory): Record<SourceFigure, number | null> {
  return {
    offeredRate: t.lambda,
    goodput: t.throughput,
    successShare: 1 - t.blocking,
    meanLatency: t.W,
    p99Latency: null,
  };
}

/** The CLI's `--replications --json` document. */
export interface ReplicationReport {
  scenario: string;
  replications: number;
  /** Seeds first, first + 1, ..., last. */
  seeds: { first: number; last: number };
  confidence: 0.95;
  simulatedSeconds: number;
  warmupSeconds: number;
  wallMs: number;
  warnings: string[];
  stations: Record<string, Record<StationFigure, Estimate>>;
  sources: Record<string, Record<SourceFigure, Estimate>>;
}

/**
 * Mean and 95% interval of every key figure over the runs (one report per seed, in seed order),
 * with the closed form's value beside it where `theory` has the station.
 */
export function summariseReplications(
  reports: readonly RunReport[],
  theory: Record<string, StationTheory>,
  wallMs: number,
): ReplicationReport {
  const first = reports[0];
  if (first === undefined || reports.length < 2) {
    throw new RangeError('replications need at least two runs');
  }
  const stations: ReplicationReport['stations'] = {};
  for (const id of Object.keys(first.stations)) {
    const t = theory[id];
    const expected = t === undefined ? undefined : stationTheoryValues(t);
    stations[id] = figures(STATION_FIGURES, expected, (pick) =>
      reports.map((r) => pick(r.stations[id]!)),
    );
  }
  const sources: ReplicationReport['sources'] = {};
  for (const id of Object.keys(first.sources)) {
    const t = Object.values(theory).find((s) => s.source === id);
    const expected = t === undefined ? undefined : sourceTheoryValues(t);
    sources[id] = figures(SOURCE_FIGURES, expected, (pick) =>
      reports.map((r) => pick(r.sources[id]!)),
    );
  }
  return {
    scenario: first.scenario,
    replications: reports.length,
    seeds: { first: first.seed, last: reports[reports.length - 1]!.seed },
    confidence: 0.95,
    simulatedSeconds: first.simulatedSeconds,
    warmupSeconds: first.warmupSeconds,
    wallMs,
    warnings: first.warnings,
    stations,
    sources,
  };
}

function figures<R, F extends string>(
  pickers: Record<F, (r: R) => number | null>,
  expected: Record<F, number | null> | undefined,
  over: (pick: (r: R) => number | null) => (number | null)[],
): Record<F, Estimate> {
  const out = {} as Record<F, Estimate>;
  for (const name of Object.keys(pickers) as F[]) {
    const e = estimate(over(pickers[name]));
    const value = expected?.[name];
    out[name] = value === undefined ? e : { ...e, theory: value === null ? null : round(value) };
  }
  return out;
}
