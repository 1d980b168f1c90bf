import { EventQueue, MAX_PRIORITY, type EventHandler } from './eventQueue';
import { simTime, type EventHandle, type SimTime } from './units';

/** A plug-in: it schedules its first events when the kernel starts. */
export interface Component {
  readonly id: string;
  start(kernel: Kernel): void;
}

/**
 * The kernel is a clock plus a future-event list, and nothing else (SimPy's Environment is the
 * model: `now` plus a heap). Stepping is separate from pacing: tests and the CLI call `step` and
 * `runUntil`; the browser worker paces those calls against wall time.
 */
export class Kernel {
  private readonly queue: EventQueue;
  private current = 0;
  private processed = 0;
  private readonly components: Component[] = [];
  private started = false;

  constructor(initialCapacity = 1024) {
    this.queue = new EventQueue(initialCapacity);
  }

  /** Simulated seconds since the start of the run. */
  get now(): SimTime {
    return simTime(this.current);
  }

  /** Events executed so far. */
  get events(): number {
    return this.processed;
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next event, or Infinity. */
  nextTime(): number {
    return this.queue.peekTime();
  }

  add<C extends Component>(component: C): C {
    if (this.started) throw new Error(`component ${component.id} added after the run started`);
    this.components.push(component);
    return component;
  }

  /** Runs each component's start step once, in the order they were added. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const component of this.components) component.start(this);
  }

  /**
   * Schedules `handler(arg)` after `delay` simulated seconds. Equal-time events run by priority
   * (0 first, up to 31) and then in the order they were scheduled.
   */
  schedule(delay: number, handler: EventHandler, arg = 0, priority = 0): EventHandle {
    if (!(delay >= 0)) throw new RangeError(`delay must be >= 0, got ${delay}`);
    checkPriority(priority);
    return this.queue.push(this.current + delay, priority, handler, arg);
  }

  scheduleAt(time: number, handler: EventHandler, arg = 0, priority = 0): EventHandle {
    if (!(time >= this.current)) {
      throw new RangeError(`cannot schedule in the past: ${time} < now ${this.current}`);
    }
    checkPriority(priority);
    return this.queue.push(time, priority, handler, arg);
  }

  cancel(handle: EventHandle): boolean {
    return this.queue.cancel(handle);
  }

  /** Executes the next event. Returns false when none is pending. */
  step(): boolean {
    if (!this.started) this.start();
    const queue = this.queue;
    if (!queue.pop()) return false;
    this.current = queue.poppedTime;
    this.processed++;
    queue.poppedHandler(queue.poppedArg);
    return true;
  }

  /**
   * Executes every event with time <= `until`, then sets the clock to `until` (so time-averaged
   * metrics close their last interval there). `maxEvents` bounds one call, for paced callers.
   * Returns the number of events executed.
   */
  runUntil(until: number, maxEvents = Infinity): number {
    if (!this.started) this.start();
    const queue = this.queue;
    let executed = 0;
    while (executed < maxEvents && queue.size > 0 && queue.peekTime() <= until) {
      queue.pop();
      this.current = queue.poppedTime;
      this.processed++;
      executed++;
      queue.poppedHandler(queue.poppedArg);
    }
    // Every event up to `until` has run (even if the budget ran out on the last of them).
    if (queue.peekTime() > until && until > this.current && Number.isFinite(until)) {
      this.current = until;
    }
    return executed;
  }
}

/**
 * A priority outside the integers 0..MAX_PRIORITY would break the queue's exact tie-breaking
 * (priority and sequence share one float64), so both schedule paths refuse it.
 */
function checkPriority(priority: number): void {
  if (!(priority >= 0 && priority <= MAX_PRIORITY && Number.isInteger(priority))) {
    throw new RangeError(`priority must be an integer 0..${MAX_PRIORITY}, got ${priority}`);
  }
}
