/**
 * The database's commit history per key, enough to judge staleness: which version of a key was
 * the latest committed at a given time.
 *
 * Memory stays flat over a long run: the newest version of every key is one number (in a Map of
 * numbers, no object per key), and the recent commits needed to answer "latest at time t" for a
 * read still in flight are kept only for keys written in the last `horizon` seconds, at most the
 * last eight of each. A read issued more than `horizon` before a key's newest commit... cannot be
 * in flight in any lesson (client timeouts are seconds), and is judged against the newest version.
 */
const KEPT = 8;
/** Seconds a key's recent commits are kept after its last one. */
const HORIZON = 10;

export class VersionLedger {
  /** Newest version of each key ever written. */
  private readonly newest = new Map<number, number>();
  /** Recent commits of recently written keys: [newest version, then (version, time) pairs]. */
  private readonly recent = new Map<number, Float64Array>();
  private nextPrune = HORIZON;

  /** Records a commit of `key` at `now` and returns its version (1, 2, ...). */
  commit(key: number, now: number): number {
    if (now >= this.nextPrune) this.prune(now);
    const version = (this.newest.get(key) ?? 0) + 1;
    this.newest.set(key, version);
    let ring = this.recent.get(key);
    if (ring === undefined) {
      ring = new Float64Array(1 + 2 * KEPT).fill(-Infinity);
      this.recent.set(key, ring);
      if (version > 1) {
        // The previous version was committed long ago (its ring was pruned): before any read.
        const previous = 1 + 2 * ((version - 2) % KEPT);
        ring[previous] = version - 1;
      }
    }
    ring[0] = version;
    const slot = 1 + 2 * ((version - 1) % KEPT);
    ring[slot] = version;
    ring[slot + 1] = now;
    return version;
  }

  /** Latest version of `key` committed at or before `time`; 0 when never written by then. */
  latestAt(key: number, time: number): number {
    const ring = this.recent.get(key);
    if (ring === undefined) return this.newest.get(key) ?? 0;
    const newest = ring[0]!;
    for (let v = newest; v > Math.max(0, newest - KEPT); v--) {
      const slot = 1 + 2 * ((v - 1) % KEPT);
      if (ring[slot] === v && ring[slot + 1]! <= time) return v;
    }
    // Older than every kept commit: the one before the oldest kept (0 if there was none).
    return Math.max(0, newest - KEPT);
  }

  /**
   * Whether `version` of `key` was already superseded at `time`. Equal to
   * `version < latestAt(key, time)`, but the common case (the version read is the newest ever
   * written, or the key was never written) costs one map lookup instead of two: every cache hit
   * asks this.
   */
  isStale(key: number, version: number, time: number): boolean {
    const newest = this.newest.get(key);
    if (newest === undefined || version >= newest) return false;
    return version < this.latestAt(key, time);
  }

  /** Keys holding recent commits (for tests: the part of memory that must stay bounded). */
  get recentKeys(): number {
    return this.recent.size;
  }

  /** Drops the recent commits of keys not written for `HORIZON` seconds. */
  private prune(now: number): void {
    for (const [key, ring] of this.recent) {
      let last = -Infinity;
      for (let slot = 2; slot < ring.length; slot += 2) last = Math.max(last, ring[slot]!);
      if (last < now - HORIZON) this.recent.delete(key);
    }
    this.nextPrune = now + HORIZON / 4;
  }
}
