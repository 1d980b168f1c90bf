import type { ChartSeries, StationSeries } from '../store/chartSeries';
import type { SnapshotLayout } from '../store/layout';
import { seriesColour } from './palette';

/** One line of a chart: its legend entry and where its values come from. */
export interface LineSpec {
  key: string;
  label: string;
  colour: string;
  dashed: boolean;
  values(chart: ChartSeries): readonly number[] | undefined;
}

export type LinesFor = (layout: SnapshotLayout) => LineSpec[];

type StationMetric = Exclude<keyof StationSeries, 'id'>;

/** One line per station, coloured by station order (the same colour in every chart). */
export const stationLines =
  (metric: StationMetric): LinesFor =>
  (layout) =>
    layout.stationIds.map((id, i) => ({
      key: id,
      label: id,
      colour: seriesColour(i),
      dashed: false,
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
        dashed: true,
        values: (chart: ChartSeries) => chart.sources[k]?.offered,
      },
      {
        key: `${id}:goodput`,
        label: `${id} goodput`,
        colour,
        dashed: false,
        values: (chart: ChartSeries) => chart.sources[k]?.goodput,
      },
    ];
  });
