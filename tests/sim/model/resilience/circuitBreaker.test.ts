import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CircuitBreaker,
  RESILIENCE4J_CIRCUIT_BREAKER_DEFAULTS,
  type CircuitBreakerConfig,
  type CircuitState,
  type TransitionReason,
} from '../../../../sim/model/resilience/circuitBreaker';

/** A breaker with a transition log, and helpers that read like the calls a client makes. */
function breaker(config: Partial<CircuitBreakerConfig> = {}, now = 0) {
  const cb = new CircuitBreaker(config, now);
  const log: [number, CircuitState, CircuitState, TransitionReason][] = [];
  cb.onTransition = (at, from, to, reason) => log.push([at, from, to, reason]);
  /** `n` calls at `now`, each acquired then finished; returns how many were permitted. */
  const calls = (now: number, n: number, failed: boolean, duration = 0.01): number => {
    let permitted = 0;
    for (let i = 0; i < n; i++) {
      if (!cb.tryAcquire(now)) continue;
      permitted++;
      cb.onResult(now, duration, failed);
    }
    return permitted;
  };
  return { cb, log, calls, metrics: (now: number) => cb.metricsAt(now) };
}

/** Window of 10 calls, minimum 10, the other settings at Resilience4j's defaults. */
const small = { slidingWindowSize: 10, minimumNumberOfCalls: 10 };

/** Opens a `small` breaker at t = 0 with ten failures. */
function opened(config: Partial<CircuitBreakerConfig> = {}) {
  const b = breaker({ ...small, ...config });
  b.calls(0, 10, true);
  expect(b.cb.state).toBe('OPEN');
  return b;
}

describe('Resilience4j circuit breaker: defaults (SEMANTICS.md section 1)', () => {
  it('has the documented defaults', () => {
    expect(RESILIENCE4J_CIRCUIT_BREAKER_DEFAULTS).toEqual({
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
    });
    expect(new CircuitBreaker().config).toEqual(RESILIENCE4J_CIRCUIT_BREAKER_DEFAULTS);
  });

  it('refuses settings Resilience4j refuses', () => {
    expect(() => new CircuitBreaker({ failureRateThreshold: 0 })).toThrow(RangeError);
    expect(() => new CircuitBreaker({ slowCallRateThreshold: 101 })).toThrow(RangeError);
    expect(() => new CircuitBreaker({ slidingWindowSize: 0 })).toThrow(RangeError);
    expect(() => new CircuitBreaker({ permittedNumberOfCallsInHalfOpenState: 0 })).toThrow();
  });
});

describe('CLOSED: the minimum number of calls', () => {
  it('9 failures out of 9 with a minimum of 10 change nothing; no rate is computed', () => {
    const { cb, metrics, log } = breaker(small);
    for (let i = 0; i < 9; i++) {
      expect(cb.tryAcquire(i)).toBe(true);
      cb.onResult(i, 0.1, true);
    }
    expect(cb.state).toBe('CLOSED');
    expect(metrics(9).failureRate).toBe(-1);
    expect(metrics(9).slowCallRate).toBe(-1);
    expect(metrics(9).bufferedCalls).toBe(9);
    expect(metrics(9).failures).toBe(9);
    expect(log).toEqual([]);
  });

  it('the 10th call bringing the failure rate to exactly 50% opens it (>=)', () => {
    const { cb, calls, log, metrics } = breaker(small);
    calls(1, 5, true);
    calls(1, 4, false);
    expect(cb.state).toBe('CLOSED');
    calls(2, 1, false); // 5 failures out of 10
    expect(cb.state).toBe('OPEN');
    expect(log).toEqual([[2, 'CLOSED', 'OPEN', 'failureRateExceeded']]);
    expect(metrics(2).failureRate).toBe(50);
    expect(metrics(2).openedAt).toBe(2);
  });

  it('40% failures over a full window stay CLOSED', () => {
    const { cb, calls, metrics } = breaker(small);
    calls(0, 4, true);
    calls(0, 6, false);
    expect(cb.state).toBe('CLOSED');
    expect(metrics(0).failureRate).toBe(40);
  });

  it('count-based: the minimum is capped at the window size', () => {
    const { cb, calls } = breaker({ slidingWindowSize: 5, minimumNumberOfCalls: 100 });
    calls(0, 4, true);
    expect(cb.state).toBe('CLOSED');
    calls(0, 1, true);
    expect(cb.state).toBe('OPEN');
  });

  it('count-based: only the last N outcomes count', () => {
    const { cb, calls, metrics } = breaker(small);
    calls(0, 4, true);
    calls(0, 10, false); // the 4 failures have left the ring
    expect(metrics(0).failures).toBe(0);
    expect(metrics(0).bufferedCalls).toBe(10);
    calls(0, 4, true);
    expect(metrics(0).failureRate).toBe(40);
    expect(cb.state).toBe('CLOSED');
  });

  it('time-based: the minimum is not capped at the window size', () => {
    const { cb, calls } = breaker({
      slidingWindowType: 'TIME_BASED',
      slidingWindowSize: 5,
      minimumNumberOfCalls: 8,
    });
    calls(0.5, 7, true);
    expect(cb.state).toBe('CLOSED');
    calls(0.5, 1, true);
    expect(cb.state).toBe('OPEN');
  });
});

describe('slow calls', () => {
  const slowRule = { ...small, slowCallDurationThreshold: 2, slowCallRateThreshold: 50 };

  it('a call lasting exactly the threshold is not slow; one just above is', () => {
    const { calls, metrics } = breaker(slowRule);
    calls(0, 1, false, 2);
    expect(metrics(0).slowSuccesses).toBe(0);
    expect(metrics(0).successes).toBe(1);
    calls(0, 1, false, 2.001);
    expect(metrics(0).slowSuccesses).toBe(1);
  });

  it('a slow failure counts as both a failure and a slow call', () => {
    const { calls, metrics } = breaker({ ...slowRule, failureRateThreshold: 100 });
    calls(0, 9, false);
    calls(0, 1, true, 3);
    const m = metrics(0);
    expect([m.successes, m.failures, m.slowSuccesses, m.slowFailures]).toEqual([9, 0, 0, 1]);
    expect(m.failureRate).toBe(10);
    expect(m.slowCallRate).toBe(10);
  });

  it('opens on the slow-call rate alone, and names both rates when both are over', () => {
    const slowOnly = breaker(slowRule);
    slowOnly.calls(0, 5, false, 3);
    slowOnly.calls(0, 5, false, 1);
    expect(slowOnly.log).toEqual([[0, 'CLOSED', 'OPEN', 'slowCallRateExceeded']]);

    const both = breaker(slowRule);
    both.calls(0, 10, true, 3);
    expect(both.log).toEqual([[0, 'CLOSED', 'OPEN', 'bothRatesExceeded']]);
  });

  it('at the default slow-call threshold of 100%, every call in the window must be slow', () => {
    const { cb, calls } = breaker({ ...small, slowCallDurationThreshold: 1 });
    calls(0, 9, false, 5);
    calls(0, 1, false, 0.5);
    expect(cb.state).toBe('CLOSED'); // 90% slow
    calls(0, 10, false, 5);
    expect(cb.state).toBe('OPEN');
  });
});

describe('OPEN', () => {
  it('rejects calls and counts them as not permitted', () => {
    const { cb, metrics } = opened();
    expect(cb.tryAcquire(1)).toBe(false);
    expect(cb.tryAcquire(2)).toBe(false);
    expect(cb.tryAcquire(30)).toBe(false);
    expect(metrics(30).notPermittedCalls).toBe(3);
    expect(metrics(30).notPermittedTotal).toBe(3);
  });

  it('moves to HALF_OPEN only when a call arrives strictly after the wait', () => {
    const { cb, log } = opened();
    cb.advanceTo(100);
    expect(cb.state).toBe('OPEN'); // no automatic transition by default
    expect(cb.nextAutomaticTransitionAt()).toBe(Infinity);
    expect(cb.tryAcquire(60)).toBe(false); // exactly openedAt + 60 s: not yet
    expect(cb.tryAcquire(60.5)).toBe(true); // the first probe
    expect(cb.state).toBe('HALF_OPEN');
    expect(log.at(-1)).toEqual([60.5, 'OPEN', 'HALF_OPEN', 'waitDurationElapsed']);
  });

  it('records results of calls permitted before it opened, without deciding anything', () => {
    const { cb, calls, metrics } = breaker(small);
    const lateCall = cb.tryAcquire(0);
    calls(0, 10, true);
    expect(lateCall && cb.state === 'OPEN').toBe(true);
    cb.onResult(1, 0.1, false);
    expect(cb.state).toBe('OPEN');
    expect(metrics(1).successes).toBe(1);
    expect(metrics(1).failureRate).toBe(90);
  });

  it('with automatic transition on, the simulator can schedule the move to HALF_OPEN', () => {
    const { cb, log } = opened({ automaticTransitionFromOpenToHalfOpenEnabled: true });
    expect(cb.nextAutomaticTransitionAt()).toBe(60);
    cb.advanceTo(59.999);
    expect(cb.state).toBe('OPEN');
    cb.advanceTo(60);
    expect(cb.state).toBe('HALF_OPEN');
    expect(log.at(-1)).toEqual([60, 'OPEN', 'HALF_OPEN', 'waitDurationElapsed']);
  });

  it('a late call applies an overdue automatic transition at its due time', () => {
    const { cb, log, metrics } = opened({ automaticTransitionFromOpenToHalfOpenEnabled: true });
    expect(cb.tryAcquire(75)).toBe(true);
    expect(log.at(-1)).toEqual([60, 'OPEN', 'HALF_OPEN', 'waitDurationElapsed']);
    expect(metrics(75).stateSince).toBe(60);
  });
});

describe('HALF_OPEN', () => {
  /** Opened at 0, first probe let through at 61. */
  function halfOpen(config: Partial<CircuitBreakerConfig> = {}) {
    const b = opened(config);
    expect(b.cb.tryAcquire(61)).toBe(true);
    return b;
  }

  it('lets 10 probes through and rejects the 11th', () => {
    const { cb, metrics } = halfOpen();
    expect(metrics(61).halfOpenPermitsLeft).toBe(9);
    for (let i = 2; i <= 10; i++) expect(cb.tryAcquire(61)).toBe(true);
    expect(metrics(61).halfOpenPermitsLeft).toBe(0);
    expect(cb.tryAcquire(61)).toBe(false);
    expect(metrics(61).notPermittedCalls).toBe(1);
  });

  it('probes with 40% failures close it, with a fresh window', () => {
    const { cb, log, metrics } = halfOpen();
    for (let i = 2; i <= 10; i++) cb.tryAcquire(61);
    for (let i = 0; i < 4; i++) cb.onResult(62, 0.1, true);
    for (let i = 0; i < 5; i++) cb.onResult(62, 0.1, false);
    expect(cb.state).toBe('HALF_OPEN');
    cb.onResult(63, 0.1, false);
    expect(log.at(-1)).toEqual([63, 'HALF_OPEN', 'CLOSED', 'probesBelowThresholds']);
    expect(metrics(63).bufferedCalls).toBe(0);
    expect(metrics(63).failureRate).toBe(-1);
  });

  it('decides only after all 10 probes, then 50% failures reopen it for another wait', () => {
    const { cb, log } = halfOpen();
    for (let i = 2; i <= 10; i++) cb.tryAcquire(61);
    for (let i = 0; i < 5; i++) cb.onResult(62, 0.1, true);
    for (let i = 0; i < 4; i++) cb.onResult(62, 0.1, false);
    expect(cb.state).toBe('HALF_OPEN'); // 5 of 9 failed, but 10 must finish
    cb.onResult(64, 0.1, false);
    expect(log.at(-1)).toEqual([64, 'HALF_OPEN', 'OPEN', 'failureRateExceeded']);
    expect(cb.tryAcquire(124)).toBe(false);
    expect(cb.tryAcquire(124.5)).toBe(true);
  });

  it('decides after min(minimumNumberOfCalls, permitted) results', () => {
    const { cb } = halfOpen({ minimumNumberOfCalls: 3, slidingWindowSize: 3 });
    cb.tryAcquire(61);
    cb.tryAcquire(61);
    cb.onResult(62, 0.1, false);
    cb.onResult(62, 0.1, false);
    expect(cb.state).toBe('HALF_OPEN');
    cb.onResult(62, 0.1, true);
    expect(cb.state).toBe('CLOSED');
  });

  it('has no time limit by default: hung probes hold it there (resilience4j issue #903)', () => {
    const { cb } = halfOpen();
    for (let i = 2; i <= 10; i++) cb.tryAcquire(61);
    expect(cb.nextAutomaticTransitionAt()).toBe(Infinity);
    expect(cb.tryAcquire(1e6)).toBe(false);
    expect(cb.state).toBe('HALF_OPEN');
  });

  it('maxWaitDurationInHalfOpenState > 0 reopens it at the deadline, seen by the next call', () => {
    const { cb, log } = halfOpen({ maxWaitDurationInHalfOpenState: 30 });
    expect(cb.nextAutomaticTransitionAt()).toBe(91);
    expect(cb.tryAcquire(90)).toBe(true); // a second probe, still in time
    expect(cb.tryAcquire(95)).toBe(false);
    expect(cb.state).toBe('OPEN');
    expect(log.at(-1)).toEqual([91, 'HALF_OPEN', 'OPEN', 'maxWaitInHalfOpenElapsed']);
    expect(cb.tryAcquire(151)).toBe(false); // the open wait runs from 91
    expect(cb.tryAcquire(151.5)).toBe(true);
  });

  it('a released permission frees a probe', () => {
    const { cb } = halfOpen({ permittedNumberOfCallsInHalfOpenState: 1 });
    expect(cb.tryAcquire(61)).toBe(false);
    cb.releasePermission();
    expect(cb.tryAcquire(61)).toBe(true);
  });
});

describe('time-based window', () => {
  const timeBased = {
    slidingWindowType: 'TIME_BASED' as const,
    slidingWindowSize: 10,
    minimumNumberOfCalls: 5,
  };

  it('forgets calls older than N seconds', () => {
    const { cb, calls, metrics } = breaker(timeBased);
    calls(0.5, 4, true); // epoch second 0
    expect(metrics(9.9).bufferedCalls).toBe(4); // seconds 0..9 are the window
    expect(metrics(10.2).bufferedCalls).toBe(0); // second 10: second 0 has left
    calls(10.2, 1, true);
    expect(cb.state).toBe('CLOSED');
  });

  it('counts calls spread over the window together', () => {
    const { cb, calls } = breaker(timeBased);
    calls(0.5, 4, true);
    calls(9.9, 1, true);
    expect(cb.state).toBe('OPEN');
  });

  it('a gap longer than the window empties it whatever its length', () => {
    const { calls, metrics } = breaker(timeBased);
    calls(3, 3, true);
    calls(7, 3, false);
    expect(metrics(1e6).bufferedCalls).toBe(0);
    calls(1e6, 2, false);
    expect(metrics(1e6 + 9).successes).toBe(2);
  });
});

describe('special states', () => {
  it('DISABLED permits everything and records nothing', () => {
    const { cb, calls, metrics } = breaker(small);
    cb.transitionTo(0, 'DISABLED');
    expect(calls(0, 50, true)).toBe(50);
    expect(cb.state).toBe('DISABLED');
    expect(metrics(0).bufferedCalls).toBe(0);
  });

  it('FORCED_OPEN rejects everything and counts it', () => {
    const { cb, calls, metrics } = breaker(small);
    cb.transitionTo(0, 'FORCED_OPEN');
    expect(calls(1000, 3, false)).toBe(0);
    expect(metrics(1000).notPermittedCalls).toBe(3);
    expect(cb.state).toBe('FORCED_OPEN');
  });

  it('METRICS_ONLY records but never opens', () => {
    const { cb, calls, metrics } = breaker(small);
    cb.transitionTo(0, 'METRICS_ONLY');
    calls(0, 10, true);
    expect(cb.state).toBe('METRICS_ONLY');
    expect(metrics(0).failureRate).toBe(100);
  });

  it('reset returns to a fresh CLOSED and logs it', () => {
    const { cb, log, metrics } = opened();
    cb.reset(5);
    expect(log.at(-1)).toEqual([5, 'OPEN', 'CLOSED', 'reset']);
    expect(metrics(5).bufferedCalls).toBe(0);
  });
});

describe('against a naive recomputation over the last N outcomes', () => {
  const outcomes = fc.array(fc.tuple(fc.boolean(), fc.boolean()), { maxLength: 300 });
  const naive = (history: [boolean, boolean][], size: number) => {
    const window = history.slice(-size);
    const failed = window.filter(([f]) => f).length;
    const slow = window.filter(([, s]) => s).length;
    return {
      n: window.length,
      failureRate: Math.fround((failed * 100) / window.length),
      slowRate: Math.fround((slow * 100) / window.length),
      slowFailures: window.filter(([f, s]) => f && s).length,
    };
  };

  it('count-based rates and counts match', () => {
    fc.assert(
      fc.property(
        outcomes,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 30 }),
        (history, size, minimum) => {
          const cb = new CircuitBreaker({
            slidingWindowSize: size,
            minimumNumberOfCalls: minimum,
            slowCallDurationThreshold: 1,
          });
          cb.transitionTo(0, 'METRICS_ONLY');
          history.forEach(([failed, slow], i) => {
            cb.onResult(i, slow ? 2 : 0.5, failed);
            const m = cb.metricsAt(i);
            const ref = naive(history.slice(0, i + 1), size);
            const enough = ref.n >= Math.min(minimum, size);
            expect(m.bufferedCalls).toBe(ref.n);
            expect(m.slowFailures).toBe(ref.slowFailures);
            expect(m.failureRate).toBe(enough ? ref.failureRate : -1);
            expect(m.slowCallRate).toBe(enough ? ref.slowRate : -1);
          });
        },
      ),
      { seed: 20240611, numRuns: 200 },
    );
  });

  it('a CLOSED breaker opens at the first call where the naive rates cross a threshold', () => {
    fc.assert(
      fc.property(
        outcomes,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (history, size, minimum, failureThreshold, slowThreshold) => {
          const cb = new CircuitBreaker({
            slidingWindowSize: size,
            minimumNumberOfCalls: minimum,
            failureRateThreshold: failureThreshold,
            slowCallRateThreshold: slowThreshold,
            slowCallDurationThreshold: 1,
          });
          let expectedOpenAt = -1;
          history.forEach((_, i) => {
            const ref = naive(history.slice(0, i + 1), size);
            const trips =
              ref.n >= Math.min(minimum, size) &&
              (ref.failureRate >= failureThreshold || ref.slowRate >= slowThreshold);
            if (trips && expectedOpenAt === -1) expectedOpenAt = i;
          });
          let openedAt = -1;
          cb.onTransition = (at) => {
            if (openedAt === -1) openedAt = at;
          };
          history.forEach(([failed, slow], i) => {
            if (cb.state === 'CLOSED') cb.onResult(i, slow ? 2 : 0.5, failed);
          });
          expect(openedAt).toBe(expectedOpenAt);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
