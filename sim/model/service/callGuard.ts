/**
 * What a call step asks before calling a dependency and tells after: a circuit breaker fits
 * (Resilience4j's tryAcquirePermission / onResult), and so would a bulkhead or a limiter.
 */
export interface CallGuard {
  /** May a call start now? false = rejected without calling (CallNotPermitted). */
  tryAcquire(now: number): boolean;
  /** How the permitted call ended: its duration in seconds and whether it failed. */
  onResult(now: number, durationSeconds: number, failed: boolean): void;
  /** Its state after the last decision (a breaker's CLOSED, OPEN...), shown in traces. */
  readonly state?: string;
}
