import { log } from '../../kernel/portableMath';
import type { RandomStream } from '../../kernel/rng';
import { formatParameter, type Distribution } from './distribution';

/** ln(100): P(X > mean * ln 100) = 0.01. */
const LN_100 = log(100);

/**
 * Exponential with the given mean: memoryless Poisson inter-arrival gaps and M/M/c service times.
 * Sampled by inversion, -mean * ln(U) with U in (0, 1], so ln(0) can never occur and one uniform
 * is used per sample (which keeps streams aligned across configurations).
 */
export class Exponential implements Distribution {
  readonly variance: number;
  readonly p99: number;

  constructor(readonly mean: number) {
    if (!(mean > 0 && Number.isFinite(mean))) {
      throw new RangeError(`exponential mean must be a finite number > 0, got ${mean}`);
    }
    this.variance = mean * mean;
    this.p99 = mean * LN_100;
  }

  sample(rng: RandomStream): number {
    return -this.mean * log(rng.nextOpenClosed());
  }

  describe(): string {
    return `exponential(mean=${formatParameter(this.mean)})`;
  }
}
