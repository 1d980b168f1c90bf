import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../../sim/kernel/rng';
import { Uniform } from '../../../../sim/model/distributions/uniform';
import {
  draw,
  ksCritical,
  ksStatistic,
  meanTolerance,
  sampleMean,
} from '../../../helpers/statistics';

const N = 200_000;

describe('Uniform', () => {
  const dist = new Uniform(0.1, 0.5);
  const rng = new RandomStreams(11).peek('uniform');
  const xs = draw(N, () => dist.sample(rng), true);

  it('has exact mean (min+max)/2, variance width^2/12 and p99', () => {
    expect(dist.mean).toBeCloseTo(0.3, 15);
    expect(dist.variance).toBeCloseTo(0.16 / 12, 15);
    expect(dist.p99).toBeCloseTo(0.496, 15);
  });

  it('stays in [min, max)', () => {
    expect(xs[0]).toBeGreaterThanOrEqual(0.1);
    expect(xs[N - 1]).toBeLessThan(0.5);
  });

  it('samples a mean within 4 standard errors of the exact mean', () => {
    expect(Math.abs(sampleMean(xs) - dist.mean)).toBeLessThan(meanTolerance(dist.variance, N));
  });

  it('follows the uniform CDF (KS, alpha = 0.001)', () => {
    const d = ksStatistic(xs, (x) => (x - 0.1) / 0.4);
    expect(d).toBeLessThan(ksCritical(N, 0.001));
  });

  it('allows min = max and rejects max < min or a negative min', () => {
    const point = new Uniform(2, 2);
    expect([point.sample(rng), point.variance]).toEqual([2, 0]);
    expect(() => new Uniform(3, 1)).toThrow(/max must be >= min/);
    expect(() => new Uniform(-1, 1)).toThrow(RangeError);
    expect(() => new Uniform(0, Infinity)).toThrow(RangeError);
  });

  it('describes itself', () => {
    expect(dist.describe()).toBe('uniform(min=0.1, max=0.5)');
  });
});
