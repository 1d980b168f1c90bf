import type { Component, Kernel } from '../kernel/kernel';
import { log10, pow } from '../kernel/portableMath';

/** Something whose cumulative counters the recorder samples at each bucket boundary. */
export interface SeriesSubject {
  readonly id: string;
  /** Field names, fixed for the run. */
  readonly seriesFields: readonly string[];
  /** Writes the current cumulative value of each field into `out`, in `seriesFields` order. */
  sampleCumulative(now: number, out: Float64Array): void;
  /**
   * Figures of the bucket itself that are no counter's increment (latency percentiles), stored
   * after the `seriesFields` in `data`. When buckets merge, the merged bucket keeps the larger of
   * the two: a percentile of two buckets together lies between theirs, so that is an upper bound.
   */
  readonly bucketFields?: readonly string[];
  /** Writes the closing bucket's figure of each `bucketFields` entry (NaN: none) into `out`. */
  sampleBucket?(now: number, out: Float64Array): void;
}

/**
 * Time series in fixed simulated-time buckets with bounded memory: when `maxBuckets` fill up,
 * adjacent buckets merge and the bucket width doubles, so a run of any length keeps at most
 * `maxBuckets` per field. Values are per-bucket increments of cumulative counters (counts and time
 * integrals), so merging is plain addition and no figure is lost, only resolution. A subject's
 * `bucketFields` (percentiles) cannot be added up: they merge by their larger value.
 */
export class SeriesRecorder implements Component {
  readonly id = 'series';
  private kernel!: Kernel;
  private count = 0;
  private lastBoundary = 0;
  /** Bumped whenever buckets merge, so an incremental reader knows to fetch everything again. */
  resolution = 0;
  private readonly previous: Float64Array[];
  private readonly scratch: Float64Array[];
  private readonly bucketScratch: Float64Array[];
  /** data[subject][field] = per-bucket increments, then the subject's bucketFields. */
  readonly data: Float64Array[][];
  private readonly onBoundary = () => this.boundary();

  constructor(
    private readonly subjects: readonly SeriesSubject[],
    public bucketSeconds: number,
    private readonly maxBuckets: number,
  ) {
    // Even, so halving a full set of buckets leaves no odd half-width bucket behind.
    this.maxBuckets = Math.max(2, maxBuckets - (maxBuckets % 2));
    this.previous = subjects.map((s) => new Float64Array(s.seriesFields.length));
    this.scratch = subjects.map((s) => new Float64Array(s.seriesFields.length));
    this.bucketScratch = subjects.map((s) => new Float64Array(s.bucketFields?.length ?? 0));
    this.data = subjects.map((s) =>
      [...s.seriesFields, ...(s.bucketFields ?? [])].map(() => new Float64Array(maxBuckets)),
    );
  }

  get buckets(): number {
    return this.count;
  }

  start(kernel: Kernel): void {
    this.kernel = kernel;
    kernel.scheduleAt(this.bucketSeconds, this.onBoundary, 0, BOUNDARY_PRIORITY);
  }

  /** Closes the current (possibly partial) bucket at `now`; used when the run ends. */
  flush(now: number): void {
    if (now > this.lastBoundary) this.close(now);
  }

  /** Width of bucket i (the last one may be partial). */
  widthOf(i: number, end: number): number {
    return Math.min(this.bucketSeconds, end - i * this.bucketSeconds);
  }

  private boundary(): void {
    const now = this.kernel.now;
    this.close(now);
    this.kernel.scheduleAt(
      this.lastBoundary + this.bucketSeconds,
      this.onBoundary,
      0,
      BOUNDARY_PRIORITY,
    );
  }

  private close(now: number): void {
    const bucket = this.count++;
    this.subjects.forEach((subject, s) => {
      const current = this.scratch[s]!;
      const previous = this.previous[s]!;
      subject.sampleCumulative(now, current);
      const fields = this.data[s]!;
      for (let f = 0; f < current.length; f++) {
        fields[f]![bucket] = current[f]! - previous[f]!;
        previous[f] = current[f]!;
      }
      const figures = this.bucketScratch[s]!;
      if (figures.length === 0) return;
      subject.sampleBucket?.(now, figures);
      for (let f = 0; f < figures.length; f++) fields[current.length + f]![bucket] = figures[f]!;
    });
    this.lastBoundary = now;
    if (this.count === this.maxBuckets) this.halve();
  }

  private halve(): void {
    this.data.forEach((fields, s) => {
      const counters = this.scratch[s]!.length;
      fields.forEach((series, f) => {
        const merge = f < counters ? add : larger;
        for (let i = 0; i < this.count / 2; i++) {
          series[i] = merge(series[2 * i]!, series[2 * i + 1]!);
        }
        series.fill(0, this.count / 2);
      });
    });
    this.count /= 2;
    this.bucketSeconds *= 2;
    this.resolution++;
  }
}

/**
 * After every model event at the same instant (they use priority 0), so a boundary at time t
 * counts every event at t; and before the warm-up mark (31), so a bucket that ends as the warm-up
 * clears the latency histograms still reads them first.
 */
const BOUNDARY_PRIORITY = 30;

const add = (a: number, b: number) => a + b;
/** The larger of two figures, an empty one (NaN) giving way to the other. */
const larger = (a: number, b: number) =>
  Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);

/** A readable default bucket: about 1/200 of the run, rounded to 1, 2 or 5 times a power of 10. */
export function defaultBucketSeconds(duration: number): number {
  const raw = duration / 200;
  const exponent = Math.floor(log10(raw));
  // 10^k is an exact integer for k <= 22, so 1 / 10^k is the double nearest 10^-k (0.001, not
  // 0.0010000000000000002), whichever engine runs this.
  const power = exponent >= 0 ? pow(10, exponent) : 1 / pow(10, -exponent);
  const step = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10;
  return step * power;
}
