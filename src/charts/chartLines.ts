import type { ChartSeries, Percentiles, StationSeries } from '../store/chartSeries';
import type { SnapshotLayout } from '../store/layout';
import { seriesColour } from './palette';

/** One line of a chart: its legend entry and where its values come from. */
export interface LineSpec {
  key: string;
  label: string;
  colour: string;
  /** SVG stroke-dasharray; null for a solid line. */
  dash: string | null;
  values(chart: ChartSeries): readonly number[] | undefined;
}

export type LinesFor = (layout: SnapshotLayout) => LineSpec[];

type StationMetric = Exclude<keyof StationSeries, 'id'>;

const DASHED = '5 3';

/** One line per station, coloured by station order (the same colour in every chart). */
export const stationLines =
  (metric: StationMetric): LinesFor =>
  (layout) =>
    layout.stationIds.map((id, i) => ({
      key: id,
      label: id,
      colour: seriesColour(i),
      dash: null,
      values: (chart) => chart.stations[i]?.[metric],
    }));

/** Per source: offered load dashed, goodput solid, in the same colour. */
export const sourceLines: LinesFor = (layout) =>
  layout.sourceIds.flatMap((id, k) => {
    const colour = seriesColour(layout.stationIds.length + k);
    return [
      {
        key: `${id}:offered`,
        label: `${id} offered`,
        colour,
        dash: DASHED,
        values: (chart: ChartSeries) => chart.sources[k]?.offered,
      },
      {
        key: `${id}:goodput`,
        label: `${id} goodput`,
        colour,
        dash: null,
        values: (chart: ChartSeries) => chart.sources[k]?.goodput,
      },
    ];
  });

/** The percentiles told apart by dash as well as by name: dotted p50, dashed p95, solid p99. */
const PERCENTILES: { field: keyof Percentiles; label: string; dash: string | null }[] = [
  { field: 'latencyP50', label: 'p50', dash: '1.5 3' },
  { field: 'latencyP95', label: 'p95', dash: DASHED },
  { field: 'latencyP99', label: 'p99', dash: null },
];

/** Per source, its client-side (end-to-end) latency p50, p95 and p99 in the source's colour. */
export const sourceLatencyLines: LinesFor = (layout) =>
  layout.sourceIds.flatMap((id, k) =>
    PERCENTILES.map(({ field, label, dash }) => ({
      key: `${id}:${field}`,
      label: `${id} ${label}`,
      colour: seriesColour(layout.stationIds.length + k),
      dash,
      values: (chart: ChartSeries) => chart.sources[k]?.[field],
    })),
  );

/** Colours after the stations' and sources', so no two subjects on one page share one. */
const otherColour = (layout: SnapshotLayout, index: number) =>
  seriesColour(layout.stationIds.length + layout.sourceIds.length + index);

export const cacheHitRatioLines: LinesFor = (layout) =>
  layout.cacheIds.map((id, k) => ({
    key: id,
    label: id,
    colour: otherColour(layout, k),
    dash: null,
    values: (chart) => chart.caches[k]?.hitRatio,
  }));

export const topicLagLines: LinesFor = (layout) =>
  layout.topicIds.map((id, k) => ({
    key: id,
    label: id,
    colour: otherColour(layout, layout.cacheIds.length + k),
    dash: null,
    values: (chart) => chart.topics[k]?.lag,
  }));
