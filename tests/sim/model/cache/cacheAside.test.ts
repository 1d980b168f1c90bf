import { describe, expect, it } from 'vitest';
import { exponential, scenario } from '../../../helpers/scenarioBuilder';
import type { ScenarioInput } from '../../../../sim/scenarios/schema/scenarioSchema';

type CacheInput = NonNullable<ScenarioInput['caches']>[number];

/** 500 reads/s for 100 s over 1,000 keys, through one cache node into a database. */
function readThroughCache(cache: Partial<CacheInput> = {}, missingKeyShare = 0) {
  return scenario('cache')
    .lasting(100)
    .keys(1000, 1)
    .cache({ id: 'redis', nodes: ['redis-0'], capacity: 10_000, ...cache })
    .station({
      id: 'api',
      servers: 200,
      endpoints: { read: [{ kind: 'cacheRead', cache: 'redis', loadFrom: 'db' }] },
    })
    .station({ id: 'redis-0', servers: 4, service: exponential(0.0002) })
    .station({ id: 'db', servers: 50, service: exponential(0.005) })
    .source({ id: 'users', kind: 'poisson', target: 'api', rate: 500, missingKeyShare })
    .run();
}

describe('cache-aside reads', () => {
  it('with no TTL each key misses once: database loads = distinct keys asked for', () => {
    const sim = readThroughCache();
    const cache = sim.caches[0]!;
    const db = sim.stations[2]!;
    expect(cache.loads).toBe(db.completed);
    // ~50,000 reads over 1,000 keys: almost every key is asked for, few twice before filled.
    expect(cache.loads).toBeGreaterThan(900);
    expect(cache.loads).toBeLessThan(1100);
    expect(cache.store.hits + cache.store.misses).toBe(sim.sources[0]!.offered);
    // Two readers can miss the same key before the first fill lands (a stampede in miniature):
    // they both load and both fill, so fills can exceed the keys held, but never by much here.
    expect(cache.fills).toBe(cache.loads);
    expect(cache.fills - cache.store.size).toBeGreaterThanOrEqual(0);
    expect(cache.fills - cache.store.size).toBeLessThan(20);
  });

  it('a TTL makes keys expire and be loaded again', () => {
    const sim = readThroughCache({ ttl: 10 });
    const cache = sim.caches[0]!;
    expect(cache.store.expiredMisses).toBeGreaterThan(1000);
    expect(cache.loads).toBeGreaterThan(3 * 1000);
  });

  it('penetration: requests for missing keys all reach the database unless nulls are cached', () => {
    const plain = readThroughCache({}, 0.2);
    const offered = plain.sources[0]!.offered;
    // Missing keys are never filled, so every one of them is a database load.
    expect(plain.caches[0]!.loads).toBeGreaterThan(0.19 * offered);
    const withNulls = readThroughCache({ nullTtl: 60 }, 0.2);
    // Missing ids are drawn from a billion, so caching nulls cannot help much with random ids...
    expect(withNulls.caches[0]!.loads).toBeGreaterThan(0.19 * offered);
    // ...but it does not hurt existing keys either: they are still loaded about once each.
    expect(withNulls.caches[0]!.loads - 0.2 * offered).toBeLessThan(
      1200 + 4 * Math.sqrt(0.2 * offered),
    );
  });

  it('eviction by size: a cache smaller than the working set keeps missing', () => {
    const small = readThroughCache({ capacity: 50 });
    expect(small.caches[0]!.store.evictions).toBeGreaterThan(1000);
    expect(small.caches[0]!.store.size).toBe(50);
    expect(small.caches[0]!.store.hitRatio).toBeLessThan(
      readThroughCache().caches[0]!.store.hitRatio,
    );
  });

  it('a flush empties the cache at its time, and misses follow', () => {
    const sim = scenario('flush')
      .lasting(100)
      .keys(1000, 1)
      .cache({ id: 'redis', nodes: ['redis-0'], capacity: 10_000 })
      .station({
        id: 'api',
        servers: 200,
        endpoints: { read: [{ kind: 'cacheRead', cache: 'redis', loadFrom: 'db' }] },
      })
      .station({ id: 'redis-0', servers: 4, service: exponential(0.0002) })
      .station({ id: 'db', servers: 50, service: exponential(0.005) })
      .source({ id: 'users', kind: 'poisson', target: 'api', rate: 500 })
      .fault({ kind: 'flushCache', at: 50, cache: 'redis' })
      .run();
    // Two cold starts: about twice the loads of a run without the flush.
    expect(sim.caches[0]!.loads).toBeGreaterThan(1600);
  });
});

describe('cache-aside reads loading from a replicated database', () => {
  /** 2,000 reads/s over 1,000 keys, a TTL so keys are reloaded, and 50 writes/s to the keys. */
  function throughReplicas(readYourWrites = 0) {
    return scenario('cache-db')
      .lasting(60)
      .keys(1000, 1)
      .cache({ id: 'redis', nodes: ['redis-0'], capacity: 10_000, ttl: 0.5 })
      .database({
        id: 'orders',
        master: 'master',
        replicas: ['replica-1', 'replica-2'],
        applyTime: exponential(0.004),
        readYourWrites,
      })
      .station({
        id: 'api',
        servers: 500,
        endpoints: {
          read: [{ kind: 'cacheRead', cache: 'redis', loadFrom: 'orders' }],
          write: [{ kind: 'dbWrite', db: 'orders' }],
        },
      })
      .station({ id: 'redis-0', servers: 4, service: exponential(0.0002) })
      .station({ id: 'master', servers: 50, service: exponential(0.002) })
      .station({ id: 'replica-1', servers: 50, service: exponential(0.002) })
      .station({ id: 'replica-2', servers: 50, service: exponential(0.002) })
      .source({ id: 'readers', kind: 'poisson', target: 'api', endpoint: 'read', rate: 2000 })
      .source({ id: 'writers', kind: 'poisson', target: 'api', endpoint: 'write', rate: 50 })
      .run();
  }

  it('routes the loads like dbReads: over the replicas, counted by the database', () => {
    const sim = throughReplicas();
    const cache = sim.caches[0]!;
    const db = sim.databases[0]!;
    const [master, r1, r2] = [sim.stations[2]!, sim.stations[3]!, sim.stations[4]!];
    expect(cache.loads).toBeGreaterThan(5000);
    // Every load is a database read; writes are the only master traffic.
    expect(db.reads).toBe(cache.loads);
    expect(master.completed).toBe(sim.sources[1]!.successes);
    expect(r1.completed + r2.completed).toBe(cache.loads);
    // Split evenly: a binomial(loads, 1/2), so within 4 standard deviations.
    const half = cache.loads / 2;
    expect(Math.abs(r1.completed - half)).toBeLessThan(4 * Math.sqrt(cache.loads / 4));
  });

  it('a replica that lags serves stale loads; read-your-writes sends them to the master', () => {
    const lagging = throughReplicas();
    expect(lagging.databases[0]!.staleReads).toBeGreaterThan(0);
    const fresh = throughReplicas(1);
    expect(fresh.databases[0]!.staleReads).toBe(0);
    expect(fresh.stations[2]!.completed).toBeGreaterThan(fresh.sources[1]!.successes);
  });
});

describe('a local in-process cache in front of Redis', () => {
  /** 2,000 reads/s and 20 locked writes/s over 200 keys; readers may keep a local copy. */
  function withLocal(local?: { capacity: number; ttl: number }) {
    return (
      scenario('local-cache')
        .lasting(30)
        .keys(200, 1)
        // Readers refill under the lock too: the article's strategy with race A closed.
        .cache({ id: 'redis', nodes: ['redis-0'], capacity: 10_000, fillUnderLock: true })
        .station({
          id: 'api',
          servers: 500,
          endpoints: {
            read: [{ kind: 'cacheRead', cache: 'redis', loadFrom: 'db', ...(local && { local }) }],
            write: [
              {
                kind: 'cachedWrite',
                cache: 'redis',
                db: 'db',
                strategy: 'lockDeleteUpdateReload',
              },
            ],
          },
        })
        .station({ id: 'redis-0', servers: 4, service: exponential(0.0002) })
        .station({ id: 'db', servers: 50, service: exponential(0.005) })
        .source({ id: 'readers', kind: 'poisson', target: 'api', endpoint: 'read', rate: 2000 })
        .source({ id: 'writers', kind: 'poisson', target: 'api', endpoint: 'write', rate: 20 })
        .run()
    );
  }

  it('answers most reads in process, so Redis sees a fraction of them', () => {
    const plain = withLocal();
    const local = withLocal({ capacity: 1000, ttl: 5 });
    const redisOps = (sim: ReturnType<typeof withLocal>) => sim.stations[1]!.completed;
    const reads = local.sources[0]!.offered;
    const localHits = local.caches[0]!.locals[0]!.hits;
    // 200 keys with a 5 s TTL: each key costs Redis about one read per 5 s, 40/s in all, out of
    // 2,000 reads/s; the rest are answered locally.
    expect(localHits / reads).toBeGreaterThan(0.95);
    expect(redisOps(local)).toBeLessThan(redisOps(plain) / 5);
    expect(local.sources[0]!.successes).toBeGreaterThan(0.99 * reads);
  });

  it('serves stale values after writes, which the locked Redis strategy alone never does', () => {
    const plain = withLocal();
    expect(plain.caches[0]!.staleReads).toBe(0);
    expect(plain.caches[0]!.localStaleReads).toBe(0);
    const local = withLocal({ capacity: 1000, ttl: 5 });
    // Nothing invalidates the local copies: every write leaves readers a stale window of up to
    // the TTL on that key.
    expect(local.caches[0]!.localStaleReads).toBeGreaterThan(100);
    expect(local.caches[0]!.staleReads).toBe(0);
  });
});
