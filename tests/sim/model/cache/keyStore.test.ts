import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyStore } from '../../../../sim/model/cache/keyStore';

describe('cache key store', () => {
  it('hits until the TTL passes, then misses (expiry counted)', () => {
    const store = new KeyStore(10);
    store.set(7, 1, 100);
    expect(store.get(7, 99.9)).toBe(1);
    expect(store.get(7, 100)).toBe(-1);
    expect(store.expiredMisses).toBe(1);
    expect(store.size).toBe(0);
  });

  it('evicts the least recently used key when full', () => {
    const store = new KeyStore(2);
    store.set(1, 1, Infinity);
    store.set(2, 1, Infinity);
    store.get(1, 0); // 2 is now the least recently used
    store.set(3, 1, Infinity);
    expect(store.get(2, 0)).toBe(-1);
    expect(store.get(1, 0)).toBe(1);
    expect(store.get(3, 0)).toBe(1);
    expect(store.evictions).toBe(1);
  });

  it('behaves like a reference LRU map under random operations', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('get', 'set', 'delete'),
            fc.integer({ min: 0, max: 12 }),
            fc.integer({ min: 0, max: 20 }),
          ),
          { maxLength: 300 },
        ),
        (ops) => {
          const capacity = 5;
          const store = new KeyStore(capacity);
          // Reference: a Map whose insertion order is recency (oldest first).
          const ref = new Map<number, { version: number; expires: number }>();
          let now = 0;
          for (const [op, key, arg] of ops) {
            now += 0.5;
            if (op === 'set') {
              const expires = now + arg;
              if (!ref.has(key) && ref.size === capacity) ref.delete(ref.keys().next().value!);
              ref.delete(key);
              ref.set(key, { version: arg, expires });
              store.set(key, arg, expires);
            } else if (op === 'delete') {
              ref.delete(key);
              store.delete(key);
            } else {
              const entry = ref.get(key);
              let expected = -1;
              if (entry && entry.expires > now) {
                expected = entry.version;
                ref.delete(key);
                ref.set(key, entry);
              } else if (entry) {
                ref.delete(key);
              }
              if (store.get(key, now) !== expected) return false;
            }
            if (store.size !== ref.size) return false;
          }
          return true;
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('clear() empties it (FLUSHALL)', () => {
    const store = new KeyStore(3);
    store.set(1, 1, Infinity);
    store.clear();
    expect(store.get(1, 0)).toBe(-1);
    expect(store.size).toBe(0);
  });
});
