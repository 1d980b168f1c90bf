import type { Kernel } from '../../kernel/kernel';
import type { EventHandle } from '../../kernel/units';
import type { SemaphoreBulkhead } from '../resilience/bulkhead';
import type { Resilience4jRateLimiter } from '../resilience/rateLimiter';
import type { RequestTable } from '../requests/requestTable';

/** Why a call was refused before it was sent. */
export type RefusalReason = 'rateLimited' | 'bulkheadFull';

/** The program whose call step asks for admission: told when to send the call, or that it may not. */
export interface AdmissionHost {
  readonly table: RequestTable;
  /** The call may be sent now (holding a bulkhead permit when there is a bulkhead). */
  admitted(request: number): void;
  /** RequestNotPermitted or BulkheadFullException, after `waited` seconds on the thread. */
  refused(request: number, reason: RefusalReason, waited: number): void;
}

/** Where a request stands with this admission (kept in the request table's `phase`). */
const NONE = 0;
const LIMITER_WAIT = 1;
const BULKHEAD_WAIT = 2;
const HOLDS_PERMIT = 3;

/**
 * Resilience4j's RateLimiter and semaphore Bulkhead in front of one call step, decorated in the
 * order Resilience4j documents (Retry(CircuitBreaker(RateLimiter(TimeLimiter(Bulkhead(call)))))):
 * the breaker has already let the call through when it gets here. SEMANTICS.md section 1.
 *
 * - RateLimiter, blocking `acquirePermission`: the thread waits for its reserved permit (which may
 *   be cycles ahead); a caller who cannot have one within timeoutDuration waits that whole
 *   duration and then gets RequestNotPermitted (AtomicRateLimiter.waitForPermissionIfNecessary).
 * - Bulkhead: a fair semaphore of maxConcurrentCalls; the call holds its permit until it ends
 *   (answer, failure, timeout, or the caller giving up); with maxWaitDuration > 0 a caller waits
 *   for a permit first come, first served, and gets BulkheadFullException when the wait runs out.
 *
 * Both waits hold the caller's thread and are kernel events kept in the request's `completion`,
 * so a caller that gives up (its station's timeout) cancels them like any work in progress. The
 * call's own timeout starts when it is sent, after the waits.
 */
export class CallAdmission {
  private host: AdmissionHost | null = null;
  /** Waiters for a bulkhead permit, oldest first; an entry counts only while its ticket matches. */
  private queue: number[] = [];
  private queueTickets: number[] = [];
  private queueHead = 0;
  private readonly tickets = new Map<number, number>();
  private nextTicket = 1;
  private readonly onLimiterWaited = (request: number) => {
    this.host!.table.completion[request] = -1;
    this.host!.table.phase[request] = NONE;
    this.enterBulkhead(request);
  };
  private readonly onLimiterRefused = (request: number) => {
    const host = this.host!;
    host.table.completion[request] = -1;
    host.table.phase[request] = NONE;
    host.refused(request, 'rateLimited', this.limiter!.timeoutDuration);
  };
  private readonly onBulkheadWaitOver = (request: number) => {
    const host = this.host!;
    host.table.completion[request] = -1;
    host.table.phase[request] = NONE;
    this.tickets.delete(request);
    this.forgetQueueIfNobodyWaits();
    this.bulkhead!.waitTimedOut();
    host.refused(request, 'bulkheadFull', this.bulkhead!.config.maxWaitDuration);
  };

  constructor(
    /** "<station>.<endpoint>[<step>]", as breakers are named. */
    readonly name: string,
    private readonly kernel: Kernel,
    readonly limiter: Resilience4jRateLimiter | undefined,
    readonly bulkhead: SemaphoreBulkhead | undefined,
  ) {}

  /** The call step of `request` wants to send its call at `now`. */
  begin(request: number, now: number, host: AdmissionHost): void {
    this.host = host;
    const limiter = this.limiter;
    if (limiter !== undefined) {
      const wait = limiter.acquire(now);
      if (wait < 0) {
        if (limiter.timeoutDuration === 0) {
          host.refused(request, 'rateLimited', 0);
          return;
        }
        this.hold(request, LIMITER_WAIT, limiter.timeoutDuration, this.onLimiterRefused);
        return;
      }
      if (wait > 0) {
        this.hold(request, LIMITER_WAIT, wait, this.onLimiterWaited);
        return;
      }
    }
    this.enterBulkhead(request);
  }

  /** The call of `request` ended (answered, failed or timed out): its permit goes back. */
  callEnded(request: number): void {
    const table = this.host!.table;
    if (table.phase[request] !== HOLDS_PERMIT) return;
    table.phase[request] = NONE;
    if (this.bulkhead!.exit()) this.grantOldestWaiter();
  }

  /** The caller gave up on `request` (its station cancelled it) wherever it stood here. */
  abandon(request: number): void {
    const host = this.host;
    if (host === null) return;
    const phase = host.table.phase[request];
    if (phase === BULKHEAD_WAIT) {
      host.table.phase[request] = NONE;
      this.tickets.delete(request);
      this.forgetQueueIfNobodyWaits();
      this.bulkhead!.waitAbandoned();
    } else if (phase === HOLDS_PERMIT) {
      this.callEnded(request);
    } else {
      // A rate-limiter wait: its timer is the request's `completion`, which the caller cancels;
      // the reserved permit stays spent, as in Resilience4j.
      host.table.phase[request] = NONE;
    }
  }

  private enterBulkhead(request: number): void {
    const host = this.host!;
    const bulkhead = this.bulkhead;
    if (bulkhead === undefined) {
      host.admitted(request);
      return;
    }
    const decision = bulkhead.tryEnter();
    if (decision === 'entered') {
      host.table.phase[request] = HOLDS_PERMIT;
      host.admitted(request);
    } else if (decision === 'wait') {
      const ticket = this.nextTicket++;
      this.tickets.set(request, ticket);
      this.queue.push(request);
      this.queueTickets.push(ticket);
      this.hold(request, BULKHEAD_WAIT, bulkhead.config.maxWaitDuration, this.onBulkheadWaitOver);
    } else {
      host.refused(request, 'bulkheadFull', 0);
    }
  }

  /** `exit` passed a permit to the oldest waiter still waiting: its call goes now. */
  private grantOldestWaiter(): void {
    const host = this.host!;
    while (this.queueHead < this.queue.length) {
      const request = this.queue[this.queueHead]!;
      const ticket = this.queueTickets[this.queueHead]!;
      this.queueHead++;
      if (this.tickets.get(request) !== ticket) continue; // gave up or timed out meanwhile
      this.tickets.delete(request);
      this.compactQueue();
      this.kernel.cancel(host.table.completion[request]! as EventHandle);
      host.table.completion[request] = -1;
      host.table.phase[request] = HOLDS_PERMIT;
      host.admitted(request);
      return;
    }
    throw new Error('CallAdmission: the bulkhead handed a permit on, but nobody is waiting');
  }

  private hold(request: number, phase: number, seconds: number, then: (r: number) => void): void {
    const table = this.host!.table;
    table.phase[request] = phase;
    table.completion[request] = this.kernel.schedule(seconds, then, request);
  }

  /** With no live waiter left, the queue holds only entries of callers gone: drop them all. */
  private forgetQueueIfNobodyWaits(): void {
    if (this.tickets.size > 0) return;
    this.queue.length = 0;
    this.queueTickets.length = 0;
    this.queueHead = 0;
  }

  /** Drops the consumed head of the queue now and then, so it does not grow over a long run. */
  private compactQueue(): void {
    if (this.queueHead < 1024 || this.queueHead * 2 < this.queue.length) return;
    this.queue = this.queue.slice(this.queueHead);
    this.queueTickets = this.queueTickets.slice(this.queueHead);
    this.queueHead = 0;
  }
}
