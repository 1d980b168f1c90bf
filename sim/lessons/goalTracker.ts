import type { Kernel } from '../kernel/kernel';
import type { LessonSpec } from '../scenarios/schema/lessonSchema';
import type { Simulation } from '../scenarios/simulation';
import { createGoalCheck } from './createGoalCheck';
import type { GoalCheck } from './goalCheck';
import type { GoalState } from './goalState';

/**
 * Checks a lesson's goals as the run goes, every `checkEvery` simulated seconds (t = k *
 * checkEvery), and once more when the run ends.
 *
 * Why not a kernel component with its own events: the report counts the kernel's events, and a
 * preset's report must not change when it gains a lesson. So the tracker slices the simulation's
 * `runUntil` at the check times instead: the kernel runs every event up to a check time, the
 * tracker reads the counters there, and the run goes on. Slicing never changes a run's results
 * (the worker already slices it by wall-clock budget), and the check times do not depend on how
 * the caller slices, so the same scenario and seed give the same verdicts in the CLI and the page.
 * Stepping one event at a time (the page's step button) skips check times; the first check after
 * it is taken when the run next advances, at the time it reached.
 */
export class GoalTracker {
  private readonly checks: GoalCheck[];
  private readonly every: number;
  private index = 1;
  private last = 0;
  private finished = false;

  constructor(
    private readonly sim: Simulation,
    lesson: LessonSpec,
  ) {
    this.checks = lesson.goals.map((goal) => createGoalCheck(goal, sim));
    this.every = lesson.checkEvery;
  }

  /** The goals as they stand, copied (they cross the worker boundary as plain data). */
  states(): GoalState[] {
    return this.checks.map((check) => ({ ...check.state }));
  }

  get done(): boolean {
    return this.finished;
  }

  /** Kernel.runUntil with a stop at each check time; `maxEvents` bounds the whole call. */
  runUntil(kernel: Kernel, until: number, maxEvents: number): void {
    this.catchUp(kernel.now);
    let budget = maxEvents;
    for (;;) {
      const next = this.index * this.every;
      const stop = Math.min(until, next);
      budget -= kernel.runUntil(stop, budget);
      // The budget ran out before the clock reached the stop.
      if (kernel.nextTime() <= stop || kernel.now < stop) break;
      if (stop === next) this.checkAt(next);
      if (stop >= until) break;
    }
    const ended = kernel.now >= this.sim.duration && kernel.nextTime() > this.sim.duration;
    if (ended) this.finish(this.sim.duration);
  }

  /** Check times passed by stepping event by event: one check at the time the run reached. */
  private catchUp(now: number): void {
    if (this.finished || now < this.index * this.every) return;
    this.checkAt(now);
  }

  private checkAt(t: number): void {
    if (t > this.last) for (const check of this.checks) check.check(this.last, t);
    this.last = t;
    this.index = Math.floor(t / this.every + 1e-9) + 1;
  }

  private finish(t: number): void {
    if (this.finished) return;
    this.finished = true;
    if (t > this.last) this.checkAt(t);
    for (const check of this.checks) check.finish(t);
  }
}
