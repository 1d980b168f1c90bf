import type { LoadResult } from '../../sim/worker/api';

/** What a loaded scenario tells the UI about the shape of its snapshots. */
export type LoadedScenario = Extract<LoadResult, { ok: true }>;

export type SnapshotLayout = Pick<
  LoadedScenario,
  | 'stationIds'
  | 'sourceIds'
  | 'cacheIds'
  | 'topicIds'
  | 'stationFields'
  | 'sourceFields'
  | 'stationSeriesFields'
  | 'sourceSeriesFields'
  | 'cacheSeriesFields'
  | 'topicSeriesFields'
>;

export const EMPTY_LAYOUT: SnapshotLayout = {
  stationIds: [],
  sourceIds: [],
  cacheIds: [],
  topicIds: [],
  stationFields: [],
  sourceFields: [],
  stationSeriesFields: [],
  sourceSeriesFields: [],
  cacheSeriesFields: [],
  topicSeriesFields: [],
};

export function layoutOf(loaded: LoadedScenario): SnapshotLayout {
  const { stationIds, sourceIds, cacheIds, topicIds, stationFields, sourceFields } = loaded;
  const { stationSeriesFields, sourceSeriesFields, cacheSeriesFields, topicSeriesFields } = loaded;
  return {
    stationIds,
    sourceIds,
    cacheIds,
    topicIds,
    stationFields,
    sourceFields,
    stationSeriesFields,
    sourceSeriesFields,
    cacheSeriesFields,
    topicSeriesFields,
  };
}

/** Series subjects are the stations, sources, caches, then topics: field count of each, in order. */
export function seriesFieldCounts(layout: SnapshotLayout): number[] {
  return [
    ...layout.stationIds.map(() => layout.stationSeriesFields.length),
    ...layout.sourceIds.map(() => layout.sourceSeriesFields.length),
    ...layout.cacheIds.map(() => layout.cacheSeriesFields.length),
    ...layout.topicIds.map(() => layout.topicSeriesFields.length),
  ];
}

/** Index of `name` in `fields`, or -1: field lists come from the worker, so none is assumed. */
export const fieldIndex = (fields: readonly string[], name: string): number => fields.indexOf(name);
