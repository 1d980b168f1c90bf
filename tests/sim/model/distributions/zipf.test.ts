import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../../sim/kernel/rng';
import { ZipfSampler } from '../../../../sim/model/distributions/zipf';
import { chiSquare, chiSquareCritical, SIGMAS } from '../../../helpers/statistics';

/** Counts of each key over `draws` samples, and the counts probabilityOf predicts. */
function frequencies(zipf: ZipfSampler, draws: number, seed: number) {
  const rng = new RandomStreams(seed).peek(`zipf:${zipf.n}:${zipf.exponent}`);
  const observed = new Float64Array(zipf.n);
  for (let i = 0; i < draws; i++) observed[zipf.sample(rng)]!++;
  const expected = Float64Array.from({ length: zipf.n }, (_, k) => draws * zipf.probabilityOf(k));
  return { observed, expected };
}

describe('ZipfSampler', () => {
  it('matches probabilityOf for n = 1000, s = 1.1 (chi-square, alpha = 0.001)', () => {
    const zipf = new ZipfSampler(1000, 1.1);
    const { observed, expected } = frequencies(zipf, 1_000_000, 17);
    const { statistic, degreesOfFreedom } = chiSquare(observed, expected);
    // Every key expects at least 5 hits at this size, so no cells were pooled.
    expect(degreesOfFreedom).toBe(999);
    expect(statistic).toBeLessThan(chiSquareCritical(degreesOfFreedom, 0.001));
  });

  // s = 0 takes the uniform shortcut, s = 1 the log form's limit, s = 2.5 a steep head.
  it.each([0, 0.5, 1, 2.5])('matches probabilityOf for n = 200, s = %s', (s) => {
    const zipf = new ZipfSampler(200, s);
    const { observed, expected } = frequencies(zipf, 200_000, 19);
    const { statistic, degreesOfFreedom } = chiSquare(observed, expected);
    expect(degreesOfFreedom).toBeGreaterThan(10);
    expect(statistic).toBeLessThan(chiSquareCritical(degreesOfFreedom, 0.001));
  });

  it('has probabilities that sum to 1 and fall off as (k+1)^-s', () => {
    const zipf = new ZipfSampler(1000, 1.1);
    let total = 0;
    for (let k = 0; k < 1000; k++) total += zipf.probabilityOf(k);
    expect(total).toBeCloseTo(1, 12);
    expect(zipf.probabilityOf(0) / zipf.probabilityOf(1)).toBeCloseTo(2 ** 1.1, 12);
    expect([zipf.probabilityOf(-1), zipf.probabilityOf(1000), zipf.probabilityOf(0.5)]).toEqual([
      0, 0, 0,
    ]);
  });

  it('samples n = 1e9 keys in O(1) memory, with key 0 as often as probabilityOf says', () => {
    const zipf = new ZipfSampler(1e9, 1.1);
    const rng = new RandomStreams(23).peek('zipf:huge');
    const draws = 200_000;
    let zeros = 0;
    let beyondMillion = 0;
    for (let i = 0; i < draws; i++) {
      const k = zipf.sample(rng);
      if (!(Number.isInteger(k) && k >= 0 && k < 1e9)) expect.fail(`key ${k} out of range`);
      if (k === 0) zeros++;
      if (k >= 1e6) beyondMillion++;
    }
    // probabilityOf(0) here comes from the Euler-Maclaurin normaliser (n > DIRECT_SUM_LIMIT).
    const p0 = zipf.probabilityOf(0);
    expect(Math.abs(zeros - draws * p0)).toBeLessThan(SIGMAS * Math.sqrt(draws * p0 * (1 - p0)));
    // The far tail is real: a table-free sampler must still reach keys beyond the first million.
    expect(beyondMillion).toBeGreaterThan(0);
  });

  it('always returns key 0 when n = 1', () => {
    const zipf = new ZipfSampler(1, 1.1);
    const rng = new RandomStreams(1).peek('zipf:one');
    for (let i = 0; i < 100; i++) expect(zipf.sample(rng)).toBe(0);
    expect(zipf.probabilityOf(0)).toBe(1);
  });

  it('rejects a bad n or exponent', () => {
    for (const n of [0, -5, 1.5, 2 ** 53, Number.NaN]) {
      expect(() => new ZipfSampler(n, 1), String(n)).toThrow(RangeError);
    }
    for (const s of [-0.1, Number.NaN, Infinity]) {
      expect(() => new ZipfSampler(10, s), String(s)).toThrow(RangeError);
    }
  });
});
