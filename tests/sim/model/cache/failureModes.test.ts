import { describe, expect, it } from 'vitest';
import { exponential, fixed, scenario } from '../../../helpers/scenarioBuilder';
import type { ScenarioInput } from '../../../../sim/scenarios/schema/scenarioSchema';

type CacheInput = NonNullable<ScenarioInput['caches']>[number];

/**
 * The cache failure modes of SEMANTICS.md section 5 are not scripted anywhere: each must emerge
 * from traffic, TTLs and timing. These scenarios provoke them and measure the symptom.
 */
function readPath(opts: {
  keys: number;
  zipf: number;
  rate: number;
  cache: Partial<CacheInput>;
  nodes?: number;
  duration?: number;
}) {
  const nodes = Array.from({ length: opts.nodes ?? 1 }, (_, i) => `redis-${i}`);
  let b = scenario('cache-modes')
    .lasting(opts.duration ?? 100)
    .metrics({ bucketSeconds: 1 })
    .keys(opts.keys, opts.zipf)
    .cache({ id: 'redis', nodes, capacity: 1_000_000, ...opts.cache })
    .station({
      id: 'api',
      servers: 5000,
      endpoints: { read: [{ kind: 'cacheRead', cache: 'redis', loadFrom: 'db' }] },
    })
    .station({ id: 'db', servers: 200, service: fixed(0.05) })
    .poisson('users', 'api', opts.rate);
  for (const node of nodes) b = b.station({ id: node, servers: 1, service: exponential(0.0001) });
  return b.run();
}

describe('cache failure modes emerge', () => {
  it('stampede: when a hot key expires, every reader in the refill window loads it', () => {
    // Ten keys, steeply skewed: key 0 takes most reads. TTL 10 s, no jitter.
    const sim = readPath({ keys: 10, zipf: 3, rate: 2000, cache: { ttl: 10 }, duration: 50 });
    const cache = sim.caches[0]!;
    // Without a stampede there would be about one load per key per expiry: ~10 keys x 5 = 50.
    // Reads of key 0 arrive at ~1,700/s and a load takes 50 ms: ~80 duplicate loads each time.
    expect(cache.loads).toBeGreaterThan(5 * 50);
  });

  it('avalanche: keys filled together with the same TTL expire together; jitter spreads them', () => {
    const spike = (ttlJitter: number) => {
      const sim = readPath({
        keys: 20_000,
        zipf: 0,
        rate: 2000,
        cache: { ttl: 30, ttlJitter, preload: 20_000 },
        duration: 60,
      });
      const dbArrivals = Array.from(sim.series.data[1]![0]!.subarray(0, sim.series.buckets));
      return Math.max(...dbArrivals.slice(25, 60));
    };
    const together = spike(0);
    const spread = spike(0.5);
    // With no jitter the whole preloaded set misses in the same second: every read goes to the DB.
    expect(together).toBeGreaterThan(1800);
    expect(spread).toBeLessThan(together / 2);
  });

  it('hot key: one slot cannot be split, so its node carries far more than the others', () => {
    const sim = readPath({ keys: 1000, zipf: 1.5, rate: 3000, cache: {}, nodes: 3 });
    const nodes = sim.stations.filter((s) => s.id.startsWith('redis-')).map((s) => s.arrivals);
    expect(Math.max(...nodes) / Math.min(...nodes)).toBeGreaterThan(2);
  });

  it('penetration: reads of keys that do not exist never fill and all reach the database', () => {
    const sim = scenario('penetration')
      .lasting(50)
      .keys(100, 1)
      .cache({ id: 'redis', nodes: ['redis-0'], capacity: 1000 })
      .station({
        id: 'api',
        servers: 500,
        endpoints: { read: [{ kind: 'cacheRead', cache: 'redis', loadFrom: 'db' }] },
      })
      .station({ id: 'redis-0', servers: 2, service: exponential(0.0001) })
      .station({ id: 'db', servers: 100, service: fixed(0.01) })
      .source({ id: 'attacker', kind: 'poisson', target: 'api', rate: 500, missingKeyShare: 1 })
      .run();
    const cache = sim.caches[0]!;
    expect(cache.store.hits).toBe(0);
    expect(cache.loads).toBe(sim.stations[2]!.completed);
    expect(cache.fills).toBe(0);
  });
});
