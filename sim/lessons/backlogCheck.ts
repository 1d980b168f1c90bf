import type { GoalSpec } from '../scenarios/schema/lessonSchema';
import { pendingState, type GoalCheck } from './goalCheck';
import { secondsText, type GoalState } from './goalState';

type BacklogGoal = Extract<GoalSpec, { kind: 'backlogDrained' }>;

/**
 * The topic's lag (published, not yet consumed) must fall to `atMost` within `within` seconds
 * after `after`: met at the first check that sees it there, broken at the first check past the
 * deadline that does not.
 */
export class BacklogCheck implements GoalCheck {
  readonly state: GoalState;
  private largest = 0;

  constructor(
    private readonly spec: BacklogGoal,
    private readonly lag: () => number,
  ) {
    this.state = pendingState(
      spec,
      `waiting for t = ${secondsText(spec.after)}, then ${secondsText(spec.within)} to drain`,
    );
  }

  check(_t0: number, t: number): void {
    if (this.state.status !== 'pending' || t < this.spec.after) return;
    const lag = this.lag();
    this.largest = Math.max(this.largest, lag);
    const since = t - this.spec.after;
    if (lag <= this.spec.atMost) {
      this.state.status = 'met';
      this.state.at = t;
      this.state.reason = `lag ${lag} <= ${this.spec.atMost} at t = ${secondsText(t)}, ${secondsText(since)} after t = ${secondsText(this.spec.after)} (largest seen ${this.largest})`;
    } else if (t >= this.spec.after + this.spec.within) {
      this.state.status = 'broken';
      this.state.at = t;
      this.state.reason = `lag ${lag} > ${this.spec.atMost} at t = ${secondsText(t)}: not drained within ${secondsText(this.spec.within)} after t = ${secondsText(this.spec.after)}`;
    } else {
      this.state.reason = `lag ${lag} at t = ${secondsText(t)}, ${secondsText(this.spec.after + this.spec.within - t)} left to drain`;
    }
  }

  /** A run that ends before the deadline (a shorter --until) leaves the verdict open. */
  finish(t: number): void {
    if (this.state.status !== 'pending') return;
    this.state.reason =
      t < this.spec.after
        ? `the run ended at t = ${secondsText(t)}, before t = ${secondsText(this.spec.after)}`
        : `lag ${this.lag()} when the run ended at t = ${secondsText(t)}, before the deadline`;
  }
}
