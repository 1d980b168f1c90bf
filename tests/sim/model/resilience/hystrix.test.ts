import { describe, expect, it } from 'vitest';
import {
  HYSTRIX_CIRCUIT_BREAKER,
  hystrixCircuitBreaker,
  hystrixCircuitBreakerConfig,
} from '../../../../sim/model/resilience/hystrix';

/** `n` calls at `now` that the breaker lets through, each finishing at once. */
function send(
  cb: ReturnType<typeof hystrixCircuitBreaker>,
  now: number,
  n: number,
  failed: boolean,
) {
  let permitted = 0;
  for (let i = 0; i < n; i++) {
    if (!cb.tryAcquire(now)) continue;
    permitted++;
    cb.onResult(now, 0.05, failed);
  }
  return permitted;
}

describe('Hystrix-like preset (SEMANTICS.md section 1, Hystrix differences)', () => {
  it('maps the Hystrix defaults', () => {
    expect(HYSTRIX_CIRCUIT_BREAKER).toMatchObject({
      slidingWindowType: 'TIME_BASED',
      slidingWindowSize: 10,
      minimumNumberOfCalls: 20,
      failureRateThreshold: 50,
      waitDurationInOpenState: 5,
      permittedNumberOfCallsInHalfOpenState: 1,
    });
    expect(
      hystrixCircuitBreakerConfig({ waitDurationInOpenState: 2 }).waitDurationInOpenState,
    ).toBe(2);
  });

  it('does not trip below requestVolumeThreshold = 20, even at 100% errors', () => {
    const cb = hystrixCircuitBreaker();
    send(cb, 0.1, 19, true);
    expect(cb.state).toBe('CLOSED');
    send(cb, 0.2, 1, true);
    expect(cb.state).toBe('OPEN');
  });

  it('trips at 50% errors over the rolling 10 s, which forgets older seconds', () => {
    const cb = hystrixCircuitBreaker();
    send(cb, 0.5, 10, true); // second 0
    send(cb, 9.5, 9, false); // second 9: 10 errors of 19
    send(cb, 10.5, 1, false); // second 10: second 0 is gone, 0 errors of 10
    expect(cb.state).toBe('CLOSED');
    send(cb, 11, 10, true); // 10 errors of 20
    expect(cb.state).toBe('OPEN');
  });

  it('lets exactly one trial through strictly after the 5 s sleep window', () => {
    const cb = hystrixCircuitBreaker();
    send(cb, 0, 20, true);
    expect(cb.tryAcquire(5)).toBe(false);
    expect(cb.tryAcquire(5.001)).toBe(true);
    expect(cb.tryAcquire(5.002)).toBe(false);
    expect(cb.state).toBe('HALF_OPEN');
  });

  it('a failed trial reopens for another sleep window; a good one closes with a fresh window', () => {
    const cb = hystrixCircuitBreaker();
    send(cb, 0, 20, true);
    expect(cb.tryAcquire(6)).toBe(true);
    cb.onResult(7, 1, true); // Hystrix: the 1 s execution timeout, reported as a failure
    expect(cb.state).toBe('OPEN');
    expect(cb.tryAcquire(12)).toBe(false);
    expect(send(cb, 12.5, 1, false)).toBe(1);
    expect(cb.state).toBe('CLOSED');
    expect(cb.metricsAt(12.5).bufferedCalls).toBe(0);
  });

  it('has no slow-call rule: only failures count', () => {
    const cb = hystrixCircuitBreaker();
    for (let i = 0; i < 40; i++) {
      cb.tryAcquire(0);
      cb.onResult(0, 3600, false);
    }
    expect(cb.state).toBe('CLOSED');
  });
});
