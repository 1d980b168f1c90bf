import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../sim/scenarios/runScenario';
import { validateScenario } from '../../../sim/scenarios/validateScenario';
import { exponential, fixed, scenario } from '../../helpers/scenarioBuilder';

type CallExtras = Record<string, unknown>;

/**
 * A caller `api` (plenty of threads, 1 ms of work) calling `slow` (plenty of threads, `service`
 * per call) with the given extras on the call step; `rate` calls per second for `seconds`, then
 * none, and the run goes on until `until` so every call in flight can end.
 */
function run(
  extras: CallExtras,
  opts: {
    rate: number;
    seconds: number;
    until?: number;
    service?: ReturnType<typeof fixed> | ReturnType<typeof exponential>;
    onFailure?: 'fail' | 'fallback';
    apiTimeout?: number;
  },
) {
  const until = opts.until ?? opts.seconds + 10;
  return scenario('admission')
    .lasting(until)
    .station({
      id: 'api',
      servers: 10_000,
      ...(opts.apiTimeout !== undefined && { timeoutPolicy: 'cancel' as const }),
      endpoints: {
        default: [
          { kind: 'work', duration: fixed(0.001) },
          {
            kind: 'call',
            to: 'slow',
            onFailure: opts.onFailure ?? 'fail',
            ...extras,
          } as never,
        ],
      },
    })
    .station({ id: 'slow', servers: 10_000, service: opts.service ?? fixed(1) })
    .source({
      id: 'users',
      kind: 'poisson',
      target: 'api',
      profile: {
        points: [
          [0, opts.rate],
          [opts.seconds, opts.rate],
          [opts.seconds + 1e-6, 0],
        ],
      },
      ...(opts.apiTimeout !== undefined && { client: { timeout: opts.apiTimeout } }),
    })
    .run();
}

describe('Resilience4j semaphore bulkhead on a call', () => {
  it('keeps at most maxConcurrentCalls in flight and refuses the rest at once (maxWaitDuration 0)', () => {
    // 50 calls/s of 1 s each would keep 50 in flight; the bulkhead lets 5 through.
    const sim = run({ bulkhead: { maxConcurrentCalls: 5 } }, { rate: 50, seconds: 100 });
    const admission = sim.callLimits[0]!;
    const bulkhead = admission.bulkhead!;
    const slow = sim.stations[1]!;
    const users = sim.sources[0]!;
    expect(admission.name).toBe('api.default[1]');
    expect(bulkhead.maxActiveSeen).toBe(5);
    expect(bulkhead.active).toBe(0);
    // Calls of 1 s through 5 permits for 100 s: at most 5 x 100 (+5 started last).
    expect(slow.arrivals).toBeLessThanOrEqual(505);
    expect(slow.arrivals).toBeGreaterThan(480);
    expect(bulkhead.entered).toBe(slow.arrivals);
    expect(bulkhead.entered + bulkhead.rejected).toBe(users.offered);
    // Refused at once: a failure for the client, fast.
    expect(users.failedError).toBe(bulkhead.rejected);
    expect(users.successes).toBe(slow.completed);
  });

  it('lets callers wait up to maxWaitDuration, first come first served, then refuses', () => {
    const sim = run(
      { bulkhead: { maxConcurrentCalls: 5, maxWaitDuration: 0.5 } },
      { rate: 20, seconds: 100 },
    );
    const bulkhead = sim.callLimits[0]!.bulkhead!;
    const users = sim.sources[0]!;
    expect(bulkhead.maxActiveSeen).toBe(5);
    expect(bulkhead.active + bulkhead.waiting).toBe(0);
    expect(bulkhead.rejected).toBeGreaterThan(0);
    expect(bulkhead.entered + bulkhead.rejected).toBe(users.offered);
    // A success waited at most 0.5 s, then 1 ms of work and the 1 s call.
    expect(users.latency.max).toBeGreaterThan(1.2);
    expect(users.latency.max).toBeLessThanOrEqual(1.501 * 1.004); // histogram: < 0.4% error
  });

  it('returns the permits of callers who gave up, and forgets waiters who left', () => {
    // Patient users (no timeout) keep the 3 permits busy and a queue waiting; impatient users
    // give up after 0.3 s, and the caller's station cancels their requests wherever they are:
    // waiting for a permit (they leave the queue) or holding one mid-call (it goes back).
    const users = (id: string, rate: number, timeout?: number) => ({
      id,
      kind: 'poisson' as const,
      target: 'api',
      profile: {
        points: [
          [0, rate],
          [50, rate],
          [50.000001, 0],
        ] as [number, number][],
      },
      ...(timeout !== undefined && { client: { timeout } }),
    });
    const sim = scenario('abandon')
      .lasting(70)
      .station({
        id: 'api',
        servers: 10_000,
        timeoutPolicy: 'cancel',
        endpoints: {
          default: [
            { kind: 'work', duration: fixed(0.001) },
            { kind: 'call', to: 'slow', bulkhead: { maxConcurrentCalls: 3, maxWaitDuration: 5 } },
          ],
        },
      })
      .station({ id: 'slow', servers: 10_000, service: fixed(1) })
      .source(users('patient', 2.5))
      .source(users('impatient', 20, 0.3))
      .run();
    const bulkhead = sim.callLimits[0]!.bulkhead!;
    const [patient, impatient] = sim.sources;
    const slow = sim.stations[1]!;
    // Everyone has left by the end: no permit held, nobody counted as waiting.
    expect(bulkhead.active).toBe(0);
    expect(bulkhead.waiting).toBe(0);
    expect(bulkhead.maxActiveSeen).toBe(3);
    // Only calls that were admitted reached the dependency (none for a caller already gone).
    expect(slow.arrivals).toBe(bulkhead.entered);
    // Impatient users all time out; most of them while still waiting, so they never called.
    expect(impatient!.failedTimeout).toBe(impatient!.offered);
    expect(bulkhead.entered).toBeLessThan(patient!.offered + 0.5 * impatient!.offered);
    // Leaving is not a rejection: the patient users still got their answers.
    expect(bulkhead.rejected).toBe(0);
    expect(patient!.successes).toBe(patient!.offered);
  });
});

describe('Resilience4j RateLimiter on a call', () => {
  it('lets limitForPeriod calls through per period and refuses the rest (timeoutDuration 0)', () => {
    const sim = run(
      { rateLimiter: { limitForPeriod: 10, limitRefreshPeriod: 0.1, timeoutDuration: 0 } },
      { rate: 300, seconds: 100, service: fixed(0.01), onFailure: 'fallback' },
    );
    const limiter = sim.callLimits[0]!.limiter!;
    const slow = sim.stations[1]!;
    const users = sim.sources[0]!;
    // 100 periods a second of 10 permits, fixed windows: at most 10 x 1000 (+10 in the cycle
    // the traffic stops in).
    expect(slow.arrivals).toBeLessThanOrEqual(10_010);
    expect(slow.arrivals).toBeGreaterThan(0.99 * 10_000);
    expect(limiter.acquiredAtOnce).toBe(slow.arrivals);
    expect(limiter.acquiredAfterWait).toBe(0);
    expect(limiter.refused).toBe(users.offered - slow.arrivals);
    // onFailure: fallback, so every user still gets an answer.
    expect(users.successes).toBe(users.offered);
  });

  it('makes callers wait for permits reserved ahead, and refuses after timeoutDuration', () => {
    // 150/s against 100/s: the reservations run ahead until a caller would wait more than 1 s;
    // those wait the whole second and are refused (AtomicRateLimiter blocks for the timeout).
    const sim = run(
      { rateLimiter: { limitForPeriod: 10, limitRefreshPeriod: 0.1, timeoutDuration: 1 } },
      { rate: 150, seconds: 100, service: fixed(0.01), until: 112 },
    );
    const limiter = sim.callLimits[0]!.limiter!;
    const slow = sim.stations[1]!;
    const users = sim.sources[0]!;
    expect(slow.arrivals).toBeLessThanOrEqual(10 * 10 * 102);
    expect(limiter.acquiredAfterWait).toBeGreaterThan(5_000);
    expect(limiter.refused).toBeGreaterThan(2_000);
    expect(limiter.acquiredAtOnce + limiter.acquiredAfterWait + limiter.refused).toBe(
      users.offered,
    );
    expect(users.failedError).toBe(limiter.refused);
    // A refused caller waited the whole timeout: no failure comes back sooner than 1 s.
    expect(users.latency.max).toBeGreaterThan(1);
    expect(users.latency.max).toBeLessThan(1.02 * 1.004);
  });

  it('with the defaults (50 permits per 500 ns) limits nothing in practice', () => {
    const sim = run({ rateLimiter: {} }, { rate: 200, seconds: 20, service: exponential(0.01) });
    const limiter = sim.callLimits[0]!.limiter!;
    expect(limiter.config).toEqual({
      limitForPeriod: 50,
      limitRefreshPeriod: 500e-9,
      timeoutDuration: 5,
    });
    expect(limiter.refused).toBe(0);
    expect(sim.sources[0]!.successes).toBe(sim.sources[0]!.offered);
  });
});

describe('a breaker around a limited call', () => {
  it('records refusals as failures (Resilience4j records every exception by default) and opens', () => {
    const sim = run(
      {
        bulkhead: { maxConcurrentCalls: 1 },
        breaker: { minimumNumberOfCalls: 10, slidingWindowSize: 10 },
      },
      { rate: 50, seconds: 20 },
    );
    const logged = sim.breakers[0]!;
    expect(logged.transitions.some((t) => t.to === 'OPEN')).toBe(true);
    expect(logged.breaker.notPermittedSinceStart).toBeGreaterThan(100);
  });
});

describe('the run report', () => {
  it('has the call limits only when a call has one, with their settings and counts', () => {
    const build = (extras: CallExtras) =>
      scenario('report')
        .lasting(20)
        .station({
          id: 'api',
          servers: 100,
          endpoints: { default: [{ kind: 'call', to: 'slow', ...extras } as never] },
        })
        .station({ id: 'slow', servers: 100, service: fixed(0.5) })
        .poisson('users', 'api', 40)
        .build();
    expect(runScenario(build({})).callLimits).toBeUndefined();
    const report = runScenario(
      build({ bulkhead: { maxConcurrentCalls: 4 }, rateLimiter: { limitRefreshPeriod: 1 } }),
    );
    const limits = report.callLimits!['api.default[0]']!;
    expect(limits.rateLimiter).toMatchObject({ limitForPeriod: 50, limitRefreshPeriod: 1 });
    expect(limits.bulkhead).toMatchObject({ maxConcurrentCalls: 4, maxWaitDuration: 0 });
    expect(limits.bulkhead!.maxActiveSeen).toBe(4);
    const admitted = limits.rateLimiter!.acquiredAtOnce + limits.rateLimiter!.acquiredAfterWait;
    expect(limits.bulkhead!.entered + limits.bulkhead!.rejected).toBe(admitted);
    expect(report.stations.slow!.arrivals).toBe(limits.bulkhead!.entered);
  });
});

describe('scenario validation of the call limits', () => {
  it('names the field and the allowed range', () => {
    const doc = {
      name: 'bad',
      duration: 10,
      sources: [{ id: 'u', kind: 'poisson', target: 'api', rate: 1 }],
      stations: [
        {
          id: 'api',
          servers: 1,
          endpoints: {
            default: [
              {
                kind: 'call',
                to: 'db',
                bulkhead: { maxConcurrentCalls: -1 },
                rateLimiter: { limitRefreshPeriod: 0 },
              },
            ],
          },
        },
        { id: 'db', servers: 1, service: fixed(0.01) },
      ],
    };
    const checked = validateScenario(doc);
    expect(checked.ok).toBe(false);
    const errors = checked.ok ? [] : checked.errors.join('\n');
    expect(errors).toContain('stations[0].endpoints.default[0].bulkhead.maxConcurrentCalls');
    expect(errors).toContain('stations[0].endpoints.default[0].rateLimiter.limitRefreshPeriod');
    expect(errors).toMatch(/limitRefreshPeriod: must be a number from 1e-9 to 86400/);
  });
});
