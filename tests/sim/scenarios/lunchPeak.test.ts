import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../../sim/metrics/runReport';
import { presetScenario } from '../../../sim/scenarios/runScenario';
import { Simulation } from '../../../sim/scenarios/simulation';

/**
 * Lesson 11 at full scale, for a few simulated seconds (about 2 million events each): long enough
 * for every tier's figure to be measured on hundreds of thousands of requests, short enough for CI.
 * The caches start preloaded with the most popular keys and spread TTLs: an ideal set that LRU
 * then wears down to its own steady state, so database reads climb from about 62,000/s to about
 * 82,000/s over the first ten seconds (a 40 s run's series). The measured window starts after.
 */
describe('lesson 11: the lunch peak at the article scale', () => {
  const { scenario } = presetScenario('lunch-peak');
  const measured = 3;
  const warmup = 11;
  const sim = new Simulation({ ...scenario, duration: warmup + measured, warmup });
  sim.runToEnd();
  const report = buildRunReport(sim, 0, []);
  const tier = (id: string) => report.tiers[id]!.throughput;
  /** Four standard deviations of a Poisson count's rate at `rate` over the measured window. */
  const poisson = (rate: number) => (4 * Math.sqrt(rate * measured)) / measured;

  it('serves the core services at 200,000 requests/s, all answered', () => {
    // The sources offer 160,000 + 10,000 + 30,000/s; each request passes one core service, and
    // the few in flight at the window's edges change the count by far less than its noise.
    expect(Math.abs(tier('core-services') - 200_000)).toBeLessThan(poisson(200_000) + 100);
    for (const source of Object.values(report.sources)) {
      expect(source.successes / source.offered).toBeGreaterThan(0.999);
    }
  });

  it('runs the Redis tier above a million operations/s, no node near saturation', () => {
    // Six reads per query (960,000/s) and the fills after misses.
    expect(tier('redis')).toBeGreaterThan(1_000_000);
    for (const [id, station] of Object.entries(report.stations)) {
      if (id.startsWith('redis-')) expect(station.utilization).toBeLessThan(0.7);
    }
  });

  it('puts about 100,000 queries/s on the databases, 20,000 of them writes on the masters', () => {
    expect(Math.abs(tier('database-writes') - 20_000)).toBeLessThan(poisson(20_000) + 50);
    // Reads are the caches' misses: a model outcome, checked against the article within 15%.
    expect(tier('databases')).toBeGreaterThan(85_000);
    expect(tier('databases')).toBeLessThan(115_000);
    // Every database read is a cache load: the two counts are one flow seen from both ends.
    const loads = Object.values(report.caches).reduce((sum, c) => sum + c.loads, 0);
    const reads = Object.values(report.databases).reduce((sum, d) => sum + d.reads, 0);
    expect(Math.abs(reads - loads)).toBeLessThan(0.001 * loads + 100);
  });

  it('runs the order machines for every placement: one order each, none charged twice', () => {
    const placements = report.sources['order-placements']!;
    let created = 0;
    for (const [id, flow] of Object.entries(report.orders ?? {})) {
      created += flow.created;
      expect(flow.doubleCaptures, id).toBe(0);
      expect(flow.duplicateOrders, id).toBe(0);
      expect(flow.executor!.rejected, id).toBe(0);
      // A saga takes about 0.15 s (rider, payment, merchant): a few hundred in flight per centre.
      expect(flow.inFlight, id).toBeLessThan(2_000);
    }
    // Orders counted since t = 0, placements after the warm-up: the warm-up's orders apart.
    const beforeWindow = 10_000 * warmup;
    const noise = 4 * Math.sqrt(10_000 * (warmup + measured));
    expect(Math.abs(created - placements.offered - beforeWindow)).toBeLessThan(noise + 5_000);
  });

  it('keeps the caches around 92% hits and the centres evenly loaded', () => {
    for (const [id, cache] of Object.entries(report.caches)) {
      expect(cache.hitRatio, id).toBeGreaterThan(0.87);
      expect(cache.hitRatio, id).toBeLessThan(0.95);
    }
    const gateways = ['east', 'central', 'west'].map(
      (c) => report.stations[`gateway-${c}`]!.throughput,
    );
    // Each centre owns a third of the user units: 66,667/s each, up to Poisson noise and
    // the unevenness of a Zipf draw over hashed units (a few percent).
    for (const rate of gateways) expect(Math.abs(rate / 66_667 - 1)).toBeLessThan(0.05);
  });
});
