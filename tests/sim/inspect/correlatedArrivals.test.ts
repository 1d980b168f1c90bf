import { describe, expect, it } from 'vitest';
import {
  CORRELATED_CASES,
  correlatedCase,
  correlatedCaseProblem,
} from '../../../sim/inspect/correlatedArrivals';
import { inspectApi } from '../../../sim/worker/inspectApi';

const cases = CORRELATED_CASES.map((name) => correlatedCase(name, 1));
const byName = (name: string) => cases.find((c) => c.name === name)!;

describe('correlated arrivals', () => {
  it('the correlated variant has a clearly higher peak-to-mean ratio in each case', () => {
    for (const c of cases) {
      // "Clearly": three times. Poisson traffic at these means peaks at 4 to 6 times its mean
      // per bucket over a few hundred buckets; arrivals that come together, at 25 to 120.
      expect(c.correlated.peakToMean, c.name).toBeGreaterThan(3 * c.decorrelated.peakToMean);
    }
  });

  it('reads the histogram from the run: it adds up to the total, one bucket per step', () => {
    for (const c of cases) {
      for (const run of [c.correlated, c.decorrelated]) {
        expect(run.counts).toHaveLength(Math.round(c.duration / c.bucketSeconds));
        expect(run.counts.reduce((a, b) => a + b, 0)).toBe(run.total);
        expect(Math.max(...run.counts)).toBe(run.peak);
      }
    }
  });

  it('the users wait longer, and queues grow longer, when arrivals come together', () => {
    for (const c of cases) {
      expect(c.correlated.userP99, c.name).toBeGreaterThan(c.decorrelated.userP99);
      expect(c.correlated.maxQueue, c.name).toBeGreaterThanOrEqual(c.decorrelated.maxQueue);
    }
    // TTLs and batches load the station itself harder; synchronised retries fill its 40-slot
    // queue either way, and hurt by being refused together (see below).
    for (const name of ['ttl', 'batch']) {
      const c = byName(name);
      expect(c.correlated.stationP99, name).toBeGreaterThan(c.decorrelated.stationP99);
      expect(c.correlated.maxQueue, name).toBeGreaterThan(5 * c.decorrelated.maxQueue + 5);
    }
  });

  it('the same mean traffic: only when it arrives differs', () => {
    // Two counts of the same mean differ by Poisson noise, sd sqrt(n1 + n2); allow three sd.
    for (const name of ['ttl', 'batch']) {
      const { correlated: a, decorrelated: b } = byName(name);
      expect(Math.abs(a.total - b.total), name).toBeLessThanOrEqual(
        3 * Math.sqrt(a.total + b.total),
      );
    }
    // Batches: 900 grouped users plus Poisson(900), or Poisson(1,800): both about 1,800.
    const batch = byName('batch');
    for (const run of [batch.correlated, batch.decorrelated]) {
      expect(Math.abs(run.total - 1800)).toBeLessThanOrEqual(3 * Math.sqrt(1800));
    }
    // Retries: the same users on the same seed; synchronised retries collide, so there are more
    // of them and more users give up.
    const retries = byName('retries');
    expect(retries.correlated.offered).toBe(retries.decorrelated.offered);
    expect(retries.correlated.total).toBeGreaterThan(retries.decorrelated.total);
    expect(retries.correlated.failures).toBeGreaterThan(10 * retries.decorrelated.failures);
  });

  it('is deterministic with the seed', () => {
    expect(correlatedCase('ttl', 7)).toEqual(correlatedCase('ttl', 7));
  });

  it('refuses an unknown case with a message naming the argument and the cases', () => {
    const message = 'name must be one of retries, ttl, batch';
    expect(correlatedCaseProblem('storm')).toBe(message);
    expect(correlatedCaseProblem(1)).toBe(message);
    expect(() => correlatedCase('storm' as never)).toThrow(RangeError);
    const api = inspectApi(() => {
      throw new Error('nothing loaded');
    });
    expect(api.correlatedCases()).toEqual(['retries', 'ttl', 'batch']);
    expect(api.correlatedCase('storm', -1)).toEqual({
      ok: false,
      errors: [message, expect.stringMatching(/^seed must be an integer/)],
    });
  });
});
