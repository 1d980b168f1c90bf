import type { EventHandler } from './eventQueue';
import type { Kernel } from './kernel';

/** Handle of a started timeout; pass it to `TimeoutList.cancel`. */
export type TimeoutHandle = number;

const INITIAL_CAPACITY = 1024;

/**
 * Timeouts that all run for the same delay expire in the order they were started, so they need
 * no heap: a FIFO ring of (deadline, arg) and one kernel event for the oldest live entry.
 *
 * Why it exists: at the article's scale every request and every dependency call arms a timeout
 * (hundreds of thousands pending at once) and almost all are cancelled a few milliseconds later.
 * As kernel events each costs a sift into and out of a heap that the timeouts themselves make
 * deep and cache-unfriendly; here starting is an append and cancelling is one store. The kernel's
 * heap keeps only the events that do something, so it stays small and fast.
 *
 * Semantics equal those of one kernel event per timeout except for ties: an expiry is dispatched
 * by the list's own event, scheduled when its entry becomes the oldest, so among events at exactly
 * the same time and priority it runs in that order rather than in the order the timeouts started.
 * Deterministic either way (same scenario, same seed, same run).
 *
 * Handles are sequence numbers (never reused), so cancelling one that already fired is harmless.
 */
export class TimeoutList {
  private deadlines = new Float64Array(INITIAL_CAPACITY);
  private args = new Float64Array(INITIAL_CAPACITY);
  private live = new Uint8Array(INITIAL_CAPACITY);
  private mask = INITIAL_CAPACITY - 1;
  /** Sequence number of the oldest entry kept, and of the next one to start. */
  private head = 0;
  private tail = 0;
  /** Whether the list's kernel event is pending, and for when. */
  private armed = false;
  private armedAt = 0;
  /** True while an expiry's handler runs: `fire` arms the list afterwards, for the oldest entry. */
  private firing = false;
  /** Timeouts that expired (fired their handler). */
  expired = 0;
  private readonly onFire = () => this.fire();

  constructor(
    private readonly kernel: Kernel,
    readonly delay: number,
    private readonly handler: EventHandler,
    private readonly priority = 0,
  ) {
    if (!(delay >= 0) || !Number.isFinite(delay)) {
      throw new RangeError(`timeout delay must be a finite number >= 0, got ${delay}`);
    }
  }

  /** Entries in the ring: every live timeout, plus cancelled ones behind the oldest live one. */
  get pending(): number {
    return this.tail - this.head;
  }

  /** Starts a timeout: `handler(arg)` runs `delay` simulated seconds from now unless cancelled. */
  start(arg: number): TimeoutHandle {
    if (this.tail - this.head > this.mask) this.grow();
    const seq = this.tail++;
    const slot = seq & this.mask;
    const deadline = this.kernel.now + this.delay;
    this.deadlines[slot] = deadline;
    this.args[slot] = arg;
    this.live[slot] = 1;
    if (!this.armed && !this.firing) this.arm(deadline);
    return seq;
  }

  /** Cancels a timeout; a handle that already fired or was cancelled is ignored. */
  cancel(handle: TimeoutHandle): void {
    if (handle < this.head || handle >= this.tail) return;
    this.live[handle & this.mask] = 0;
    // Drop dead entries at the front at once, so the ring spans only the live window.
    if (handle === this.head) this.dropDeadHead();
  }

  private fire(): void {
    this.armed = false;
    this.dropDeadHead();
    if (this.head === this.tail) return;
    const slot = this.head & this.mask;
    const deadline = this.deadlines[slot]!;
    if (deadline <= this.kernel.now) {
      // Due: expire this one entry, exactly as its own kernel event would have.
      const arg = this.args[slot]!;
      this.live[slot] = 0;
      this.head++;
      this.expired++;
      this.firing = true;
      try {
        this.handler(arg);
      } finally {
        this.firing = false;
      }
      this.dropDeadHead();
      if (this.head === this.tail) return;
    }
    this.arm(this.deadlines[this.head & this.mask]!);
  }

  private arm(deadline: number): void {
    this.armed = true;
    this.armedAt = deadline;
    this.kernel.scheduleAt(deadline, this.onFire, 0, this.priority);
  }

  private dropDeadHead(): void {
    const live = this.live;
    const mask = this.mask;
    while (this.head < this.tail && live[this.head & mask] === 0) this.head++;
  }

  /** Doubles the ring, keeping each entry at `seq & mask` for the new mask. */
  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    const mask = capacity - 1;
    const deadlines = new Float64Array(capacity);
    const args = new Float64Array(capacity);
    const live = new Uint8Array(capacity);
    for (let seq = this.head; seq < this.tail; seq++) {
      const from = seq & this.mask;
      const to = seq & mask;
      deadlines[to] = this.deadlines[from]!;
      args[to] = this.args[from]!;
      live[to] = this.live[from]!;
    }
    this.deadlines = deadlines;
    this.args = args;
    this.live = live;
    this.mask = mask;
  }

  /** For tests: when the list's kernel event is due, or Infinity when none is pending. */
  get nextFireAt(): number {
    return this.armed ? this.armedAt : Infinity;
  }
}
