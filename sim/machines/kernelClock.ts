import type { ActorOptions, AnyActorLogic } from 'xstate';
import type { Kernel } from '../kernel/kernel';
import type { EventHandle } from '../kernel/units';

/** XState's `Clock` interface (`setTimeout`/`clearTimeout`); xstate does not export the name. */
export type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/**
 * XState delays are milliseconds (`after: { 1500: ... }` is 1.5 s, and so is a named delay that
 * returns 1500); the kernel counts simulated seconds. This is the one place that converts.
 */
export const MS_PER_SECOND = 1000;

/**
 * An XState `Clock` whose timers are kernel events, so every `after` transition and delayed
 * `raise`/`sendTo` of an actor created with `createActor(machine, { clock })` runs on simulated
 * time, in the kernel's order: by time, then `priority`, then the order the timers were set.
 * (xstate's `SimulatedClock` is a test helper: it re-sorts every pending timer on each advance
 * and has no tie-break for equal deadlines.)
 *
 * A timer fires at `kernel.now + ms / 1000` computed in float64, i.e. exactly the time a kernel
 * event scheduled with that delay in seconds gets. Give delays in whole milliseconds (or values
 * whose division by 1000 is what you mean) rather than `seconds * 1000`, which need not divide back
 * to the same float.
 *
 * Allocation: XState hands over one closure per timer (it needs it anyway); the kernel takes it
 * as the event handler as it is (the kernel's numeric argument is ignored) and the handle is the
 * kernel's numeric `EventHandle`. Nothing else is allocated per timer.
 *
 * Cancellation: XState calls `clearTimeout` when a state with an `after` is left before the
 * delay, and for every pending timer when the actor stops; the kernel removes the event at once.
 * Cancelling a handle that has already fired or been cancelled does nothing (the kernel checks
 * the handle's generation).
 */
export class KernelClock implements Clock {
  constructor(
    private readonly kernel: Kernel,
    /** Kernel priority of the timer events (0 runs first among events at the same time). */
    private readonly priority = 0,
  ) {}

  setTimeout(fn: () => void, ms: number): EventHandle {
    if (!Number.isFinite(ms) || ms < 0) {
      // A browser would clamp; in a simulation this is a bad delay function, so say so.
      throw new RangeError(`XState delay must be a finite number of ms >= 0, got ${ms}`);
    }
    return this.kernel.schedule(ms / MS_PER_SECOND, fn, 0, this.priority);
  }

  clearTimeout(handle: EventHandle): void {
    this.kernel.cancel(handle);
  }
}
