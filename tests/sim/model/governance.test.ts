import { describe, expect, it } from 'vitest';
import { exponential, fixed, scenario } from '../../helpers/scenarioBuilder';

describe('service governance at a station', () => {
  it('a token-bucket rate limit admits rate x T + burst and refuses the rest as 429s', () => {
    const sim = scenario('limit')
      .lasting(100)
      .station({
        id: 'api',
        servers: 100,
        service: exponential(0.01),
        rateLimit: { rate: 100, burst: 10 },
      })
      .poisson('users', 'api', 300)
      .run();
    const api = sim.stations[0]!;
    const admitted = api.arrivals - api.rejectedRateLimited;
    expect(admitted).toBeLessThanOrEqual(100 * 100 + 10);
    expect(admitted).toBeGreaterThan(0.98 * 100 * 100);
    expect(api.rejectedRateLimited).toBe(api.rejected);
    // Clients see a refusal, not an outage.
    expect(sim.sources[0]!.failedRejected).toBe(api.rejectedRateLimited);
  });

  it('priority shedding keeps the critical class whole while shedding the non-critical one', () => {
    const build = (shed: boolean) =>
      scenario('shed')
        .lasting(200)
        .station({
          id: 'api',
          servers: 10,
          service: exponential(0.1),
          queueCapacity: 2000,
          ...(shed && { shedAtQueueLength: { nonCritical: 5 } }),
        })
        .source({ id: 'orders', kind: 'poisson', target: 'api', rate: 60, client: { timeout: 1 } })
        .source({
          id: 'browse',
          kind: 'poisson',
          target: 'api',
          rate: 60,
          priority: 'nonCritical',
          client: { timeout: 1 },
        })
        .run();
    // 120/s offered to 100/s of capacity.
    const withShedding = build(true);
    const orders = withShedding.sources[0]!;
    expect(orders.successes / orders.offered).toBeGreaterThan(0.98);
    expect(withShedding.stations[0]!.rejectedShed).toBeGreaterThan(0.1 * 60 * 200);
    const without = build(false);
    expect(without.sources[0]!.successes / without.sources[0]!.offered).toBeLessThan(0.5);
  });

  it('active degradation skips an optional call while the pool is busier than the threshold', () => {
    const run = (rate: number) =>
      scenario('degrade')
        .lasting(100)
        .station({
          id: 'api',
          servers: 10,
          endpoints: {
            page: [
              { kind: 'work', duration: fixed(0.01) },
              { kind: 'call', to: 'recs', degradeAbove: 0.5 },
            ],
          },
        })
        .station({ id: 'recs', servers: 50, service: fixed(0.05) })
        .poisson('users', 'api', rate)
        .run();
    // At 10/s a request holds a thread 60 ms: 0.6 of 10 threads busy on average, so more than 5
    // busy at once is rare.
    const quiet = run(10);
    expect(quiet.programs[0]!.stats[0]!.degraded).toBeLessThan(0.01 * quiet.sources[0]!.offered);
    const busy = run(150);
    const stats = busy.programs[0]!.stats[0]!;
    expect(stats.degraded).toBeGreaterThan(0.1 * busy.sources[0]!.offered);
    expect(stats.calls).toBeGreaterThan(0);
  });
});
