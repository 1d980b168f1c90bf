import type { RandomStream } from '../../kernel/rng';
import { formatParameter, type Distribution } from './distribution';

/** Uniform on [min, max): a bounded jitter, e.g. for retry back-off. */
export class Uniform implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly p99: number;
  private readonly width: number;

  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    if (!(min >= 0 && Number.isFinite(min) && Number.isFinite(max))) {
      throw new RangeError(`uniform min must be a finite number >= 0, got ${min}`);
    }
    if (!(max >= min)) {
      throw new RangeError(`uniform max must be >= min (${min}), got ${max}`);
    }
    this.width = max - min;
    this.mean = min + this.width / 2;
    this.variance = (this.width * this.width) / 12;
    this.p99 = min + 0.99 * this.width;
  }

  sample(rng: RandomStream): number {
    return this.min + this.width * rng.next();
  }

  describe(): string {
    return `uniform(min=${formatParameter(this.min)}, max=${formatParameter(this.max)})`;
  }
}
