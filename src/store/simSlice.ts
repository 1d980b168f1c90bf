import type { StateCreator } from 'zustand';
import type { Snapshot } from '../../sim/worker/snapshot';
import { lastBucketLatency, toChartSeries } from './chartSeries';
import type { Edit } from './edits';
import { layoutOf, seriesFieldCounts, type LoadedScenario } from './layout';
import { deriveFigures, EMPTY_FIGURES, pushSample, WINDOW_SAMPLES } from './liveFigures';

/** The recent window spans at most this many series buckets of simulated time. */
const WINDOW_BUCKETS = 2;
import { emptySeries, mergeSeries } from './seriesBuffer';
import { EMPTY_CHART_SERIES } from './chartSeries';
import type { AppState } from './store';

/** Actions that touch several slices at once, so each snapshot notifies subscribers once. */
export interface SimSlice {
  /** A new run: `edits` are the knob edits applied to the preset (none: the preset as it is). */
  scenarioLoaded(
    name: string,
    title: string,
    loaded: LoadedScenario,
    edits?: readonly Edit[],
  ): void;
  /** Back to t = 0 with the loaded scenario (figures and series cleared). */
  runCleared(): void;
  ingest(snapshot: Snapshot): void;
}

export const createSimSlice: StateCreator<AppState, [], [], SimSlice> = (set) => ({
  scenarioLoaded: (name, title, loaded, edits = []) =>
    set((s) => {
      const layout = layoutOf(loaded);
      return {
        run: {
          ...s.run,
          status: 'paused',
          scenarioName: name,
          title,
          description: loaded.scenario.description,
          seed: loaded.seed,
          now: 0,
          duration: loaded.scenario.duration,
          events: 0,
          warnings: loaded.warnings,
          scenario: loaded.scenario,
          layout,
          injectedFaults: [],
          edits,
        },
        figures: EMPTY_FIGURES,
        window: [],
        series: emptySeries(seriesFieldCounts(layout)),
        chart: EMPTY_CHART_SERIES,
      };
    }),

  runCleared: () =>
    set((s) => ({
      run: { ...s.run, status: 'paused', now: 0, events: 0, injectedFaults: [] },
      figures: EMPTY_FIGURES,
      window: [],
      series: emptySeries(seriesFieldCounts(s.run.layout)),
      chart: EMPTY_CHART_SERIES,
    })),

  ingest: (snapshot) =>
    set((s) => {
      const layout = s.run.layout;
      const series = mergeSeries(s.series, snapshot.series, seriesFieldCounts(layout));
      const bucketsChanged =
        series.buckets !== s.series.buckets || series.resolution !== s.series.resolution;
      const window = pushSample(
        s.window,
        {
          now: snapshot.now,
          stations: snapshot.stations,
          sources: snapshot.sources,
          flows: snapshot.flows,
          breakers: snapshot.breakers,
          topics: snapshot.topics,
        },
        WINDOW_SAMPLES,
        series.bucketSeconds > 0 ? WINDOW_BUCKETS * series.bucketSeconds : Infinity,
      );
      return {
        run: { ...s.run, now: snapshot.now, events: snapshot.events },
        window,
        figures: deriveFigures(layout, window, lastBucketLatency(series, layout)),
        series,
        chart: bucketsChanged ? toChartSeries(series, layout, snapshot.now) : s.chart,
      };
    }),
});
