import { describe, expect, it } from 'vitest';
import { fixed, scenario } from '../../helpers/scenarioBuilder';
import { BreakerStateTime } from '../../../sim/metrics/breakerStateTime';
import { BREAKER_SERIES_FIELDS } from '../../../sim/metrics/seriesSubjects';
import { buildRunReport } from '../../../sim/metrics/runReport';
import { CircuitBreaker } from '../../../sim/model/resilience/circuitBreaker';

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

/**
 * 100 calls/s through a breaker (10-call window, opens at 50% failed, waits 5 s, 2 probes) to a
 * dependency that is down from 10 s to 30 s: the fifth failed call after 10 s opens it, so it
 * opens about 0.05 s into bucket 10 and stays OPEN (with short HALF_OPEN probes every 5 s) until
 * the first probe after 30 s, which closes it.
 */
function outageRun() {
  return scenario('breaker-outage')
    .lasting(40)
    .seed(2)
    .metrics({ bucketSeconds: 1 })
    .station({
      id: 'api',
      servers: 200,
      endpoints: {
        page: [
          {
            kind: 'call',
            to: 'dep',
            onFailure: 'fallback',
            breaker: {
              slidingWindowSize: 10,
              minimumNumberOfCalls: 10,
              failureRateThreshold: 50,
              waitDurationInOpenState: 5,
              permittedNumberOfCallsInHalfOpenState: 2,
            },
          },
        ],
      },
    })
    .station({ id: 'dep', servers: 50, service: fixed(0.002) })
    .poisson('pages', 'api', 100)
    .fault({ kind: 'outage', at: 10, station: 'dep', duration: 20 })
    .run();
}

describe('breaker series subject', () => {
  const sim = outageRun();
  const logged = sim.breakers[0]!;
  const subject = sim.stations.length + sim.sources.length;
  const column = (field: (typeof BREAKER_SERIES_FIELDS)[number]) =>
    Array.from(
      sim.series.data[subject]![BREAKER_SERIES_FIELDS.indexOf(field)]!.subarray(
        0,
        sim.series.buckets,
      ),
    );

  it('is recorded after every other subject, under the breaker’s name', () => {
    expect(logged.name).toBe('api.page[0]');
    expect(sim.series.data).toHaveLength(subject + 1);
  });

  it('opens just after the outage starts and closes after it ends', () => {
    const closed = column('closedSeconds');
    const open = column('openSeconds');
    const halfOpen = column('halfOpenSeconds');
    expect(sim.series.buckets).toBe(40);
    // Every bucket is fully accounted for: 1 s in some state.
    closed.forEach((c, i) => expect(c + open[i]! + halfOpen[i]!).toBeCloseTo(1, 9));
    for (let i = 0; i < 10; i++) expect(closed[i]).toBe(1);
    // Five failed calls at 100/s: OPEN from about 10.05 s.
    expect(open[10]).toBeGreaterThan(0.85);
    expect(open[10]).toBeLessThan(1);
    const firstOpen = logged.transitions.find((t) => t.to === 'OPEN')!;
    expect(firstOpen.at).toBeGreaterThan(10);
    expect(open[10]).toBeCloseTo(11 - firstOpen.at, 9);
    for (let i = 11; i < 30; i++) expect(open[i]).toBeGreaterThan(0.95);
    // Probes every 5 s while the dependency is down.
    expect(sum(halfOpen.slice(11, 30))).toBeGreaterThan(0);
    // Back to CLOSED by the first probe after 30 s, well before the end.
    for (let i = 36; i < 40; i++) expect(closed[i]).toBeCloseTo(1, 9);
  });

  it('counts refused calls and state changes as the breaker does', () => {
    expect(sum(column('notPermitted'))).toBe(logged.breaker.notPermittedSinceStart);
    expect(sum(column('transitions'))).toBe(logged.transitionCount);
    expect(logged.breaker.notPermittedSinceStart).toBeGreaterThan(1000);
  });

  it('reaches the report as shares of each bucket', () => {
    const series = buildRunReport(sim, 0, []).series.breakers!['api.page[0]']!;
    expect(series.closed!.slice(0, 10)).toEqual(new Array(10).fill(1));
    expect(series.open![10]).toBe(Number((column('openSeconds')[10]! / 1).toPrecision(6)));
    expect(sum(series.transitions!)).toBe(logged.transitionCount);
  });
});

describe('BreakerStateTime', () => {
  it('credits a pending automatic transition only once the breaker has applied it', () => {
    const breaker = new CircuitBreaker({
      slidingWindowSize: 1,
      minimumNumberOfCalls: 1,
      waitDurationInOpenState: 5,
      automaticTransitionFromOpenToHalfOpenEnabled: true,
    });
    const time = new BreakerStateTime(breaker);
    const out = new Float64Array(3);
    expect(breaker.tryAcquire(1)).toBe(true);
    breaker.onResult(1, 0.01, true);
    expect(breaker.state).toBe('OPEN');
    time.secondsAt(4, out);
    expect(Array.from(out)).toEqual([1, 0, 3]);
    // HALF_OPEN is due at 6 but not applied yet: OPEN is credited up to 6 only.
    time.secondsAt(8, out);
    expect(Array.from(out)).toEqual([1, 0, 5]);
    breaker.tryAcquire(9);
    expect(breaker.state).toBe('HALF_OPEN');
    time.secondsAt(9, out);
    expect(Array.from(out)).toEqual([1, 3, 5]);
  });

  it('still lets the breaker’s earlier listener hear every transition', () => {
    const breaker = new CircuitBreaker({ slidingWindowSize: 1, minimumNumberOfCalls: 1 });
    const heard: string[] = [];
    breaker.onTransition = (_at, from, to) => heard.push(`${from}->${to}`);
    new BreakerStateTime(breaker);
    breaker.tryAcquire(0);
    breaker.onResult(0, 0.01, true);
    expect(heard).toEqual(['CLOSED->OPEN']);
  });
});
