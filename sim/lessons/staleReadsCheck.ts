import type { GoalSpec } from '../scenarios/schema/lessonSchema';
import { pendingState, type GoalCheck } from './goalCheck';
import { secondsText, type GoalState } from './goalState';

type StaleReadsGoal = Extract<GoalSpec, { kind: 'staleReads' }>;

/**
 * Stale reads served in the window, counted interval by interval (an interval (t0, t] counts
 * when it overlaps [from, to)). Broken as soon as the count passes `atMost`, met when the window
 * closes (or the run ends) without that.
 */
export class StaleReadsCheck implements GoalCheck {
  readonly state: GoalState;
  private before = 0;
  private counted = 0;
  private readonly what: string;

  constructor(
    private readonly spec: StaleReadsGoal,
    private readonly staleReads: () => number,
  ) {
    this.what = spec.cache !== undefined ? `cache "${spec.cache}"` : `database "${spec.db ?? ''}"`;
    this.state = pendingState(spec, `0 stale reads from ${this.what} so far`);
  }

  check(t0: number, t: number): void {
    const now = this.staleReads();
    const added = now - this.before;
    this.before = now;
    if (this.state.status !== 'pending') return;
    const to = this.spec.to ?? Infinity;
    if (t > this.spec.from && t0 < to) this.counted += added;
    if (this.counted > this.spec.atMost) {
      this.state.status = 'broken';
      this.state.at = t;
      this.state.reason = `${this.counted} stale reads from ${this.what} by t = ${secondsText(t)}, more than the ${this.spec.atMost} allowed`;
      return;
    }
    this.state.reason = `${this.counted} stale reads from ${this.what} so far (${this.spec.atMost} allowed)`;
    if (t >= to) this.finish(t);
  }

  finish(t: number): void {
    if (this.state.status !== 'pending') return;
    const end = Math.min(t, this.spec.to ?? Infinity);
    this.state.status = 'met';
    this.state.at = end;
    this.state.reason = `${this.counted} stale reads from ${this.what} from t = ${secondsText(this.spec.from)} to ${secondsText(end)} (${this.spec.atMost} allowed)`;
  }
}
