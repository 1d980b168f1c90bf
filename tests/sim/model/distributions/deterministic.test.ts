import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../../sim/kernel/rng';
import { Deterministic } from '../../../../sim/model/distributions/deterministic';

describe('Deterministic', () => {
  it('always returns its value, with variance 0', () => {
    const dist = new Deterministic(0.04);
    const rng = new RandomStreams(1).peek('deterministic');
    for (let i = 0; i < 1000; i++) expect(dist.sample(rng)).toBe(0.04);
    expect([dist.mean, dist.variance, dist.p99]).toEqual([0.04, 0, 0.04]);
  });

  it('consumes no random numbers, so the stream is untouched', () => {
    const streams = new RandomStreams(1);
    const used = streams.peek('s');
    const fresh = streams.peek('s');
    new Deterministic(1).sample(used);
    expect(used.next()).toBe(fresh.next());
  });

  it('accepts 0 and rejects negative or non-finite values', () => {
    expect(new Deterministic(0).mean).toBe(0);
    for (const bad of [-0.001, Number.NaN, Infinity]) {
      expect(() => new Deterministic(bad), String(bad)).toThrow(RangeError);
    }
  });

  it('describes itself', () => {
    expect(new Deterministic(2).describe()).toBe('deterministic(value=2)');
  });
});
