/** Numbers kept per write: its commit time on the master, apply start and apply end on the replica. */
const STRIDE = 3;

/**
 * One replica's writes not yet applied, oldest first: its relay log, in effect. A ring of plain
 * numbers that doubles when full, so pushing a write allocates nothing in the steady state; it
 * holds the replica's backlog only (applied writes are dropped as later ones commit), as MySQL's
 * relay log does.
 */
export class ApplyQueue {
  private ring = new Float64Array(16 * STRIDE);
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Drops the writes applied by `now`: apply ends never decrease, so they lead the queue. */
  dropApplied(now: number): void {
    while (this.count > 0 && this.ring[this.head + 2]! <= now) {
      this.head = (this.head + STRIDE) % this.ring.length;
      this.count--;
    }
  }

  push(commit: number, start: number, end: number): void {
    if (this.count * STRIDE === this.ring.length) this.grow();
    const at = (this.head + this.count * STRIDE) % this.ring.length;
    this.ring[at] = commit;
    this.ring[at + 1] = start;
    this.ring[at + 2] = end;
    this.count++;
  }

  /**
   * MySQL's Seconds_Behind_Source at `now` (SEMANTICS.md section 4): while the SQL thread applies a
   * write, now minus that write's commit time on the source; 0 when it has applied everything that
   * reached its relay log, however far behind the IO thread (the ship delay) may be. Writes apply
   * in commit order, so the write being applied is the oldest not yet applied, if it has started.
   * Reads only: the queue is left as it is.
   */
  secondsBehindAt(now: number): number {
    const ring = this.ring;
    for (let k = 0, at = this.head; k < this.count; k++, at = (at + STRIDE) % ring.length) {
      if (ring[at + 2]! <= now) continue;
      return ring[at + 1]! <= now ? now - ring[at]! : 0;
    }
    return 0;
  }

  private grow(): void {
    const next = new Float64Array(this.ring.length * 2);
    const tail = this.ring.subarray(this.head);
    next.set(tail);
    next.set(this.ring.subarray(0, this.head), tail.length);
    this.ring = next;
    this.head = 0;
  }
}
