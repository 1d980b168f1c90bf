import {
  compareReports,
  type ComparedSourceFigure,
  type ComparedStationFigure,
  type ComparisonReport,
  type FigureComparison,
} from '../../sim/metrics/compare';
import type { RunReport } from '../../sim/metrics/runReport';
import type { VariantRun } from './runToReport';

/** How a figure reads: the unit the table formats it in. */
export type FigureUnit = 'count' | 'rate' | 'share' | 'seconds';

export interface FigureRow extends FigureComparison {
  section: 'source' | 'station';
  id: string;
  figure: string;
  label: string;
  unit: FigureUnit;
}

/** One variant's line on a chart: bucket start times and a value per bucket. */
export interface VariantLine {
  t: readonly number[];
  values: readonly number[];
}

export interface OverlaidSeries {
  source: string;
  a: VariantLine;
  b: VariantLine;
}

export interface AbResult {
  comparison: ComparisonReport;
  /**
   * Whether each source present in both runs offered exactly the same requests, bucket by bucket
   * and in total: what common random numbers promise when B keeps A's sources.
   */
  offered: { identical: boolean; bySource: Record<string, boolean> };
  rows: FigureRow[];
  goodput: OverlaidSeries[];
  p99: OverlaidSeries[];
  /** Where both runs stopped, simulated seconds (the longer, if they differ). */
  until: number;
}

/** The source figures shown side by side, with their labels, from sim/metrics/compare.ts. */
const SOURCE_ROWS: [ComparedSourceFigure, string, FigureUnit][] = [
  ['offered', 'offered', 'count'],
  ['goodput', 'goodput /s', 'rate'],
  ['successShare', 'success share', 'share'],
  ['failures', 'failures', 'count'],
  ['meanLatency', 'mean latency', 'seconds'],
  ['p99Latency', 'p99 latency', 'seconds'],
];

const STATION_ROWS: [ComparedStationFigure, string, FigureUnit][] = [
  ['arrivals', 'arrivals', 'count'],
  ['throughput', 'throughput /s', 'rate'],
  ['utilization', 'utilisation', 'share'],
  ['rejected', 'rejected', 'count'],
  ['meanLatency', 'mean latency', 'seconds'],
  ['p99Latency', 'p99 latency', 'seconds'],
];

const sameNumbers = (x: readonly number[] | undefined, y: readonly number[] | undefined) =>
  x !== undefined && y !== undefined && x.length === y.length && x.every((v, i) => v === y[i]);

/** Exactly the same offered requests: the same total and the same count in every bucket. */
function sameOffered(a: RunReport, b: RunReport, id: string): boolean {
  return (
    a.sources[id]?.offered === b.sources[id]?.offered &&
    sameNumbers(a.series.t, b.series.t) &&
    sameNumbers(a.series.sources[id]?.offered, b.series.sources[id]?.offered)
  );
}

function overlay(
  a: VariantRun,
  b: VariantRun,
  ids: readonly string[],
  pick: (run: VariantRun, id: string) => readonly number[] | undefined,
): OverlaidSeries[] {
  return ids.map((source) => ({
    source,
    a: { t: a.report.series.t, values: pick(a, source) ?? [] },
    b: { t: b.report.series.t, values: pick(b, source) ?? [] },
  }));
}

/**
 * The A/B result the page shows: the key figures side by side with B - A and the relative change
 * exactly as the CLI's --compare computes them, whether the offered traffic was identical, and
 * each common source's goodput and p99 latency over time in both runs.
 */
export function shapeAB(a: VariantRun, b: VariantRun): AbResult {
  const comparison = compareReports(a.report, b.report);
  const sourceIds = Object.keys(comparison.sources);
  const bySource: Record<string, boolean> = {};
  for (const id of sourceIds) bySource[id] = sameOffered(a.report, b.report, id);
  const rows: FigureRow[] = [
    ...sourceIds.flatMap((id) =>
      SOURCE_ROWS.map(([figure, label, unit]) => ({
        section: 'source' as const,
        id,
        figure,
        label,
        unit,
        ...comparison.sources[id]![figure],
      })),
    ),
    ...Object.keys(comparison.stations).flatMap((id) =>
      STATION_ROWS.map(([figure, label, unit]) => ({
        section: 'station' as const,
        id,
        figure,
        label,
        unit,
        ...comparison.stations[id]![figure],
      })),
    ),
  ];
  return {
    comparison,
    offered: {
      identical: sourceIds.length > 0 && sourceIds.every((id) => bySource[id]),
      bySource,
    },
    rows,
    goodput: overlay(a, b, sourceIds, (run, id) => run.report.series.sources[id]?.goodput),
    p99: overlay(a, b, sourceIds, (run, id) => run.p99BySource[id]),
    until: Math.max(a.report.simulatedSeconds, b.report.simulatedSeconds),
  };
}
