export interface ExecutorConfig {
  readonly threads: number;
  readonly queueCapacity: number;
}

/** A step waiting for a thread: it runs only if the saga still wants that attempt then. */
export interface QueuedStep {
  readonly orderId: number;
  readonly step: number;
  readonly attempt: number;
}

/**
 * The background thread pool async order creation runs the rest of the saga on (the article's
 * "asynchronous processing on a thread pool"): a fixed pool with a bounded FIFO queue, as Java's
 * `new ThreadPoolExecutor(n, n, ..., new ArrayBlockingQueue(q))`. A step's call holds a thread
 * until its reply or its timeout, whichever comes first (a blocking RPC). A task offered while
 * every thread is busy waits in the queue; offered to a full queue it is rejected (the default
 * AbortPolicy's RejectedExecutionException): the saga sees a technical failure of that step.
 *
 * Counts and time integrals of active threads and queued tasks give the report its means.
 */
export class SagaExecutor {
  active = 0;
  rejected = 0;
  maxQueued = 0;
  private readonly queue: QueuedStep[] = [];
  private head = 0;
  private activeArea = 0;
  private queuedArea = 0;
  private lastChange = 0;

  constructor(readonly config: ExecutorConfig) {}

  get queued(): number {
    return this.queue.length - this.head;
  }

  /** 'run': a thread was taken; 'queued': it waits; 'rejected': the queue is full. */
  offer(task: QueuedStep, now: number): 'run' | 'queued' | 'rejected' {
    this.accrue(now);
    if (this.active < this.config.threads) {
      this.active++;
      return 'run';
    }
    if (this.queued < this.config.queueCapacity) {
      this.queue.push(task);
      this.maxQueued = Math.max(this.maxQueued, this.queued);
      return 'queued';
    }
    this.rejected++;
    return 'rejected';
  }

  /**
   * A thread is free: the next queued task that `stillWanted` takes it (returned; the thread
   * stays busy), or the thread goes idle (null). Stale tasks (their saga moved on) are dropped.
   */
  release(now: number, stillWanted: (task: QueuedStep) => boolean): QueuedStep | null {
    this.accrue(now);
    while (this.head < this.queue.length) {
      const task = this.queue[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      if (stillWanted(task)) return task;
    }
    this.active--;
    return null;
  }

  /** Mean busy threads and mean queued tasks from 0 to `now`. */
  means(now: number): { active: number; queued: number } {
    this.accrue(now);
    return now > 0
      ? { active: this.activeArea / now, queued: this.queuedArea / now }
      : { active: 0, queued: 0 };
  }

  private accrue(now: number): void {
    const dt = now - this.lastChange;
    if (dt <= 0) return;
    this.activeArea += this.active * dt;
    this.queuedArea += this.queued * dt;
    this.lastChange = now;
  }
}
