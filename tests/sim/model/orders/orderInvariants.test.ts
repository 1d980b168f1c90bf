import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../../sim/scenarios/schema/scenarioSchema';
import { orderScenario, runOrders } from './orderScenario';

type FaultInput = NonNullable<ScenarioInput['faults']>[number];

/** Hundredths of a second, so a failing schedule prints as short, exact numbers. */
const seconds = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((x) => x / 100);

/** Every fault starts in the first 5 s and is over by t = 10 s. */
const faultArb: fc.Arbitrary<FaultInput> = fc.oneof(
  fc.record({
    kind: fc.constant('outage' as const),
    at: seconds(0, 5),
    station: fc.constantFrom('payment', 'rider', 'merchant'),
    duration: seconds(0.5, 5),
  }),
  fc.record({
    kind: fc.constant('slowdown' as const),
    at: seconds(0, 5),
    station: fc.constantFrom('payment', 'rider', 'merchant', 'ordersDb'),
    factor: fc.constantFrom(5, 20, 60),
    duration: seconds(0.5, 5),
  }),
  fc.record({
    kind: fc.constant('instanceCrash' as const),
    at: seconds(0, 5),
    station: fc.constant('api'),
  }),
  // Message duplication: every call to the service arrives twice for a while.
  fc.record({
    kind: fc.constant('duplicateCalls' as const),
    at: seconds(0, 5),
    station: fc.constantFrom('payment', 'rider', 'merchant'),
    duration: seconds(0.5, 5),
  }),
);

/** At most one failover: the database has one replica to promote. */
const failoverArb: fc.Arbitrary<FaultInput[]> = fc.oneof(
  { arbitrary: fc.constant<FaultInput[]>([]), weight: 2 },
  {
    arbitrary: fc
      .record({
        kind: fc.constant('masterFailover' as const),
        at: seconds(0, 5),
        db: fc.constant('orders-db'),
        promotionDelay: seconds(0.5, 5),
      })
      .map((f): FaultInput[] => [f]),
    weight: 1,
  },
);

const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  arrivals: fc.array(seconds(0, 5), { minLength: 3, maxLength: 20 }),
  creation: fc.constantFrom('async' as const, 'sync' as const),
  clientTimeout: fc.constantFrom(0.2, 0.5, 2),
  /** cancel: the order service drops a request whose client left (and forgets its order). */
  timeoutPolicy: fc.constantFrom('keepWorking' as const, 'cancel' as const),
  faults: fc.array(faultArb, { maxLength: 4 }),
  /** Async creation's background pool: small enough to queue and reject now and then. */
  executor: fc.option(
    fc.record({
      threads: fc.integer({ min: 1, max: 6 }),
      queueCapacity: fc.integer({ min: 0, max: 10 }),
    }),
    { nil: undefined },
  ),
  failover: failoverArb,
});

/** How long a case runs: faults are over by 10 s; compensations and redeliveries by ~60 s. */
const BOUND_SECONDS = 150;

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(c: Case): ScenarioInput {
  const faults = [...c.faults, ...c.failover].sort((a, b) => a.at - b.at);
  const doc: ScenarioInput = {
    ...orderScenario({
      seed: c.seed,
      duration: BOUND_SECONDS,
      batches: [...c.arrivals].sort((a, b) => a - b).map((at) => ({ at, count: 1 })),
      client: {
        timeout: c.clientTimeout,
        retry: {
          maxAttempts: 4,
          initialBackoff: 0.2,
          multiplier: 2,
          maxBackoff: 2,
          jitter: 'full',
          retryOn: ['timeout', 'error', 'rejected', 'unavailable'],
        },
      },
      flow: {
        creation: c.creation,
        scanner: { interval: 2, stuckAfter: 3 },
        ...(c.executor && { executor: c.executor }),
      },
      faults,
    }),
    name: 'orders-property',
    metrics: { bucketSeconds: 30 },
  };
  doc.stations[0]!.timeoutPolicy = c.timeoutPolicy;
  return doc;
}

describe('order flow invariants over random fault schedules', () => {
  it('every order ends once, nothing is charged twice or kept after a compensation, no acknowledged order is lost', () => {
    // What the schedules exercised, summed over the cases: each mechanism must have been hit.
    const seen = {
      created: 0,
      compensated: 0,
      paymentsRefunded: 0,
      compensationsByScanner: 0,
      replaysServed: 0,
      conflicts: 0,
      notifyRedeliveries: 0,
      duplicatesDelivered: 0,
      duplicatesSuppressed: 0,
      executorRejected: 0,
      failovers: 0,
    };
    fc.assert(
      fc.property(caseArb, (c) => {
        const doc = scenarioOf(c);
        const { report, audit } = runOrders(doc);
        const o = report.orders!.orders!;
        for (const k of Object.keys(seen) as (keyof typeof seen)[]) {
          if (k !== 'failovers' && k !== 'executorRejected') seen[k] += o[k];
        }
        seen.executorRejected += o.executor?.rejected ?? 0;
        seen.failovers += report.databases['orders-db']!.failovers;
        const problems = audit.violations();
        if (o.inFlight > 0) problems.push(`${o.inFlight} orders unfinished at ${BOUND_SECONDS} s`);
        if (o.doubleCaptures > 0) problems.push(`${o.doubleCaptures} double captures`);
        if (o.duplicateOrders > 0) problems.push(`${o.duplicateOrders} orders created twice`);
        if (o.paymentsCaptured - o.paymentsRefunded !== o.completed) {
          problems.push(
            `captured ${o.paymentsCaptured} - refunded ${o.paymentsRefunded} != completed ${o.completed}`,
          );
        }
        if (problems.length > 0) {
          throw new Error(
            `seed ${c.seed}: ${problems.join('; ')}\n` +
              `run it: save as case.json, then npm run sim -- case.json --json\n${JSON.stringify(doc)}`,
          );
        }
      }),
      { seed: 20251125, numRuns: 1000 },
    );
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(0);
  }, 120_000);

  it('the checks can fail: a schedule that leaves a saga stuck without the scanner is caught', () => {
    const doc = orderScenario({
      rate: 20,
      arrivals: 5,
      duration: BOUND_SECONDS,
      faults: [
        { kind: 'slowdown', at: 1, station: 'payment', factor: 20, duration: 3 },
        { kind: 'instanceCrash', at: 2, station: 'api' },
      ],
    });
    const { report } = runOrders(doc);
    expect(report.orders!.orders!.inFlight).toBeGreaterThan(0);
  });
});
