import type {
  Estimate,
  ReplicationReport,
  SourceFigure,
  StationFigure,
} from '../../sim/metrics/replications';
import type { FigureUnit } from './abResult';

export interface EstimateRow extends Estimate {
  section: 'source' | 'station';
  id: string;
  figure: string;
  label: string;
  unit: FigureUnit;
  /** Whether the closed form lies inside the 95% interval; null without theory or interval. */
  theoryInInterval: boolean | null;
}

const STATION_LABELS: Record<StationFigure, [string, FigureUnit]> = {
  throughput: ['throughput /s', 'rate'],
  utilization: ['utilisation', 'share'],
  meanLatency: ['mean latency (W)', 'seconds'],
  meanWait: ['mean wait (Wq)', 'seconds'],
  p99Latency: ['p99 latency', 'seconds'],
  meanInSystem: ['mean number there (L)', 'rate'],
  refusedShare: ['refused share', 'share'],
};

const SOURCE_LABELS: Record<SourceFigure, [string, FigureUnit]> = {
  offeredRate: ['offered /s', 'rate'],
  goodput: ['goodput /s', 'rate'],
  successShare: ['success share', 'share'],
  meanLatency: ['mean latency', 'seconds'],
  p99Latency: ['p99 latency', 'seconds'],
};

function inInterval(e: Estimate): boolean | null {
  if (e.theory === undefined || e.theory === null || e.mean === null || e.halfWidth === null) {
    return null;
  }
  return Math.abs(e.theory - e.mean) <= e.halfWidth;
}

function rowsOf<F extends string>(
  section: EstimateRow['section'],
  parts: Record<string, Record<F, Estimate>>,
  labels: Record<F, [string, FigureUnit]>,
): EstimateRow[] {
  return Object.entries(parts).flatMap(([id, figures]) =>
    (Object.keys(labels) as F[]).map((figure) => {
      const estimate = (figures as Record<F, Estimate>)[figure];
      const [label, unit] = labels[figure];
      return {
        section,
        id,
        figure,
        label,
        unit,
        ...estimate,
        theoryInInterval: inInterval(estimate),
      };
    }),
  );
}

/**
 * The replication summary (sim/metrics/replications.ts, the CLI's --replications) as table rows:
 * sources first, the clients' view, then stations; each estimate as computed there.
 */
export function replicationRows(summary: ReplicationReport): EstimateRow[] {
  return [
    ...rowsOf('source', summary.sources, SOURCE_LABELS),
    ...rowsOf('station', summary.stations, STATION_LABELS),
  ];
}
