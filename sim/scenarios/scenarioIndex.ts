import type { Scenario } from './schema/scenarioSchema';

/** Names to indices, for building a run from a validated scenario (ids are known to exist). */
export class ScenarioIndex {
  private readonly stations: Map<string, number>;
  private readonly caches: Map<string, number>;
  private readonly databases: Map<string, number>;
  private readonly topics: Map<string, number>;
  private readonly shardedTables: Map<string, number>;

  constructor(private readonly scenario: Scenario) {
    this.stations = new Map(scenario.stations.map((s, i) => [s.id, i]));
    this.caches = new Map(scenario.caches.map((c, i) => [c.id, i]));
    this.databases = new Map(scenario.databases.map((d, i) => [d.id, i]));
    this.topics = new Map(scenario.topics.map((t, i) => [t.id, i]));
    this.shardedTables = new Map(scenario.shardedTables.map((t, i) => [t.id, i]));
  }

  station(id: string): number {
    return this.stations.get(id)!;
  }

  cache(id: string): number {
    return this.caches.get(id)!;
  }

  database(id: string): number {
    return this.databases.get(id)!;
  }

  hasDatabase(id: string): boolean {
    return this.databases.has(id);
  }

  topic(id: string): number {
    return this.topics.get(id)!;
  }

  shardedTable(id: string): number {
    return this.shardedTables.get(id)!;
  }

  /** Index of `endpoint` among the station's endpoints; the first when not given. */
  endpoint(stationId: string, endpoint: string | undefined): number {
    if (endpoint === undefined) return 0;
    return Object.keys(this.scenario.stations[this.station(stationId)]!.endpoints ?? {}).indexOf(
      endpoint,
    );
  }
}
