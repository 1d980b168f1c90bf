import {
  CountWindow,
  FAILURE,
  SLOW_FAILURE,
  SLOW_SUCCESS,
  SUCCESS,
  TimeWindow,
  type Outcome,
  type OutcomeWindow,
} from './slidingWindow';

/**
 * A circuit breaker with Resilience4j's semantics (SEMANTICS.md section 1; CircuitBreakerStateMachine
 * and CircuitBreakerMetrics). Time is simulated seconds passed in as `now`; the breaker never
 * schedules anything itself. Transitions Resilience4j makes on a timer (automatic OPEN -> HALF_OPEN,
 * maxWaitDurationInHalfOpenState) are applied, at their due time, by whichever call comes first
 * with `now` at or past it; `nextAutomaticTransitionAt()` lets the simulator schedule that call.
 */

export type CircuitState =
  'CLOSED' | 'OPEN' | 'HALF_OPEN' | 'DISABLED' | 'FORCED_OPEN' | 'METRICS_ONLY';

export type SlidingWindowType = 'COUNT_BASED' | 'TIME_BASED';

export type TransitionReason =
  | 'failureRateExceeded'
  | 'slowCallRateExceeded'
  | 'bothRatesExceeded'
  | 'probesBelowThresholds'
  | 'waitDurationElapsed'
  | 'maxWaitInHalfOpenElapsed'
  | 'manual'
  | 'reset';

export type TransitionListener = (
  now: number,
  from: CircuitState,
  to: CircuitState,
  reason: TransitionReason,
) => void;

export interface CircuitBreakerConfig {
  /** Percent, in (0, 100]; opens when the failure rate is >= this. */
  failureRateThreshold: number;
  /** Percent, in (0, 100]; opens when the slow-call rate is >= this. */
  slowCallRateThreshold: number;
  /** Seconds; a call is slow when its duration is strictly greater. */
  slowCallDurationThreshold: number;
  slidingWindowType: SlidingWindowType;
  /** Calls (COUNT_BASED) or seconds (TIME_BASED). */
  slidingWindowSize: number;
  minimumNumberOfCalls: number;
  /** Seconds. */
  waitDurationInOpenState: number;
  permittedNumberOfCallsInHalfOpenState: number;
  /** Seconds; 0 = HALF_OPEN has no time limit. */
  maxWaitDurationInHalfOpenState: number;
  automaticTransitionFromOpenToHalfOpenEnabled: boolean;
}

/** Resilience4j's defaults, SEMANTICS.md section 1 (CircuitBreakerConfig.java). */
export const RESILIENCE4J_CIRCUIT_BREAKER_DEFAULTS: Readonly<CircuitBreakerConfig> = {
  failureRateThreshold: 50,
  slowCallRateThreshold: 100,
  slowCallDurationThreshold: 60,
  slidingWindowType: 'COUNT_BASED',
  slidingWindowSize: 100,
  minimumNumberOfCalls: 100,
  waitDurationInOpenState: 60,
  permittedNumberOfCallsInHalfOpenState: 10,
  maxWaitDurationInHalfOpenState: 0,
  automaticTransitionFromOpenToHalfOpenEnabled: false,
};

/** What a dashboard reads; one object per breaker, refreshed in place by `metricsAt`. */
export interface CircuitBreakerMetrics {
  state: CircuitState;
  /** Percent of the window that failed; -1 below the minimum number of calls. */
  failureRate: number;
  /** Percent of the window that was slow; -1 below the minimum number of calls. */
  slowCallRate: number;
  /** Calls in the current window, and the same split by outcome (the four are disjoint). */
  bufferedCalls: number;
  successes: number;
  failures: number;
  slowSuccesses: number;
  slowFailures: number;
  /** Rejections since the current window began (Resilience4j's getNumberOfNotPermittedCalls). */
  notPermittedCalls: number;
  /** Rejections since t = 0. */
  notPermittedTotal: number;
  /** When the breaker entered OPEN; -1 unless OPEN. Time left = openedAt + wait - now. */
  openedAt: number;
  /** When the current state was entered. */
  stateSince: number;
  /** Probes HALF_OPEN will still let through; 0 in other states. */
  halfOpenPermitsLeft: number;
}

type Verdict = 'belowMinimum' | 'belowThresholds' | TransitionReason;

/** Java's Duration resolution: Resilience4j compares call durations in whole nanoseconds. */
const toNanos = (seconds: number): number => Math.round(seconds * 1e9);

export class CircuitBreaker {
  readonly config: Readonly<CircuitBreakerConfig>;
  /** Called after every change of state, with the time it took effect. */
  onTransition: TransitionListener | undefined;

  private current: CircuitState = 'CLOSED';
  private since: number;
  private readonly closedWindow: OutcomeWindow;
  private readonly closedMinimum: number;
  private readonly halfOpenWindow: CountWindow;
  private readonly halfOpenMinimum: number;
  private readonly emptyWindow = new CountWindow(0);
  private window: OutcomeWindow;
  private minimum: number;
  private permitsLeft = 0;
  private openedAt = -1;
  private halfOpenedAt = -1;
  private notPermittedInWindow = 0;
  private notPermittedTotal = 0;
  // Resilience4j holds both thresholds as Java floats and computes rates in float arithmetic.
  private readonly failureThreshold: number;
  private readonly slowRateThreshold: number;
  private readonly slowThresholdNanos: number;
  private readonly view: CircuitBreakerMetrics;

  constructor(config: Partial<CircuitBreakerConfig> = {}, now = 0) {
    const c = { ...RESILIENCE4J_CIRCUIT_BREAKER_DEFAULTS, ...config };
    validate(c);
    this.config = c;
    this.since = now;
    // Effective minimum: min(minimumNumberOfCalls, size) for a count window, not capped for a
    // time window; HALF_OPEN uses a count window of the permitted size (SEMANTICS.md section 1).
    if (c.slidingWindowType === 'COUNT_BASED') {
      this.closedWindow = new CountWindow(c.slidingWindowSize);
      this.closedMinimum = Math.min(c.minimumNumberOfCalls, c.slidingWindowSize);
    } else {
      this.closedWindow = new TimeWindow(c.slidingWindowSize, now);
      this.closedMinimum = c.minimumNumberOfCalls;
    }
    const permitted = c.permittedNumberOfCallsInHalfOpenState;
    this.halfOpenWindow = new CountWindow(permitted);
    this.halfOpenMinimum = Math.min(c.minimumNumberOfCalls, permitted);
    this.window = this.closedWindow;
    this.minimum = this.closedMinimum;
    this.failureThreshold = Math.fround(c.failureRateThreshold);
    this.slowRateThreshold = Math.fround(c.slowCallRateThreshold);
    this.slowThresholdNanos = toNanos(c.slowCallDurationThreshold);
    this.view = {
      state: 'CLOSED',
      failureRate: -1,
      slowCallRate: -1,
      bufferedCalls: 0,
      successes: 0,
      failures: 0,
      slowSuccesses: 0,
      slowFailures: 0,
      notPermittedCalls: 0,
      notPermittedTotal: 0,
      openedAt: -1,
      stateSince: now,
      halfOpenPermitsLeft: 0,
    };
  }

  /** The state as of the last call; `advanceTo(now)` first applies any timer that is due. */
  /** Calls refused since t = 0; a plain read (metricsAt advances the windows). */
  get notPermittedSinceStart(): number {
    return this.notPermittedTotal;
  }

  get state(): CircuitState {
    return this.current;
  }

  // Plain reads for the inspect tile (sim/inspect/breakerView.ts): unlike metricsAt, they apply
  // no due timer and age nothing out, so looking at a breaker cannot change a run.

  /** The window the breaker decides on now: the CLOSED one (kept in OPEN) or HALF_OPEN's probes. */
  get currentWindow(): Readonly<OutcomeWindow> {
    return this.window;
  }

  /** Calls the current window must hold before a rate is computed (the effective minimum). */
  get currentMinimumCalls(): number {
    return this.minimum;
  }

  /** Probes HALF_OPEN will still let through; 0 in other states. */
  get probesLeft(): number {
    return this.permitsLeft;
  }

  /** When the breaker entered OPEN; -1 unless OPEN. */
  get openSince(): number {
    return this.openedAt;
  }

  /** When the current state was entered. */
  get stateEnteredAt(): number {
    return this.since;
  }

  /** Rejections since the current window began. */
  get notPermittedInCurrentWindow(): number {
    return this.notPermittedInWindow;
  }

  /** Asks to make a call; false = CallNotPermittedException, counted as not permitted. */
  tryAcquire(now: number): boolean {
    this.advanceTo(now);
    switch (this.current) {
      case 'CLOSED':
      case 'METRICS_ONLY':
      case 'DISABLED':
        return true;
      case 'OPEN':
        // OpenState.tryAcquirePermission: `clock.instant().isAfter(retryAfterWaitDuration)`, strictly
        // after; the call that finds the wait over moves the breaker and is the first probe.
        if (now > this.openedAt + this.config.waitDurationInOpenState) {
          this.enter(now, 'HALF_OPEN', 'waitDurationElapsed');
          return this.takeProbe();
        }
        return this.reject();
      case 'HALF_OPEN':
        return this.takeProbe();
      case 'FORCED_OPEN':
        return this.reject();
    }
  }

  /**
   * Hands back a permission that was granted but not used (the call was cancelled before it ran,
   * or its error is ignored): in HALF_OPEN it frees a probe, as Resilience4j's releasePermission.
   */
  releasePermission(): void {
    if (this.current === 'HALF_OPEN') this.permitsLeft++;
  }

  /** Records a finished call; `durationSeconds` decides whether it was slow. */
  onResult(now: number, durationSeconds: number, failed: boolean): void {
    this.advanceTo(now);
    const state = this.current;
    if (state === 'DISABLED' || state === 'FORCED_OPEN') return;
    const slow = toNanos(durationSeconds) > this.slowThresholdNanos;
    const outcome: Outcome = failed
      ? slow
        ? SLOW_FAILURE
        : FAILURE
      : slow
        ? SLOW_SUCCESS
        : SUCCESS;
    this.window.record(now, outcome);
    // A call permitted before the breaker opened still counts, but OPEN decides nothing
    // (OpenState.onError/onSuccess only record); METRICS_ONLY never changes state.
    if (state === 'OPEN' || state === 'METRICS_ONLY') return;
    const verdict = this.verdict();
    if (verdict === 'belowMinimum') return;
    if (verdict !== 'belowThresholds') this.enter(now, 'OPEN', verdict);
    else if (state === 'HALF_OPEN') this.enter(now, 'CLOSED', 'probesBelowThresholds');
  }

  /**
   * Applies the transitions Resilience4j runs on a scheduler, each at its own due time: the
   * automatic OPEN -> HALF_OPEN (when enabled) and HALF_OPEN -> OPEN after
   * maxWaitDurationInHalfOpenState (when > 0). Timers due at `now` fire before a call at `now`.
   */
  advanceTo(now: number): void {
    for (;;) {
      const due = this.nextAutomaticTransitionAt();
      if (now < due) return;
      if (this.current === 'OPEN') this.enter(due, 'HALF_OPEN', 'waitDurationElapsed');
      else this.enter(due, 'OPEN', 'maxWaitInHalfOpenElapsed');
    }
  }

  /** When a timer-driven transition is due, or Infinity if none is pending. */
  nextAutomaticTransitionAt(): number {
    const c = this.config;
    if (this.current === 'OPEN' && c.automaticTransitionFromOpenToHalfOpenEnabled) {
      return this.openedAt + c.waitDurationInOpenState;
    }
    if (this.current === 'HALF_OPEN' && c.maxWaitDurationInHalfOpenState > 0) {
      return this.halfOpenedAt + c.maxWaitDurationInHalfOpenState;
    }
    return Infinity;
  }

  /** Manual transition (transitionToXxxState); entering a state again starts it afresh. */
  transitionTo(now: number, to: CircuitState): void {
    this.enter(now, to, 'manual');
  }

  /** Back to a fresh CLOSED (CircuitBreaker.reset). */
  reset(now: number): void {
    this.enter(now, 'CLOSED', 'reset');
  }

  /** The dashboard view at `now`. The same object every time: read it, do not keep it. */
  metricsAt(now: number): Readonly<CircuitBreakerMetrics> {
    this.advanceTo(now);
    const w = this.window;
    w.advance(now);
    const v = this.view;
    const total = w.total;
    const below = total === 0 || total < this.minimum;
    v.state = this.current;
    v.failureRate = below ? -1 : this.failureRate();
    v.slowCallRate = below ? -1 : this.slowCallRate();
    v.bufferedCalls = total;
    v.successes = w.counts[SUCCESS]!;
    v.failures = w.counts[FAILURE]!;
    v.slowSuccesses = w.counts[SLOW_SUCCESS]!;
    v.slowFailures = w.counts[SLOW_FAILURE]!;
    v.notPermittedCalls = this.notPermittedInWindow;
    v.notPermittedTotal = this.notPermittedTotal;
    v.openedAt = this.openedAt;
    v.stateSince = this.since;
    v.halfOpenPermitsLeft = this.permitsLeft;
    return v;
  }

  private takeProbe(): boolean {
    if (this.permitsLeft > 0) {
      this.permitsLeft--;
      return true;
    }
    return this.reject();
  }

  private reject(): false {
    this.notPermittedInWindow++;
    this.notPermittedTotal++;
    return false;
  }

  // SnapshotImpl: `numberOfFailedCalls * 100.0f / totalNumberOfCalls`. Rounding the double quotient
  // to float gives the same float, since a double carries more than 2 * 24 + 2 bits.
  private failureRate(): number {
    const c = this.window.counts;
    return Math.fround(((c[FAILURE]! + c[SLOW_FAILURE]!) * 100) / this.window.total);
  }

  private slowCallRate(): number {
    const c = this.window.counts;
    return Math.fround(((c[SLOW_SUCCESS]! + c[SLOW_FAILURE]!) * 100) / this.window.total);
  }

  /** CircuitBreakerMetrics.checkIfThresholdsExceeded. */
  private verdict(): Verdict {
    const total = this.window.total;
    if (total === 0 || total < this.minimum) return 'belowMinimum';
    const failing = this.failureRate() >= this.failureThreshold;
    const slow = this.slowCallRate() >= this.slowRateThreshold;
    if (failing && slow) return 'bothRatesExceeded';
    if (failing) return 'failureRateExceeded';
    if (slow) return 'slowCallRateExceeded';
    return 'belowThresholds';
  }

  private enter(at: number, to: CircuitState, reason: TransitionReason): void {
    const from = this.current;
    switch (to) {
      case 'CLOSED':
      case 'METRICS_ONLY':
        this.useWindow(this.closedWindow, this.closedMinimum, at);
        break;
      case 'HALF_OPEN':
        this.useWindow(this.halfOpenWindow, this.halfOpenMinimum, at);
        this.halfOpenedAt = at;
        break;
      case 'OPEN':
        // OpenState keeps the metrics of the state it came from (transitionToOpenState).
        this.openedAt = at;
        break;
      case 'DISABLED':
      case 'FORCED_OPEN':
        this.useWindow(this.emptyWindow, 1, at);
        break;
    }
    this.permitsLeft = to === 'HALF_OPEN' ? this.config.permittedNumberOfCallsInHalfOpenState : 0;
    if (to !== 'OPEN') this.openedAt = -1;
    this.current = to;
    this.since = at;
    if (from !== to) this.onTransition?.(at, from, to, reason);
  }

  private useWindow(window: OutcomeWindow, minimum: number, now: number): void {
    window.reset(now);
    this.window = window;
    this.minimum = minimum;
    this.notPermittedInWindow = 0;
  }
}

function validate(c: CircuitBreakerConfig): void {
  const fail = (what: string) => {
    throw new RangeError(`CircuitBreakerConfig: ${what}`);
  };
  const isCount = (n: number) => Number.isInteger(n) && n >= 1;
  if (!(c.failureRateThreshold > 0 && c.failureRateThreshold <= 100)) {
    fail('failureRateThreshold must be in (0, 100]');
  }
  if (!(c.slowCallRateThreshold > 0 && c.slowCallRateThreshold <= 100)) {
    fail('slowCallRateThreshold must be in (0, 100]');
  }
  if (!(c.slowCallDurationThreshold > 0)) fail('slowCallDurationThreshold must be > 0');
  if (!isCount(c.slidingWindowSize)) fail('slidingWindowSize must be an integer >= 1');
  if (!isCount(c.minimumNumberOfCalls)) fail('minimumNumberOfCalls must be an integer >= 1');
  if (!isCount(c.permittedNumberOfCallsInHalfOpenState)) {
    fail('permittedNumberOfCallsInHalfOpenState must be an integer >= 1');
  }
  if (!(c.waitDurationInOpenState > 0)) fail('waitDurationInOpenState must be > 0');
  if (!(c.maxWaitDurationInHalfOpenState >= 0)) fail('maxWaitDurationInHalfOpenState must be >= 0');
}
