import type { SeriesReport, StationReport } from './runReport';

/** A tier of the platform (core services, the Redis nodes, the databases) as the scenario names it. */
export interface TierSpec {
  id: string;
  title?: string | undefined;
  stations: readonly string[];
  /** A figure to compare the tier's throughput with (the article's), per second. */
  reference?: number | undefined;
  referenceText?: string | undefined;
}

export interface TierReport {
  title: string | null;
  stations: number;
  /** Requests completed per second by all of its stations, warm-up left out. */
  throughput: number;
  /** The busiest bucket's rate after the warm-up: what "at the peak" means on a chart. */
  peakThroughput: number | null;
  reference: number | null;
  referenceText: string | null;
  /** throughput / reference. */
  ofReference: number | null;
}

/**
 * Sums station figures by tier, so that a reader can set "the Redis tier served 1.1 M ops/s"
 * beside the article's "millions of QPS on Redis" without adding 24 rows by hand.
 */
export function tierReports(
  tiers: readonly TierSpec[],
  stations: Readonly<Record<string, StationReport>>,
  series: SeriesReport,
  warmupSeconds: number,
): Record<string, TierReport> {
  const out: Record<string, TierReport> = {};
  for (const tier of tiers) {
    let throughput = 0;
    for (const id of tier.stations) throughput += stations[id]?.throughput ?? 0;
    let peak: number | null = null;
    series.t.forEach((t, i) => {
      if (t < warmupSeconds) return;
      let rate = 0;
      for (const id of tier.stations) rate += series.stations[id]?.throughput?.[i] ?? 0;
      if (peak === null || rate > peak) peak = rate;
    });
    const reference = tier.reference ?? null;
    out[tier.id] = {
      title: tier.title ?? null,
      stations: tier.stations.length,
      throughput,
      peakThroughput: peak,
      reference,
      referenceText: tier.referenceText ?? null,
      ofReference: reference === null ? null : throughput / reference,
    };
  }
  return out;
}
