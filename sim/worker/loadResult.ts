import {
  BREAKER_SERIES_FIELDS,
  CACHE_SERIES_FIELDS,
  DATABASE_SERIES_FIELDS,
  databaseSeriesFields,
  LATENCY_PERCENTILE_FIELDS,
  ORDER_SERIES_FIELDS,
  REPLICA_SERIES_FIELDS,
  SOURCE_SERIES_FIELDS,
  STATION_SERIES_FIELDS,
  TOPIC_SERIES_FIELDS,
} from '../metrics/seriesSubjects';
import type { Scenario } from '../scenarios/schema/scenarioSchema';
import type { Simulation } from '../scenarios/simulation';
import { BREAKER_STATES, SOURCE_LIVE_FIELDS, STATION_LIVE_FIELDS } from './snapshot';

export type SeriesSubjectKind =
  'station' | 'source' | 'cache' | 'topic' | 'order' | 'database' | 'breaker';

/** Series columns of each subject, in the recorder's order: counters, then per-bucket figures. */
const STATION_COLUMNS = [...STATION_SERIES_FIELDS, ...LATENCY_PERCENTILE_FIELDS] as const;
const SOURCE_COLUMNS = [...SOURCE_SERIES_FIELDS, ...LATENCY_PERCENTILE_FIELDS] as const;

export interface LoadedLayout {
  ok: true;
  warnings: string[];
  scenario: Scenario;
  seed: number;
  stationIds: string[];
  sourceIds: string[];
  cacheIds: string[];
  topicIds: string[];
  /** Order flows, replicated databases and circuit breakers (named `<station>.<endpoint>[<step>]`). */
  orderIds: string[];
  databaseIds: string[];
  /** Per database, its replicas' station ids, in the order their series fields come. */
  databaseReplicaIds: string[][];
  breakerIds: string[];
  /** The call each breaker guards: the station that calls and the station called. */
  breakerCalls: { from: string; to: string }[];
  /** The origins of the snapshot's `flows` rows, as "<kind>:<id>" (Simulation.flowOrigins). */
  flowOrigins: string[];
  /** What the numbers of the snapshot's `breakers` mean. */
  breakerStates: readonly string[];
  stationFields: readonly string[];
  sourceFields: readonly string[];
  stationSeriesFields: readonly string[];
  sourceSeriesFields: readonly string[];
  cacheSeriesFields: readonly string[];
  topicSeriesFields: readonly string[];
  orderSeriesFields: readonly string[];
  /** The fields every database has; each replica's `replicaSeriesFields` follow them, in order. */
  databaseSeriesFields: readonly string[];
  replicaSeriesFields: readonly string[];
  breakerSeriesFields: readonly string[];
  /**
   * Every block of the snapshot's series data, in the recorder's order: stations, sources,
   * caches, topics, order flows, databases, breakers.
   */
  seriesSubjects: { kind: SeriesSubjectKind; id: string; fields: readonly string[] }[];
}

/** What the UI needs to read the snapshots of `sim`. */
export function describeLoad(sim: Simulation, warnings: string[]): LoadedLayout {
  const stationIds = sim.stations.map((s) => s.id);
  const sourceIds = sim.sources.map((s) => s.id);
  const cacheIds = sim.caches.map((c) => c.config.id);
  const topicIds = sim.topics.map((t) => t.id);
  const orderIds = sim.orderFlows.map((f) => f.id);
  const databaseIds = sim.databases.map((d) => d.config.id);
  const databaseReplicaIds = sim.databases.map((d) =>
    d.config.replicas.map((station) => sim.stations[station]!.id),
  );
  const breakerIds = sim.breakers.map((b) => b.name);
  const block = (kind: SeriesSubjectKind, fields: readonly string[]) => (id: string) => ({
    kind,
    id,
    fields,
  });
  return {
    ok: true,
    warnings,
    scenario: sim.scenario,
    seed: sim.seed,
    stationIds,
    sourceIds,
    cacheIds,
    topicIds,
    orderIds,
    databaseIds,
    databaseReplicaIds,
    breakerIds,
    breakerCalls: breakerCallsOf(sim.scenario),
    flowOrigins: sim.flowOrigins,
    breakerStates: BREAKER_STATES,
    stationFields: STATION_LIVE_FIELDS,
    sourceFields: SOURCE_LIVE_FIELDS,
    stationSeriesFields: STATION_COLUMNS,
    sourceSeriesFields: SOURCE_COLUMNS,
    cacheSeriesFields: CACHE_SERIES_FIELDS,
    topicSeriesFields: TOPIC_SERIES_FIELDS,
    orderSeriesFields: ORDER_SERIES_FIELDS,
    databaseSeriesFields: DATABASE_SERIES_FIELDS,
    replicaSeriesFields: REPLICA_SERIES_FIELDS,
    breakerSeriesFields: BREAKER_SERIES_FIELDS,
    seriesSubjects: [
      ...stationIds.map(block('station', STATION_COLUMNS)),
      ...sourceIds.map(block('source', SOURCE_COLUMNS)),
      ...cacheIds.map(block('cache', CACHE_SERIES_FIELDS)),
      ...topicIds.map(block('topic', TOPIC_SERIES_FIELDS)),
      ...orderIds.map(block('order', ORDER_SERIES_FIELDS)),
      ...databaseIds.map((id, k) =>
        block('database', databaseSeriesFields(databaseReplicaIds[k]!.length))(id),
      ),
      ...breakerIds.map(block('breaker', BREAKER_SERIES_FIELDS)),
    ],
  };
}

/**
 * The call each breaker guards, in the order compileEndpoints makes the breakers (stations, their
 * endpoints, then the steps: only a call step has one).
 */
function breakerCallsOf(scenario: Scenario): { from: string; to: string }[] {
  return scenario.stations.flatMap((station) =>
    Object.values(station.endpoints ?? {}).flatMap((steps) =>
      steps.flatMap((step) =>
        step.kind === 'call' && step.breaker ? [{ from: station.id, to: step.to }] : [],
      ),
    ),
  );
}
