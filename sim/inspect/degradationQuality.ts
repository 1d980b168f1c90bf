/**
 * What one answer is worth to the user, 0..1: a fresh price 1, a price up to a few seconds out
 * of date 0.8, the static list price 0.5, a refusal or a failure nothing. The quality of a rung
 * is this weight averaged over every user request (menu pages and checkouts).
 */
export const QUALITY_WEIGHTS = { fresh: 1, stale: 0.8, fallback: 0.5, shed: 0, failed: 0 } as const;

/** How the requests of one kind of user ended; the five counts add up to `offered`. */
export interface Outcomes {
  offered: number;
  /** Answered with a price straight from pricing, or from a cache holding its latest version. */
  fresh: number;
  /** Answered from a cache with an older version than the menu database had committed. */
  stale: number;
  /** Answered without a price from pricing: the call was skipped, or failed with a fallback. */
  fallback: number;
  /** Refused at once by pricing's priority shedding. */
  shed: number;
  /** Timed out (the user gave up) or ended in an error. */
  failed: number;
  /** Latency of the answered requests (fresh, stale and fallback), seconds; null with none. */
  p50: number | null;
  p99: number | null;
}

/** The quality figure of a set of outcomes: QUALITY_WEIGHTS averaged over the requests. */
export function qualityOf(o: Outcomes): number {
  if (o.offered === 0) return 0;
  const w = QUALITY_WEIGHTS;
  const sum =
    w.fresh * o.fresh +
    w.stale * o.stale +
    w.fallback * o.fallback +
    w.shed * o.shed +
    w.failed * o.failed;
  return sum / o.offered;
}
