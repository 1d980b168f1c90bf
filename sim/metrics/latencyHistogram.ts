/**
 * HDR-style latency histogram: log-linear buckets, fixed memory, about 0.4% relative error.
 *
 * Values are seconds, bucketed in microseconds: 128 linear sub-buckets per power of two from
 * 1 us up to 2^40 us (12.7 days), 5,248 counters in all, whatever the run length. The bucket index
 * comes straight from the float64 exponent and top mantissa bits (no Math.log on the hot path).
 *
 * Why not hdr-histogram-js: it wants integer values, allocates on resize and encodes for export,
 * none of which the simulator needs; this one is allocation-free, deterministic and 80 lines.
 */
import { pow2 } from '../kernel/portableMath';

const SUB_BUCKET_BITS = 7;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
const MAX_EXPONENT = 40;
const BUCKETS = (MAX_EXPONENT + 1) * SUB_BUCKETS;
/** Counters per histogram, for callers that keep a reading of them (see loadIncrement). */
export const LATENCY_BUCKETS = BUCKETS;
const MICROS = 1e6;

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
// The high word holds sign, exponent and top mantissa bits; which index it sits at follows the
// platform's byte order.
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function bucketOf(micros: number): number {
  if (micros < 1) return 0;
  scratch[0] = micros;
  const high = scratchWords[HIGH_WORD]!;
  const exponent = (high >>> 20) - 1023;
  if (exponent > MAX_EXPONENT) return BUCKETS - 1;
  return exponent * SUB_BUCKETS + ((high >>> (20 - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1));
}

/** Lowest value (seconds) that falls in bucket `index`. */
function bucketLow(index: number): number {
  const exponent = Math.floor(index / SUB_BUCKETS);
  const sub = index % SUB_BUCKETS;
  return (pow2(exponent) * (1 + sub / SUB_BUCKETS)) / MICROS; // pow2: exact for integers
}

export interface LatencySummary {
  count: number;
  mean: number;
  min: number;
  max: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  record(seconds: number): void {
    this.counts[bucketOf(seconds * MICROS)]!++;
    this.count++;
    this.sum += seconds;
    if (seconds < this.min) this.min = seconds;
    if (seconds > this.max) this.max = seconds;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : NaN;
  }

  /**
   * The q-quantile (0 < q <= 1): the midpoint of the bucket holding the ceil(q * count)-th value,
   * clamped to the observed min and max. NaN when empty.
   */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) {
        if (i === 0) return this.min;
        const mid = (bucketLow(i) + bucketLow(i + 1)) / 2;
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      mean: this.mean,
      min: this.count > 0 ? this.min : NaN,
      max: this.count > 0 ? this.max : NaN,
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      p999: this.quantile(0.999),
    };
  }

  /**
   * Makes this histogram hold what `cumulative` recorded since `previous` (its counts at the last
   * call, updated here): the latencies of one series bucket, bucketed exactly as the report's.
   * Within a bucket the extremes are unknown, so quantiles are not clamped. Returns the count.
   */
  loadIncrement(cumulative: LatencyHistogram, previous: Float64Array): number {
    const counts = cumulative.counts;
    let n = 0;
    for (let i = 0; i < BUCKETS; i++) {
      const d = counts[i]! - previous[i]!;
      this.counts[i] = d;
      n += d;
      previous[i] = counts[i]!;
    }
    this.count = n;
    this.sum = NaN;
    this.min = 0;
    this.max = Infinity;
    return n;
  }

  /** Adds another histogram's counts into this one (for totals across stations or replications). */
  merge(other: LatencyHistogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }
}
