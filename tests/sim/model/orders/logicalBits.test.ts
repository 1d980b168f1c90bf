import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogicalBits } from '../../../../sim/model/orders/logicalBits';

describe('LogicalBits: a set of logical request numbers, one bit each', () => {
  it('agrees with a Set on random adds and lookups, growing as needed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 300 }), (xs) => {
        const bits = new LogicalBits();
        const set = new Set<number>();
        for (const x of xs) {
          expect(bits.add(x)).toBe(set.has(x));
          set.add(x);
        }
        for (let probe = 0; probe < 50; probe++) {
          const x = xs.length > 0 ? xs[probe % xs.length]! + (probe % 3) - 1 : probe;
          if (x >= 0) expect(bits.has(x)).toBe(set.has(x));
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
