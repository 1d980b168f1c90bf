/**
 * Which shard holds a key: `modulo` (key % N: simple, but changing N moves almost every key) or
 * `consistentHash` (a ring with virtual nodes: changing N moves about 1/N of the keys).
 */
export type ShardStrategy = 'modulo' | 'consistentHash';

const VIRTUAL_NODES = 160;

/** 32-bit mix (murmur3 finaliser) of a non-negative integer key. */
function mix(x: number): number {
  let h = (x >>> 0) ^ Math.floor(x / 4294967296);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class ShardMap {
  private readonly ringPoints: Uint32Array;
  private readonly ringShards: Int32Array;

  constructor(
    readonly shards: number,
    readonly strategy: ShardStrategy,
  ) {
    if (!Number.isInteger(shards) || shards < 1) {
      throw new RangeError(`shards must be an integer >= 1, got ${shards}`);
    }
    const points: [number, number][] = [];
    if (strategy === 'consistentHash') {
      for (let s = 0; s < shards; s++) {
        for (let v = 0; v < VIRTUAL_NODES; v++) points.push([mix(s * 100_003 + v * 7919 + 1), s]);
      }
      points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    }
    this.ringPoints = Uint32Array.from(points, (p) => p[0]);
    this.ringShards = Int32Array.from(points, (p) => p[1]);
  }

  shardOf(key: number): number {
    if (this.strategy === 'modulo') return key % this.shards;
    const h = mix(key);
    // First ring point at or after h, wrapping round.
    let lo = 0;
    let hi = this.ringPoints.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ringPoints[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    return this.ringShards[lo === this.ringPoints.length ? 0 : lo]!;
  }
}
