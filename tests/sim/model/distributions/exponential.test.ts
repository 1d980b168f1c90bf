import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../../sim/kernel/rng';
import { Exponential } from '../../../../sim/model/distributions/exponential';
import {
  draw,
  ksCritical,
  ksStatistic,
  meanTolerance,
  quantileRankInterval,
  sampleMean,
} from '../../../helpers/statistics';

const N = 200_000;

describe('Exponential', () => {
  const dist = new Exponential(0.25);
  const rng = new RandomStreams(7).peek('exponential');
  const xs = draw(N, () => dist.sample(rng), true);

  it('has exact moments mean, mean^2 and p99 = mean ln 100', () => {
    expect(dist.mean).toBe(0.25);
    expect(dist.variance).toBe(0.0625);
    // P(X > p99) = exp(-p99 / mean) must be 1%.
    expect(Math.exp(-dist.p99 / dist.mean)).toBeCloseTo(0.01, 15);
  });

  it('samples a mean within 4 standard errors of the exact mean', () => {
    expect(Math.abs(sampleMean(xs) - dist.mean)).toBeLessThan(meanTolerance(dist.variance, N));
  });

  it('follows the exponential CDF (KS, alpha = 0.001)', () => {
    const d = ksStatistic(xs, (x) => -Math.expm1(-x / dist.mean));
    expect(d).toBeLessThan(ksCritical(N, 0.001));
  });

  it('brackets its p99 between the binomial rank bounds', () => {
    const [lo, hi] = quantileRankInterval(N, 0.99);
    expect(xs[lo]).toBeLessThanOrEqual(dist.p99);
    expect(xs[hi]).toBeGreaterThanOrEqual(dist.p99);
  });

  it('rejects a mean that is not a positive finite number', () => {
    for (const bad of [0, -1, Number.NaN, Infinity]) {
      expect(() => new Exponential(bad), String(bad)).toThrow(RangeError);
    }
  });

  it('describes itself', () => {
    expect(dist.describe()).toBe('exponential(mean=0.25)');
  });
});
