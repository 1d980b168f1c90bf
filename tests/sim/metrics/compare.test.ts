import { describe, expect, it } from 'vitest';
import { compareFigure, compareReports } from '../../../sim/metrics/compare';
import { runScenario } from '../../../sim/scenarios/runScenario';
import { exponential, scenario } from '../../helpers/scenarioBuilder';

/** A web tier calling nothing, fed by users with a client timeout and retries: every figure moves. */
function shop(webServers: number, name = 'shop') {
  return scenario(name)
    .lasting(600, 60)
    .station({ id: 'web', servers: webServers, service: exponential(0.5) })
    .source({
      id: 'users',
      kind: 'poisson',
      target: 'web',
      rate: 3.6,
      client: { timeout: 2, retry: { maxAttempts: 2 } },
    })
    .build();
}

describe('compareFigure', () => {
  it('B - A and its share of |A|', () => {
    expect(compareFigure(4, 5)).toEqual({ a: 4, b: 5, difference: 1, relative: 0.25 });
    expect(compareFigure(-2, -3)).toEqual({ a: -2, b: -3, difference: -1, relative: -0.5 });
  });

  it('no relative change from zero, no difference with a missing side', () => {
    expect(compareFigure(0, 3).relative).toBeNull();
    expect(compareFigure(null, 3)).toEqual({ a: null, b: 3, difference: null, relative: null });
  });
});

describe('compareReports', () => {
  it('a scenario against itself on one seed: every difference is zero', () => {
    const a = runScenario(shop(2), { seed: 5 });
    const b = runScenario(shop(2), { seed: 5 });
    const cmp = compareReports(a, b);
    const all = [
      ...Object.values(cmp.stations).flatMap((s) => Object.values(s)),
      ...Object.values(cmp.sources).flatMap((s) => Object.values(s)),
    ];
    expect(all.length).toBeGreaterThan(10);
    for (const f of all) {
      expect(f.a).toBe(f.b);
      if (f.a !== null) expect(f.difference).toBe(0);
    }
    // ...and the figures are not all zero, so the check above could fail.
    expect(cmp.stations.web!.arrivals.a).toBeGreaterThan(1000);
    expect(cmp.stations.web!.meanLatency.a).toBeGreaterThan(0);
  });

  it('common random numbers: more servers in B, the same users send the same requests', () => {
    const a = runScenario(shop(2), { seed: 5 });
    const b = runScenario(shop(3, 'shop-bigger'), { seed: 5 });
    const cmp = compareReports(a, b);
    // First attempts do not depend on the servers; retries do (fewer timeouts with more servers).
    expect(cmp.sources.users!.offered.difference).toBe(0);
    expect(cmp.sources.users!.attempts.difference!).toBeLessThan(0);
    expect(cmp.stations.web!.meanLatency.relative!).toBeLessThan(-0.2);
    expect(cmp.sources.users!.successShare.difference!).toBeGreaterThan(0);
    expect(cmp.a.scenario).toBe('shop');
    expect(cmp.b.scenario).toBe('shop-bigger');
  });

  it('without common random numbers the offered traffic differs: the check above is not vacuous', () => {
    const a = runScenario(shop(2), { seed: 5 });
    const other = runScenario(shop(2), { seed: 6 });
    expect(other.sources.users!.offered).not.toBe(a.sources.users!.offered);
  });

  it('compares only what both have, and lists the rest', () => {
    const a = runScenario(shop(2), { seed: 1 });
    const withDb = scenario('with-db')
      .lasting(600, 60)
      .station({ id: 'web', servers: 2, service: exponential(0.5) })
      .station({ id: 'db', servers: 1, service: exponential(0.1) })
      .poisson('users', 'web', 3.6)
      .poisson('jobs', 'db', 1)
      .build();
    const cmp = compareReports(a, runScenario(withDb, { seed: 1 }));
    expect(Object.keys(cmp.stations)).toEqual(['web']);
    expect(cmp.onlyInA).toEqual({ stations: [], sources: [] });
    expect(cmp.onlyInB).toEqual({ stations: ['db'], sources: ['jobs'] });
  });

  it('refuses runs on different seeds: they would not be a paired comparison', () => {
    const a = runScenario(shop(2), { seed: 1 });
    const b = runScenario(shop(2), { seed: 2 });
    expect(() => compareReports(a, b)).toThrow(RangeError);
  });
});
