/**
 * Resilience4j's SemaphoreBulkhead (SEMANTICS.md section 1: maxConcurrentCalls 25, maxWaitDuration 0
 * = reject at once with BulkheadFullException). Its semaphore is fair (fairCallHandlingEnabled is
 * true by default), so waiters are served first come, first served and a newcomer never jumps
 * a waiter. The bulkhead only counts; the caller keeps the FIFO of waiting requests and the
 * maxWaitDuration timer, and hands a freed permit to its oldest waiter when `exit` says so.
 */

export interface BulkheadConfig {
  maxConcurrentCalls: number;
  /** Seconds a call may wait for a permit; 0 = reject at once. */
  maxWaitDuration: number;
}

export const RESILIENCE4J_BULKHEAD_DEFAULTS: Readonly<BulkheadConfig> = {
  maxConcurrentCalls: 25,
  maxWaitDuration: 0,
};

/** 'entered' = run now; 'wait' = queue it for up to maxWaitDuration; 'full' = BulkheadFullException. */
export type BulkheadDecision = 'entered' | 'wait' | 'full';

export class SemaphoreBulkhead {
  readonly config: Readonly<BulkheadConfig>;
  /** Calls holding a permit now. */
  active = 0;
  /** Calls waiting for a permit now. */
  waiting = 0;
  /** Cumulative from t = 0. */
  entered = 0;
  rejected = 0;
  maxActiveSeen = 0;

  constructor(config: Partial<BulkheadConfig> = {}) {
    const c = { ...RESILIENCE4J_BULKHEAD_DEFAULTS, ...config };
    if (!Number.isInteger(c.maxConcurrentCalls) || c.maxConcurrentCalls < 0) {
      throw new RangeError('SemaphoreBulkhead: maxConcurrentCalls must be an integer >= 0');
    }
    if (!(c.maxWaitDuration >= 0)) {
      throw new RangeError('SemaphoreBulkhead: maxWaitDuration must be >= 0');
    }
    this.config = c;
  }

  /** Permits free now (Bulkhead.Metrics.getAvailableConcurrentCalls). */
  get available(): number {
    return this.config.maxConcurrentCalls - this.active;
  }

  tryEnter(): BulkheadDecision {
    // Fair semaphore: with anyone already waiting, a free permit is theirs, not the newcomer's.
    if (this.active < this.config.maxConcurrentCalls && this.waiting === 0) {
      this.admit();
      return 'entered';
    }
    if (this.config.maxWaitDuration > 0) {
      this.waiting++;
      return 'wait';
    }
    this.rejected++;
    return 'full';
  }

  /**
   * A call holding a permit finished. Returns true when the permit passes straight to the oldest
   * waiter, which the caller must now start.
   */
  exit(): boolean {
    if (this.active === 0) throw new Error('SemaphoreBulkhead: exit without a permit');
    this.active--;
    if (this.waiting > 0) {
      this.waiting--;
      this.admit();
      return true;
    }
    return false;
  }

  /** A waiter reached maxWaitDuration without a permit: BulkheadFullException. */
  waitTimedOut(): void {
    this.leaveQueue();
    this.rejected++;
  }

  /** A waiter gave up for another reason (its client timed out); not counted as a rejection. */
  waitAbandoned(): void {
    this.leaveQueue();
  }

  private admit(): void {
    this.active++;
    this.entered++;
    if (this.active > this.maxActiveSeen) this.maxActiveSeen = this.active;
  }

  private leaveQueue(): void {
    if (this.waiting === 0) throw new Error('SemaphoreBulkhead: no call is waiting');
    this.waiting--;
  }
}
