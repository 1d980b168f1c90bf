/**
 * Two rate limiters, both driven by simulated seconds passed in as `now` and refilled lazily:
 * a continuous token bucket, and Resilience4j's fixed-window RateLimiter (SEMANTICS.md section 1,
 * "Bulkhead / RateLimiter / TimeLimiter (Resilience4j) [S]"; AtomicRateLimiter.java).
 */

/** Tokens drip in at `rate` per second up to `burst`; a call takes `permits` tokens or is refused. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  /** Cumulative from t = 0. */
  admitted = 0;
  refused = 0;

  constructor(
    readonly rate: number,
    readonly burst: number,
    now = 0,
  ) {
    if (!(rate >= 0) || !(burst >= 0))
      throw new RangeError('TokenBucket: rate and burst must be >= 0');
    this.tokens = burst;
    this.last = now;
  }

  tryAcquire(now: number, permits = 1): boolean {
    this.refill(now);
    if (this.tokens >= permits) {
      this.tokens -= permits;
      this.admitted += permits;
      return true;
    }
    this.refused += permits;
    return false;
  }

  /** Tokens in the bucket at `now`. */
  available(now: number): number {
    this.refill(now);
    return this.tokens;
  }

  /** Seconds from `now` until `permits` tokens are there: 0 if they are, Infinity if never. */
  waitTime(now: number, permits = 1): number {
    this.refill(now);
    if (this.tokens >= permits) return 0;
    if (permits > this.burst || this.rate === 0) return Infinity;
    return (permits - this.tokens) / this.rate;
  }

  private refill(now: number): void {
    if (now <= this.last) return;
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.rate);
    this.last = now;
  }
}

export interface Resilience4jRateLimiterConfig {
  /** Permits per refresh period. */
  limitForPeriod: number;
  /** Seconds. Resilience4j's default is 500 ns; here 500e-9 s. */
  limitRefreshPeriod: number;
  /** Seconds a caller may wait for a permit. */
  timeoutDuration: number;
}

/**
 * Resilience4j's defaults (SEMANTICS.md section 1): 50 permits per 500 ns, i.e. 1e8 a second, so
 * the default limiter limits nothing in practice; scenarios set their own period.
 */
export const RESILIENCE4J_RATE_LIMITER_DEFAULTS: Readonly<Resilience4jRateLimiterConfig> = {
  limitForPeriod: 50,
  limitRefreshPeriod: 500e-9,
  timeoutDuration: 5,
};

/** AtomicRateLimiter keeps time in whole nanoseconds; so do we, so cycle edges are exact. */
const toNanos = (seconds: number): number => Math.round(seconds * 1e9);

/**
 * Resilience4j's AtomicRateLimiter. Time since t = 0 is cut into cycles of limitRefreshPeriod; each
 * cycle starts with limitForPeriod permits and unused ones do not carry over (a fixed window). A
 * caller that can have its permits within timeoutDuration reserves them at once, even from future
 * cycles, which drives the count negative; the next cycles pay that debt back first.
 */
export class Resilience4jRateLimiter {
  readonly config: Readonly<Resilience4jRateLimiterConfig>;
  private readonly periodNanos: number;
  private readonly timeoutNanos: number;
  private activeCycle = 0;
  private permissions: number;
  /** Cumulative from t = 0: calls let through at once, after a wait, and refused. */
  acquiredAtOnce = 0;
  acquiredAfterWait = 0;
  refused = 0;

  constructor(config: Partial<Resilience4jRateLimiterConfig> = {}) {
    const c = { ...RESILIENCE4J_RATE_LIMITER_DEFAULTS, ...config };
    this.periodNanos = toNanos(c.limitRefreshPeriod);
    this.timeoutNanos = toNanos(c.timeoutDuration);
    if (!Number.isInteger(c.limitForPeriod) || c.limitForPeriod < 1) {
      throw new RangeError('Resilience4jRateLimiter: limitForPeriod must be an integer >= 1');
    }
    if (!(this.periodNanos >= 1)) {
      throw new RangeError('Resilience4jRateLimiter: limitRefreshPeriod must be at least 1 ns');
    }
    if (!(this.timeoutNanos >= 0)) {
      throw new RangeError('Resilience4jRateLimiter: timeoutDuration must be >= 0');
    }
    this.config = c;
    this.permissions = c.limitForPeriod;
  }

  /**
   * Asks for `permits` at `now`. Returns the seconds the caller must wait before going ahead
   * (0 = at once), with the permits reserved; or -1 if they cannot be had within timeoutDuration,
   * reserving nothing. Resilience4j's blocking acquirePermission parks a refused caller for the
   * whole timeoutDuration before it throws RequestNotPermitted (waitForPermissionIfNecessary), so
   * the simulator should fail such a call at now + `timeoutDuration`; reservePermission (-1 at
   * once) is the non-blocking variant.
   */
  acquire(now: number, permits = 1): number {
    const nowNanos = toNanos(now);
    this.refresh(nowNanos);
    const waitNanos = this.nanosToWait(permits, nowNanos);
    if (this.timeoutNanos >= waitNanos) {
      this.permissions -= permits;
      if (waitNanos <= 0) this.acquiredAtOnce++;
      else this.acquiredAfterWait++;
      return waitNanos / 1e9;
    }
    this.refused++;
    return -1;
  }

  /** Permits left in the current cycle at `now`; negative while reservations are outstanding. */
  availablePermissions(now: number): number {
    const cycle = Math.floor(toNanos(now) / this.periodNanos);
    return this.refilled(cycle);
  }

  get timeoutDuration(): number {
    return this.config.timeoutDuration;
  }

  private refresh(nowNanos: number): void {
    const cycle = Math.floor(nowNanos / this.periodNanos);
    if (cycle === this.activeCycle) return;
    this.permissions = this.refilled(cycle);
    this.activeCycle = cycle;
  }

  private refilled(cycle: number): number {
    if (cycle <= this.activeCycle) return this.permissions;
    const limit = this.config.limitForPeriod;
    return Math.min(this.permissions + (cycle - this.activeCycle) * limit, limit);
  }

  /** AtomicRateLimiter.nanosToWaitForPermission. */
  private nanosToWait(permits: number, nowNanos: number): number {
    if (this.permissions >= permits) return 0;
    const limit = this.config.limitForPeriod;
    const nanosToNextCycle = (this.activeCycle + 1) * this.periodNanos - nowNanos;
    const permissionsAtNextCycle = this.permissions + limit;
    // divCeil(permits - permissionsAtNextCycle, limit); the numerator is > -limit here.
    const fullCycles = Math.floor((permits - permissionsAtNextCycle + limit - 1) / limit);
    return fullCycles * this.periodNanos + nanosToNextCycle;
  }
}
