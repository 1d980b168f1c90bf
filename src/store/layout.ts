import type { LoadResult } from '../../sim/worker/api';

/** What a loaded scenario tells the UI about the shape of its snapshots. */
export type LoadedScenario = Extract<LoadResult, { ok: true }>;

export type SnapshotLayout = Pick<
  LoadedScenario,
  | 'stationIds'
  | 'sourceIds'
  | 'stationFields'
  | 'sourceFields'
  | 'stationSeriesFields'
  | 'sourceSeriesFields'
>;

export const EMPTY_LAYOUT: SnapshotLayout = {
  stationIds: [],
  sourceIds: [],
  stationFields: [],
  sourceFields: [],
  stationSeriesFields: [],
  sourceSeriesFields: [],
};

export function layoutOf(loaded: LoadedScenario): SnapshotLayout {
  const { stationIds, sourceIds, stationFields, sourceFields } = loaded;
  const { stationSeriesFields, sourceSeriesFields } = loaded;
  return {
    stationIds,
    sourceIds,
    stationFields,
    sourceFields,
    stationSeriesFields,
    sourceSeriesFields,
  };
}

/** Series subjects are the stations, then the sources: field count of each, in that order. */
export function seriesFieldCounts(layout: SnapshotLayout): number[] {
  return [
    ...layout.stationIds.map(() => layout.stationSeriesFields.length),
    ...layout.sourceIds.map(() => layout.sourceSeriesFields.length),
  ];
}

/** Index of `name` in `fields`, or -1: field lists come from the worker, so none is assumed. */
export const fieldIndex = (fields: readonly string[], name: string): number => fields.indexOf(name);
