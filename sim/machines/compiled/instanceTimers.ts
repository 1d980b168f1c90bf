import type { Kernel } from '../../kernel/kernel';
import type { EventHandle } from '../../kernel/units';
import { MS_PER_SECOND } from '../kernelClock';

const NONE = -1;
const SET = 0;
const CANCEL = 1;

/**
 * The `after` timers of many instances: a kernel event handle per (instance, timer slot) in one
 * Float64Array, and one bound handler for all of them (the kernel's numeric argument says which
 * instance and slot), so setting a timer allocates nothing.
 *
 * Sets and cancellations wait for the end of their macrostep: XState resolves a timer's delay
 * when its state is entered but touches the clock only after every action of the macrostep has
 * run (it defers them), so an intent's kernel event scheduled later in the same macrostep still
 * comes first at an equal time. The waiting operations form a stack of segments: a macrostep
 * nested in another's action (a send to another instance) flushes its own part.
 */
export class InstanceTimers {
  private handles: Float64Array;
  private kind = new Int32Array(64);
  private key = new Float64Array(64);
  private ms = new Float64Array(64);
  /** Operations waiting; a macrostep notes `count` when it starts and flushes from there. */
  count = 0;
  private readonly fire = (key: number): void => {
    this.handles[key] = NONE;
    const instance = Math.floor(key / this.slots);
    this.onFire(instance, key - instance * this.slots);
  };

  constructor(
    private readonly kernel: Kernel,
    /** Timer slots per instance (at least 1). */
    private readonly slots: number,
    private readonly priority: number,
    capacity: number,
    private readonly onFire: (instance: number, slot: number) => void,
  ) {
    this.handles = new Float64Array(capacity * slots).fill(NONE);
  }

  /** Sets the timer of (instance, slot) to `ms` milliseconds, once the macrostep is over. */
  set(instance: number, slot: number, ms: number): void {
    this.push(SET, instance * this.slots + slot, ms);
  }

  /** Cancels it, once the macrostep is over (nothing happens if it has fired). */
  cancel(instance: number, slot: number): void {
    this.push(CANCEL, instance * this.slots + slot, 0);
  }

  /** Carries out the operations from `mark` on, in order, and drops them. */
  flush(mark: number): void {
    for (let d = mark; d < this.count; d++) {
      const key = this.key[d]!;
      if (this.kind[d] === SET) {
        const ms = this.ms[d]!;
        if (!Number.isFinite(ms) || ms < 0) {
          // KernelClock's check, so both engines refuse the same delays.
          throw new RangeError(`XState delay must be a finite number of ms >= 0, got ${ms}`);
        }
        this.handles[key] = this.kernel.schedule(ms / MS_PER_SECOND, this.fire, key, this.priority);
      } else {
        this.clear(key);
      }
    }
    this.count = mark;
  }

  /** Cancels every timer of the instance now (it is done, or freed). */
  cancelAll(instance: number): void {
    const base = instance * this.slots;
    for (let s = 0; s < this.slots; s++) this.clear(base + s);
  }

  grow(capacity: number): void {
    const handles = new Float64Array(capacity * this.slots).fill(NONE);
    handles.set(this.handles);
    this.handles = handles;
  }

  private clear(key: number): void {
    const handle = this.handles[key]!;
    if (handle !== NONE) {
      this.kernel.cancel(handle as EventHandle);
      this.handles[key] = NONE;
    }
  }

  private push(kind: number, key: number, ms: number): void {
    if (this.count === this.kind.length) {
      const n = this.count * 2;
      const grownKind = new Int32Array(n);
      grownKind.set(this.kind);
      const grownKey = new Float64Array(n);
      grownKey.set(this.key);
      const grownMs = new Float64Array(n);
      grownMs.set(this.ms);
      [this.kind, this.key, this.ms] = [grownKind, grownKey, grownMs];
    }
    this.kind[this.count] = kind;
    this.key[this.count] = key;
    this.ms[this.count] = ms;
    this.count++;
  }
}
