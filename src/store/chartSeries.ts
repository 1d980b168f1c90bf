import { fieldIndex, type SnapshotLayout } from './layout';
import type { SeriesBuffer } from './seriesBuffer';

export interface StationSeries {
  id: string;
  /** Completions per second. */
  throughput: number[];
  /** Busy server-time over available server-time, 0..1. */
  utilisation: number[];
  /** Mean time at the station of the requests completed in the bucket, seconds (NaN: none). */
  meanLatency: number[];
  /** Time-averaged number waiting. */
  queueLength: number[];
}

export interface SourceSeries {
  id: string;
  /** Logical requests offered per second. */
  offered: number[];
  /** Successes per second. */
  goodput: number[];
}

/** Chart-ready series: every array is aligned with `t`, the bucket start times. */
export interface ChartSeries {
  bucketSeconds: number;
  t: number[];
  stations: StationSeries[];
  sources: SourceSeries[];
}

export const EMPTY_CHART_SERIES: ChartSeries = {
  bucketSeconds: 0,
  t: [],
  stations: [],
  sources: [],
};

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
  const column = (subject: number, fields: readonly string[], name: string) => {
    const f = fieldIndex(fields, name);
    const values = f < 0 ? undefined : buffer.columns[subject]?.[f];
    return values ? Array.from(values.subarray(0, n)) : new Array<number>(n).fill(NaN);
  };
  const per = (values: number[]) => values.map((v, i) => (width[i]! > 0 ? v / width[i]! : NaN));
  const ratio = (num: number[], den: number[], empty: number) =>
    num.map((v, i) => (den[i]! > 0 ? v / den[i]! : empty));

  const stationFields = layout.stationSeriesFields;
  const stations = layout.stationIds.map((id, s) => {
    const f = (name: string) => column(s, stationFields, name);
    return {
      id,
      throughput: per(f('completed')),
      utilisation: ratio(f('busyArea'), f('capacityArea'), 0),
      meanLatency: ratio(f('latencySum'), f('completed'), NaN),
      queueLength: per(f('queueArea')),
    };
  });
  const sourceFields = layout.sourceSeriesFields;
  const sources = layout.sourceIds.map((id, k) => {
    const f = (name: string) => column(layout.stationIds.length + k, sourceFields, name);
    return { id, offered: per(f('offered')), goodput: per(f('successes')) };
  });
  return { bucketSeconds: bs, t, stations, sources };
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
