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
      | 'databaseReplicaIds'
      | 'breakerIds'
      | 'orderSeriesFields'
      | 'databaseSeriesFields'
      | 'replicaSeriesFields'
      | 'breakerSeriesFields'
      | 'flowOrigins'
      | 'breakerCalls'
      | 'breakerStates'
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
  const { orderIds, databaseIds, databaseReplicaIds, breakerIds } = loaded;
  const { orderSeriesFields, databaseSeriesFields, replicaSeriesFields, breakerSeriesFields } =
    loaded;
  const { flowOrigins, breakerCalls, breakerStates } = loaded;
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
    databaseReplicaIds,
    breakerIds,
    orderSeriesFields,
    databaseSeriesFields,
    replicaSeriesFields,
    breakerSeriesFields,
    flowOrigins,
    breakerCalls,
    breakerStates,
  };
}

/**
 * Series subjects in the recorder's order (stations, sources, caches, topics, order flows,
 * databases, breakers): the field count of each. A database has its replicas' fields on top.
 */
export function seriesFieldCounts(layout: SnapshotLayout): number[] {
  const perReplica = layout.replicaSeriesFields?.length ?? 0;
  const replicaFields = (k: number) => perReplica * (layout.databaseReplicaIds?.[k]?.length ?? 0);
  const none = () => 0;
  const blocks: [
    readonly string[] | undefined,
    readonly string[] | undefined,
    (k: number) => number,
  ][] = [
    [layout.stationIds, layout.stationSeriesFields, none],
    [layout.sourceIds, layout.sourceSeriesFields, none],
    [layout.cacheIds, layout.cacheSeriesFields, none],
    [layout.topicIds, layout.topicSeriesFields, none],
    [layout.orderIds, layout.orderSeriesFields, none],
    [layout.databaseIds, layout.databaseSeriesFields, replicaFields],
    [layout.breakerIds, layout.breakerSeriesFields, none],
  ];
  return blocks.flatMap(([ids = [], fields = [], extra]) =>
    ids.map((_, k) => fields.length + extra(k)),
  );
}

/** Index of `name` in `fields`, or -1: field lists come from the worker, so none is assumed. */
export const fieldIndex = (fields: readonly string[], name: string): number => fields.indexOf(name);
