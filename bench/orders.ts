import { Kernel } from '../sim/kernel/kernel';
import { RandomStreams, type RandomStream } from '../sim/kernel/rng';
import { actorPool } from '../sim/machines/compiled/actorPool';
import { compiledPool } from '../sim/machines/compiled/compiledPool';
import type { MachinePool } from '../sim/machines/compiled/machinePool';
import {
  idempotencyKeyMachine,
  type IdempotencyKeyEvent,
  type IdempotencyKeyInput,
  type ProcessRequest,
  type StoredResponse,
} from '../sim/machines/idempotencyKey.machine';
import {
  orderSagaMachine,
  type ClientRejection,
  type OrderSagaEvent,
  type OrderSagaInput,
  type OrderSagaOutput,
  type SagaStep,
  type StepRequest,
} from '../sim/machines/orderSaga.machine';
import { median, round, timed, type BenchCase } from './measure';

/**
 * Orders at the article's write load (20,000 a simulated second) through the idempotency check
 * and the order saga, one machine instance of each per order, on one kernel: a request locks its
 * idempotency key, which starts the saga; each step's service answers after an exponential
 * latency, now and then with a technical failure, a business failure or an RPC timeout (1 s);
 * the client's answer is stored on the key, a few clients retry (replayed or refused 409) or
 * reuse a key with other parameters (refused 400), and every key expires 24 h later.
 *
 * The flow is written once against MachinePool, so the same seed gives the same run (the same
 * intents at the same times) under the compiled interpreter and under one XState actor per
 * machine instance; tests/sim/machines/compiledOrderFlow.test.ts checks that, and every bench
 * run checks the outcome counts.
 */
export type Engine = 'compiled' | 'xstate';

export interface OrderFlowOptions {
  readonly engine: Engine;
  readonly orders: number;
  readonly seed: number;
  /** Arrivals per simulated second. */
  readonly rate?: number;
  /** Multiplies every failure probability (tests raise it to reach the rare paths). */
  readonly failureScale?: number;
  /** Sees every intent either machine emits, with its params and simulated time. */
  readonly record?: (type: string, params: unknown, at: number) => void;
}

export interface OrderFlowResult {
  orders: number;
  completed: number;
  compensated: number;
  rejected: number;
  needsManualHandling: number;
  replayed: number;
  conflicts: number;
  mismatches: number;
  kernelEvents: number;
  simulatedSeconds: number;
}

const STEPS: readonly SagaStep[] = [
  'persistOrder',
  'reserveRider',
  'capturePayment',
  'notifyMerchant',
  'refundPayment',
  'releaseRider',
  'rejectOrder',
];
const MEAN_LATENCY_S = [0.005, 0.03, 0.12, 0.02, 0.08, 0.01, 0.005];
const P_BUSINESS = [0.002, 0.01, 0.02, 0, 0.0005, 0.0005, 0.0005];
const P_TECHNICAL = 0.01;
const P_TIMEOUT = 0.002;
const RPC_TIMEOUT_S = 1;
const P_CLIENT_RETRY = 0.02;
const P_OTHER_PARAMS = 0.001;
const SUCCEEDED = 0;
const TECHNICAL = 1;
const BUSINESS = 2;
const TIMED_OUT = 3;

const REQUEST: IdempotencyKeyEvent = { type: 'request.received', fingerprint: 'order' };
const OTHER_PARAMS: IdempotencyKeyEvent = { type: 'request.received', fingerprint: 'other' };
const stored = (status: number, body: string): IdempotencyKeyEvent => ({
  type: 'request.completed',
  response: { status, body } satisfies StoredResponse,
});
const CREATED = stored(201, 'created');
const UNPROCESSABLE = stored(422, 'rejected');
const FAILED = stored(500, 'failed');

export class OrderFlow {
  readonly kernel = new Kernel(1 << 16);
  readonly sagas: MachinePool<OrderSagaInput, OrderSagaEvent>;
  readonly keys: MachinePool<IdempotencyKeyInput, IdempotencyKeyEvent>;
  private readonly result: OrderFlowResult;
  private readonly sagaOf: Int32Array;
  private readonly keyOf: Int32Array;
  /** The reply in flight for each order (a saga waits for one reply at a time). */
  private readonly reply: (OrderSagaEvent | undefined)[] = [];
  private readonly replies: OrderSagaEvent[][] = [];
  private readonly arrivals: RandomStream;
  private readonly latency: RandomStream;
  private readonly outcomes: RandomStream;
  private readonly clients: RandomStream;
  private readonly rate: number;
  private readonly scale: number;
  private arrived = 0;

  constructor(private readonly options: OrderFlowOptions) {
    const streams = new RandomStreams(options.seed);
    this.arrivals = streams.stream('orders:arrivals');
    this.latency = streams.stream('orders:latency');
    this.outcomes = streams.stream('orders:outcomes');
    this.clients = streams.stream('orders:clients');
    this.rate = options.rate ?? 20_000;
    this.scale = options.failureScale ?? 1;
    this.sagaOf = new Int32Array(options.orders).fill(-1);
    this.keyOf = new Int32Array(options.orders).fill(-1);
    this.result = {
      orders: options.orders,
      completed: 0,
      compensated: 0,
      rejected: 0,
      needsManualHandling: 0,
      replayed: 0,
      conflicts: 0,
      mismatches: 0,
      kernelEvents: 0,
      simulatedSeconds: 0,
    };
    const recorded = <P>(type: string, effect: (params: P) => void) => {
      const record = options.record;
      const kernel = this.kernel;
      return record
        ? (_: unknown, params: P) => (record(type, params, kernel.now), effect(params))
        : (_: unknown, params: P) => effect(params);
    };
    const sagaActions: Record<string, (args: unknown, params: never) => void> = {
      acknowledgeClient: recorded('acknowledgeClient', (p: { orderId: number }) =>
        this.keys.send(this.keyOf[p.orderId]!, CREATED),
      ),
      rejectClient: recorded('rejectClient', (p: ClientRejection) =>
        this.keys.send(
          this.keyOf[p.orderId]!,
          p.cause === 'businessFailure' ? UNPROCESSABLE : FAILED,
        ),
      ),
      escalateToOperator: recorded('escalateToOperator', () => {}),
    };
    STEPS.forEach((step, s) => {
      sagaActions[step] = recorded(step, (p: StepRequest) => this.call(s, p));
      this.replies.push([]);
    });
    const keyActions = {
      processRequest: recorded('processRequest', (p: ProcessRequest) => this.process(p)),
      replayResponse: recorded('replayResponse', () => this.result.replayed++),
      refuseConcurrentRequest: recorded('refuseConcurrentRequest', () => this.result.conflicts++),
      refuseMismatchedParams: recorded('refuseMismatchedParams', () => this.result.mismatches++),
      purgeKey: recorded('purgeKey', (p: { key: string }) =>
        this.kernel.schedule(0, this.freeKey, orderOfKey(p.key)),
      ),
    };
    const sagaMachine = orderSagaMachine.provide({ actions: sagaActions });
    const keyMachine = idempotencyKeyMachine.provide({ actions: keyActions });
    const onDone = (i: number) => this.settle(i);
    const pool = options.engine === 'compiled' ? compiledPool : actorPool;
    this.sagas = pool(sagaMachine, { kernel: this.kernel, onDone });
    this.keys = pool(keyMachine, { kernel: this.kernel });
  }

  run(): OrderFlowResult {
    this.kernel.schedule(0, this.arrive);
    this.kernel.runUntil(Infinity);
    const r = this.result;
    const settled = r.completed + r.compensated + r.rejected + r.needsManualHandling;
    if (settled !== r.orders || this.sagas.live > 0 || this.keys.live > 0) {
      throw new Error(`${settled} of ${r.orders} orders settled; ${this.keys.live} keys left`);
    }
    r.kernelEvents = this.kernel.events;
    r.simulatedSeconds = this.kernel.now;
    return r;
  }

  private readonly arrive = (): void => {
    const order = this.arrived++;
    this.keyOf[order] = this.keys.create({ key: `${KEY_PREFIX}${order}` });
    this.keys.send(this.keyOf[order]!, REQUEST);
    const u = this.clients.next();
    if (u < P_CLIENT_RETRY) this.kernel.schedule(2 * this.clients.next(), this.retry, order);
    else if (u < P_CLIENT_RETRY + P_OTHER_PARAMS) this.kernel.schedule(1, this.otherParams, order);
    if (this.arrived < this.options.orders) {
      this.kernel.schedule(-Math.log(this.arrivals.nextOpenClosed()) / this.rate, this.arrive);
    }
  };

  private readonly retry = (order: number): void => this.keys.send(this.keyOf[order]!, REQUEST);
  private readonly otherParams = (order: number): void =>
    this.keys.send(this.keyOf[order]!, OTHER_PARAMS);

  /** The endpoint runs as a kernel event of its own, not inside the key's transition. */
  private process(p: ProcessRequest): void {
    this.kernel.schedule(0, this.startSaga, orderOfKey(p.key));
  }

  private readonly startSaga = (order: number): void => {
    if (this.sagaOf[order] !== -1) throw new Error(`order ${order} processed twice`);
    this.sagaOf[order] = this.sagas.create({ orderId: order });
  };

  /** A step's service call: its reply (or the caller's timeout) comes back later. */
  private call(s: number, { orderId, attempt }: StepRequest): void {
    const u = this.outcomes.next();
    const scale = this.scale;
    let kind = SUCCEEDED;
    let delay = -MEAN_LATENCY_S[s]! * Math.log(this.latency.nextOpenClosed());
    if (u < P_TIMEOUT * scale) {
      kind = TIMED_OUT;
      delay = RPC_TIMEOUT_S;
    } else if (u < (P_TIMEOUT + P_TECHNICAL) * scale) kind = TECHNICAL;
    else if (u < (P_TIMEOUT + P_TECHNICAL + P_BUSINESS[s]!) * scale) kind = BUSINESS;
    if (this.reply[orderId] !== undefined) throw new Error(`order ${orderId}: two replies due`);
    this.reply[orderId] = this.replyEvent(s, kind, attempt);
    this.kernel.schedule(delay, this.answer, orderId);
  }

  private readonly answer = (order: number): void => {
    const event = this.reply[order]!;
    this.reply[order] = undefined;
    this.sagas.send(this.sagaOf[order]!, event);
  };

  /** Reply events are shared by every order (machines only read them). */
  private replyEvent(s: number, kind: number, attempt: number): OrderSagaEvent {
    const cache = this.replies[s]!;
    const slot = attempt * 4 + kind;
    let event = cache[slot];
    if (!event) {
      const step = STEPS[s]!;
      event =
        kind === SUCCEEDED
          ? { type: 'step.succeeded', step, attempt }
          : kind === TIMED_OUT
            ? { type: 'step.timedOut', step, attempt }
            : {
                type: 'step.failed',
                step,
                attempt,
                kind: kind === BUSINESS ? 'business' : 'technical',
              };
      cache[slot] = event;
    }
    return event;
  }

  private settle(i: number): void {
    const { orderId, outcome } = this.sagas.output(i) as OrderSagaOutput;
    if (outcome === null) throw new Error(`order ${orderId} done without an outcome`);
    this.result[outcome]++;
    this.sagas.free(i);
    this.sagaOf[orderId] = -2;
  }

  private readonly freeKey = (order: number): void => {
    this.keys.free(this.keyOf[order]!);
    this.keyOf[order] = -1;
  };
}

const KEY_PREFIX = 'order-';

/** The order number a key ends with, read without allocating. */
function orderOfKey(key: string): number {
  let order = 0;
  for (let c = KEY_PREFIX.length; c < key.length; c++) order = order * 10 + key.charCodeAt(c) - 48;
  return order;
}

function timedFlow(engine: Engine, orders: number, seed: number) {
  const flow = new OrderFlow({ engine, orders, seed });
  let result: OrderFlowResult | undefined;
  const time = timed(() => (result = flow.run()));
  return { result: result!, ...time, ordersPerSecond: Math.round(orders / time.seconds) };
}

/**
 * `orders` orders through the compiled interpreter, timed from the first arrival to the last
 * key's expiry; then `xstateOrders` through one XState actor per machine instance, for scale, and
 * the same orders through the compiled interpreter again, which must give the same counts.
 */
export function ordersCase(orders = 200_000, xstateOrders = 10_000, seed = 1): BenchCase {
  const xstateRates: number[] = [];
  return {
    name: 'orders',
    run() {
      const compiled = timedFlow('compiled', orders, seed);
      const xstate = timedFlow('xstate', xstateOrders, seed);
      const check = timedFlow('compiled', xstateOrders, seed);
      if (JSON.stringify(check.result) !== JSON.stringify(xstate.result)) {
        throw new Error(`engines differ: ${JSON.stringify([check.result, xstate.result])}`);
      }
      xstateRates.push(xstate.ordersPerSecond);
      const r = compiled.result;
      return {
        events: r.kernelEvents,
        seconds: compiled.seconds,
        cpuSeconds: compiled.cpuSeconds,
        extras: {
          orders,
          // Every run processes the same events, so the median run by events/s is the median
          // by orders/s; the XState figure is the median over the runs so far.
          ordersPerSecond: compiled.ordersPerSecond,
          cpuOrdersPerSecond: Math.round(orders / compiled.cpuSeconds),
          xstateOrders,
          xstateActorOrdersPerSecond: median(xstateRates),
          speedup: round(compiled.ordersPerSecond / median(xstateRates), 1),
          kernelEventsPerOrder: round(r.kernelEvents / orders, 2),
          completed: r.completed,
          compensated: r.compensated,
          rejected: r.rejected,
          needsManualHandling: r.needsManualHandling,
          replayed: r.replayed,
          conflicts: r.conflicts,
          mismatches: r.mismatches,
        },
      };
    },
  };
}
