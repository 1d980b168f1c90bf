import { describe, expect, it } from 'vitest';
import { SAGA_STEPS } from '../../../../sim/machines/orderSaga.machine';
import { buildRunReport } from '../../../../sim/metrics/runReport';
import { Payment } from '../../../../sim/model/orders/orderRecord';
import { RUNNING_STATES } from '../../../../sim/model/orders/sagaStates';
import { checked } from '../../../../sim/scenarios/runScenario';
import { Simulation } from '../../../../sim/scenarios/simulation';
import { orderScenario, runOrders } from './orderScenario';

/** Clients that give up after `timeout` s and retry on timeouts and errors (409s included). */
const retryingClients = (timeout: number, maxBackoff = 2) => ({
  timeout,
  retry: {
    maxAttempts: 8,
    initialBackoff: 0.2,
    multiplier: 1.5,
    maxBackoff,
    jitter: 'full' as const,
    retryOn: ['timeout' as const, 'error' as const],
  },
});

describe('order flow: the machines run for every order', () => {
  it('without faults every order completes, with exactly one capture each', () => {
    const { report, audit } = runOrders(orderScenario({ rate: 20, arrivals: 10, duration: 60 }));
    const o = report.orders!.orders!;
    expect(o.created).toBe(report.sources.users!.offered);
    expect(o.created).toBeGreaterThan(150);
    expect(o.completed).toBe(o.created);
    expect(o.inFlight).toBe(0);
    expect(o.paymentsCaptured).toBe(o.completed);
    expect(o.paymentsRefunded).toBe(0);
    expect(o.doubleCaptures).toBe(0);
    for (const order of audit.allOrders) {
      expect(order.payment).toBe(Payment.Captured);
      expect(audit.trailOf(order.id)).toEqual(SAGA_STEPS.slice(0, 4));
    }
    expect(audit.violations()).toEqual([]);
  });

  it('calls delivered twice are recognised by idempotent consumers: every effect applied once', () => {
    const faults = [
      { kind: 'duplicateCalls' as const, at: 2, station: 'payment', duration: 5 },
      { kind: 'duplicateCalls' as const, at: 2, station: 'merchant', duration: 5 },
      { kind: 'duplicateCalls' as const, at: 2, station: 'rider', duration: 5 },
    ];
    const base = runOrders(orderScenario({ rate: 20, arrivals: 10, duration: 60 }));
    const dup = runOrders(orderScenario({ rate: 20, arrivals: 10, duration: 60, faults }));
    const b = base.report.orders!.orders!;
    const o = dup.report.orders!.orders!;
    expect(b.duplicatesDelivered).toBe(0);
    // ~20 orders/s for 5 s, three calls each to the three services.
    expect(o.duplicatesDelivered).toBeGreaterThan(200);
    // Each copy was served as well as its original: one of the two is recognised.
    expect(o.duplicatesSuppressed - b.duplicatesSuppressed).toBeGreaterThanOrEqual(
      o.duplicatesDelivered,
    );
    expect(dup.report.stations.merchant!.completed).toBeGreaterThan(
      base.report.stations.merchant!.completed + 60,
    );
    expect(o.completed).toBe(o.created);
    expect(o.paymentsCaptured).toBe(o.completed);
    expect(o.doubleCaptures).toBe(0);
    const notifiedTwice = dup.audit.allOrders.filter((x) => x.notified > 1).length;
    expect(notifiedTwice).toBeGreaterThan(60);
    expect(dup.audit.violations()).toEqual([]);
  });

  it('a payment outage compensates in reverse (refund, release, reject) and never double charges', () => {
    const { report, audit } = runOrders(
      orderScenario({
        rate: 20,
        arrivals: 20,
        duration: 120,
        faults: [{ kind: 'outage', at: 5, station: 'payment', duration: 8 }],
      }),
    );
    const o = report.orders!.orders!;
    expect(o.compensated).toBeGreaterThan(50);
    expect(o.completed + o.compensated).toBe(o.created);
    expect(o.doubleCaptures).toBe(0);
    expect(o.paymentsCaptured - o.paymentsRefunded).toBe(o.completed);
    const compensated = audit.allOrders.filter((x) => audit.outcomeOf(x.id) === 'compensated');
    expect(compensated.length).toBe(o.compensated);
    for (const order of compensated) {
      expect(audit.trailOf(order.id)).toEqual([
        'persistOrder',
        'reserveRider',
        'capturePayment',
        'refundPayment',
        'releaseRider',
        'rejectOrder',
      ]);
      expect(order.payment).not.toBe(Payment.Captured);
      expect(order.riderReserved).toBe(false);
    }
    expect(audit.violations()).toEqual([]);
  });

  it('a slow payment provider captures after the caller gave up: those captures are refunded', () => {
    const { report, audit } = runOrders(
      orderScenario({
        rate: 20,
        arrivals: 20,
        duration: 120,
        // 3 s mean against a 1 s step timeout: most attempts time out, and are served anyway.
        faults: [{ kind: 'slowdown', at: 5, station: 'payment', factor: 60, duration: 6 }],
      }),
    );
    const o = report.orders!.orders!;
    expect(o.compensated).toBeGreaterThan(5);
    expect(o.paymentsRefunded).toBeGreaterThan(5);
    expect(o.paymentsCaptured - o.paymentsRefunded).toBe(o.completed);
    expect(o.doubleCaptures).toBe(0);
    expect(audit.violations()).toEqual([]);
  });

  it('client retries on short timeouts are replayed or refused 409, never ordered twice', () => {
    const { report, audit } = runOrders(
      orderScenario({
        rate: 20,
        arrivals: 20,
        duration: 120,
        client: retryingClients(0.15),
        flow: { creation: 'sync' },
      }),
    );
    const o = report.orders!.orders!;
    const users = report.sources.users!;
    expect(users.retries).toBeGreaterThan(30);
    expect(o.replaysServed).toBeGreaterThan(20);
    expect(o.conflicts).toBeGreaterThan(0);
    expect(o.created).toBe(users.offered);
    expect(o.duplicateOrders).toBe(0);
    expect(Math.max(...audit.ordersPerLogical().values())).toBe(1);
    expect(o.doubleCaptures).toBe(0);
    expect(audit.violations()).toEqual([]);
  });

  it('keys kept too briefly let a late retry create a second order and charge twice', () => {
    const { report, audit } = runOrders(
      orderScenario({
        rate: 20,
        arrivals: 20,
        duration: 120,
        // Sagas of ~1 s and retries up to 3 s apart: some come after the key was purged.
        paymentMean: 0.5,
        client: retryingClients(0.3, 3),
        flow: { creation: 'sync', retentionSeconds: 1 },
      }),
    );
    const o = report.orders!.orders!;
    expect(o.duplicateOrders).toBeGreaterThan(0);
    expect(o.doubleCaptures).toBeGreaterThan(0);
    expect(audit.violations().some((v) => v.includes('captured 2 times'))).toBe(true);
  });

  it('a retry with other parameters under the same key is refused 400', () => {
    const { report } = runOrders(
      orderScenario({
        rate: 20,
        arrivals: 10,
        duration: 60,
        client: retryingClients(0.15),
        flow: { creation: 'sync' },
      }),
      (flow) => {
        flow.fingerprintOf = (_logical, attempt) => (attempt === 1 ? 'cart A' : 'cart B');
      },
    );
    const o = report.orders!.orders!;
    // Every retry carries other parameters: refused whether the first is in flight or done.
    expect(o.mismatches).toBeGreaterThan(50);
    expect(o.replaysServed).toBe(0);
    expect(o.conflicts).toBe(0);
    expect(o.duplicateOrders).toBe(0);
  });

  it('an instance crash leaves sagas stuck unless the scheduled scanner drives them on', () => {
    const crash = (scanner: boolean) =>
      runOrders(
        orderScenario({
          rate: 20,
          arrivals: 20,
          duration: 120,
          flow: {
            stepTimeout: 2,
            ...(scanner && { scanner: { interval: 5, stuckAfter: 10 } }),
          },
          faults: [
            { kind: 'slowdown', at: 8, station: 'payment', factor: 10, duration: 4 },
            { kind: 'instanceCrash', at: 10, station: 'api' },
          ],
        }),
      );
    const without = crash(false);
    const w = without.report.orders!.orders!;
    expect(without.flow.stats.lostReplies).toBeGreaterThan(5);
    expect(w.stuckAtEnd).toBeGreaterThan(5);
    expect(w.inFlight).toBe(w.stuckAtEnd);
    expect(w.compensationsByScanner).toBe(0);

    const withScanner = crash(true);
    const s = withScanner.report.orders!.orders!;
    expect(s.compensationsByScanner).toBe(withScanner.flow.stats.lostReplies);
    expect(s.stuckAtEnd).toBe(0);
    expect(s.inFlight).toBe(0);
    expect(s.completed + s.compensated).toBe(s.created);
    expect(withScanner.audit.violations()).toEqual([]);
  });

  it('async creation answers the client far sooner than sync at the same load', () => {
    const latency = (creation: 'async' | 'sync') =>
      runOrders(orderScenario({ rate: 50, arrivals: 20, duration: 60, flow: { creation } })).report
        .sources.users!.latency.mean!;
    const asyncMean = latency('async');
    const syncMean = latency('sync');
    expect(asyncMean).toBeLessThan(0.02);
    expect(syncMean).toBeGreaterThan(0.05);
    expect(asyncMean * 5).toBeLessThan(syncMean);
  });

  it('counts sagas per state as the machines hold them, and reports them in the series', () => {
    const sim = new Simulation(
      checked(
        orderScenario({
          rate: 40,
          arrivals: 20,
          duration: 40,
          faults: [{ kind: 'outage', at: 5, station: 'payment', duration: 5 }],
        }),
      ).scenario,
    );
    const flow = sim.orderFlows[0]!;
    for (const t of [3, 6.5, 9, 12, 25]) {
      sim.runUntil(t);
      const fromMachines = new Map<string, number>();
      for (const order of flow.orders.values()) {
        const value = flow.machines.sagas.value(order.instance);
        const top = typeof value === 'string' ? value : Object.keys(value)[0]!;
        fromMachines.set(top, (fromMachines.get(top) ?? 0) + 1);
      }
      RUNNING_STATES.forEach((state, s) =>
        expect(flow.states.count[s], `${state} at ${t}`).toBe(fromMachines.get(state) ?? 0),
      );
    }
    sim.runToEnd();
    const series = buildRunReport(sim, 0, []).series.orders!.orders!;
    expect(Object.keys(series)).toEqual(
      expect.arrayContaining(['created', 'completed', ...RUNNING_STATES]),
    );
    expect(series.created!.reduce((a, b) => a + b, 0)).toBeGreaterThan(600);
    // The outage holds sagas in capturingPayment, then refundingPayment: means over 5 s buckets.
    expect(Math.max(...series.capturingPayment!)).toBeGreaterThan(2);
    expect(Math.max(...series.refundingPayment!)).toBeGreaterThan(2);
    expect(series.refundingPayment![0]).toBe(0);
  });

  it('a run sliced into uneven steps reports the same bytes as one run to the end', () => {
    const doc = orderScenario({
      rate: 20,
      arrivals: 10,
      duration: 60,
      flow: { scanner: { interval: 2, stuckAfter: 4 } },
      faults: [
        { kind: 'slowdown', at: 2, station: 'payment', factor: 20, duration: 3 },
        { kind: 'instanceCrash', at: 3, station: 'api' },
      ],
    });
    const whole = runOrders(doc).report;
    const sliced = new Simulation(checked(doc).scenario);
    for (const t of [0.3, 1.7, 3, 3.0001, 7.25]) sliced.runUntil(t);
    while (!sliced.done) sliced.runUntil(Infinity, 97);
    expect(JSON.stringify(buildRunReport(sliced, 0, []))).toBe(JSON.stringify(whole));
    const series = whole.series.orders!.orders!;
    const meanInFlight = series.inFlight!.reduce((a, b) => a + b, 0) / series.inFlight!.length;
    expect(meanInFlight).toBeGreaterThan(0.5);
  });

  it('runs the same with one XState actor per instance as with the compiled interpreter', () => {
    const doc = (machines: 'compiled' | 'xstate') =>
      orderScenario({
        rate: 20,
        arrivals: 5,
        duration: 60,
        client: retryingClients(0.3),
        flow: { machines, scanner: { interval: 2, stuckAfter: 4 } },
        faults: [
          { kind: 'outage', at: 1, station: 'rider', duration: 2 },
          { kind: 'slowdown', at: 2, station: 'payment', factor: 20, duration: 2 },
          { kind: 'instanceCrash', at: 3, station: 'api' },
        ],
      });
    const compiled = runOrders(doc('compiled')).report;
    const xstate = runOrders(doc('xstate')).report;
    expect(xstate.orders).toEqual(compiled.orders);
    expect(JSON.stringify(xstate)).toBe(JSON.stringify(compiled));
    expect(compiled.orders!.orders!.compensated).toBeGreaterThan(0);
  });
});
