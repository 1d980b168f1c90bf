import type { StateCreator } from 'zustand';
import { EMPTY_CHART_SERIES, type ChartSeries } from './chartSeries';
import { emptySeries, type SeriesBuffer } from './seriesBuffer';
import type { AppState } from './store';

export interface SeriesSlice {
  /** Raw bucket increments as accumulated from incremental snapshots. */
  series: SeriesBuffer;
  /** The same buckets as rates and averages, recomputed only when buckets arrive. */
  chart: ChartSeries;
}

export const createSeriesSlice: StateCreator<AppState, [], [], SeriesSlice> = () => ({
  series: emptySeries([]),
  chart: EMPTY_CHART_SERIES,
});
