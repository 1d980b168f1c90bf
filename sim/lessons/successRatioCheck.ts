import type { GoalSpec } from '../scenarios/schema/lessonSchema';
import { IntervalCheck, intervalText, type IntervalVerdict } from './goalCheck';
import { percentText } from './goalState';

type SuccessRatioGoal = Extract<GoalSpec, { kind: 'successRatio' }>;

/** Cumulative successes and failures of a source's clients. */
export interface OutcomeCounters {
  successes(): number;
  failures(): number;
}

/** The share of requests answered with success, per interval (requests that ended in it). */
export class SuccessRatioCheck extends IntervalCheck {
  private successesBefore = 0;
  private failuresBefore = 0;

  constructor(
    private readonly spec: SuccessRatioGoal,
    private readonly counters: OutcomeCounters,
  ) {
    super(spec, spec);
  }

  protected measure(t0: number, t: number): IntervalVerdict | undefined {
    const successes = this.counters.successes();
    const failures = this.counters.failures();
    const ok = successes - this.successesBefore;
    const failed = failures - this.failuresBefore;
    this.successesBefore = successes;
    this.failuresBefore = failures;
    const n = ok + failed;
    if (n === 0) return undefined;
    const ratio = ok / n;
    const breaks = ratio < this.spec.atLeast;
    return {
      breaks,
      severity: 1 - ratio,
      text: `${percentText(ratio)} of ${n} requests succeeded ${breaks ? '<' : '>='} ${percentText(this.spec.atLeast)} ${intervalText(t0, t)}`,
    };
  }
}
