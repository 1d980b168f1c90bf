import type { LatencyHistogram } from '../metrics/latencyHistogram';
import type { GoalSpec } from '../scenarios/schema/lessonSchema';
import { IntervalCheck, intervalText, type IntervalVerdict } from './goalCheck';
import { latencyText, percentText } from './goalState';
import { IntervalLatency } from './intervalLatency';

type LatencyGoal = Extract<GoalSpec, { kind: 'latency' }>;

/** A source's or station's latencies and how many requests failed, as cumulative counters. */
export interface LatencySubject {
  latency: LatencyHistogram;
  /** Latencies ever recorded (successes), never reset. */
  recorded(): number;
  /** Requests that failed, cumulative. */
  failed(): number;
}

/**
 * The goal's percentile over every request of the interval, failed ones included: a failure is
 * never fast enough, so it counts as slower than the bound. Otherwise a dependency that fails
 * every request would show a perfect p99 of the few that got through.
 */
export class LatencyCheck extends IntervalCheck {
  private readonly latencies: IntervalLatency;
  private failedBefore = 0;
  private readonly q: number;

  constructor(
    private readonly spec: LatencyGoal,
    private readonly subject: LatencySubject,
  ) {
    super(spec, spec);
    this.latencies = new IntervalLatency(subject.latency, () => subject.recorded());
    this.q = spec.percentile / 100;
  }

  protected measure(t0: number, t: number): IntervalVerdict | undefined {
    const succeeded = this.latencies.read();
    const failedNow = this.subject.failed();
    const failed = failedNow - this.failedBefore;
    this.failedBefore = failedNow;
    const n = succeeded + failed;
    if (n === 0) return undefined;
    const name = `p${this.spec.percentile}`;
    const bound = latencyText(this.spec.below);
    const rank = Math.max(1, Math.ceil(this.q * n));
    if (rank > succeeded) {
      return {
        breaks: true,
        severity: Infinity,
        text: `${name} over ${bound}: ${failed} of ${n} requests failed (${percentText(failed / n)}) ${intervalText(t0, t)}`,
      };
    }
    // The rank-th fastest of all requests is the rank-th of the successes.
    const value = this.latencies.interval.quantile((rank - 0.5) / succeeded);
    const breaks = value > this.spec.below;
    return {
      breaks,
      severity: value,
      text: `${name} ${latencyText(value)} ${breaks ? '>' : '<='} ${bound} ${intervalText(t0, t)}`,
    };
  }
}
