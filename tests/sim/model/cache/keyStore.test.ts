import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../../sim/kernel/rng';
import { KeyStore } from '../../../../sim/model/cache/keyStore';
import { VersionLedger } from '../../../../sim/model/cache/versionLedger';

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

  // With no more keys than one eviction samples, Redis's approximation sees every key and is
  // exactly LRU: a reference Map ordered by recency predicts every answer.
  it('behaves like a reference LRU map under random operations (small stores)', () => {
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

  it('approximates LRU the way Redis does at scale: it evicts keys nobody read lately', () => {
    const capacity = 10_000;
    const store = new KeyStore(capacity, new RandomStreams(7).stream('eviction'));
    for (let key = 0; key < capacity; key++) store.set(key, 1, Infinity);
    // Read 90% of the keys again, so the other 1,000 (ids 0, 10, 20 ...) are the idlest.
    for (let key = 0; key < capacity; key++) if (key % 10 !== 0) store.get(key, 0);
    // 1,000 new keys force 1,000 evictions.
    for (let key = capacity; key < capacity + 1000; key++) store.set(key, 1, Infinity);
    expect(store.size).toBe(capacity);
    expect(store.evictions).toBe(1000);
    let idleEvicted = 0;
    for (let key = 0; key < capacity; key += 10) if (store.get(key, 0) < 0) idleEvicted++;
    // Exact LRU would evict exactly those 1,000 and random eviction about 100. Redis samples 5
    // keys per eviction, 0.5 of them idle on average at first, and its pool keeps every idle key
    // it finds until evicted: so somewhat under half the evictions hit an idle key, the rest the
    // least recently read of the others. Bounds: well above random, well below exact.
    expect(idleEvicted).toBeGreaterThan(300);
    expect(idleEvicted).toBeLessThan(600);
    for (let key = capacity; key < capacity + 1000; key++) expect(store.get(key, 0)).toBe(1);
  });

  it('evicts the same keys for the same sampler seed, other keys for another', () => {
    const evicted = (seed: number) => {
      const store = new KeyStore(1000, new RandomStreams(seed).stream('eviction'));
      for (let key = 0; key < 1500; key++) store.set(key, 1, Infinity);
      return [...Array(1500).keys()].filter((key) => store.get(key, 0) < 0);
    };
    expect(evicted(1)).toEqual(evicted(1));
    expect(evicted(1)).not.toEqual(evicted(2));
    expect(evicted(1)).toHaveLength(500);
  });
});

describe('version ledger', () => {
  it('answers the latest version at a time, also after old commits were pruned', () => {
    const ledger = new VersionLedger();
    expect(ledger.commit(5, 1)).toBe(1);
    expect(ledger.commit(5, 2)).toBe(2);
    expect(ledger.latestAt(5, 0.5)).toBe(0);
    expect(ledger.latestAt(5, 1.5)).toBe(1);
    expect(ledger.latestAt(5, 2)).toBe(2);
    // Another key written much later prunes key 5's recent commits; its newest version stays.
    ledger.commit(9, 200);
    expect(ledger.recentKeys).toBe(1);
    expect(ledger.latestAt(5, 150)).toBe(2);
    // A new write to key 5: reads issued before it see version 2, after it version 3.
    expect(ledger.commit(5, 300)).toBe(3);
    expect(ledger.latestAt(5, 299)).toBe(2);
    expect(ledger.latestAt(5, 300)).toBe(3);
  });

  it('isStale(key, v, t) agrees with v < latestAt(key, t) under random commits and reads', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 2, noNaN: true })),
          {
            maxLength: 60,
          },
        ),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 7 }),
            fc.integer({ min: 0, max: 20 }),
            fc.double({ min: 0, max: 100, noNaN: true }),
          ),
          { maxLength: 40 },
        ),
        (writes, reads) => {
          const ledger = new VersionLedger();
          let now = 0;
          for (const [key, gap] of writes) ledger.commit(key, (now += gap));
          for (const [key, version, time] of reads) {
            expect(ledger.isStale(key, version, time)).toBe(version < ledger.latestAt(key, time));
          }
        },
      ),
      { seed: 17, numRuns: 500 },
    );
  });

  it('keeps recent commits for recently written keys only: memory stays bounded', () => {
    const ledger = new VersionLedger();
    // 100 writes/s over a million keys for 10 minutes: 60,000 keys written, and only those of
    // the last 10 to 12.5 s keep their recent commits.
    for (let i = 0; i < 60_000; i++) ledger.commit((i * 7919) % 1_000_000, i / 100);
    expect(ledger.recentKeys).toBeGreaterThan(100 * 10 - 10);
    expect(ledger.recentKeys).toBeLessThan(100 * 12.5 + 10);
  });
});
