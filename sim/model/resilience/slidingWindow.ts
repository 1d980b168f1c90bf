/**
 * The two outcome windows behind a Resilience4j circuit breaker (SEMANTICS.md section 1,
 * "Windows [2°]": count-based = ring of the last N outcomes; time-based = N one-second buckets).
 * Both keep running totals per outcome, so recording and reading are O(1) (a time-based window
 * also clears the buckets it skips over, at most N of them) and nothing is allocated per call.
 */

/** Outcome codes: bit 0 = failed, bit 1 = slow. A slow failure is both (SEMANTICS.md section 1). */
export const SUCCESS = 0;
export const FAILURE = 1;
export const SLOW_SUCCESS = 2;
export const SLOW_FAILURE = 3;
export type Outcome = typeof SUCCESS | typeof FAILURE | typeof SLOW_SUCCESS | typeof SLOW_FAILURE;

export interface OutcomeWindow {
  /** Calls in the window by outcome, indexed by the codes above; disjoint. */
  readonly counts: Int32Array;
  /** Calls in the window. */
  readonly total: number;
  record(now: number, outcome: Outcome): void;
  /** Drops what has aged out by `now` (a no-op for a count-based window). */
  advance(now: number): void;
  /** Empties the window, as a fresh Resilience4j metrics object would be at `now`. */
  reset(now: number): void;
}

/** Resilience4j's FixedSizeSlidingWindowMetrics: the last `size` outcomes. */
export class CountWindow implements OutcomeWindow {
  readonly counts = new Int32Array(4);
  total = 0;
  private readonly ring: Uint8Array;
  private head = 0;

  constructor(readonly size: number) {
    this.ring = new Uint8Array(size);
  }

  record(_now: number, outcome: Outcome): void {
    if (this.size === 0) return; // the metrics of FORCED_OPEN and DISABLED hold nothing
    if (this.total === this.size) this.counts[this.ring[this.head]!]!--;
    else this.total++;
    this.ring[this.head] = outcome;
    this.counts[outcome]!++;
    this.head = this.head + 1 === this.size ? 0 : this.head + 1;
  }

  advance(): void {}

  /** The outcomes held, oldest first (a plain read, for the inspect tile). */
  outcomesOldestFirst(): Outcome[] {
    const out: Outcome[] = [];
    const start = this.total === this.size ? this.head : 0;
    for (let i = 0; i < this.total; i++) out.push(this.ring[(start + i) % this.size]! as Outcome);
    return out;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.head = 0;
  }
}

/**
 * Resilience4j's SlidingTimeWindowMetrics: `seconds` buckets, each aggregating the calls recorded
 * in one epoch second (here: whole seconds of simulated time, `Math.floor(now)`). The head bucket
 * is the current second, the others the previous `seconds - 1`; a call recorded in second s is
 * forgotten once the clock reaches second s + `seconds`.
 */
export class TimeWindow implements OutcomeWindow {
  readonly counts = new Int32Array(4);
  total = 0;
  /** Four counters per bucket, bucket-major. */
  private readonly buckets: Int32Array;
  private head = 0;
  private headSecond: number;

  constructor(
    readonly seconds: number,
    now: number,
  ) {
    this.buckets = new Int32Array(seconds * 4);
    this.headSecond = Math.floor(now);
  }

  record(now: number, outcome: Outcome): void {
    this.advance(now);
    this.buckets[this.head * 4 + outcome]!++;
    this.counts[outcome]!++;
    this.total++;
  }

  advance(now: number): void {
    const second = Math.floor(now);
    const elapsed = second - this.headSecond;
    if (elapsed <= 0) return;
    // Subtract-on-evict, as Resilience4j does: clear at most `seconds` buckets however long the gap.
    for (let step = Math.min(elapsed, this.seconds); step > 0; step--) {
      this.head = this.head + 1 === this.seconds ? 0 : this.head + 1;
      const base = this.head * 4;
      for (let outcome = 0; outcome < 4; outcome++) {
        const n = this.buckets[base + outcome]!;
        this.counts[outcome]! -= n;
        this.total -= n;
        this.buckets[base + outcome] = 0;
      }
    }
    this.headSecond = second;
  }

  /**
   * Counts per outcome of each second the window would hold at `now`, oldest second first,
   * without ageing anything out (a plain read, for the inspect tile): `seconds` rows of four.
   */
  bucketsAt(now: number): { second: number; counts: [number, number, number, number] }[] {
    const second = Math.max(Math.floor(now), this.headSecond);
    const rows: { second: number; counts: [number, number, number, number] }[] = [];
    for (let back = this.seconds - 1; back >= 0; back--) {
      const s = second - back;
      const age = this.headSecond - s;
      // Seconds after the head have no calls yet; those older than the window are gone.
      const held = age >= 0 && age < this.seconds;
      const slot = (((this.head - age) % this.seconds) + this.seconds) % this.seconds;
      const b = slot * 4;
      const at = (k: number) => (held ? this.buckets[b + k]! : 0);
      rows.push({ second: s, counts: [at(0), at(1), at(2), at(3)] });
    }
    return rows;
  }

  reset(now: number): void {
    this.buckets.fill(0);
    this.counts.fill(0);
    this.total = 0;
    this.head = 0;
    this.headSecond = Math.floor(now);
  }
}
