import { describe, expect, it } from 'vitest';
import { breakerView } from '../../../sim/inspect/breakerView';
import { LoggedBreaker } from '../../../sim/model/resilience/breakerLog';
import { CircuitBreaker } from '../../../sim/model/resilience/circuitBreaker';
import { gatingText, rateText, stateDetail } from '../../../src/inspect/breakerText';
import { stackRows } from '../../../src/inspect/raceLayout';
import { lagText, shareText } from '../../../src/inspect/rawSeries';

/** The lesson's breaker settings: 20-call window, 10 calls minimum, 5 s open, 10 probes. */
function lessonBreaker() {
  const logged = new LoggedBreaker(
    'api.page[1]',
    new CircuitBreaker(
      {
        slidingWindowSize: 20,
        minimumNumberOfCalls: 10,
        waitDurationInOpenState: 5,
        permittedNumberOfCallsInHalfOpenState: 10,
      },
      0,
    ),
  );
  const call = (now: number, failed: boolean) => {
    if (logged.breaker.tryAcquire(now)) logged.breaker.onResult(now, 0.01, failed);
  };
  return { logged, call };
}

describe('breaker tile texts', () => {
  it('says why it is still open, then how many probes are used', () => {
    const { logged, call } = lessonBreaker();
    for (let i = 0; i < 7; i++) call(1, true);
    expect(gatingText(breakerView(logged, 1))).toBe(
      'Window holds 7 calls: rates count from 10, so nothing is decided yet.',
    );
    expect(rateText(breakerView(logged, 1).failureRate)).toBe('n/a');
    for (let i = 0; i < 3; i++) call(2, true);
    expect(stateDetail(breakerView(logged, 3.8))).toBe('OPEN: 3.2 s left');
    expect(stateDetail(breakerView(logged, 7.5))).toBe('OPEN: wait over, the next call probes');
    call(7.5, false);
    call(7.6, false);
    expect(stateDetail(breakerView(logged, 7.6))).toBe('2 of 10 probes used');
  });

  it('formats rates, shares and lags for reading', () => {
    expect(rateText(56.25)).toBe('56.3%');
    expect(shareText(0.0071)).toBe('0.7%');
    expect(shareText(0.614)).toBe('61%');
    expect(lagText(0.0042)).toBe('4.2 ms');
    expect(lagText(0.2502)).toBe('0.25 s');
  });
});

describe('race timeline rows', () => {
  it('stacks overlapping reads into separate rows and reuses a row once it is free', () => {
    const rows = stackRows([
      { began: 0, ended: 5 },
      { began: 1, ended: 2 },
      { began: 3, ended: 4 },
      { began: 6, ended: 7 },
    ]);
    expect(rows).toEqual([0, 1, 1, 0]);
  });
});
