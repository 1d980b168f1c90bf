import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../../sim/metrics/runReport';
import { formatSummary } from '../../../sim/scenarios/formatSummary';
import { validateScenario } from '../../../sim/scenarios/validateScenario';
import { exponential, scenario } from '../../helpers/scenarioBuilder';

/** Two front stations feeding one back station; the tiers sum the fronts and the back. */
function twoTiers() {
  return scenario('tiers')
    .lasting(60, 10)
    .metrics({ bucketSeconds: 1 })
    .station({
      id: 'front-a',
      servers: 10,
      service: exponential(0.01),
      routes: [{ to: 'back', p: 1 }],
    })
    .station({
      id: 'front-b',
      servers: 10,
      service: exponential(0.01),
      routes: [{ to: 'back', p: 1 }],
    })
    .station({ id: 'back', servers: 20, service: exponential(0.01) })
    .source({ id: 'a', kind: 'poisson', target: 'front-a', rate: 300 })
    .source({ id: 'b', kind: 'poisson', target: 'front-b', rate: 200 })
    .tiers([
      { id: 'front', title: 'Front services', stations: ['front-a', 'front-b'], reference: 500 },
      { id: 'back', stations: ['back'] },
    ])
    .run();
}

describe('tiers', () => {
  it('sum their stations, report the busiest bucket and compare with the reference', () => {
    const sim = twoTiers();
    const report = buildRunReport(sim, 0, []);
    const front = report.tiers.front!;
    const sum = report.stations['front-a']!.throughput + report.stations['front-b']!.throughput;
    expect(front.throughput).toBeCloseTo(sum, 9);
    expect(front.stations).toBe(2);
    expect(front.ofReference).toBeCloseTo(sum / 500, 9);
    // 500/s offered over 50 measured seconds: within 4 standard deviations of a Poisson count.
    expect(Math.abs(front.throughput - 500)).toBeLessThan((4 * Math.sqrt(500 * 50)) / 50);
    // Every request passes the back station too.
    expect(Math.abs(report.tiers.back!.throughput - front.throughput)).toBeLessThan(5);
    // The busiest 1 s bucket is above the mean, by a few Poisson standard deviations at most.
    expect(front.peakThroughput!).toBeGreaterThan(front.throughput);
    expect(front.peakThroughput!).toBeLessThan(500 + 6 * Math.sqrt(500));
    expect(report.tiers.back!.reference).toBeNull();
    const text = formatSummary(report, sim.scenario);
    expect(text).toMatch(/Tiers \(completions per second, warm-up left out\)/);
    expect(text).toMatch(/Front services\s+2\s+\d{3}/);
  });

  it('must name existing stations', () => {
    const result = validateScenario({
      name: 'bad-tier',
      duration: 10,
      sources: [{ id: 'u', kind: 'poisson', target: 'api', rate: 1 }],
      stations: [{ id: 'api', servers: 1, service: { type: 'exponential', mean: 0.1 } }],
      tiers: [{ id: 'core', stations: ['api', 'nope'] }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/tiers\[0\]\.stations\[1\].*nope/);
  });
});
