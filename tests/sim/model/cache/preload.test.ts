import { describe, expect, it } from 'vitest';
import { unitOf, homeCentre } from '../../../../sim/model/datacentre/unitRouter';
import { checked } from '../../../../sim/scenarios/runScenario';
import { Simulation } from '../../../../sim/scenarios/simulation';

/** Two centres, each with its own cache; only construction matters here (nothing runs). */
function twoCentres(cache: Record<string, unknown>) {
  const { scenario } = checked({
    name: 'preload',
    duration: 10,
    keys: { count: 10_000, zipf: 1 },
    multiActive: {
      id: 'all',
      centres: [
        { id: 'east', entry: 'api-east' },
        { id: 'west', entry: 'api-west' },
      ],
    },
    caches: [
      { id: 'cache-east', nodes: ['redis-east'], capacity: 2000, ttl: 60, ...cache },
      { id: 'cache-west', nodes: ['redis-west'], capacity: 2000, ttl: 60 },
    ],
    sources: [{ id: 'u', kind: 'poisson', target: 'all', rate: 1 }],
    stations: [
      { id: 'api-east', servers: 1, service: { type: 'exponential', mean: 0.1 } },
      { id: 'api-west', servers: 1, service: { type: 'exponential', mean: 0.1 } },
      { id: 'redis-east', servers: 1, service: { type: 'exponential', mean: 0.0001 } },
      { id: 'redis-west', servers: 1, service: { type: 'exponential', mean: 0.0001 } },
    ],
  });
  return new Simulation(scenario);
}

describe('cache preload', () => {
  it("with a centre, warms the most popular keys of that centre's users only", () => {
    const sim = twoCentres({ preload: 1000, centre: 'east' });
    const store = sim.caches[0]!.store;
    expect(store.size).toBe(1000);
    const eastKeys: number[] = [];
    for (let key = 0; eastKeys.length < 1000; key++) {
      if (homeCentre(unitOf(key), 2) === 0) eastKeys.push(key);
    }
    // Every one of the first 1,000 east keys is held; a west key is not.
    expect(eastKeys.every((key) => store.get(key, 0) >= 0)).toBe(true);
    const westKey = [...Array(100).keys()].find((key) => homeCentre(unitOf(key), 2) === 1)!;
    expect(store.get(westKey, 0)).toBe(-1);
  });

  it('without one, warms keys 0, 1, 2 ... whatever centre they belong to', () => {
    const store = twoCentres({ preload: 1000 }).caches[0]!.store;
    let held = 0;
    for (let key = 0; key < 1000; key++) if (store.get(key, 0) >= 0) held++;
    expect(held).toBe(1000);
  });

  it('spread: remaining TTLs are even over (0, ttl], so keys expire one by one', () => {
    const spread = twoCentres({ preload: 2000, preloadSpread: true }).caches[0]!.store;
    // Held at t = 30 s: about half of them (binomial(2000, 1/2): +-4 sd = +-90).
    let alive = 0;
    for (let key = 0; key < 2000; key++) if (spread.get(key, 30) >= 0) alive++;
    expect(Math.abs(alive - 1000)).toBeLessThan(90);
    // Without spread every key lives a full TTL: all still held at 59 s.
    const together = twoCentres({ preload: 2000 }).caches[0]!.store;
    let held = 0;
    for (let key = 0; key < 2000; key++) if (together.get(key, 59) >= 0) held++;
    expect(held).toBe(2000);
  });

  it('a centre that does not exist is named', () => {
    expect(() => twoCentres({ centre: 'north' })).toThrow(/caches\[0\]\.centre.*north/);
  });
});
