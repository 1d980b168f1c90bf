import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../../sim/metrics/latencyHistogram';
import { RandomStreams } from '../../../sim/kernel/rng';

/** The exact quantile the histogram approximates: the ceil(q n)-th smallest value. */
function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('latency histogram', () => {
  it('quantiles are within 0.4% of the exact order statistic, from microseconds to minutes', () => {
    const rng = new RandomStreams(3).stream('values');
    const h = new LatencyHistogram();
    const values: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      // Log-uniform over 10 us .. 100 s: every bucket range gets exercised.
      const v = 1e-5 * 10 ** (7 * rng.next());
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.01, 0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = exactQuantile(values, q);
      // Buckets are 1/128 of an octave wide; the midpoint is within half of that: 0.39%.
      expect(Math.abs(h.quantile(q) - exact) / exact, `q=${q}`).toBeLessThan(0.004);
    }
    expect(h.count).toBe(50_000);
    expect(h.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
    expect(h.min).toBe(values[0]);
    expect(h.max).toBe(values[values.length - 1]);
  });

  it('is empty-safe and resets', () => {
    const h = new LatencyHistogram();
    expect(h.quantile(0.5)).toBeNaN();
    h.record(0.25);
    expect(h.quantile(0.99)).toBe(0.25);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.quantile(0.5)).toBeNaN();
  });

  it('merging two histograms equals recording everything in one', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    const both = new LatencyHistogram();
    for (let i = 1; i <= 1000; i++) {
      const v = i / 997;
      (i % 2 === 0 ? a : b).record(v);
      both.record(v);
    }
    a.merge(b);
    const { mean, ...rest } = a.summary();
    const { mean: bothMean, ...bothRest } = both.summary();
    expect(rest).toEqual(bothRest);
    // Sums added in another order differ in the last bits.
    expect(mean).toBeCloseTo(bothMean, 12);
  });
});
