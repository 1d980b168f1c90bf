/**
 * A/B comparison of two runs on the same seed. Random streams are named after the component and
 * its purpose ("source:users/arrivals"), so variants that keep a source's id see the same arrival
 * times, the same keys and the same client jitter: common random numbers. The difference of two
 * such runs is mostly the variant's effect, not the luck of the draw, which is what makes a single
 * pair of runs worth reading side by side.
 */
import type { RunReport, SourceReport, StationReport } from './runReport';

/** One figure in both runs, and how B differs from A. */
export interface FigureComparison {
  a: number | null;
  b: number | null;
  /** b - a; null when either run has no value. */
  difference: number | null;
  /** (b - a) / |a|; null when a is 0 or either is missing. */
  relative: number | null;
}

const STATION_FIGURES = {
  arrivals: (s: StationReport) => s.arrivals,
  completed: (s: StationReport) => s.completed,
  rejected: (s: StationReport) => s.rejected,
  timedOut: (s: StationReport) => s.timedOut,
  errors: (s: StationReport) => s.errors,
  throughput: (s: StationReport) => s.throughput,
  utilization: (s: StationReport) => s.utilization,
  meanQueueLength: (s: StationReport) => s.meanQueueLength,
  meanLatency: (s: StationReport) => s.latency.mean,
  p99Latency: (s: StationReport) => s.latency.p99,
} as const;

const SOURCE_FIGURES = {
  offered: (s: SourceReport) => s.offered,
  attempts: (s: SourceReport) => s.attempts,
  successes: (s: SourceReport) => s.successes,
  failures: (s: SourceReport) =>
    s.failures.timeout + s.failures.rejected + s.failures.unavailable + s.failures.error,
  goodput: (s: SourceReport) => s.goodput,
  successShare: (s: SourceReport) => (s.offered > 0 ? s.successes / s.offered : null),
  meanLatency: (s: SourceReport) => s.latency.mean,
  p99Latency: (s: SourceReport) => s.latency.p99,
} as const;

export type ComparedStationFigure = keyof typeof STATION_FIGURES;
export type ComparedSourceFigure = keyof typeof SOURCE_FIGURES;

export interface RunIdentity {
  scenario: string;
  simulatedSeconds: number;
  warmupSeconds: number;
  events: number;
  wallMs: number;
  warnings: string[];
}

/** The CLI's `--compare --json` document. */
export interface ComparisonReport {
  seed: number;
  a: RunIdentity;
  b: RunIdentity;
  stations: Record<string, Record<ComparedStationFigure, FigureComparison>>;
  sources: Record<string, Record<ComparedSourceFigure, FigureComparison>>;
  /** Ids present in one run only: not compared. */
  onlyInA: { stations: string[]; sources: string[] };
  onlyInB: { stations: string[]; sources: string[] };
}

/** Six significant digits, as in the run report. */
const round = (x: number): number => Number(x.toPrecision(6));

export function compareFigure(a: number | null, b: number | null): FigureComparison {
  if (a === null || b === null) return { a, b, difference: null, relative: null };
  const difference = b - a;
  return {
    a: round(a),
    b: round(b),
    difference: round(difference),
    relative: a === 0 ? null : round(difference / Math.abs(a)),
  };
}

function identity(r: RunReport): RunIdentity {
  const { scenario, simulatedSeconds, warmupSeconds, events, wallMs, warnings } = r;
  return { scenario, simulatedSeconds, warmupSeconds, events, wallMs, warnings };
}

function compareAll<R, F extends string>(
  pickers: Record<F, (r: R) => number | null>,
  a: R,
  b: R,
): Record<F, FigureComparison> {
  const out = {} as Record<F, FigureComparison>;
  for (const name of Object.keys(pickers) as F[]) {
    const pick = pickers[name];
    out[name] = compareFigure(pick(a), pick(b));
  }
  return out;
}

function matched<R>(
  a: Record<string, R>,
  b: Record<string, R>,
): { both: string[]; onlyA: string[]; onlyB: string[] } {
  return {
    both: Object.keys(a).filter((id) => id in b),
    onlyA: Object.keys(a).filter((id) => !(id in b)),
    onlyB: Object.keys(b).filter((id) => !(id in a)),
  };
}

/** Key figures of every station and source present in both runs; A's order is kept. */
export function compareReports(a: RunReport, b: RunReport): ComparisonReport {
  if (a.seed !== b.seed) {
    throw new RangeError(`an A/B comparison needs one seed, got ${a.seed} and ${b.seed}`);
  }
  const st = matched(a.stations, b.stations);
  const so = matched(a.sources, b.sources);
  const stations: ComparisonReport['stations'] = {};
  for (const id of st.both) {
    stations[id] = compareAll(STATION_FIGURES, a.stations[id]!, b.stations[id]!);
  }
  const sources: ComparisonReport['sources'] = {};
  for (const id of so.both) {
    sources[id] = compareAll(SOURCE_FIGURES, a.sources[id]!, b.sources[id]!);
  }
  return {
    seed: a.seed,
    a: identity(a),
    b: identity(b),
    stations,
    sources,
    onlyInA: { stations: st.onlyA, sources: so.onlyA },
    onlyInB: { stations: st.onlyB, sources: so.onlyB },
  };
}
