/**
 * A distributed lock per key (Redis SET NX with a FIFO of waiters), as the article's
 * lock(orderId) { ... } needs. Waiters are served in arrival order; a real client would spin with
 * backoff, which only adds delay, so a fair queue is the optimistic model.
 */
/** Whoever waits for a lock is told when it is theirs. */
export interface LockWaiter {
  lockGranted(owner: number): void;
}

export class KeyLocks {
  private readonly holder = new Map<number, number>();
  private readonly waiting = new Map<number, { owner: number; waiter: LockWaiter }[]>();
  acquired = 0;
  /** Acquisitions that had to wait for another holder. */
  contended = 0;

  /** True if `owner` now holds `key`'s lock; false if it was queued behind the holder. */
  acquire(key: number, owner: number, waiter: LockWaiter): boolean {
    if (!this.holder.has(key)) {
      this.holder.set(key, owner);
      this.acquired++;
      return true;
    }
    this.contended++;
    const queue = this.waiting.get(key);
    if (queue) queue.push({ owner, waiter });
    else this.waiting.set(key, [{ owner, waiter }]);
    return false;
  }

  /** Releases `key`; the next waiter, if any, now holds it and is told so. */
  release(key: number): void {
    const queue = this.waiting.get(key);
    if (queue && queue.length > 0) {
      const next = queue.shift()!;
      if (queue.length === 0) this.waiting.delete(key);
      this.holder.set(key, next.owner);
      this.acquired++;
      next.waiter.lockGranted(next.owner);
      return;
    }
    this.holder.delete(key);
  }
}
