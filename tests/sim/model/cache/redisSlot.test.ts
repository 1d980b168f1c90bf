import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KeyPrefix,
  SLOT_COUNT,
  SlotMap,
  crc16,
  keySlot,
  slotOfNumericKey,
} from '../../../../sim/model/cache/redisSlot';

/** Bit-by-bit CRC16-XMODEM over bytes, and Redis's keyHashSlot over bytes, as references. */
function referenceCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : crc << 1;
  }
  return crc & 0xffff;
}

function referenceSlot(key: string): number {
  const bytes = Buffer.from(key, 'utf8');
  const open = bytes.indexOf(0x7b);
  if (open !== -1) {
    const close = bytes.indexOf(0x7d, open + 1);
    if (close !== -1 && close !== open + 1) {
      return referenceCrc(bytes.subarray(open + 1, close)) & 0x3fff;
    }
  }
  return referenceCrc(bytes) & 0x3fff;
}

/** Keys built from braces, ASCII, 2-, 3- and 4-byte UTF-8 and a lone surrogate. */
const keys = fc
  .array(fc.constantFrom('{', '}', 'a', 'Z', '7', ':', 'é', '€', '😀', '\uD800', '\uDC00'), {
    maxLength: 16,
  })
  .map((parts) => parts.join(''));

describe('Redis Cluster key slot (SEMANTICS.md section 5)', () => {
  it('matches the test vectors', () => {
    expect(keySlot('somekey')).toBe(11058);
    expect(keySlot('foo{hash_tag}')).toBe(2515);
    expect(crc16('123456789')).toBe(0x31c3); // the XMODEM check value
  });

  it('hashes only the hash tag', () => {
    expect(keySlot('{user1000}.following')).toBe(keySlot('{user1000}.followers'));
    expect(keySlot('{user1000}.following')).toBe(keySlot('user1000'));
  });

  it('hashes the whole key for an empty tag or no closing brace', () => {
    expect(keySlot('foo{}{bar}')).toBe(crc16('foo{}{bar}') & 0x3fff);
    expect(keySlot('foo{}{bar}')).not.toBe(keySlot('bar'));
    expect(keySlot('foo{bar')).toBe(crc16('foo{bar') & 0x3fff);
  });

  it('takes the text up to the first closing brace: foo{{bar}}zap hashes "{bar"', () => {
    expect(keySlot('foo{{bar}}zap')).toBe(crc16('{bar') & 0x3fff);
  });

  it('hashes UTF-8 bytes, lone surrogates as U+FFFD, like Buffer.from(key, "utf8")', () => {
    expect(crc16('é')).toBe(referenceCrc(new Uint8Array([0xc3, 0xa9])));
    expect(crc16('\uD800')).toBe(referenceCrc(new Uint8Array([0xef, 0xbf, 0xbd])));
    fc.assert(
      fc.property(keys, (key) => {
        expect(keySlot(key)).toBe(referenceSlot(key));
        expect(crc16(key)).toBe(referenceCrc(Buffer.from(key, 'utf8')));
      }),
      { seed: 5, numRuns: 2000 },
    );
  });

  it('slotOfNumericKey equals the slot of the concatenated key', () => {
    const ids = fc.oneof(
      fc.integer({ min: -1e6, max: 1e9 }),
      fc.constantFrom(0, -0, 9, 10, 99, 100, Number.MAX_SAFE_INTEGER, 2 ** 60, 1e21, 1.5, -2.25),
    );
    fc.assert(
      fc.property(keys, ids, (prefix, id) => {
        expect(slotOfNumericKey(prefix, id)).toBe(keySlot(`${prefix}${id}`));
        expect(new KeyPrefix(prefix).slotOf(id)).toBe(keySlot(`${prefix}${id}`));
      }),
      { seed: 11, numRuns: 3000 },
    );
    expect(slotOfNumericKey('order:', 42)).toBe(keySlot('order:42'));
    expect(slotOfNumericKey('{cart}:', 42)).toBe(keySlot('cart'));
  });

  it('hashes digits two at a time exactly as byte by byte, at every digit count', () => {
    // Odd and even digit counts, inner "0x" pairs, and both sides of the 2^31 switch to floats.
    const prefix = new KeyPrefix('order:');
    const edges = [1, 9, 10, 11, 99, 100, 101, 909, 1000, 10_005, 99_999, 100_000, 1_000_001];
    const ids = [...edges, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 1_234_567_890];
    for (let id = 0; id < 20_000; id++) ids.push(id, id * 977 + 3);
    for (const id of ids) expect(prefix.slotOf(id)).toBe(keySlot(`order:${id}`));
  });
});

describe('slot map as redis-cli --cluster create lays it out', () => {
  it('3 masters: 0-5460, 5461-10922, 10923-16383', () => {
    const map = new SlotMap(3);
    const ranges = [0, 1, 2].map((n) => [map.firstSlotOf(n), map.lastSlotOf(n)]);
    expect(ranges).toEqual([
      [0, 5460],
      [5461, 10922],
      [10923, 16383],
    ]);
    expect([map.nodeOfSlot(5460), map.nodeOfSlot(5461), map.nodeOfSlot(16383)]).toEqual([0, 1, 2]);
    expect(map.nodeOfKey('somekey')).toBe(2); // slot 11058
  });

  it('covers every slot once, in contiguous ranges of nearly equal size', () => {
    for (const masters of [1, 2, 3, 4, 5, 6, 7, 10, 12, 64, 1000, SLOT_COUNT]) {
      const map = new SlotMap(masters);
      let next = 0;
      for (let node = 0; node < masters; node++) {
        expect(map.firstSlotOf(node)).toBe(next);
        const size = map.lastSlotOf(node) - next + 1;
        expect(Math.abs(size - SLOT_COUNT / masters)).toBeLessThan(1);
        let strays = 0;
        for (let slot = next; slot <= map.lastSlotOf(node); slot++) {
          if (map.nodeOfSlot(slot) !== node) strays++;
        }
        expect(strays).toBe(0);
        next = map.lastSlotOf(node) + 1;
      }
      expect(next).toBe(SLOT_COUNT);
    }
  });

  it('refuses impossible node counts', () => {
    expect(() => new SlotMap(0)).toThrow(RangeError);
    expect(() => new SlotMap(SLOT_COUNT + 1)).toThrow(RangeError);
  });
});
