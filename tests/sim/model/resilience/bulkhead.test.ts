import { describe, expect, it } from 'vitest';
import {
  RESILIENCE4J_BULKHEAD_DEFAULTS,
  SemaphoreBulkhead,
} from '../../../../sim/model/resilience/bulkhead';

describe('Resilience4j semaphore bulkhead (SEMANTICS.md section 1)', () => {
  it('defaults: 25 concurrent calls, the 26th rejected at once', () => {
    expect(RESILIENCE4J_BULKHEAD_DEFAULTS).toEqual({ maxConcurrentCalls: 25, maxWaitDuration: 0 });
    const bulkhead = new SemaphoreBulkhead();
    for (let i = 0; i < 25; i++) expect(bulkhead.tryEnter()).toBe('entered');
    expect(bulkhead.tryEnter()).toBe('full');
    expect([bulkhead.active, bulkhead.available, bulkhead.rejected]).toEqual([25, 0, 1]);
  });

  it('a finished call frees its permit for the next one', () => {
    const bulkhead = new SemaphoreBulkhead({ maxConcurrentCalls: 2 });
    bulkhead.tryEnter();
    bulkhead.tryEnter();
    expect(bulkhead.exit()).toBe(false); // nobody waits with maxWaitDuration 0
    expect(bulkhead.tryEnter()).toBe('entered');
    expect([bulkhead.entered, bulkhead.maxActiveSeen]).toEqual([3, 2]);
  });

  it('with maxWaitDuration > 0 a caller waits, and gets the next permit in arrival order', () => {
    const bulkhead = new SemaphoreBulkhead({ maxConcurrentCalls: 1, maxWaitDuration: 0.5 });
    expect(bulkhead.tryEnter()).toBe('entered');
    expect(bulkhead.tryEnter()).toBe('wait');
    expect(bulkhead.tryEnter()).toBe('wait');
    expect(bulkhead.exit()).toBe(true); // handed to the oldest waiter
    expect([bulkhead.active, bulkhead.waiting]).toEqual([1, 1]);
    bulkhead.waitTimedOut(); // the other one reaches maxWaitDuration
    expect([bulkhead.waiting, bulkhead.rejected]).toEqual([0, 1]);
  });

  it('a waiter whose client gives up leaves the queue without counting as rejected', () => {
    const bulkhead = new SemaphoreBulkhead({ maxConcurrentCalls: 1, maxWaitDuration: 1 });
    bulkhead.tryEnter();
    expect(bulkhead.tryEnter()).toBe('wait');
    bulkhead.waitAbandoned();
    expect([bulkhead.waiting, bulkhead.rejected]).toEqual([0, 0]);
    expect(bulkhead.exit()).toBe(false);
    expect(bulkhead.available).toBe(1);
  });

  it('refuses an exit without a permit', () => {
    expect(() => new SemaphoreBulkhead().exit()).toThrow();
    expect(() => new SemaphoreBulkhead().waitTimedOut()).toThrow();
  });
});
