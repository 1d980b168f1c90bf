import { LATENCY_BUCKETS, LatencyHistogram } from '../metrics/latencyHistogram';

/**
 * The latencies a cumulative histogram recorded since the last reading, bucketed as the report's.
 * `total` counts every recording and is never reset, so a reading can tell that the warm-up
 * cleared the histogram meanwhile: the interval then holds only what came after (the same rule
 * as the series' bucket percentiles, sim/metrics/seriesSubjects.ts).
 */
export class IntervalLatency {
  private readonly previous = new Float64Array(LATENCY_BUCKETS);
  readonly interval = new LatencyHistogram();
  private clearedAt: number;

  constructor(
    private readonly histogram: LatencyHistogram,
    private readonly total: () => number,
  ) {
    this.clearedAt = total() - histogram.count;
  }

  /** Loads the interval since the last call; returns how many latencies it holds. */
  read(): number {
    const clearedAt = this.total() - this.histogram.count;
    if (clearedAt !== this.clearedAt) {
      this.previous.fill(0);
      this.clearedAt = clearedAt;
    }
    return this.interval.loadIncrement(this.histogram, this.previous);
  }
}
