import type { WriteStrategy } from '../model/service/cacheSteps';

/** The strategies the race replay compares, in the order the panels show them. */
export const RACE_STRATEGIES: readonly WriteStrategy[] = [
  'updateThenDelete',
  'deleteThenUpdate',
  'updateThenSet',
  'lockDeleteUpdateReload',
];

export const isWriteStrategy = (s: unknown): s is WriteStrategy =>
  typeof s === 'string' && (RACE_STRATEGIES as readonly string[]).includes(s);

/** Seconds the replay runs: long enough for a dozen writes of the one key. */
export const RACE_DURATION = 0.5;

/**
 * The cache-consistency lesson cut down to one order: one key, one writer (a closed loop of one
 * client, so writes never overlap: races B and A, not C between writers), readers at 2,000/s,
 * and the same Redis node and database as the preset, but with a busier Redis (1 ms per op) so
 * each race has room to happen within half a second. The cache starts with version 0 of the key,
 * as a warm cache would. The locked strategy refills under the same lock, as the lesson says
 * (SEMANTICS.md section 5: the lock alone leaves race A open to readers).
 */
export function raceScenario(strategy: WriteStrategy, seed: number): unknown {
  const locked = strategy === 'lockDeleteUpdateReload';
  return {
    name: `race-${strategy}`,
    seed,
    duration: RACE_DURATION,
    keys: { count: 1, zipf: 0 },
    caches: [
      {
        id: 'order-cache',
        nodes: ['redis-0'],
        capacity: 10,
        ttl: 60,
        preload: 1,
        fillUnderLock: locked,
      },
    ],
    sources: [
      { id: 'readers', kind: 'poisson', target: 'order-api', endpoint: 'read', rate: 2000 },
      {
        id: 'writer',
        kind: 'closed',
        clients: 1,
        target: 'order-api',
        endpoint: 'write',
        think: { type: 'exponential', mean: 0.02 },
      },
    ],
    stations: [
      {
        id: 'order-api',
        servers: 500,
        queueCapacity: 5000,
        endpoints: {
          read: [{ kind: 'cacheRead', cache: 'order-cache', loadFrom: 'order-db' }],
          write: [{ kind: 'cachedWrite', cache: 'order-cache', db: 'order-db', strategy }],
        },
      },
      {
        id: 'redis-0',
        servers: 4,
        service: { type: 'exponential', mean: 0.001 },
      },
      {
        id: 'order-db',
        servers: 50,
        queueCapacity: 5000,
        service: { type: 'lognormal', mean: 0.005, p99: 0.03 },
      },
    ],
  };
}
