import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../../sim/kernel/rng';
import { Empirical, type CdfPoint } from '../../../../sim/model/distributions/empirical';
import {
  draw,
  ksCritical,
  ksStatistic,
  meanTolerance,
  sampleMean,
} from '../../../helpers/statistics';

const N = 200_000;

/** The piecewise-linear CDF written out directly, independent of the sampler's inverse. */
function cdf(points: readonly CdfPoint[], x: number): number {
  if (x <= points[0]![0]) return 0;
  for (let i = 1; i < points.length; i++) {
    const [b, pb] = points[i]!;
    const [a, pa] = points[i - 1]!;
    if (x < b) return pa + ((pb - pa) * (x - a)) / (b - a);
  }
  return 1;
}

describe('Empirical', () => {
  // Shaped like a measured latency: most mass early, a long thin tail.
  const points: CdfPoint[] = [
    [0.01, 0],
    [0.02, 0.5],
    [0.05, 0.9],
    [0.2, 0.99],
    [1, 1],
  ];
  const dist = new Empirical(points);
  const rng = new RandomStreams(13).peek('empirical');
  const xs = draw(N, () => dist.sample(rng), true);

  it('computes the exact mean and variance of the piecewise-linear distribution', () => {
    // Mixture of uniforms: mean = sum w (a+b)/2, E[X^2] = sum w (a^2+ab+b^2)/3, done by hand.
    const mean = 0.5 * 0.015 + 0.4 * 0.035 + 0.09 * 0.125 + 0.01 * 0.6;
    const second =
      (0.5 * (0.0001 + 0.0002 + 0.0004) +
        0.4 * (0.0004 + 0.001 + 0.0025) +
        0.09 * (0.0025 + 0.01 + 0.04) +
        0.01 * (0.04 + 0.2 + 1)) /
      3;
    expect(dist.mean).toBeCloseTo(mean, 15);
    expect(dist.variance).toBeCloseTo(second - mean * mean, 15);
    expect(dist.p99).toBeCloseTo(0.2, 15);
  });

  it('samples a mean within 4 standard errors of the exact mean', () => {
    expect(Math.abs(sampleMean(xs) - dist.mean)).toBeLessThan(meanTolerance(dist.variance, N));
  });

  it('follows its CDF (KS, alpha = 0.001) and stays inside the support', () => {
    expect(ksStatistic(xs, (x) => cdf(points, x))).toBeLessThan(ksCritical(N, 0.001));
    expect(xs[0]).toBeGreaterThanOrEqual(0.01);
    expect(xs[N - 1]).toBeLessThanOrEqual(1);
  });

  it('inverts the CDF exactly at and between the knots', () => {
    expect(dist.quantile(0)).toBe(0.01);
    expect(dist.quantile(0.5)).toBe(0.02);
    expect(dist.quantile(0.7)).toBeCloseTo(0.035, 15);
    expect(dist.quantile(0.995)).toBeCloseTo(0.6, 12);
  });

  it('treats a vertical step as an atom and never samples a flat segment', () => {
    // Half the mass at exactly 1, nothing in (2, 5), the rest spread over [1, 2] and [5, 6].
    const stepped = new Empirical([
      [1, 0],
      [1, 0.5],
      [2, 0.7],
      [5, 0.7],
      [6, 1],
    ]);
    const r = new RandomStreams(2).peek('stepped');
    let atOne = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = stepped.sample(r);
      if (x === 1) atOne++;
      if (x > 2 && x < 5) expect.fail(`sampled ${x} inside the flat segment`);
    }
    // Binomial(10000, 0.5): 4 sigma is 200.
    expect(Math.abs(atOne - 5000)).toBeLessThan(200);
    expect(stepped.mean).toBeCloseTo(0.5 * 1 + 0.2 * 1.5 + 0.3 * 5.5, 15);
    // Quantiles are the smallest x with F(x) >= u: the atom, then the flat stretch's left end.
    expect([stepped.quantile(0), stepped.quantile(0.5), stepped.quantile(0.7)]).toEqual([1, 1, 2]);
    expect(stepped.quantile(0.85)).toBeCloseTo(5.5, 12);
  });

  it('rejects points that do not start at 0, end at 1, or that decrease', () => {
    const bad: CdfPoint[][] = [
      [[0, 0]],
      [
        [0, 0.1],
        [1, 1],
      ],
      [
        [0, 0],
        [1, 0.9],
      ],
      [
        [0, 0],
        [2, 0.5],
        [1, 1],
      ],
      [
        [0, 0],
        [1, 0.6],
        [2, 0.5],
        [3, 1],
      ],
    ];
    for (const p of bad) expect(() => new Empirical(p), JSON.stringify(p)).toThrow(RangeError);
  });
});
