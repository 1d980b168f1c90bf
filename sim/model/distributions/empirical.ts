import type { RandomStream } from '../../kernel/rng';
import { formatParameter, type Distribution } from './distribution';

/** One knot of a piecewise-linear CDF: [value, cumulative probability at that value]. */
export type CdfPoint = readonly [value: number, cumulativeProbability: number];

/**
 * A distribution read off measurements: the CDF is linear between the given knots, i.e. a mixture
 * of uniforms, one per segment, weighted by the segment's probability. Two knots with the same
 * value and rising probability make an atom there.
 *
 * The first knot must have probability 0 and the last 1, so the support is exactly
 * [first value, last value] and there is no guessing about what lies outside it.
 */
export class Empirical implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly p99: number;
  private readonly values: Float64Array;
  private readonly probabilities: Float64Array;
  /** d(value)/d(probability) per segment, so sampling needs no division. */
  private readonly slopes: Float64Array;

  constructor(points: readonly CdfPoint[]) {
    validate(points);
    const n = points.length;
    this.values = new Float64Array(n);
    this.probabilities = new Float64Array(n);
    this.slopes = new Float64Array(n - 1);
    points.forEach(([value, p], i) => {
      this.values[i] = value;
      this.probabilities[i] = p;
    });
    let mean = 0;
    for (let i = 0; i < n - 1; i++) {
      const [a, b, w] = this.segment(i);
      // Zero-probability segments are never selected by quantile(); their slope is unused.
      this.slopes[i] = w > 0 ? (b - a) / w : 0;
      mean += (w * (a + b)) / 2;
    }
    // Law of total variance over the segments, centred on the mean to avoid E[X^2] - mean^2
    // cancellation when the spread is small next to the values.
    let variance = 0;
    for (let i = 0; i < n - 1; i++) {
      const [a, b, w] = this.segment(i);
      const d = (a + b) / 2 - mean;
      variance += w * (d * d + ((b - a) * (b - a)) / 12);
    }
    this.mean = mean;
    this.variance = variance;
    this.p99 = this.quantile(0.99);
  }

  /**
   * Inverse CDF for u in [0, 1]: the smallest x with F(x) >= u, the usual quantile definition, so
   * at the probability of a flat stretch it answers the stretch's left end, and samples never land
   * inside one. Binary search for the segment with p[lo] < u <= p[lo + 1], which has positive
   * weight (u = 0 ends at lo = 0 and returns the first value).
   */
  quantile(u: number): number {
    const p = this.probabilities;
    let lo = 0;
    let hi = p.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (p[mid]! < u) lo = mid;
      else hi = mid;
    }
    return this.values[lo]! + (u - p[lo]!) * this.slopes[lo]!;
  }

  sample(rng: RandomStream): number {
    return this.quantile(rng.next());
  }

  describe(): string {
    const n = this.values.length;
    const first = formatParameter(this.values[0]!);
    const last = formatParameter(this.values[n - 1]!);
    return `empirical(${n} points, ${first}..${last})`;
  }

  private segment(i: number): [a: number, b: number, weight: number] {
    return [
      this.values[i]!,
      this.values[i + 1]!,
      this.probabilities[i + 1]! - this.probabilities[i]!,
    ];
  }
}

function validate(points: readonly CdfPoint[]): void {
  if (points.length < 2) {
    throw new RangeError(`empirical points need at least 2 entries, got ${points.length}`);
  }
  points.forEach(([value, p], i) => {
    if (!(value >= 0 && Number.isFinite(value))) {
      throw new RangeError(
        `empirical points[${i}] value must be a finite number >= 0, got ${value}`,
      );
    }
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`empirical points[${i}] probability must be in [0, 1], got ${p}`);
    }
    const previous = points[i - 1];
    if (previous && (value < previous[0] || p < previous[1])) {
      throw new RangeError(`empirical points[${i}] must not decrease in value or probability`);
    }
  });
  if (points[0]?.[1] !== 0) throw new RangeError('empirical points must start at probability 0');
  if (points[points.length - 1]?.[1] !== 1) {
    throw new RangeError('empirical points must end at probability 1');
  }
}
