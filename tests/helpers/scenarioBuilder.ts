import { checked } from '../../sim/scenarios/runScenario';
import type { Scenario, ScenarioInput } from '../../sim/scenarios/schema/scenarioSchema';
import { Simulation } from '../../sim/scenarios/simulation';

type StationInput = ScenarioInput['stations'][number];
type SourceInput = ScenarioInput['sources'][number];
type FaultInput = NonNullable<ScenarioInput['faults']>[number];

/**
 * Test scenarios that read like the domain:
 * `scenario('x').lasting(100).station({...}).poisson('users', 'api', 5).build()`.
 * Everything goes through the real validator, so a test cannot use a scenario a user could not.
 */
export class ScenarioBuilder {
  private readonly doc: ScenarioInput;

  constructor(name: string) {
    this.doc = { name, duration: 100, sources: [], stations: [], faults: [] };
  }

  lasting(duration: number, warmup = 0): this {
    this.doc.duration = duration;
    this.doc.warmup = warmup;
    return this;
  }

  seed(seed: number): this {
    this.doc.seed = seed;
    return this;
  }

  station(station: StationInput): this {
    this.doc.stations.push(station);
    return this;
  }

  source(source: SourceInput): this {
    this.doc.sources.push(source);
    return this;
  }

  poisson(id: string, target: string, rate: number): this {
    return this.source({ id, kind: 'poisson', target, rate });
  }

  keys(count: number, zipf = 1): this {
    this.doc.keys = { count, zipf };
    return this;
  }

  cache(cache: NonNullable<ScenarioInput['caches']>[number]): this {
    (this.doc.caches ??= []).push(cache);
    return this;
  }

  topic(topic: NonNullable<ScenarioInput['topics']>[number]): this {
    (this.doc.topics ??= []).push(topic);
    return this;
  }

  database(database: NonNullable<ScenarioInput['databases']>[number]): this {
    (this.doc.databases ??= []).push(database);
    return this;
  }

  fault(fault: FaultInput): this {
    this.doc.faults!.push(fault);
    return this;
  }

  metrics(metrics: NonNullable<ScenarioInput['metrics']>): this {
    this.doc.metrics = metrics;
    return this;
  }

  tiers(tiers: NonNullable<ScenarioInput['tiers']>): this {
    this.doc.tiers = tiers;
    return this;
  }

  /** The document as a user would write it. */
  input(): ScenarioInput {
    return structuredClone(this.doc);
  }

  build(): Scenario {
    return checked(this.input()).scenario;
  }

  /** Builds, runs to the end and returns the simulation for inspection. */
  run(seed?: number): Simulation {
    const sim = new Simulation(this.build(), seed);
    sim.runToEnd();
    return sim;
  }
}

export const scenario = (name = 'test') => new ScenarioBuilder(name);

export const exponential = (mean: number) => ({ type: 'exponential' as const, mean });
export const fixed = (value: number) => ({ type: 'deterministic' as const, value });
