import { describe, expect, it } from 'vitest';
import { breakerView } from '../../../sim/inspect/breakerView';
import { LoggedBreaker } from '../../../sim/model/resilience/breakerLog';
import {
  CircuitBreaker,
  type CircuitBreakerConfig,
} from '../../../sim/model/resilience/circuitBreaker';

/** A named breaker and a client that acquires, then reports, one call at a time. */
function client(config: Partial<CircuitBreakerConfig>) {
  const logged = new LoggedBreaker('api.page[1]', new CircuitBreaker(config, 0));
  const call = (now: number, failed: boolean, duration = 0.01): boolean => {
    if (!logged.breaker.tryAcquire(now)) return false;
    logged.breaker.onResult(now, duration, failed);
    return true;
  };
  return { logged, cb: logged.breaker, call, view: (now: number) => breakerView(logged, now) };
}

const tenCalls = {
  slidingWindowSize: 10,
  minimumNumberOfCalls: 10,
  failureRateThreshold: 50,
  waitDurationInOpenState: 5,
  permittedNumberOfCallsInHalfOpenState: 3,
};

describe('breaker view: a hand-driven count-based breaker', () => {
  it('shows min-calls gating, then OPEN at 6 failures of 10, then probes, then CLOSED', () => {
    const b = client(tenCalls);
    for (let i = 0; i < 4; i++) b.call(1, false);
    for (let i = 0; i < 5; i++) b.call(1, true);
    // 9 calls, 5 failed: 56% but below the minimum of 10, so no rate and no decision.
    let v = b.view(1);
    expect(v.state).toBe('CLOSED');
    expect(v.belowMinimum).toBe(true);
    expect(v.failureRate).toBeNull();
    expect(v.window.total).toBe(9);
    expect(v.window.cells).toEqual([
      ...Array<string>(4).fill('success'),
      ...Array<string>(5).fill('failure'),
    ]);

    b.call(2, true);
    v = b.view(2);
    expect(v.state).toBe('OPEN');
    expect(v.belowMinimum).toBe(false);
    expect(v.failureRate).toBe(60);
    expect(v.window.counts).toEqual({ success: 4, failure: 6, slowSuccess: 0, slowFailure: 0 });
    expect(v.openSecondsLeft).toBe(5);
    expect(b.view(5.8).openSecondsLeft).toBeCloseTo(1.2, 12);
    // The same numbers the breaker's own dashboard metrics give.
    const m = b.cb.metricsAt(2);
    expect(v.failureRate).toBe(m.failureRate);
    expect(v.window.total).toBe(m.bufferedCalls);

    // Rejected while OPEN; the view counts them.
    expect(b.call(4, false)).toBe(false);
    expect(b.view(4).notPermittedTotal).toBe(1);

    // Strictly after the 5 s wait, the next call is the first probe.
    expect(b.call(7.5, false)).toBe(true);
    v = b.view(7.5);
    expect(v.state).toBe('HALF_OPEN');
    expect(v.window.kind).toBe('HALF_OPEN_PROBES');
    expect(v.probes).toEqual({ used: 1, permitted: 3, finished: 1 });
    expect(v.minimumCalls).toBe(3);
    expect(v.belowMinimum).toBe(true);
    expect(v.openSecondsLeft).toBeNull();

    b.call(7.6, false);
    expect(b.view(7.6).probes).toEqual({ used: 2, permitted: 3, finished: 2 });
    b.call(7.7, false);
    v = b.view(7.7);
    expect(v.state).toBe('CLOSED');
    expect(v.probes).toBeNull();
    expect(v.window.total).toBe(0);
    expect(v.transitions.map((t) => `${t.from}>${t.to}@${t.at}`)).toEqual([
      'CLOSED>OPEN@2',
      'OPEN>HALF_OPEN@7.5',
      'HALF_OPEN>CLOSED@7.7',
    ]);
    expect(v.transitionCount).toBe(3);
  });

  it('counts a slow call and a slow failure apart, and rates them against their thresholds', () => {
    const b = client({ ...tenCalls, slowCallDurationThreshold: 0.5, slowCallRateThreshold: 100 });
    for (let i = 0; i < 7; i++) b.call(0, false);
    b.call(0, false, 0.9);
    b.call(0, true, 0.9);
    b.call(0, true);
    const v = b.view(0);
    expect(v.window.counts).toEqual({ success: 7, failure: 1, slowSuccess: 1, slowFailure: 1 });
    expect(v.failureRate).toBe(20);
    expect(v.slowCallRate).toBe(20);
    expect(v.state).toBe('CLOSED');
  });

  it('a full ring lists the last N outcomes, oldest first', () => {
    const b = client({ ...tenCalls, failureRateThreshold: 100 });
    for (let i = 0; i < 12; i++) b.call(0, i % 3 === 0);
    const v = b.view(0);
    // Calls 2..11 are held; failures were calls 0, 3, 6, 9.
    expect(v.window.cells.map((c) => (c === 'failure' ? 'F' : 'S')).join('')).toBe('SFSSFSSFSS');
  });
});

describe('breaker view: a time-based window', () => {
  it('shows one bucket per second and ages seconds out without touching the breaker', () => {
    const b = client({
      slidingWindowType: 'TIME_BASED',
      slidingWindowSize: 3,
      minimumNumberOfCalls: 4,
      failureRateThreshold: 100,
    });
    b.call(0.2, false);
    b.call(0.7, true);
    b.call(1.5, false);
    b.call(2.1, false);
    let v = b.view(2.5);
    expect(v.window.kind).toBe('TIME_BASED');
    expect(v.window.buckets.map((r) => [r.second, r.counts.success, r.counts.failure])).toEqual([
      [0, 1, 1],
      [1, 1, 0],
      [2, 1, 0],
    ]);
    expect(v.failureRate).toBe(25);
    // At 3.4 s second 0 has aged out: 2 calls left, below the minimum of 4.
    v = b.view(3.4);
    expect(v.window.buckets.map((r) => r.second)).toEqual([1, 2, 3]);
    expect(v.window.total).toBe(2);
    expect(v.belowMinimum).toBe(true);
    // Reading did not age the breaker's own window.
    expect(b.cb.currentWindow.total).toBe(4);
  });
});
