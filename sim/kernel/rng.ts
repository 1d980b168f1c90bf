/**
 * Seeded random numbers with independent named streams.
 *
 * Every component draws from its own stream, keyed by (run seed, stream name), e.g.
 * "source:orders/arrivals" or "station:db/service". Adding a component or a fault therefore
 * does not shift the numbers any other component sees: two configurations compared on the same
 * seed get the same traffic (common random numbers).
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, passes PractRand to
 * many TB), 32-bit state words so it is fast in JavaScript without BigInt. Doubles take two
 * outputs for 53 random bits, so exponential and lognormal tails are not truncated at 2^-32.
 */
export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seedA: number, seedB: number, seedC: number) {
    this.a = seedA | 0;
    this.b = seedB | 0;
    this.c = seedC | 0;
    this.d = 1;
    // Discard the first outputs: sfc32 mixes its state in about a dozen steps.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  nextUint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform on (0, 1]: safe to take the logarithm of. */
  nextOpenClosed(): number {
    return 1 - this.next();
  }

  /** Uniform integer on [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** 32-bit FNV-1a over the UTF-16 code units of a name: stable across platforms. */
function hashName(name: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 finaliser: spreads nearby seeds far apart. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** Hands out named streams for one run seed. Asking for the same name twice is an error. */
export class RandomStreams {
  private readonly handedOut = new Set<string>();
  private readonly seedLo: number;
  private readonly seedHi: number;

  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
    }
    this.seedLo = seed >>> 0;
    this.seedHi = Math.floor(seed / 4294967296) >>> 0;
  }

  /** The stream for `name`; depends only on (seed, name). */
  stream(name: string): RandomStream {
    if (this.handedOut.has(name)) throw new Error(`random stream "${name}" is already in use`);
    this.handedOut.add(name);
    return this.peek(name);
  }

  /** Same numbers as `stream(name)` without reserving the name (for tests and replays). */
  peek(name: string): RandomStream {
    const h1 = hashName(name, 0x811c9dc5);
    const h2 = hashName(name, 0x050c5d1f);
    return new RandomStream(
      mix32(this.seedLo ^ h1),
      mix32(this.seedHi ^ h2 ^ 0x6a09e667),
      mix32(h1 ^ mix32(this.seedLo + 0x3c6ef372)),
    );
  }
}
