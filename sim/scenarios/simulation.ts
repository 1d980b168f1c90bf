import { Kernel } from '../kernel/kernel';
import { RandomStreams } from '../kernel/rng';
import { createDistribution } from '../model/distributions/createDistribution';
import { FaultInjector, type Fault } from '../model/faults/faultInjector';
import { Network } from '../model/network/network';
import type { Requester } from '../model/network/requester';
import { RequestTable } from '../model/requests/requestTable';
import { ClosedLoopSource } from '../model/sources/closedLoopSource';
import { PoissonSource } from '../model/sources/poissonSource';
import { RateProfile } from '../model/sources/rateProfile';
import { RetryPolicy } from '../model/sources/retryPolicy';
import type { ClientConfig, Source } from '../model/sources/source';
import { PRIORITY_CLASSES, Station } from '../model/station/station';
import { TokenBucket } from '../model/resilience/rateLimiter';
import { EndpointProgram } from '../model/service/endpointProgram';
import { Cache } from '../model/cache/cache';
import { ReplicatedDatabase } from '../model/database/replicatedDatabase';
import { Topic } from '../model/mq/topic';
import { OrderFlow } from '../model/orders/orderFlow';
import { ShardedTable } from '../model/sharding/shardedTable';
import { SearchIndex } from '../model/sharding/searchIndex';
import { SearchIndexServer } from '../model/sharding/searchIndexServer';
import { routeSearches } from '../model/sharding/searchRouting';
import { homeCentre, UnitRouter, unitOf } from '../model/datacentre/unitRouter';
import type { LoggedBreaker } from '../model/resilience/breakerLog';
import { KeyPrefix, SlotMap } from '../model/cache/redisSlot';
import { KeyChooser } from '../model/sources/keyChooser';
import { compileEndpoints } from './compileEndpoints';
import type { CallAdmission } from '../model/service/callAdmission';
import { ScenarioIndex } from './scenarioIndex';
import { defaultBucketSeconds, SeriesRecorder } from '../metrics/seriesRecorder';
import {
  breakerSubject,
  cacheSubject,
  databaseSubject,
  orderSubject,
  sourceSubject,
  stationSubject,
  topicSubject,
} from '../metrics/seriesSubjects';
import { Warmup } from '../metrics/warmup';
import type { Scenario } from './schema/scenarioSchema';
import type { FaultSpec, ScenarioFaultSpec } from './schema/faultSchema';
import type { SourceSpec } from './schema/sourceSchema';
import { GoalTracker } from '../lessons/goalTracker';

/**
 * One run of a validated scenario: the kernel with every component plugged in. Random streams
 * are named after the component and purpose ("station:db/service", "source:users/arrivals"), so
 * editing one part of a scenario leaves the random numbers of the others as they were.
 */
export class Simulation {
  readonly kernel: Kernel;
  readonly network: Network;
  readonly stations: Station[];
  readonly sources: Source[];
  readonly caches: Cache[];
  readonly databases: ReplicatedDatabase[];
  readonly topics: Topic[];
  readonly shardedTables: ShardedTable[];
  /** The order flows (idempotency keys and sagas), in the scenario's order. */
  readonly orderFlows: OrderFlow[];
  /** Multi-active routing by user unit, when the scenario has data centres. */
  readonly router: UnitRouter | undefined;
  /** Every circuit breaker, named "<station>.<endpoint>[<step>]". */
  readonly breakers: LoggedBreaker[] = [];
  /** Resilience4j rate limiters and bulkheads on call steps, in the order of the scenario. */
  readonly callLimits: CallAdmission[] = [];
  /** The endpoint program of each station, undefined for plain stations. */
  readonly programs: (EndpointProgram | undefined)[] = [];
  readonly series: SeriesRecorder;
  readonly warmup: Warmup;
  readonly duration: number;
  /** The lesson's goals, checked as the run goes (sim/lessons); undefined without a lesson. */
  readonly lesson: GoalTracker | undefined;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number = scenario.seed,
    duration: number = scenario.duration,
  ) {
    this.duration = duration;
    const streams = new RandomStreams(seed);
    this.kernel = new Kernel(4096);
    this.network = new Network(this.kernel, new RequestTable(4096));
    this.network.maxInFlight = scenario.limits.maxInFlight;
    const index = new ScenarioIndex(scenario);
    this.caches = scenario.caches.map((spec) => {
      const nodes = spec.nodes.map((id) => index.station(id));
      const slots = new SlotMap(nodes.length);
      // One hashed prefix per cache: several caches alternate prefixes on every request.
      const prefix = new KeyPrefix(spec.keyPrefix);
      return new Cache(
        {
          id: spec.id,
          capacity: spec.capacity,
          ttl: spec.ttl ?? Infinity,
          ttlJitter: spec.ttlJitter,
          nullTtl: spec.nullTtl,
          existingKeys: scenario.keys?.count ?? Infinity,
          fillUnderLock: spec.fillUnderLock,
        },
        (key) => nodes[slots.nodeOfSlot(prefix.slotOf(key))]!,
        streams.stream(`cache:${spec.id}/ttl`),
        streams.stream(`cache:${spec.id}/eviction`),
      );
    });

    scenario.caches.forEach((spec, i) => {
      const centre = scenario.multiActive?.centres.findIndex((c) => c.id === spec.centre) ?? -1;
      const centres = scenario.multiActive?.centres.length ?? 1;
      // A centre's users are the keys whose unit is at home there.
      const serves =
        centre >= 0 ? (key: number) => homeCentre(unitOf(key), centres) === centre : undefined;
      this.caches[i]!.preload(spec.preload, 0, spec.preloadSpread, serves);
    });
    this.databases = scenario.databases.map(
      (spec) =>
        new ReplicatedDatabase(
          {
            id: spec.id,
            master: index.station(spec.master),
            replicas: spec.replicas.map((id) => index.station(id)),
            shipDelay: createDistribution(spec.shipDelay),
            applyTime: createDistribution(spec.applyTime),
            readRouting: spec.readRouting,
            readYourWritesWindow: spec.readYourWrites,
          },
          streams.stream(`database:${spec.id}/replication`),
        ),
    );

    this.topics = scenario.topics.map(
      (spec) =>
        new Topic(
          {
            id: spec.id,
            partitions: spec.partitions,
            consumers: spec.consumers.map((id) => index.station(id)),
            consumerEndpoint: index.endpoint(spec.consumers[0]!, spec.consumerEndpoint),
            retry: spec.retry,
            commitInterval: spec.commitInterval,
            commitBatch: spec.commitBatch ?? Infinity,
          },
          this.kernel,
          this.network,
        ),
    );

    this.shardedTables = scenario.shardedTables.map(
      (spec) =>
        new ShardedTable(
          {
            id: spec.id,
            shards: spec.shards.map((id) => index.station(id)),
            strategy: spec.strategy,
            indexTable: spec.indexTable === undefined ? -1 : index.station(spec.indexTable),
          },
          spec.searchIndex && this.searchIndexOf(spec.id, spec.searchIndex, index, streams),
        ),
    );
    const searchServers = this.searchServersOf(scenario, streams);
    this.orderFlows = scenario.orders.map(
      (spec) =>
        new OrderFlow(
          {
            id: spec.id,
            db: this.databases[index.database(spec.db)]!,
            rider: index.station(spec.rider),
            payment: index.station(spec.payment),
            merchant: index.station(spec.merchant),
            stepTimeout: spec.stepTimeout,
            creation: spec.creation,
            scanner: spec.scanner,
            executor: spec.executor,
            retentionSeconds: spec.retentionSeconds,
            machines: spec.machines,
          },
          this.kernel,
          this.network,
        ),
    );

    this.stations = scenario.stations.map((spec, i) => {
      const program = spec.endpoints
        ? new EndpointProgram(
            spec.id,
            this.kernel,
            this.network,
            compileEndpoints(
              spec.id,
              spec.endpoints,
              index,
              this.caches,
              this.databases,
              this.topics,
              this.shardedTables,
              this.breakers,
              this.orderFlows,
              { kernel: this.kernel, made: this.callLimits },
            ).map(routeSearches),
            streams.stream(`station:${spec.id}/work`),
          )
        : undefined;
      this.programs.push(program);
      const station = new Station(
        {
          id: spec.id,
          servers: spec.servers,
          queueCapacity: spec.queueCapacity ?? Infinity,
          // A program station samples its work per step; this one is never drawn from.
          service: createDistribution(spec.service ?? { type: 'deterministic', value: 0 }),
          timeoutPolicy: spec.timeoutPolicy,
          program: program ?? searchServers.get(i),
          rateLimit: spec.rateLimit && new TokenBucket(spec.rateLimit.rate, spec.rateLimit.burst),
          shedAtQueueLength: spec.shedAtQueueLength && [
            spec.shedAtQueueLength.critical ?? Infinity,
            spec.shedAtQueueLength.degraded ?? Infinity,
            spec.shedAtQueueLength.nonCritical ?? Infinity,
          ],
        },
        i,
        this.kernel,
        this.network.table,
        streams.stream(`station:${spec.id}/service`),
        this.network,
      );
      this.network.addStation(station, streams.stream(`station:${spec.id}/routing`));
      return station;
    });
    scenario.stations.forEach((spec, i) =>
      this.network.setRoutes(
        i,
        spec.routes.map((r) => ({ to: index.station(r.to), probability: r.p })),
      ),
    );

    // Faults go in before the sources: a fault and an arrival at the same instant tie on time
    // and priority, and the fault, scheduled first, applies first.
    this.router = scenario.multiActive
      ? new UnitRouter(scenario.multiActive.centres.map((c) => index.station(c.entry)))
      : undefined;
    this.kernel.add(new FaultInjector(scenario.faults.map((f) => this.faultOf(f, index))));

    this.sources = scenario.sources.map((spec) => {
      const viaCentres = spec.target === scenario.multiActive?.id;
      const entry = viaCentres ? scenario.multiActive!.centres[0]!.entry : spec.target;
      const source = this.kernel.add(this.buildSource(spec, index.station(entry), streams));
      source.endpoint = index.endpoint(entry, spec.endpoint);
      source.priority = PRIORITY_CLASSES.indexOf(spec.priority);
      if (viaCentres) source.router = this.router;
      if (scenario.keys) {
        source.keys = new KeyChooser(
          scenario.keys.count,
          scenario.keys.zipf,
          spec.missingKeyShare,
          streams.stream(`source:${spec.id}/keys`),
        );
      }
      return source;
    });
    // After the sources: a scenario without orders starts its components as it always did.
    for (const flow of this.orderFlows) this.kernel.add(flow);
    this.network.countFlows(this.flowOrigins.length, this.flowRows());

    const bucket = scenario.metrics.bucketSeconds ?? defaultBucketSeconds(duration);
    this.series = this.kernel.add(
      new SeriesRecorder(
        [
          ...this.stations.map(stationSubject),
          ...this.sources.map(sourceSubject),
          ...this.caches.map(cacheSubject),
          ...this.topics.map(topicSubject),
          ...this.orderFlows.map(orderSubject),
          ...[...this.databases.map(databaseSubject), ...this.breakers.map(breakerSubject)],
        ],
        bucket,
        scenario.metrics.maxBuckets,
      ),
    );
    this.warmup = this.kernel.add(
      new Warmup(scenario.warmup, this.stations, this.sources, this.caches, this.databases),
    );
    this.lesson = scenario.lesson && new GoalTracker(this, scenario.lesson);
  }

  /**
   * The origins of the network's per-edge request counts, one row each, as "<kind>:<id>": the
   * stations (their routes and their programs' calls), then the sources, the topics (messages to
   * their consumers) and the order flows (saga calls).
   */
  get flowOrigins(): string[] {
    return [
      ...this.stations.map((s) => `station:${s.id}`),
      ...this.sources.map((s) => `source:${s.id}`),
      ...this.topics.map((t) => `topic:${t.id}`),
      ...this.orderFlows.map((f) => `order:${f.id}`),
    ];
  }

  private flowRows(): Map<Requester, number> {
    const rows = new Map<Requester, number>();
    this.programs.forEach((program, i) => program && rows.set(program, i));
    let row = this.stations.length;
    for (const requester of [...this.sources, ...this.topics, ...this.orderFlows]) {
      rows.set(requester, row++);
    }
    return rows;
  }

  private searchIndexOf(
    table: string,
    spec: NonNullable<Scenario['shardedTables'][number]['searchIndex']>,
    index: ScenarioIndex,
    streams: RandomStreams,
  ): SearchIndex {
    const search = new SearchIndex(
      index.station(spec.station),
      createDistribution(spec.lag),
      streams.stream(`shardedTable:${table}/searchLag`),
    );
    this.topics[index.topic(spec.feed)]!.observers.push(search);
    return search;
  }

  /** The search index stations serve queries themselves: by station index. */
  private searchServersOf(scenario: Scenario, streams: RandomStreams) {
    const servers = new Map<number, SearchIndexServer>();
    for (const sharded of this.shardedTables) {
      const station = sharded.search?.station;
      if (station === undefined) continue;
      const spec = scenario.stations[station]!;
      const service = createDistribution(spec.service ?? { type: 'deterministic', value: 0 });
      const rng = streams.stream(`station:${spec.id}/search`);
      servers.set(
        station,
        new SearchIndexServer(sharded, this.kernel, this.network.table, service, rng),
      );
    }
    return servers;
  }

  private buildSource(spec: SourceSpec, target: number, streams: RandomStreams): Source {
    const retry = spec.client?.retry;
    const client: ClientConfig = {
      timeout: spec.client?.timeout ?? Infinity,
      ...(retry && {
        retry: new RetryPolicy(retry, streams.stream(`source:${spec.id}/retryJitter`)),
      }),
    };
    if (spec.kind === 'closed') {
      return new ClosedLoopSource(
        spec.id,
        this.network,
        target,
        client,
        spec.clients,
        createDistribution(spec.think),
        streams.stream(`source:${spec.id}/think`),
      );
    }
    const profile = spec.profile
      ? new RateProfile(spec.profile.points, spec.profile.period)
      : RateProfile.constant(spec.rate ?? 0);
    return new PoissonSource(
      spec.id,
      this.network,
      target,
      client,
      profile,
      spec.bursts,
      spec.batches,
      streams.stream(`source:${spec.id}/arrivals`),
      streams.stream(`source:${spec.id}/thinning`),
    );
  }

  get now(): number {
    return this.kernel.now;
  }

  get done(): boolean {
    return this.kernel.now >= this.duration;
  }

  /**
   * Advances to simulated time `t` (capped at the run's duration), or by at most `maxEvents`
   * events, whichever comes first. How a run is sliced never changes its results.
   */
  runUntil(t: number, maxEvents = Infinity): void {
    // A lesson stops the kernel at its check times (see GoalTracker): same events, same results.
    if (this.lesson) this.lesson.runUntil(this.kernel, Math.min(t, this.duration), maxEvents);
    else this.kernel.runUntil(Math.min(t, this.duration), maxEvents);
    if (this.done) this.series.flush(this.duration);
  }

  /** Runs to the end in `chunks` slices, calling `onProgress(fraction)` after each. */
  runToEnd(onProgress?: (fraction: number) => void, chunks = 100): void {
    for (let i = 1; i <= chunks && !this.done; i++) {
      this.runUntil((this.duration * i) / chunks);
      onProgress?.(this.now / this.duration);
    }
  }

  /**
   * Schedules one more fault, validated against this scenario, at `fault.at` (not before now).
   * The kernel takes no components once it runs, so the fault gets an injector of its own.
   */
  injectFault(fault: FaultSpec): void {
    const injector = new FaultInjector([this.faultOf(fault, new ScenarioIndex(this.scenario))]);
    injector.start(this.kernel);
  }

  private faultOf(f: ScenarioFaultSpec, index: ScenarioIndex): Fault {
    if (f.kind === 'flushCache') return { ...f, cache: this.caches[index.cache(f.cache)]! };
    if (f.kind === 'masterFailover') {
      const db = this.databases[index.database(f.db)]!;
      return { ...f, db, master: this.stations[db.config.master]! };
    }
    if (f.kind === 'consumerCrash') {
      const topic = this.topics[index.topic(f.topic)]!;
      return { ...f, topic, consumer: index.station(f.consumer) };
    }
    if (f.kind === 'instanceCrash' || f.kind === 'duplicateCalls') {
      return { ...f, station: index.station(f.station), flows: this.orderFlows };
    }
    if (f.kind === 'centreDown') {
      const centre = this.scenario.multiActive!.centres.findIndex((c) => c.id === f.centre);
      return { ...f, router: this.router!, centre };
    }
    return { ...f, station: this.stations[index.station(f.station)]! } as Fault;
  }
}
