/**
 * Redis Cluster key slots (SEMANTICS.md section 5): 16 384 slots, slot = CRC16-XMODEM(key) & 0x3FFF,
 * and with a hash tag only the text between the first `{` and the next `}` (if non-empty) is hashed.
 * Keys are hashed as their UTF-8 bytes, encoded on the fly (no TextEncoder, nothing allocated).
 * `{` and `}` are ASCII and never occur inside a multi-byte UTF-8 sequence, so finding them among
 * UTF-16 code units finds the same bytes Redis's keyHashSlot finds.
 */

export const SLOT_COUNT = 16384;

/** CRC16-CCITT as XMODEM computes it: polynomial 0x1021, initial value 0, no reflection. */
const TABLE = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    table[i] = crc;
  }
  return table;
})();

const step = (crc: number, byte: number): number =>
  ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ byte) & 0xff]!;

/**
 * Two bytes at once (slicing by 2): CRC-16 is linear over XOR, so feeding bytes b1, b2 to `crc`
 * equals TABLE_HI[x >> 8] ^ TABLE[x & 0xff] with x = crc ^ (b1 << 8 | b2), where TABLE_HI[i] is
 * the CRC of byte i followed by a zero byte. Halves the serial steps of a numeric key's digits.
 */
const TABLE_HI = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) table[i] = ((TABLE[i]! & 0xff) << 8) ^ TABLE[TABLE[i]! >> 8]!;
  return table;
})();

/** The two ASCII digits of 0..99 as one 16-bit word ("07" = 0x3037). */
const DIGIT_PAIRS = (() => {
  const words = new Uint16Array(100);
  for (let p = 0; p < 100; p++) words[p] = ((0x30 + Math.floor(p / 10)) << 8) | (0x30 + (p % 10));
  return words;
})();

const pairStep = (crc: number, pair: number): number => {
  const x = crc ^ DIGIT_PAIRS[pair]!;
  return TABLE_HI[x >> 8]! ^ TABLE[x & 0xff]!;
};

/** Continues `crc` over the UTF-8 bytes of `text[start, end)`; lone surrogates encode as U+FFFD. */
function crcOfRange(crc: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      crc = step(crc, c);
      continue;
    }
    if (c < 0x800) {
      crc = step(crc, 0xc0 | (c >> 6));
      crc = step(crc, 0x80 | (c & 0x3f));
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const point = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        crc = step(crc, 0xf0 | (point >> 18));
        crc = step(crc, 0x80 | ((point >> 12) & 0x3f));
        crc = step(crc, 0x80 | ((point >> 6) & 0x3f));
        crc = step(crc, 0x80 | (point & 0x3f));
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    crc = step(crc, 0xe0 | (c >> 12));
    crc = step(crc, 0x80 | ((c >> 6) & 0x3f));
    crc = step(crc, 0x80 | (c & 0x3f));
  }
  return crc;
}

/** CRC16-XMODEM of the UTF-8 bytes of `text`. */
export function crc16(text: string): number {
  return crcOfRange(0, text, 0, text.length);
}

/** Redis's keyHashSlot. */
export function keySlot(key: string): number {
  const open = key.indexOf('{');
  if (open !== -1) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) return crcOfRange(0, key, open + 1, close) & 0x3fff;
  }
  return crcOfRange(0, key, 0, key.length) & 0x3fff;
}

const digits = new Uint8Array(24);

/**
 * A key prefix hashed once, for keys `${prefix}${id}`. Digits and '-' hold no braces, so a hash tag,
 * if any, lies wholly inside the prefix: either the slot is fixed, or the CRC carries on over the
 * digits of `id`.
 */
export class KeyPrefix {
  /** The slot every key with this prefix maps to, or -1 when the id is part of the hash. */
  private readonly fixedSlot: number;
  private readonly crc: number;

  constructor(readonly prefix: string) {
    const open = prefix.indexOf('{');
    const close = open === -1 ? -1 : prefix.indexOf('}', open + 1);
    this.fixedSlot = close > open + 1 ? crcOfRange(0, prefix, open + 1, close) & 0x3fff : -1;
    this.crc = crcOfRange(0, prefix, 0, prefix.length);
  }

  /** The slot of `${prefix}${id}`. */
  slotOf(id: number): number {
    if (this.fixedSlot !== -1) return this.fixedSlot;
    // Beyond 2^53 (or for fractions) String(id) is not plain digits; take the general path.
    if (!Number.isSafeInteger(id)) return keySlot(this.prefix + String(id));
    let crc = this.crc;
    let n = id;
    if (n < 0) {
      crc = step(crc, 0x2d);
      n = -n;
    }
    // Least significant digit first: % 10 and the division by 10 are exact below 2^53; below
    // 2^31 the same digits come from integer arithmetic, several times faster than float `%`.
    let length = 0;
    if (n <= 0x7fffffff) {
      // Two digits per division and per CRC step (the cluster's hottest arithmetic: every cache
      // operation at the lunch peak hashes its key). The top group is a lone digit when the
      // number of digits is odd.
      let m = n | 0;
      while (m >= 100) {
        const quotient = (m / 100) | 0;
        digits[length++] = m - quotient * 100;
        m = quotient;
      }
      crc = m >= 10 ? pairStep(crc, m) : step(crc, 0x30 + m);
      while (length > 0) crc = pairStep(crc, digits[--length]!);
      return crc & 0x3fff;
    }
    do {
      const digit = n % 10;
      digits[length++] = digit;
      n = (n - digit) / 10;
    } while (n > 0);
    while (length > 0) crc = step(crc, 0x30 + digits[--length]!);
    return crc & 0x3fff;
  }
}

const prefixes = new Map<string, KeyPrefix>();
let lastPrefix: KeyPrefix | undefined;

/** The slot of `${prefix}${id}`, hashing each distinct prefix once. */
export function slotOfNumericKey(prefix: string, id: number): number {
  if (lastPrefix?.prefix !== prefix) {
    let known = prefixes.get(prefix);
    if (known === undefined) {
      if (prefixes.size >= 1024) prefixes.clear(); // a simulation uses a handful of prefixes
      known = new KeyPrefix(prefix);
      prefixes.set(prefix, known);
    }
    lastPrefix = known;
  }
  return lastPrefix.slotOf(id);
}

/**
 * Slots spread over `masters` nodes in contiguous ranges exactly as `redis-cli --cluster create`
 * does (clusterManagerCommandCreate): slots_per_node and its cursor are C floats, each range ends
 * at lround(cursor + slots_per_node - 1), and the last master takes the rest. For 3 masters:
 * 0-5460, 5461-10922, 10923-16383. (redis-cli itself insists on at least 3 masters.)
 */
export class SlotMap {
  private readonly owner = new Uint16Array(SLOT_COUNT);
  private readonly first: Int32Array;
  private readonly last: Int32Array;

  constructor(readonly masters: number) {
    if (!Number.isInteger(masters) || masters < 1 || masters > SLOT_COUNT) {
      throw new RangeError(`SlotMap: masters must be an integer in [1, ${SLOT_COUNT}]`);
    }
    this.first = new Int32Array(masters);
    this.last = new Int32Array(masters);
    const f = Math.fround;
    const perNode = f(SLOT_COUNT / masters);
    let cursor = 0;
    let first = 0;
    for (let node = 0; node < masters; node++) {
      // lround rounds halves away from zero; the value is positive, so Math.round agrees.
      let last = Math.round(f(f(cursor + perNode) - 1));
      if (last > SLOT_COUNT || node === masters - 1) last = SLOT_COUNT - 1;
      if (last < first) last = first;
      this.owner.fill(node, first, last + 1);
      this.first[node] = first;
      this.last[node] = last;
      first = last + 1;
      cursor = f(cursor + perNode);
    }
  }

  nodeOfSlot(slot: number): number {
    return this.owner[slot]!;
  }

  nodeOfKey(key: string): number {
    return this.owner[keySlot(key)]!;
  }

  firstSlotOf(node: number): number {
    return this.first[node]!;
  }

  lastSlotOf(node: number): number {
    return this.last[node]!;
  }
}
