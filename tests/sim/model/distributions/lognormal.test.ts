import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../../sim/kernel/rng';
import {
  LOGNORMAL_MAX_P99_RATIO,
  Lognormal,
  Z_99,
} from '../../../../sim/model/distributions/lognormal';
import {
  draw,
  ksCritical,
  ksStatistic,
  meanTolerance,
  normalCdf,
  quantileRankInterval,
  sampleMean,
} from '../../../helpers/statistics';

const N = 200_000;

describe('Lognormal', () => {
  // A tight tail, a typical service time, and a long tail close to the limit.
  describe.each([
    { mean: 0.05, p99: 0.1 },
    { mean: 0.05, p99: 0.25 },
    { mean: 0.05, p99: 0.6 },
  ])('mean $mean, p99 $p99', ({ mean, p99 }) => {
    const dist = new Lognormal(mean, p99);
    const rng = new RandomStreams(3).peek(`lognormal:${p99}`);
    const xs = draw(N, () => dist.sample(rng), true);

    it('solves mu and sigma so that the mean and p99 come back exactly', () => {
      const { mu, sigma } = dist;
      expect(Math.exp(mu + (sigma * sigma) / 2) / mean).toBeCloseTo(1, 12);
      expect(Math.exp(mu + Z_99 * sigma) / p99).toBeCloseTo(1, 12);
      expect(dist.variance / (Math.expm1(sigma * sigma) * mean * mean)).toBeCloseTo(1, 12);
    });

    it('samples a mean within 4 standard errors of the exact mean', () => {
      expect(Math.abs(sampleMean(xs) - mean)).toBeLessThan(meanTolerance(dist.variance, N));
    });

    it('has an empirical p99 within the binomial rank interval around the spec p99', () => {
      // The count of samples below the true p99 is Binomial(N, 0.99); 4 sigma of it is +-178 ranks.
      const [lo, hi] = quantileRankInterval(N, 0.99);
      expect(xs[lo]).toBeLessThanOrEqual(p99);
      expect(xs[hi]).toBeGreaterThanOrEqual(p99);
    });

    it('follows the lognormal CDF (KS, alpha = 0.001)', () => {
      const d = ksStatistic(xs, (x) => normalCdf((Math.log(x) - dist.mu) / dist.sigma));
      expect(d).toBeLessThan(ksCritical(N, 0.001));
    });
  });

  it('takes the smaller root: p99 = exp(z - 1/2) x mean gives sigma = 1, not 2z - 1', () => {
    // ln(p99/mean) = z sigma - sigma^2/2 is z - 1/2 at sigma = 1; both roots fit the mean and the
    // p99, but only the smaller one keeps most of the mass near the mean.
    const dist = new Lognormal(1, Math.exp(Z_99 - 0.5));
    expect(dist.sigma).toBeCloseTo(1, 12);
    expect(dist.mu).toBeCloseTo(-0.5, 12);
    expect(dist.variance).toBeCloseTo(Math.E - 1, 12);
  });

  it('uses exactly two uniforms per sample (Box-Muller with no cached second normal)', () => {
    const streams = new RandomStreams(5);
    const used = streams.peek('s');
    const reference = streams.peek('s');
    const dist = new Lognormal(1, 3);
    for (let i = 0; i < 1000; i++) dist.sample(used);
    for (let i = 0; i < 2000; i++) reference.next();
    expect(used.next()).toBe(reference.next());
  });

  it('accepts the largest possible ratio, exp(z^2 / 2) ~ 14.97, with sigma = z', () => {
    expect(LOGNORMAL_MAX_P99_RATIO).toBeCloseTo(14.97, 2);
    const edge = new Lognormal(1, LOGNORMAL_MAX_P99_RATIO);
    expect(edge.sigma).toBeCloseTo(Z_99, 6);
  });

  it('rejects p99/mean outside (1, 14.97] with a RangeError naming the range', () => {
    for (const p99 of [0.5, 1, 20]) {
      expect(() => new Lognormal(1, p99), String(p99)).toThrow(RangeError);
      expect(() => new Lognormal(1, p99)).toThrow('(1, 14.97]');
    }
    expect(() => new Lognormal(0, 1)).toThrow(/mean/);
  });

  it('describes itself', () => {
    expect(new Lognormal(0.05, 0.25).describe()).toBe('lognormal(mean=0.05, p99=0.25)');
  });
});
