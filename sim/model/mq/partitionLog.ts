/** The message was processed in the current pass over the log, so a commit may move past it. */
export const DONE = 1;
/** The message was processed at least once: delivering it again is a duplicate. */
export const HANDLED = 2;

/**
 * One partition's log as its consumer group sees it: the messages from the committed offset to
 * the log end, the offset of the next one to hand out, and the one out at the consumer. Offsets
 * below the committed one are never needed again (a restart resumes from the commit), so they are
 * dropped; memory is bounded by the backlog plus what was processed since the last commit.
 */
export class PartitionLog {
  /** The group's committed offset: where a consumer starts after a crash or rebalance. */
  committed = 0;
  /** The next offset to deliver. */
  next = 0;
  /** The request carrying the message at offset `next - 1` to the consumer, -1 when none. */
  inFlight = -1;
  /** Messages processed since the last commit, for commits by batch size. */
  sinceCommit = 0;
  /** Index of the last commit-interval tick applied. */
  lastTick = 0;
  /** No delivery before this time: the consumer is restarting or the group rebalancing. */
  pausedUntil = 0;
  /** True while the topic is handing out messages of this partition (guards re-entry). */
  pumping = false;

  key = new Float64Array(16);
  origin = new Float64Array(16);
  attempt = new Int32Array(16);
  flags = new Uint8Array(16);
  /** Array index of the committed offset, and the number of messages held from there. */
  private first = 0;
  private size = 0;

  /** The log-end offset: the next message appended gets it. */
  get end(): number {
    return this.committed + this.size;
  }

  /** Array index of `offset`, which must lie in [committed, end). */
  indexOf(offset: number): number {
    return this.first + offset - this.committed;
  }

  append(key: number, origin: number, attempt: number): void {
    if (this.first + this.size === this.key.length) this.makeRoom();
    const i = this.first + this.size++;
    this.key[i] = key;
    this.origin[i] = origin;
    this.attempt[i] = attempt;
    this.flags[i] = 0;
  }

  /** Commits every message processed since the last commit (all are, but the one in flight). */
  commit(): void {
    while (this.committed < this.next && (this.flags[this.first]! & DONE) !== 0) {
      this.first++;
      this.committed++;
      this.size--;
    }
    this.sinceCommit = 0;
  }

  /**
   * Goes back to the committed offset, as a consumer that takes over after a crash does: every
   * message from there is delivered again. Returns how many of them had been processed already
   * (they become duplicates).
   */
  rewind(): number {
    let processed = 0;
    for (let offset = this.committed; offset < this.next; offset++) {
      const i = this.indexOf(offset);
      if ((this.flags[i]! & HANDLED) !== 0) processed++;
      this.flags[i] = this.flags[i]! & HANDLED;
    }
    this.next = this.committed;
    this.inFlight = -1;
    this.sinceCommit = 0;
    return processed;
  }

  private makeRoom(): void {
    const capacity = this.key.length;
    // Slide down when committed messages free at least half; grow otherwise.
    const grown = this.first >= capacity / 2 ? capacity : capacity * 2;
    const move = <A extends Float64Array | Int32Array | Uint8Array>(a: A, fresh: A): A => {
      fresh.set(a.subarray(this.first, this.first + this.size));
      return fresh;
    };
    this.key = move(this.key, new Float64Array(grown));
    this.origin = move(this.origin, new Float64Array(grown));
    this.attempt = move(this.attempt, new Int32Array(grown));
    this.flags = move(this.flags, new Uint8Array(grown));
    this.first = 0;
  }
}
