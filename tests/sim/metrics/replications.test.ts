import { describe, expect, it } from 'vitest';
import { estimate, summariseReplications, tQuantile95 } from '../../../sim/metrics/replications';
import { scenarioTheory } from '../../../sim/metrics/theory';
import { runScenario } from '../../../sim/scenarios/runScenario';
import { exponential, scenario } from '../../helpers/scenarioBuilder';
import { normalQuantile, studentTQuantile, tInterval } from '../../helpers/statistics';

describe('tQuantile95', () => {
  it.each([
    // Published two-sided 95% critical values (any t table).
    [1, 12.7062],
    [2, 4.3027],
    [5, 2.5706],
    [9, 2.2622],
    [29, 2.0452],
    [30, 2.0423],
    [40, 2.0211],
    [60, 2.0003],
    [120, 1.9799],
  ])('df %i: %f', (df, expected) => {
    expect(tQuantile95(df)).toBeCloseTo(expected, 4);
  });

  it('agrees with the exact quantile to 1e-6 for every df from 1 to 1000', () => {
    let worst = 0;
    for (let df = 1; df <= 1000; df++) {
      worst = Math.max(worst, Math.abs(tQuantile95(df) / studentTQuantile(0.975, df) - 1));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('tends to the normal quantile and reaches it at infinity', () => {
    expect(tQuantile95(Infinity)).toBeCloseTo(normalQuantile(0.975), 8);
    expect(tQuantile95(1_000_000)).toBeCloseTo(normalQuantile(0.975), 5);
    expect(tQuantile95(1_000_000)).toBeGreaterThan(tQuantile95(Infinity));
  });

  it('decreases with every added degree of freedom', () => {
    for (let df = 1; df < 200; df++) expect(tQuantile95(df + 1)).toBeLessThan(tQuantile95(df));
  });

  it('refuses degrees of freedom that are not positive integers', () => {
    expect(() => tQuantile95(0)).toThrow(RangeError);
    expect(() => tQuantile95(2.5)).toThrow(RangeError);
  });
});

describe('estimate', () => {
  it('1..10: mean 5.5, half-width t(0.975, 9) s / sqrt(10) with s^2 = 55/6', () => {
    const e = estimate(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(e.mean).toBe(5.5);
    expect(e.n).toBe(10);
    expect(e.halfWidth).toBeCloseTo((2.262157 * Math.sqrt(55 / 6)) / Math.sqrt(10), 5);
  });

  it("matches the test suite's own t interval at 95%", () => {
    const values = [3.1, 2.7, 3.6, 2.9, 3.3, 3.0, 2.8, 3.4];
    const ci = tInterval(values, 0.95);
    const e = estimate(values);
    expect(e.mean).toBeCloseTo(ci.mean, 5);
    expect(e.halfWidth).toBeCloseTo(ci.halfWidth, 5);
  });

  it('has a standard error s / sqrt(n): the half-width narrows as 1 / sqrt(n) at a given spread', () => {
    const sampleSd = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, x) => a + (x - m) * (x - m), 0) / (xs.length - 1));
    };
    for (const n of [8, 30, 300]) {
      const xs = Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 3 + 10);
      const standardError = estimate(xs).halfWidth! / tQuantile95(n - 1);
      expect(standardError * Math.sqrt(n)).toBeCloseTo(sampleSd(xs), 4);
    }
  });

  it('skips runs without the figure; one value has no interval, none has no mean', () => {
    expect(estimate([2, null, 4])).toEqual({ mean: 3, halfWidth: 12.7062, n: 2 });
    expect(estimate([null, 7])).toEqual({ mean: 7, halfWidth: null, n: 1 });
    expect(estimate([null, null])).toEqual({ mean: null, halfWidth: null, n: 0 });
  });
});

describe('summariseReplications', () => {
  const mm1 = scenario('mm1-short')
    .lasting(3000, 300)
    .station({ id: 'server', servers: 1, service: exponential(1) })
    .poisson('arrivals', 'server', 0.8)
    .build();
  const reports = [1, 2, 3, 4, 5].map((seed) => runScenario(mm1, { seed }));
  const summary = summariseReplications(reports, scenarioTheory(mm1), 0);

  it('gives each figure the t interval of the runs, in seed order', () => {
    expect(summary.seeds).toEqual({ first: 1, last: 5 });
    expect(summary.replications).toBe(5);
    const waits = reports.map((r) => r.stations.server!.wait.mean!);
    const ci = tInterval(waits, 0.95);
    expect(summary.stations.server!.meanWait.mean).toBeCloseTo(ci.mean, 4);
    expect(summary.stations.server!.meanWait.halfWidth).toBeCloseTo(ci.halfWidth, 4);
    const goodput = tInterval(
      reports.map((r) => r.sources.arrivals!.goodput),
      0.95,
    );
    expect(summary.sources.arrivals!.goodput.halfWidth).toBeCloseTo(goodput.halfWidth, 6);
  });

  it('puts the closed form beside the station and its source; p99 has none', () => {
    const station = summary.stations.server!;
    expect(station.meanLatency.theory).toBe(5);
    expect(station.utilization.theory).toBe(0.8);
    expect(station.p99Latency.theory).toBeNull();
    expect(summary.sources.arrivals!.offeredRate.theory).toBe(0.8);
    expect(summary.sources.arrivals!.successShare.theory).toBe(1);
  });

  it('leaves theory out where there is none', () => {
    const bare = summariseReplications(reports, {}, 0);
    expect('theory' in bare.stations.server!.meanLatency).toBe(false);
  });

  it('needs at least two runs', () => {
    expect(() => summariseReplications(reports.slice(0, 1), {}, 0)).toThrow(RangeError);
  });
});
