import type { RandomStream } from '../../kernel/rng';
import { ZipfSampler } from '../distributions/zipf';

/**
 * Which key (user id, order id) each request is about: Zipf popularity over `count` keys, so
 * a cache's hit ratio and a shard's load emerge from the traffic instead of being parameters. A
 * `missingShare` of requests ask for keys that do not exist (ids from `count` up), the traffic
 * behind cache penetration.
 */
export class KeyChooser {
  private readonly zipf: ZipfSampler;

  constructor(
    readonly count: number,
    exponent: number,
    private readonly missingShare: number,
    private readonly rng: RandomStream,
  ) {
    this.zipf = new ZipfSampler(count, exponent);
  }

  next(): number {
    if (this.missingShare > 0 && this.rng.next() < this.missingShare) {
      return this.count + this.rng.nextInt(1_000_000_000);
    }
    return this.zipf.sample(this.rng);
  }
}
