import type { LoadResult } from '../../sim/worker/api';

/** What a loaded scenario tells the UI about the shape of its snapshots. */
export type LoadedScenario = Extract<LoadResult, { ok: true }>;

/**
 * Order flows, databases and breakers are optional here: a layout without them (an older
 * worker, a test's hand-made layout) reads as a scenario that has none.
 */
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
> &
  Partial<
    Pick<
      LoadedScenario,
      | 'orderIds'
      | 'databaseIds'
      | 'breakerIds'
      | 'orderSeriesFields'
      | 'databaseSeriesFields'
      | 'breakerSeriesFields'
    >
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
  const { orderIds, databaseIds, breakerIds } = loaded;
  const { orderSeriesFields, databaseSeriesFields, breakerSeriesFields } = loaded;
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
    orderIds,
    databaseIds,
    breakerIds,
    orderSeriesFields,
    databaseSeriesFields,
    breakerSeriesFields,
  };
}

/**
 * Series subjects in the recorder's order (stations, sources, caches, topics, order flows,
 * databases, breakers): the field count of each.
 */
export function seriesFieldCounts(layout: SnapshotLayout): number[] {
  const blocks: [readonly string[] | undefined, readonly string[] | undefined][] = [
    [layout.stationIds, layout.stationSeriesFields],
    [layout.sourceIds, layout.sourceSeriesFields],
    [layout.cacheIds, layout.cacheSeriesFields],
    [layout.topicIds, layout.topicSeriesFields],
    [layout.orderIds, layout.orderSeriesFields],
    [layout.databaseIds, layout.databaseSeriesFields],
    [layout.breakerIds, layout.breakerSeriesFields],
  ];
  return blocks.flatMap(([ids = [], fields = []]) => ids.map(() => fields.length));
}

/** Index of `name` in `fields`, or -1: field lists come from the worker, so none is assumed. */
export const fieldIndex = (fields: readonly string[], name: string): number => fields.indexOf(name);
