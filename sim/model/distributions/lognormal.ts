import { cos, exp, expm1, log } from '../../kernel/portableMath';
import type { RandomStream } from '../../kernel/rng';
import { formatParameter, type Distribution } from './distribution';

/** The 0.99 quantile of the standard normal distribution. */
export const Z_99 = 2.326347874;

/**
 * Largest p99/mean a lognormal can have. ln(p99/mean) = z*sigma - sigma^2/2 peaks at sigma = z,
 * with value z^2/2, so no lognormal has a p99 further than exp(z^2/2) ~ 14.97 times its mean.
 */
export const LOGNORMAL_MAX_P99_RATIO = exp((Z_99 * Z_99) / 2);

const TWO_PI = 2 * Math.PI;

/** p99/mean must be in (1, LOGNORMAL_MAX_P99_RATIO]: at 1 sigma is 0, i.e. not random at all. */
export function isValidP99Ratio(ratio: number): boolean {
  return ratio > 1 && ratio <= LOGNORMAL_MAX_P99_RATIO;
}

/**
 * Lognormal parameterised the way engineers describe latency: by its mean and its p99.
 *
 * With X = exp(mu + sigma N): p99 = exp(mu + z sigma) and mean = exp(mu + sigma^2/2), so
 * sigma^2 - 2 z sigma + 2 ln(p99/mean) = 0. Of the two roots we take the smaller,
 * sigma = z - sqrt(z^2 - 2 ln(p99/mean)): it is the one that tends to 0 as p99 approaches the mean
 * (the larger root describes a distribution whose mass is mostly far below the mean, which is
 * not what anyone means by "p99 is 3x the mean").
 */
export class Lognormal implements Distribution {
  readonly mu: number;
  readonly sigma: number;
  readonly variance: number;

  constructor(
    readonly mean: number,
    readonly p99: number,
  ) {
    if (!(mean > 0 && Number.isFinite(mean))) {
      throw new RangeError(`lognormal mean must be a finite number > 0, got ${mean}`);
    }
    const ratio = p99 / mean;
    if (!isValidP99Ratio(ratio)) {
      throw new RangeError(
        `lognormal p99/mean must be in (1, ${LOGNORMAL_MAX_P99_RATIO.toFixed(2)}], got ${ratio}`,
      );
    }
    // max(0, ...) absorbs rounding when the ratio sits exactly on the upper bound.
    this.sigma = Z_99 - Math.sqrt(Math.max(0, Z_99 * Z_99 - 2 * log(ratio)));
    this.mu = log(mean) - (this.sigma * this.sigma) / 2;
    this.variance = expm1(this.sigma * this.sigma) * mean * mean;
  }

  /**
   * Box-Muller without caching the second normal: every sample consumes exactly two uniforms, so
   * the k-th sample of a stream is the same whatever else happened, and there is no hidden state
   * to reset or to carry into a snapshot.
   */
  sample(rng: RandomStream): number {
    const radius = Math.sqrt(-2 * log(rng.nextOpenClosed()));
    const normal = radius * cos(TWO_PI * rng.next());
    return exp(this.mu + this.sigma * normal);
  }

  describe(): string {
    return `lognormal(mean=${formatParameter(this.mean)}, p99=${formatParameter(this.p99)})`;
  }
}
