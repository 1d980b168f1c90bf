/**
 * The database's commit history per key, enough to judge staleness: which version of a key was
 * the latest committed at a given time. Keeps the last eight commits of each key, so a reader
 * that stays in flight across more than eight writes to one key is judged against the oldest
 * kept (a bound that only matters for absurdly hot keys).
 */
const KEPT = 8;

export class VersionLedger {
  private readonly commits = new Map<number, Float64Array>();

  /** Records a commit of `key` at `now` and returns its version (1, 2, ...). */
  commit(key: number, now: number): number {
    let ring = this.commits.get(key);
    if (ring === undefined) {
      // [count, then (version, time) pairs in a ring]
      ring = new Float64Array(1 + 2 * KEPT);
      this.commits.set(key, ring);
    }
    const version = ring[0]! + 1;
    ring[0] = version;
    const slot = 1 + 2 * ((version - 1) % KEPT);
    ring[slot] = version;
    ring[slot + 1] = now;
    return version;
  }

  /** Latest version of `key` committed at or before `time`; 0 when never written by then. */
  latestAt(key: number, time: number): number {
    const ring = this.commits.get(key);
    if (ring === undefined) return 0;
    const newest = ring[0]!;
    for (let v = newest; v > Math.max(0, newest - KEPT); v--) {
      const slot = 1 + 2 * ((v - 1) % KEPT);
      if (ring[slot + 1]! <= time) return v;
    }
    return Math.max(0, newest - KEPT);
  }
}
