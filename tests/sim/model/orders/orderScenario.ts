import type { RunReport } from '../../../../sim/metrics/runReport';
import { buildRunReport } from '../../../../sim/metrics/runReport';
import { OrderAudit } from '../../../../sim/model/orders/orderAudit';
import type { OrderFlow } from '../../../../sim/model/orders/orderFlow';
import { checked } from '../../../../sim/scenarios/runScenario';
import type { ScenarioInput } from '../../../../sim/scenarios/schema/scenarioSchema';
import { Simulation } from '../../../../sim/scenarios/simulation';

type OrderFlowInput = NonNullable<ScenarioInput['orders']>[number];
type SourceInput = ScenarioInput['sources'][number];
type FaultInput = NonNullable<ScenarioInput['faults']>[number];

export interface OrderScenarioOptions {
  /** Orders per second while arrivals last. */
  rate?: number;
  /** Seconds of arrivals; the run goes on to `duration` so every saga can finish. */
  arrivals?: number;
  duration?: number;
  client?: SourceInput['client'];
  flow?: Partial<OrderFlowInput>;
  faults?: FaultInput[];
  /** Arrival instants instead of Poisson arrivals: no arrival events after the last one. */
  batches?: { at: number; count: number }[];
  /** Mean service time of the payment provider, seconds. */
  paymentMean?: number;
  seed?: number;
}

const exponential = (mean: number) => ({ type: 'exponential' as const, mean });

/**
 * A small order platform: an order service (`api`) placing orders through the flow `orders`,
 * whose keys and orders live in the database `orders-db` (master `ordersDb`, one replica for a
 * failover), with rider, payment and merchant services. Arrivals stop after `arrivals` seconds.
 */
export function orderScenario(o: OrderScenarioOptions = {}): ScenarioInput {
  const arrivals = o.arrivals ?? 10;
  const rate = o.rate ?? 20;
  return {
    name: 'orders-test',
    seed: o.seed ?? 1,
    duration: o.duration ?? 120,
    metrics: { bucketSeconds: 5 },
    sources: [
      {
        id: 'users',
        kind: 'poisson',
        target: 'api',
        ...(o.batches
          ? { rate: 0, batches: o.batches }
          : {
              // A step down to nothing: the rate is linear between points.
              profile: {
                points: [
                  [0, rate],
                  [arrivals, rate],
                  [arrivals + 1e-6, 0],
                ],
              },
            }),
        ...(o.client && { client: o.client }),
      },
    ],
    stations: [
      {
        id: 'api',
        servers: 200,
        endpoints: {
          place: [
            { kind: 'work', duration: { type: 'deterministic', value: 0.002 } },
            { kind: 'placeOrder', orders: 'orders' },
          ],
        },
      },
      { id: 'ordersDb', servers: 20, service: exponential(0.002) },
      { id: 'ordersReplica', servers: 20, service: exponential(0.002) },
      { id: 'rider', servers: 50, service: exponential(0.02) },
      { id: 'payment', servers: 50, service: exponential(o.paymentMean ?? 0.05) },
      { id: 'merchant', servers: 50, service: exponential(0.01) },
    ],
    databases: [{ id: 'orders-db', master: 'ordersDb', replicas: ['ordersReplica'] }],
    orders: [
      {
        id: 'orders',
        db: 'orders-db',
        rider: 'rider',
        payment: 'payment',
        merchant: 'merchant',
        stepTimeout: 1,
        ...o.flow,
      },
    ],
    faults: o.faults ?? [],
  };
}

export interface OrderRun {
  sim: Simulation;
  flow: OrderFlow;
  audit: OrderAudit;
  report: RunReport;
}

/** Runs the scenario to its end with an audit on the flow; `prepare` may adjust the flow first. */
export function runOrders(doc: ScenarioInput, prepare?: (flow: OrderFlow) => void): OrderRun {
  const sim = new Simulation(checked(doc).scenario);
  const flow = sim.orderFlows[0]!;
  const audit = new OrderAudit();
  flow.audit = audit;
  prepare?.(flow);
  sim.runToEnd();
  return { sim, flow, audit, report: buildRunReport(sim, 0, []) };
}
