import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../sim/metrics/runReport';
import { PRESETS } from '../../../sim/scenarios/presets';
import { checked, runScenario } from '../../../sim/scenarios/runScenario';
import type { ScenarioInput } from '../../../sim/scenarios/schema/scenarioSchema';

/** Runs a preset as it is, or changed the way its description suggests. */
function run(name: string, change?: (doc: ScenarioInput) => void): RunReport {
  const doc = structuredClone(PRESETS[name]) as ScenarioInput;
  change?.(doc);
  return runScenario(checked(doc).scenario);
}

const flow = (report: RunReport) => report.orders!.orders!;
const customers = (report: RunReport) => report.sources.customers!;

describe('lesson: idempotency keys under client retries', () => {
  it('retries are refused 409 or replayed: one order and one charge per customer', () => {
    const report = run('idempotency');
    const o = flow(report);
    const c = customers(report);
    expect(c.retries).toBeGreaterThan(2_400);
    expect(o.conflicts).toBeGreaterThan(1_200);
    expect(o.replaysServed).toBeGreaterThan(1_100);
    expect(o.duplicateOrders).toBe(0);
    expect(o.doubleCaptures).toBe(0);
    // Every logical order but the last few (still being checked at the end) was created once.
    expect(o.created).toBeLessThanOrEqual(c.offered);
    expect(o.created).toBeGreaterThan(c.offered - 5);
    expect(c.successes / c.offered).toBeGreaterThan(0.99);
  });

  it('keys forgotten after a second let late retries order and charge twice', () => {
    const o = flow(run('idempotency', (doc) => (doc.orders![0]!.retentionSeconds = 1)));
    expect(o.duplicateOrders).toBeGreaterThan(40);
    expect(o.doubleCaptures).toBeGreaterThan(40);
  });
});

describe('lesson: compensation by scheduled job and by delayed message', () => {
  it('the job unsticks every saga the crash left waiting; notifications are redelivered', () => {
    const report = run('compensation');
    const o = flow(report);
    expect(o.lostReplies).toBeGreaterThan(40);
    // The job only touches sagas whose reply was lost: the others' own timeouts move them first.
    expect(o.compensationsByScanner).toBe(o.lostReplies);
    expect(o.stuckAtEnd).toBe(0);
    expect(o.compensated).toBeGreaterThan(0);
    expect(o.paymentsCaptured - o.paymentsRefunded).toBeGreaterThanOrEqual(o.completed);
    expect(o.notifyRedeliveries).toBeGreaterThan(1_800);
    expect(report.stations.merchant!.errorsByReason.unavailable).toBeGreaterThan(1_800);
    expect(o.needsManualHandling).toBe(0);
    expect(o.doubleCaptures).toBe(0);
    // What is in flight at the end are orders placed in the last second.
    expect(o.inFlight).toBeLessThan(40);
  });

  it('without the job the sagas whose replies were lost stay stuck', () => {
    const o = flow(run('compensation', (doc) => delete doc.orders![0]!.scanner));
    expect(o.compensationsByScanner).toBe(0);
    expect(o.stuckAtEnd).toBeGreaterThan(40);
    expect(o.stuckAtEnd).toBe(o.lostReplies);
    expect(o.notifyRedeliveries).toBeGreaterThan(1_800);
  });
});

describe('lesson: async order creation at the peak', () => {
  it('async: every client answered in milliseconds on a couple of threads; sync: the pool collapses', () => {
    const asyncRun = run('async-creation');
    const syncRun = run('async-creation', (doc) => (doc.orders![0]!.creation = 'sync'));
    const a = customers(asyncRun);
    const s = customers(syncRun);
    expect(a.successes).toBe(a.offered);
    expect(a.latency.mean!).toBeLessThan(0.015);
    expect(asyncRun.stations['order-api']!.meanInSystem).toBeLessThan(4);
    expect(asyncRun.stations['order-api']!.utilization).toBeLessThan(0.1);

    expect(syncRun.stations['order-api']!.utilization).toBeGreaterThan(0.8);
    expect(s.successes / s.offered).toBeLessThan(0.4);
    expect(s.failures.timeout).toBeGreaterThan(20_000);
    expect(s.failures.rejected).toBeGreaterThan(2_000);
    expect(s.latency.mean!).toBeGreaterThan(20 * a.latency.mean!);
    // The orders themselves mostly went through, after their clients had given up.
    expect(flow(syncRun).completed).toBeGreaterThan(3 * s.successes);
  });
});

describe('lesson: async creation moves the bottleneck to the background pool', () => {
  it("sized by Little's law the pool rejects nothing; too small, its queue fills and orders told yes are compensated", () => {
    const sized = run('async-creation');
    const small = run('async-creation', (doc) => {
      doc.orders![0]!.executor = { threads: 64, queueCapacity: 2000 };
    });
    const e = flow(sized).executor!;
    // ~300 orders/s at the peak, each ~0.3 s of background calls: about 90 threads busy then.
    expect(e.rejected).toBe(0);
    expect(e.meanActive).toBeGreaterThan(40);
    expect(e.meanActive).toBeLessThan(90);
    const s = flow(small);
    expect(s.executor!.maxQueued).toBe(2000);
    expect(s.executor!.rejected).toBeGreaterThan(10_000);
    expect(s.compensated).toBeGreaterThan(1_000);
    expect(s.doubleCaptures).toBe(0);
    // Every client still got its answer at once: the damage is after the acknowledgement.
    expect(customers(small).successes).toBe(customers(small).offered);
  });
});
