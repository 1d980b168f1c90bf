import type { CircuitBreaker, CircuitState } from '../model/resilience/circuitBreaker';

/**
 * The three levels a chart shows a breaker at, least to most severe. FORCED_OPEN refuses calls
 * as OPEN does; DISABLED and METRICS_ONLY let every call through as CLOSED does.
 */
export const BREAKER_LEVELS = ['CLOSED', 'HALF_OPEN', 'OPEN'] as const;

export function breakerLevel(state: CircuitState): number {
  if (state === 'OPEN' || state === 'FORCED_OPEN') return 2;
  return state === 'HALF_OPEN' ? 1 : 0;
}

/**
 * Seconds a breaker has spent at each level since t = 0, kept from its transitions. The breaker
 * applies a timer-driven transition (automatic OPEN -> HALF_OPEN) only when the next call comes,
 * stamped with its due time; so a reading never credits the current state past a pending due
 * time. That time is credited once the transition is known, in a later reading: no bucket ever
 * gets a negative share, and the readings' sum stays exact.
 */
export class BreakerStateTime {
  private readonly seconds = new Float64Array(BREAKER_LEVELS.length);
  private level: number;
  private since: number;

  constructor(
    private readonly breaker: CircuitBreaker,
    now = 0,
  ) {
    this.level = breakerLevel(breaker.state);
    this.since = now;
    // Chained, so the breaker's log (LoggedBreaker) still hears every transition.
    const previous = breaker.onTransition;
    breaker.onTransition = (at, from, to, reason) => {
      previous?.(at, from, to, reason);
      this.moved(at, to);
    };
  }

  /** Cumulative seconds at each level up to `now`, into `out`; reads without changing anything. */
  secondsAt(now: number, out: Float64Array, offset = 0): void {
    const upTo = Math.min(now, this.breaker.nextAutomaticTransitionAt());
    for (let l = 0; l < BREAKER_LEVELS.length; l++) out[offset + l] = this.seconds[l]!;
    if (upTo > this.since) out[offset + this.level]! += upTo - this.since;
  }

  private moved(at: number, to: CircuitState): void {
    if (at > this.since) {
      this.seconds[this.level]! += at - this.since;
      this.since = at;
    }
    this.level = breakerLevel(to);
  }
}
