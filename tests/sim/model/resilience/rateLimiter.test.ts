import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RESILIENCE4J_RATE_LIMITER_DEFAULTS,
  Resilience4jRateLimiter,
  TokenBucket,
} from '../../../../sim/model/resilience/rateLimiter';

describe('token bucket', () => {
  it('starts full: a burst of 5 goes through, the 6th is refused', () => {
    const bucket = new TokenBucket(2, 5);
    for (let i = 0; i < 5; i++) expect(bucket.tryAcquire(0)).toBe(true);
    expect(bucket.tryAcquire(0)).toBe(false);
    expect([bucket.admitted, bucket.refused]).toEqual([5, 1]);
  });

  it('refills continuously at the rate, computed from now', () => {
    const bucket = new TokenBucket(2, 5);
    for (let i = 0; i < 5; i++) bucket.tryAcquire(0);
    expect(bucket.tryAcquire(0.4)).toBe(false); // 0.8 tokens
    expect(bucket.tryAcquire(0.5)).toBe(true); // 1.0 token
    expect(bucket.waitTime(0.5, 2)).toBeCloseTo(1, 12);
    expect(bucket.available(0.75)).toBeCloseTo(0.5, 12);
  });

  it('never holds more than the burst, however long it idles', () => {
    const bucket = new TokenBucket(100, 3);
    expect(bucket.available(1e6)).toBe(3);
    expect(bucket.tryAcquire(1e6, 4)).toBe(false);
    expect(bucket.waitTime(1e6, 4)).toBe(Infinity);
  });

  it('admits at most rate * T + burst over any interval of length T', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 3 })),
          {
            maxLength: 200,
          },
        ),
        (rate, burst, steps) => {
          const bucket = new TokenBucket(rate, burst);
          const times: number[] = [];
          const taken: number[] = [];
          let now = 0;
          for (const [gap, permits] of steps) {
            now += gap;
            if (bucket.tryAcquire(now, permits)) {
              times.push(now);
              taken.push(permits);
            }
            expect(bucket.available(now)).toBeLessThanOrEqual(burst);
          }
          for (let i = 0; i < times.length; i++) {
            let sum = 0;
            for (let j = i; j < times.length; j++) {
              sum += taken[j]!;
              expect(sum).toBeLessThanOrEqual(rate * (times[j]! - times[i]!) + burst + 1e-9);
            }
          }
        },
      ),
      { seed: 99, numRuns: 200 },
    );
  });
});

describe('Resilience4j RateLimiter (SEMANTICS.md section 1)', () => {
  it('has the documented defaults, the 500 ns period in seconds', () => {
    expect(RESILIENCE4J_RATE_LIMITER_DEFAULTS).toEqual({
      limitForPeriod: 50,
      limitRefreshPeriod: 500e-9,
      timeoutDuration: 5,
    });
    // 50 permits per 500 ns: the 51st at t = 0 waits for the next period, exactly 500 ns.
    const limiter = new Resilience4jRateLimiter();
    for (let i = 0; i < 50; i++) expect(limiter.acquire(0)).toBe(0);
    expect(limiter.acquire(0)).toBe(500e-9);
  });

  it('resets permits each period; unused ones do not carry over', () => {
    const limiter = new Resilience4jRateLimiter({
      limitForPeriod: 2,
      limitRefreshPeriod: 1,
      timeoutDuration: 0,
    });
    expect(limiter.acquire(0.1)).toBe(0);
    expect(limiter.acquire(0.1)).toBe(0);
    expect(limiter.acquire(0.9)).toBe(-1);
    expect(limiter.acquire(1)).toBe(0); // a new period begins exactly at 1 s
    expect(limiter.availablePermissions(3.5)).toBe(2); // idle periods 1..3 left no savings
    expect(limiter.acquire(3.5, 3)).toBe(-1);
    expect([limiter.acquiredAtOnce, limiter.acquiredAfterWait, limiter.refused]).toEqual([3, 0, 2]);
  });

  it('reserves future permits within the timeout, driving the count negative', () => {
    const limiter = new Resilience4jRateLimiter({
      limitForPeriod: 2,
      limitRefreshPeriod: 1,
      timeoutDuration: 5,
    });
    expect(limiter.acquire(0.2)).toBe(0);
    expect(limiter.acquire(0.2)).toBe(0);
    expect(limiter.acquire(0.2)).toBeCloseTo(0.8, 12); // next period, at 1 s
    expect(limiter.acquire(0.2)).toBeCloseTo(0.8, 12);
    expect(limiter.acquire(0.2)).toBeCloseTo(1.8, 12); // the period after, at 2 s
    expect(limiter.availablePermissions(0.2)).toBe(-3);
    expect(limiter.availablePermissions(1)).toBe(-1); // 2 new permits pay back the debt first
    expect(limiter.availablePermissions(2.5)).toBe(1);
    expect(limiter.acquiredAfterWait).toBe(3);
  });

  it('refuses, reserving nothing, when the wait would pass the timeout; a wait equal to it is fine', () => {
    const limiter = new Resilience4jRateLimiter({
      limitForPeriod: 1,
      limitRefreshPeriod: 1,
      timeoutDuration: 1,
    });
    expect(limiter.acquire(0)).toBe(0);
    expect(limiter.acquire(0)).toBe(1); // exactly the timeout
    expect(limiter.acquire(0)).toBe(-1); // would need 2 s
    expect(limiter.availablePermissions(0)).toBe(-1);
    expect(limiter.timeoutDuration).toBe(1);
  });

  it('asks for several permits at once across periods', () => {
    const limiter = new Resilience4jRateLimiter({
      limitForPeriod: 3,
      limitRefreshPeriod: 0.5,
      timeoutDuration: 10,
    });
    // 7 permits: 3 now, 3 at 0.5 s, 1 at 1 s, so the caller waits until 1 s.
    expect(limiter.acquire(0, 7)).toBe(1);
    expect(limiter.availablePermissions(0)).toBe(-4);
  });
});
