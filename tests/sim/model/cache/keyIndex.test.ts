import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../../../sim/model/cache/keyIndex';

type Op = { kind: 'set'; key: number } | { kind: 'delete'; key: number };

/**
 * Drives a KeyIndex the way KeyStore does (dense slots, the last slot moved into a hole) next to
 * a Map, and checks every key's slot after every operation.
 */
function replay(capacity: number, ops: readonly Op[]): void {
  const keyAt = new Float64Array(capacity);
  const index = new KeyIndex(capacity, keyAt);
  const reference = new Map<number, number>();
  let used = 0;
  for (const op of ops) {
    const slot = index.get(op.key);
    expect(slot).toBe(reference.get(op.key) ?? -1);
    if (op.kind === 'set' && slot < 0 && used < capacity) {
      keyAt[used] = op.key;
      index.insert(op.key, used);
      reference.set(op.key, used++);
    } else if (op.kind === 'delete' && slot >= 0) {
      index.delete(op.key);
      reference.delete(op.key);
      const last = --used;
      if (slot !== last) {
        const moved = keyAt[last]!;
        keyAt[slot] = moved;
        index.move(moved, slot);
        reference.set(moved, slot);
      }
    }
    for (const [key, at] of reference) expect(index.get(key)).toBe(at);
  }
}

describe('KeyIndex', () => {
  it('agrees with a Map through inserts, deletes and moves, collisions included', () => {
    // Few buckets and keys that share low bits: long probe runs that wrap around the table.
    const key = fc.oneof(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 8 }).map((k) => k * 4294967296 + 7),
      fc.integer({ min: 0, max: 2 ** 40 }),
    );
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key }),
      fc.record({ kind: fc.constant('delete' as const), key }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(op, { maxLength: 200 }), replay),
      { seed: 1125, numRuns: 500 },
    );
  });

  it('finds each of a million keys and misses absent ones', () => {
    const n = 1_000_000;
    const keyAt = new Float64Array(n);
    const index = new KeyIndex(n, keyAt);
    for (let i = 0; i < n; i++) {
      keyAt[i] = i * 7919;
      index.insert(i * 7919, i);
    }
    let found = 0;
    for (let i = 0; i < n; i++) if (index.get(i * 7919) === i) found++;
    expect(found).toBe(n);
    expect(index.get(1)).toBe(-1);
    expect(index.get(7919 * n)).toBe(-1);
  });

  it('says which key is missing when asked to move it', () => {
    const keyAt = new Float64Array(4);
    const index = new KeyIndex(4, keyAt);
    expect(() => index.move(42, 0)).toThrow(/key 42 is not in the index/);
  });
});
