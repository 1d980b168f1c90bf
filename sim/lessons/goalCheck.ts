import type { GoalSpec } from '../scenarios/schema/lessonSchema';
import { secondsText, type GoalState } from './goalState';

/**
 * One goal being checked. The tracker calls `check` at every check time `t` with the previous
 * one `t0` (every interval, in order, whether or not it lies in the goal's window, so counters
 * read as increments stay in step), and `finish` once when the run ends.
 */
export interface GoalCheck {
  readonly state: GoalState;
  check(t0: number, t: number): void;
  finish(t: number): void;
}

export function pendingState(spec: GoalSpec, reason: string): GoalState {
  return { id: spec.id, title: spec.title, kind: spec.kind, status: 'pending', at: null, reason };
}

/** What one interval shows: whether it breaks the goal, how bad it is, and in words. */
export interface IntervalVerdict {
  breaks: boolean;
  /** Larger is worse: the worst interval is quoted when the goal is met. */
  severity: number;
  text: string;
}

/**
 * A goal judged interval by interval over a window [from, to): broken by the first interval that
 * breaks it, met when the window closes (or the run ends) without one.
 */
export abstract class IntervalCheck implements GoalCheck {
  readonly state: GoalState;
  private worst: IntervalVerdict | undefined;

  constructor(
    private readonly window: { from: number; to?: number | undefined },
    spec: GoalSpec,
  ) {
    this.state = pendingState(spec, `checked from t = ${secondsText(window.from)}`);
  }

  /** Reads the interval (t0, t]; undefined when it has nothing to judge (no requests). */
  protected abstract measure(t0: number, t: number): IntervalVerdict | undefined;

  check(t0: number, t: number): void {
    const verdict = this.measure(t0, t);
    if (this.state.status !== 'pending') return;
    const to = this.window.to ?? Infinity;
    if (t > this.window.from && t0 < to && verdict !== undefined) {
      if (verdict.breaks) {
        this.decide('broken', t, verdict.text);
        return;
      }
      if (this.worst === undefined || verdict.severity > this.worst.severity) this.worst = verdict;
      this.state.reason = `so far the worst: ${this.worst.text}`;
    }
    if (t >= to) this.finish(t);
  }

  finish(t: number): void {
    if (this.state.status !== 'pending') return;
    if (this.worst === undefined) {
      this.state.reason = 'nothing to judge: no interval of the window had any traffic';
      return;
    }
    const end = Math.min(t, this.window.to ?? Infinity);
    this.decide(
      'met',
      end,
      `held from t = ${secondsText(this.window.from)} to ${secondsText(end)}; the worst: ${this.worst.text}`,
    );
  }

  private decide(status: 'met' | 'broken', at: number, reason: string): void {
    this.state.status = status;
    this.state.at = at;
    this.state.reason = reason;
  }
}

/** "in t = 30.0-31.0 s" */
export const intervalText = (t0: number, t: number): string =>
  `in t = ${secondsText(t0).slice(0, -2)}-${secondsText(t)}`;
