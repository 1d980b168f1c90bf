import { createDistribution } from '../model/distributions/createDistribution';
import type { Cache } from '../model/cache/cache';
import { KeyStore } from '../model/cache/keyStore';
import type { ReplicatedDatabase } from '../model/database/replicatedDatabase';
import { delayOfLevel } from '../model/mq/delayLevels';
import type { Topic } from '../model/mq/topic';
import type { OrderFlow } from '../model/orders/orderFlow';
import type { ShardedTable } from '../model/sharding/shardedTable';
import type { Step } from '../model/service/endpointProgram';
import type { ScenarioIndex } from './scenarioIndex';
import type { StationSpec } from './schema/stationSchema';

type CallStepSpec = Extract<
  NonNullable<StationSpec['endpoints']>[string][number],
  { kind: 'call' }
>;
import type { BreakerSpec } from './schema/breakerSchema';
import { CircuitBreaker } from '../model/resilience/circuitBreaker';
import { hystrixCircuitBreakerConfig } from '../model/resilience/hystrix';
import { LoggedBreaker } from '../model/resilience/breakerLog';
import { SemaphoreBulkhead } from '../model/resilience/bulkhead';
import { Resilience4jRateLimiter } from '../model/resilience/rateLimiter';
import { CallAdmission } from '../model/service/callAdmission';
import type { Kernel } from '../kernel/kernel';

/** Turns a station's endpoint specs into the steps its program runs, names resolved to indices. */
export function compileEndpoints(
  stationId: string,
  endpoints: NonNullable<StationSpec['endpoints']>,
  index: ScenarioIndex,
  caches: readonly Cache[],
  databases: readonly ReplicatedDatabase[],
  topics: readonly Topic[],
  shardedTables: readonly ShardedTable[],
  breakers: LoggedBreaker[],
  orderFlows: readonly OrderFlow[] = [],
  admissions?: { kernel: Kernel; made: CallAdmission[] },
): Step[][] {
  const admissionFor = (name: string, step: CallStepSpec): CallAdmission | undefined => {
    if (step.rateLimiter === undefined && step.bulkhead === undefined) return undefined;
    if (admissions === undefined)
      throw new Error(`${name}: rate limiter or bulkhead without a kernel`);
    const admission = new CallAdmission(
      name,
      admissions.kernel,
      step.rateLimiter && new Resilience4jRateLimiter(step.rateLimiter),
      step.bulkhead && new SemaphoreBulkhead(step.bulkhead),
    );
    admissions.made.push(admission);
    return admission;
  };
  const breakerFor = (name: string, spec: BreakerSpec): CircuitBreaker => {
    const { preset, ...overrides } = spec;
    const defined = Object.fromEntries(
      Object.entries(overrides).filter(([, v]) => v !== undefined),
    ) as Partial<ConstructorParameters<typeof CircuitBreaker>[0]>;
    const config = preset === 'hystrix' ? hystrixCircuitBreakerConfig(defined) : defined;
    const logged = new LoggedBreaker(name, new CircuitBreaker(config, 0));
    breakers.push(logged);
    return logged.breaker;
  };
  return Object.entries(endpoints).map(([endpointName, steps]) =>
    steps.map((step, k): Step => {
      switch (step.kind) {
        case 'work':
          return { kind: 'work', duration: createDistribution(step.duration) };
        case 'call':
          return {
            kind: 'call',
            target: index.station(step.to),
            endpoint: index.endpoint(step.to, step.endpoint),
            timeout: step.timeout ?? Infinity,
            onFailure: step.onFailure,
            guard: step.breaker && breakerFor(`${stationId}.${endpointName}[${k}]`, step.breaker),
            degradeAbove: step.degradeAbove ?? Infinity,
            admission: admissionFor(`${stationId}.${endpointName}[${k}]`, step),
          };
        case 'cacheRead':
          return {
            kind: 'cacheRead',
            cache: caches[index.cache(step.cache)]!,
            ...(index.hasDatabase(step.loadFrom)
              ? { loadFrom: -1, loadEndpoint: 0, loadDb: databases[index.database(step.loadFrom)]! }
              : {
                  loadFrom: index.station(step.loadFrom),
                  loadEndpoint: index.endpoint(step.loadFrom, step.loadEndpoint),
                }),
            cacheTimeout: step.timeout,
            loadTimeout: step.loadTimeout ?? Infinity,
            onFailure: step.onFailure,
            local: step.local && {
              store: localStore(caches[index.cache(step.cache)]!, step.local.capacity),
              ttl: step.local.ttl,
            },
          };
        case 'cachedWrite':
          return {
            kind: 'cachedWrite',
            cache: caches[index.cache(step.cache)]!,
            ...(index.hasDatabase(step.db)
              ? (() => {
                  const database = databases[index.database(step.db)]!;
                  return { db: database.master, dbEndpoint: 0, database };
                })()
              : {
                  db: index.station(step.db),
                  dbEndpoint: index.endpoint(step.db, step.dbEndpoint),
                }),
            strategy: step.strategy,
            cacheTimeout: step.timeout,
            dbTimeout: step.dbTimeout ?? Infinity,
            onFailure: step.onFailure,
          };
        case 'publish':
          return {
            kind: 'publish',
            topic: topics[index.topic(step.topic)]!,
            delay: step.delayLevel > 0 ? delayOfLevel(step.delayLevel) : 0,
          };
        case 'shardQuery':
          return {
            kind: 'shardQuery',
            table: shardedTables[index.shardedTable(step.table)]!,
            by: step.by,
            timeout: step.timeout ?? Infinity,
            onFailure: step.onFailure,
          };
        case 'dbRead':
        case 'dbWrite':
          return {
            kind: step.kind,
            db: databases[index.database(step.db)]!,
            timeout: step.timeout ?? Infinity,
            onFailure: step.onFailure,
          };
        case 'placeOrder':
          return { kind: 'placeOrder', flow: orderFlows.find((f) => f.id === step.orders)! };
      }
    }),
  );
}

/** An in-process cache in front of `cache`, registered with it so the report can count its hits. */
function localStore(cache: Cache, capacity: number): KeyStore {
  const store = new KeyStore(capacity);
  cache.locals.push(store);
  return store;
}
