import { describe, expect, it } from 'vitest';
import { checked } from '../../../sim/scenarios/runScenario';
import type { ScenarioInput } from '../../../sim/scenarios/schema/scenarioSchema';
import { Simulation } from '../../../sim/scenarios/simulation';
import { traceAccounting } from '../../../sim/trace/traceAccounting';
import { TraceRecorder } from '../../../sim/trace/traceRecorder';
import { hopQueued, hopService, type Trace } from '../../../sim/trace/traceTypes';
import { orderScenario, type OrderScenarioOptions } from '../model/orders/orderScenario';

/**
 * One order placed at t = 1 on the small order platform of orderScenario, created synchronously
 * unless told, every service time fixed at its mean: 2 ms of work on `api`, then the key check
 * and the persist on `ordersDb` (2 ms each), reserve rider (20 ms), capture payment (50 ms),
 * notify merchant (10 ms). Returns its trace (each attempt's, for a retried request).
 */
function oneOrder(o: OrderScenarioOptions = {}): Trace {
  const doc = orderScenario({
    batches: [{ at: 1, count: 1 }],
    duration: 20,
    ...o,
    flow: { creation: 'sync', ...o.flow },
  });
  const fixedServices: ScenarioInput = {
    ...doc,
    stations: doc.stations.map((s) =>
      s.service?.type === 'exponential'
        ? { ...s, service: { type: 'deterministic' as const, value: s.service.mean } }
        : s,
    ),
  };
  const sim = new Simulation(checked(fixedServices).scenario);
  const recorder = TraceRecorder.attachedTo(sim);
  sim.runToEnd();
  const traces = recorder.store.all();
  expect(traces).toHaveLength(1);
  expect(traceAccounting(traces[0]!)).toEqual([]);
  return traces[0]!;
}

/** [station, call, depth, outcome, badges] of each hop, in the order they were recorded. */
const hopRows = (trace: Trace) =>
  trace.hops.map((h) => [h.station, h.call, h.depth, h.outcome, h.notes.map((n) => n.label)]);

/** [arrived, queued, in service] in ms, rounded to the microsecond. */
const hopTimes = (trace: Trace) =>
  trace.hops.map((h) =>
    [h.arrived, hopQueued(h), hopService(h)].map((s) => Math.round(s * 1e6) / 1e3),
  );

describe('order flow calls in a request trace', () => {
  it('sync creation: the key check, the persist and every saga step are calls of the visit', () => {
    const trace = oneOrder();
    expect(trace.outcome).toBe('ok');
    expect(trace.latency).toBeCloseTo(0.086, 12);
    expect(hopRows(trace)).toEqual([
      ['api', '', 0, 'ok', []],
      ['ordersDb', 'key check', 1, 'ok', []],
      ['ordersDb', 'persist order', 1, 'ok', []],
      ['rider', 'reserve rider', 1, 'ok', []],
      ['payment', 'capture payment', 1, 'ok', []],
      ['merchant', 'notify merchant', 1, 'ok', []],
    ]);
    expect(hopTimes(trace)).toEqual([
      [1000, 0, 86],
      [1002, 0, 2],
      [1004, 0, 2],
      [1006, 0, 20],
      [1026, 0, 50],
      [1076, 0, 10],
    ]);
    expect(trace.hops.slice(1).every((h) => h.parent === 0)).toBe(true);
  });

  it('async creation: the client is answered at the persist, and the saga after it is left out', () => {
    const trace = oneOrder({ flow: { creation: 'async' } });
    expect(trace.latency).toBeCloseTo(0.006, 12);
    expect(hopRows(trace)).toEqual([
      ['api', '', 0, 'ok', []],
      ['ordersDb', 'key check', 1, 'ok', []],
      ['ordersDb', 'persist order', 1, 'ok', []],
    ]);
  });

  it('a payment outage: retries of the capture, then the compensations, all while the client waits', () => {
    const trace = oneOrder({
      faults: [{ kind: 'outage', at: 0.5, station: 'payment', duration: 3 }],
    });
    expect(trace.outcome).toBe('error');
    expect(hopRows(trace)).toEqual([
      ['api', '', 0, 'error', []],
      ['ordersDb', 'key check', 1, 'ok', []],
      ['ordersDb', 'persist order', 1, 'ok', []],
      ['rider', 'reserve rider', 1, 'ok', []],
      ['payment', 'capture payment', 1, 'unavailable', []],
      ['payment', 'capture payment', 1, 'unavailable', ['attempt 2']],
      ['payment', 'capture payment', 1, 'unavailable', ['attempt 3']],
      ['payment', 'refund payment', 1, 'unavailable', ['compensating']],
      ['payment', 'refund payment', 1, 'unavailable', ['compensating', 'attempt 2']],
      ['payment', 'refund payment', 1, 'ok', ['compensating', 'attempt 3']],
      ['rider', 'release rider', 1, 'ok', ['compensating']],
      ['ordersDb', 'reject order', 1, 'ok', ['compensating']],
    ]);
    // The saga's backoffs (0.5 s, 1 s) lie between its calls, inside the visit's service.
    expect(hopTimes(trace).map(([arrived]) => arrived)).toEqual([
      1000, 1002, 1004, 1006, 1026, 1526, 2526, 2526, 3026, 4026, 4076, 4096,
    ]);
    expect(trace.latency).toBeCloseTo(3.098, 9);
  });

  it('a slow provider: the step timeout ends the capture hop, the retry is the next hop', () => {
    const trace = oneOrder({
      faults: [{ kind: 'slowdown', at: 0.5, station: 'payment', factor: 60, duration: 1 }],
    });
    const captures = trace.hops.filter((h) => h.call === 'capture payment');
    expect(captures.map((h) => [h.outcome, h.notes.map((n) => n.label)])).toEqual([
      ['timeout', []],
      ['ok', ['attempt 2']],
    ]);
    // Served at 60 times 50 ms: the 1 s step timeout ended the wait, the service went on.
    expect(hopService(captures[0]!)).toBeCloseTo(1, 12);
    expect(captures[1]!.arrived).toBeCloseTo(1.026 + 1 + 0.5, 12);
    expect(trace.outcome).toBe('ok');
  });

  it('a retried request: the key check says 409 while the first attempt runs, then replays', () => {
    const trace = oneOrder({
      client: {
        timeout: 0.05,
        retry: {
          maxAttempts: 3,
          initialBackoff: 0.01,
          multiplier: 10,
          jitter: 'none',
          retryOn: ['timeout', 'error'],
        },
      },
    });
    expect(trace.outcome).toBe('ok');
    expect(trace.hops.map((h) => [h.attempt, ...hopRows({ ...trace, hops: [h] })[0]!])).toEqual([
      [0, 'api', '', 0, 'timeout', []],
      [0, 'ordersDb', 'key check', 1, 'ok', []],
      [0, 'ordersDb', 'persist order', 1, 'ok', []],
      [0, 'rider', 'reserve rider', 1, 'ok', []],
      // The client gave up mid-capture: the call is given up with it.
      [0, 'payment', 'capture payment', 1, 'timeout', []],
      [1, 'api', '', 0, 'error', []],
      [1, 'ordersDb', 'key check', 1, 'ok', ['409: first attempt in flight']],
      [2, 'api', '', 0, 'ok', []],
      [2, 'ordersDb', 'key check', 1, 'ok', ['replayed 201 from the key store']],
    ]);
  });

  it('calls delivered twice: the copy is a hop of its own, and the service recognises it', () => {
    const trace = oneOrder({
      faults: [{ kind: 'duplicateCalls', at: 0, station: 'rider', duration: 5 }],
    });
    const reserves = trace.hops.filter((h) => h.call === 'reserve rider');
    expect(reserves.map((h) => h.notes.map((n) => n.label))).toEqual([
      [],
      ['duplicate delivery, nobody waits', 'DUPLICATE: suppressed'],
    ]);
    expect(trace.latency).toBeCloseTo(0.086, 12);
  });

  it('an instance crash: the call in flight loses its reply, and its hop ends there', () => {
    const trace = oneOrder({
      faults: [{ kind: 'instanceCrash', at: 1.05, station: 'api' }],
      flow: { scanner: { interval: 1, stuckAfter: 2 } },
    });
    const captures = trace.hops.filter((h) => h.call === 'capture payment');
    expect(captures[0]!.outcome).toBe('timeout');
    expect(captures[0]!.notes.map((n) => n.label)).toEqual(['REPLY LOST: instance crashed']);
    expect(captures[0]!.ended).toBeCloseTo(1.05, 12);
    // The scheduled job moved the saga on: a second capture, which the provider recognises (it
    // applied the first, whose reply was lost), and the order completes.
    expect(captures[1]!.notes.map((n) => n.label)).toEqual(['attempt 2', 'DUPLICATE: suppressed']);
    expect(trace.outcome).toBe('ok');
  });
});
