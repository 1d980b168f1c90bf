import type { Component, Kernel } from '../../kernel/kernel';
import type { StoredResponse } from '../../machines/idempotencyKey.machine';
import { MS_PER_SECOND } from '../../machines/kernelClock';
import {
  SAGA_STEPS,
  type OrderSagaEvent,
  type OrderSagaOutput,
} from '../../machines/orderSaga.machine';
import type { ReplicatedDatabase } from '../database/replicatedDatabase';
import type { RequestTracer } from '../../trace/requestTracer';
import type { NoteKind } from '../../trace/traceTypes';
import type { Network } from '../network/network';
import type { FailureReason, Requester } from '../network/requester';
import type { OrderAudit } from './orderAudit';
import { statePath, type OrderJournal } from './orderJournal';
import {
  orderMachines,
  type MachineEngine,
  type OrderIntents,
  type OrderMachines,
} from './orderMachines';
import {
  FlowCall,
  KEY_CHECK,
  OrderRecord,
  Payment,
  type OrderClient,
  type Waiting,
} from './orderRecord';
import { OrderScanner, type ScannerConfig } from './orderScanner';
import { LogicalBits } from './logicalBits';
import { OrderStats } from './orderStats';
import { SagaExecutor, type ExecutorConfig, type QueuedStep } from './sagaExecutor';
import { OUTCOME_STATE, SagaStateCounts, STEP_INDEX } from './sagaStates';

export type { OrderClient } from './orderRecord';

export interface OrderFlowConfig {
  readonly id: string;
  /** Orders are persisted and idempotency keys kept here: every such write goes to its master. */
  readonly db: ReplicatedDatabase;
  /** Station indices of the services the saga calls. */
  readonly rider: number;
  readonly payment: number;
  readonly merchant: number;
  /** Seconds each call waits for its answer. */
  readonly stepTimeout: number;
  /** async: the client is answered once the order is persisted; sync: once the saga is done. */
  readonly creation: 'async' | 'sync';
  readonly scanner?: ScannerConfig | undefined;
  readonly retentionSeconds: number;
  readonly machines: MachineEngine;
  /** Async creation's background thread pool; omitted: unbounded. */
  readonly executor?: ExecutorConfig | undefined;
}

const PERSIST = STEP_INDEX.persistOrder;
const RESERVE = STEP_INDEX.reserveRider;
const CAPTURE = STEP_INDEX.capturePayment;
const NOTIFY = STEP_INDEX.notifyMerchant;
const REFUND = STEP_INDEX.refundPayment;
const RELEASE = STEP_INDEX.releaseRider;
const REJECT = STEP_INDEX.rejectOrder;

const CREATED: StoredResponse = { status: 201, body: 'order created' };
const UNPROCESSABLE: StoredResponse = { status: 422, body: 'order rejected' };
/** Stripe stores 500s too (SEMANTICS.md section 2): a retry gets the same failure back. */
const FAILED: StoredResponse = { status: 500, body: 'order failed' };

/** What the idempotency key machine decided for the request just sent to it. */
const NONE = 0;
const PROCESS = 1;
const REPLAY = 2;
const CONFLICT = 3;
const MISMATCH = 4;

/**
 * Seconds a finished saga is kept (its record and its instance) before both are freed: the
 * scheduled job and the page can still see it done for a moment. A reply later than that is
 * still applied through its call's record, and finds the instance gone (`instance < 0`). Short,
 * so that at 10,000 orders a second the finished orders held stay in the tens of thousands.
 */
const DONE_LINGER_SECONDS = 5;

/**
 * Places orders with the machines of sim/machines, for every order: the idempotency key machine
 * (one instance per live key, SEMANTICS.md section 2) and the order saga (one per order, section
 * 3), each in a MachinePool. The flow is its own Requester in the network, like a Topic: it makes
 * every call itself (key checks and persists as writes to the database's current master, the
 * saga's steps to the rider, payment and merchant stations, each with `stepTimeout`) and feeds
 * the answers back to the saga as events: `step.succeeded`, `step.failed` (kind `technical`) on
 * an error, `step.timedOut` on a timeout.
 *
 * A call that timed out is not cancelled: the service may still apply it, and the flow applies
 * its effect when it is served (the payment provider's ledger, with its own idempotency per
 * order and step: a second capture is a no-op, and a refund before any capture voids the
 * authorisation so a late capture is refused). Its late reply is not fed to the saga: the caller
 * stopped listening.
 *
 * Every call is sent from a kernel event of its own, never inside a machine's action: a station
 * may refuse it at once, and that answer must not reach a machine still running an action.
 */
export class OrderFlow implements Component, Requester {
  readonly stats = new OrderStats();
  readonly states = new SagaStateCounts();
  readonly machines: OrderMachines;
  /** Orders whose saga instance is not freed yet, by order id. */
  readonly orders = new Map<number, OrderRecord>();
  /** Set by tests to check the flow's invariants. */
  audit: OrderAudit | undefined;
  /** Set by the sandbox to tell each order's story (it only reads: the run is the same). */
  journal: OrderJournal | undefined;
  /**
   * The fingerprint of a request's parameters: fixed per logical request, so retries match. A
   * test may replace it to send a retry with other parameters on purpose.
   */
  fingerprintOf: (logical: number, attempt: number) => string = () => 'placeOrder';
  private requesterIndex = -1;
  private timeoutList = -1;
  private readonly calls = new Map<number, FlowCall>();
  private readonly waiting = new Map<number, Waiting>();
  /** Idempotency key instance of each live key, by logical request. */
  private readonly keyOf = new Map<number, number>();
  private readonly keyConfig: { retentionMs: number };
  /** Logical requests that got an order, and a capture: they tell a double order or charge. */
  private readonly capturedLogicals = new LogicalBits();
  private readonly orderedLogicals = new LogicalBits();
  private readonly scanner: OrderScanner | undefined;
  /** Until when saga calls to a station are delivered twice (a duplicateCalls fault), by index. */
  private readonly duplicatingUntil = new Map<number, number>();
  private nextOrder = 0;
  private keyOutcome = NONE;
  private replayedStatus = 0;
  /** Orders whose response was decided inside a machine action: answered once it returns. */
  private readonly decided: OrderRecord[] = [];
  private readonly decidedResponse: StoredResponse[] = [];
  private readonly onSend = (child: number) =>
    this.network.send(child, this.network.table.target[child]!);
  private readonly onCallTimeout = (child: number) => this.callTimedOut(child);
  private readonly onFree = (orderId: number) => this.free(orderId);
  private readonly onPurge = (logical: number) => this.purge(logical);
  private readonly onRejected = (orderId: number) => this.rejected(orderId);
  /** The background pool of async creation, when the flow has one. */
  readonly executor: SagaExecutor | undefined;

  constructor(
    readonly config: OrderFlowConfig,
    private readonly kernel: Kernel,
    private readonly network: Network,
  ) {
    this.keyConfig = { retentionMs: config.retentionSeconds * MS_PER_SECOND };
    const intents: OrderIntents = {
      step: (step, { orderId, attempt }) => this.stepIntent(step, orderId, attempt),
      acknowledgeClient: (orderId) => {
        // Async creation answers here; sync creation waits for the saga's end.
        if (config.creation === 'async') this.decide(this.orders.get(orderId)!, CREATED);
      },
      rejectClient: ({ orderId, cause }) =>
        this.decide(
          this.orders.get(orderId)!,
          cause === 'businessFailure' ? UNPROCESSABLE : FAILED,
        ),
      // Counted from the saga's outcome (needsManualHandling) when it ends.
      escalate: () => {},
      processRequest: () => (this.keyOutcome = PROCESS),
      replayResponse: ({ response }) => {
        this.keyOutcome = REPLAY;
        this.replayedStatus = response.status;
      },
      refuse: ({ status }) => (this.keyOutcome = status === 409 ? CONFLICT : MISMATCH),
      // Freed from an event of its own: not from inside the key machine's action.
      purgeKey: (key) => this.kernel.schedule(0, this.onPurge, Number(key)),
    };
    this.machines = orderMachines(config.machines, kernel, intents, (i) => this.sagaDone(i));
    this.scanner = config.scanner && new OrderScanner(config.scanner, kernel, (t) => this.scan(t));
    this.executor =
      config.executor && config.creation === 'async'
        ? new SagaExecutor(config.executor)
        : undefined;
  }

  get id(): string {
    return this.config.id;
  }

  start(): void {
    this.scanner?.start();
  }

  /** Places an order for `request`, held on a thread of station `station` until answered. */
  place(request: number, client: OrderClient, station: number): void {
    const table = this.network.table;
    // A request from no source (a message) is a logical request of its own.
    if (table.logical[request]! < 0) table.logical[request] = table.nextLogical++;
    const w: Waiting = {
      request,
      client,
      logical: table.logical[request]!,
      attempt: table.attempt[request]!,
      station,
      call: -1,
    };
    this.stats.requests++;
    this.waiting.set(request, w);
    // The key check: Brandur's phase 0, a write transaction on the database holding the keys.
    w.call = this.call(this.config.db.master, KEY_CHECK, 0, null, w, table.key[request]!).child;
    const tracer = this.network.tracer;
    if (tracer !== null && table.traced[request] === 1) {
      tracer.flowCalled(request, w.call, KEY_CHECK, 0, false);
    }
  }

  /** The thread serving `request` gave up on it (its client left and the station cancels). */
  abandon(request: number): void {
    this.waiting.delete(request);
  }

  /**
   * An instance of the order service (station `station`) crashes: the calls its sagas have in
   * flight lose their replies and their timeouts, which lived in its memory.
   */
  crash(station: number): void {
    for (const call of this.calls.values()) {
      const order = call.order;
      if (!call.live || order === null || order.station !== station || order.call !== call)
        continue;
      call.live = false;
      this.network.clearTimeout(call.child);
      if (this.network.tracer !== null) this.traceGivenUp(this.network.tracer, call, 'replyLost');
      this.stats.lostReplies++;
      // The instance restarts with a fresh pool: the threads that waited on these calls are gone.
      this.freeThread(call);
      if (this.journal) {
        this.note(order, `reply of ${SAGA_STEPS[call.step]} lost: the instance crashed`);
        this.journal.mark(order.id, 'replyLost');
      }
    }
  }

  /**
   * Until `until`, every saga call to `station` is delivered twice (at-least-once delivery at its
   * worst). The copy's reply goes nowhere; what it does is up to the service's idempotency.
   */
  duplicateCalls(station: number, until: number): void {
    this.duplicatingUntil.set(station, Math.max(until, this.duplicatingUntil.get(station) ?? 0));
  }

  /** Sagas waiting on a reply that will never come: only the scanner can move them. */
  get stuck(): number {
    let n = 0;
    for (const order of this.orders.values()) {
      if (!order.done && order.call !== null && !order.call.live && this.awaitingReply(order)) n++;
    }
    return n;
  }

  succeeded(child: number): void {
    const call = this.calls.get(child);
    if (call === undefined) return;
    this.calls.delete(child);
    if (call.step === KEY_CHECK) {
      this.keyChecked(call, true);
      return;
    }
    this.freeThread(call);
    const tracer = this.network.tracer;
    if (tracer !== null && this.network.table.traced[child] === 1) {
      this.appliedTraced(tracer, call);
    } else {
      this.applied(call);
    }
    if (call.live)
      this.reply(call, {
        type: 'step.succeeded',
        step: SAGA_STEPS[call.step]!,
        attempt: call.attempt,
      });
  }

  failed(child: number, _reason: FailureReason): void {
    const call = this.calls.get(child);
    if (call === undefined) return;
    this.calls.delete(child);
    if (call.step === KEY_CHECK) this.keyChecked(call, false);
    else this.freeThread(call);
    if (call.step !== KEY_CHECK && call.live) {
      this.reply(call, {
        type: 'step.failed',
        step: SAGA_STEPS[call.step]!,
        attempt: call.attempt,
        kind: 'technical',
      });
    }
  }

  private call(
    target: number,
    step: number,
    attempt: number,
    order: OrderRecord | null,
    waiting: Waiting | null,
    key: number,
  ): FlowCall {
    const network = this.network;
    const table = network.table;
    if (this.requesterIndex < 0) this.requesterIndex = network.addRequester(this);
    if (this.timeoutList < 0) {
      this.timeoutList = network.addTimeoutList(this.config.stepTimeout, this.onCallTimeout);
    }
    const child = network.allocate(this.requesterIndex);
    table.originTime[child] = this.kernel.now;
    table.attempt[child] = 1;
    table.key[child] = key;
    table.target[child] = target;
    const call = new FlowCall(child, step, attempt, order, waiting);
    this.calls.set(child, call);
    network.armTimeout(child, this.timeoutList);
    this.kernel.schedule(0, this.onSend, child);
    return call;
  }

  /** The caller's timeout: the attempt is lost to it, though the service may still apply it. */
  private callTimedOut(child: number): void {
    this.network.table.timeout[child] = -1;
    const call = this.calls.get(child);
    if (call === undefined) return;
    const tracer = this.network.tracer;
    // The call is not cancelled, but its hop ends here: the caller stopped waiting.
    if (tracer !== null && this.network.table.traced[child] === 1) tracer.abandoned(child);
    if (call.step === KEY_CHECK) {
      this.calls.delete(child);
      this.keyChecked(call, false);
      return;
    }
    this.freeThread(call);
    if (call.live) {
      this.reply(call, {
        type: 'step.timedOut',
        step: SAGA_STEPS[call.step]!,
        attempt: call.attempt,
      });
    }
  }

  private keyChecked(call: FlowCall, ok: boolean): void {
    const w = call.waiting;
    if (w === null || this.waiting.get(w.request) !== w) return;
    w.call = -1;
    if (!ok) {
      this.stats.keyCheckFailures++;
      this.answer(w, false);
      return;
    }
    // Key rows and order rows are different tables: negative keys keep them apart.
    this.config.db.committed(-1 - w.logical, this.kernel.now);
    const keys = this.machines.keys;
    let instance = this.keyOf.get(w.logical);
    if (instance === undefined) {
      instance = keys.create({ key: String(w.logical), config: this.keyConfig });
      this.keyOf.set(w.logical, instance);
    }
    this.keyOutcome = NONE;
    keys.send(instance, {
      type: 'request.received',
      fingerprint: this.fingerprintOf(w.logical, w.attempt),
    });
    if (this.journal && this.keyOutcome !== PROCESS) this.journalKeyAnswer(w.logical, instance);
    if (this.network.tracer !== null && this.keyOutcome !== PROCESS) {
      this.traceKeyAnswer(this.network.tracer, call.child);
    }
    switch (this.keyOutcome) {
      case PROCESS:
        this.startOrder(w, instance);
        return;
      case REPLAY:
        this.stats.replaysServed++;
        this.audit?.replayed(w.logical, this.replayedStatus);
        this.answer(w, this.replayedStatus < 300);
        return;
      case CONFLICT:
        this.stats.conflicts++;
        this.answer(w, false);
        return;
      case MISMATCH:
        this.stats.mismatches++;
        this.answer(w, false);
        return;
    }
    throw new Error(`order flow ${this.id}: key ${w.logical} decided nothing`);
  }

  private startOrder(w: Waiting, keyInstance: number): void {
    const key = this.network.table.key[w.request]!;
    const order = new OrderRecord(this.nextOrder++, w.logical, key, keyInstance, w.station, w);
    this.orders.set(order.id, order);
    this.stats.created++;
    if (this.orderedLogicals.add(w.logical)) this.stats.duplicateOrders++;
    this.audit?.created(order);
    const journal = this.journal;
    if (journal) {
      journal.begin(order.id, order.logical, this.kernel.now);
      this.journalState(order.id, 'key', 'request.received: process it', keyInstance, true);
    }
    order.instance = this.machines.sagas.create({ orderId: order.id });
    if (journal) this.journalState(order.id, 'saga', 'created', order.instance, false);
  }

  /** A retry's answer from the key machine, in the story of the order its first attempt made. */
  private journalKeyAnswer(logical: number, keyInstance: number): void {
    const what =
      this.keyOutcome === REPLAY
        ? `request.received: replayed the stored ${this.replayedStatus}`
        : this.keyOutcome === CONFLICT
          ? 'request.received: 409, the first attempt is in flight'
          : 'request.received: 400, other parameters';
    const state = statePath(this.machines.keys.value(keyInstance));
    const mark =
      this.keyOutcome === REPLAY
        ? 'replayServed'
        : this.keyOutcome === CONFLICT
          ? 'conflict'
          : undefined;
    this.journal!.addForLogical(logical, { t: this.kernel.now, lane: 'key', what, state }, mark);
  }

  private journalState(
    orderId: number,
    lane: 'key' | 'saga',
    what: string,
    instance: number,
    key: boolean,
  ): void {
    const pool = key ? this.machines.keys : this.machines.sagas;
    this.journal!.add(orderId, {
      t: this.kernel.now,
      lane,
      what,
      state: statePath(pool.value(instance)),
    });
  }

  private note(order: OrderRecord, what: string): void {
    this.journal!.add(order.id, { t: this.kernel.now, lane: 'flow', what });
  }

  private stepIntent(step: number, orderId: number, attempt: number): void {
    const order = this.orders.get(orderId)!;
    const now = this.kernel.now;
    this.states.move(order.state, step, now);
    order.state = step;
    order.step = step;
    order.attempt = attempt;
    order.attemptStartedAt = now;
    if (step === NOTIFY && attempt > 1) this.stats.notifyRedeliveries++;
    if (this.journal) this.journalCall(order, step, attempt);
    this.audit?.stepStarted(order, step);
    const executor = this.executor;
    // The persist runs on the client's request thread; with async creation the rest runs on the
    // background pool, when it has one (without, every step gets a thread at once).
    if (executor === undefined || step === PERSIST) {
      this.dispatch(order, step, attempt, false);
      return;
    }
    order.call = null;
    switch (executor.offer({ orderId, step, attempt }, now)) {
      case 'run':
        this.dispatch(order, step, attempt, true);
        return;
      case 'queued':
        if (this.journal) this.note(order, 'background pool busy: queued for a thread');
        return;
      case 'rejected':
        if (this.journal) this.note(order, 'background pool queue full: task rejected');
        // The saga hears of it from an event of its own, not inside the action that asked.
        this.kernel.schedule(0, this.onRejected, orderId);
        return;
    }
  }

  /** Makes the step's call (and its copy while a duplicateCalls fault lasts). */
  private dispatch(order: OrderRecord, step: number, attempt: number, holdsThread: boolean): void {
    const c = this.config;
    const target =
      step === PERSIST || step === REJECT
        ? c.db.master
        : step === RESERVE || step === RELEASE
          ? c.rider
          : step === CAPTURE || step === REFUND
            ? c.payment
            : c.merchant;
    order.call = this.call(target, step, attempt, order, null, order.key);
    order.call.holdsThread = holdsThread;
    const tracer = this.network.tracer;
    if (tracer !== null) this.traceSagaCall(tracer, order, order.call, false);
    const until = this.duplicatingUntil.get(target);
    if (until !== undefined && this.kernel.now < until) {
      this.stats.duplicatesDelivered++;
      // Nobody waits for the copy: its reply is dropped, its effect is the service's business.
      const copy = this.call(target, step, attempt, order, null, order.key);
      copy.live = false;
      if (tracer !== null) this.traceSagaCall(tracer, order, copy, true);
    }
  }

  /**
   * A saga call joins the trace of the request placing the order (a nested call of its visit to
   * the order service) while that client still waits for the answer: the persist always, and in
   * sync creation every step until the saga ends (compensations included). Once the answer is
   * decided (async creation acknowledges at the persist; a persist that failed is answered
   * before its compensation) the saga's calls are left out of the request's trace rather than
   * added as hops "after the answer": they are not part of the request's latency, they may run
   * for minutes after the trace was finished and stored (the scheduled job, RocketMQ's delay
   * schedule), and the order's own story in the journal (the per-order view) tells them.
   */
  private traceSagaCall(
    tracer: RequestTracer,
    order: OrderRecord,
    call: FlowCall,
    copy: boolean,
  ): void {
    const w = order.waiting;
    if (w === null || order.response !== 0 || this.waiting.get(w.request) !== w) return;
    if (this.network.table.traced[w.request] !== 1) return;
    tracer.flowCalled(w.request, call.child, call.step, call.attempt, copy);
  }

  /** A traced call's reply no longer reaches the saga: its hop ends here, with why. */
  private traceGivenUp(tracer: RequestTracer, call: FlowCall, why: NoteKind): void {
    // Only a call still in flight: a finished one's row may serve another request by now.
    if (this.calls.get(call.child) !== call || this.network.table.traced[call.child] !== 1) return;
    tracer.note(tracer.hopOf(call.child), why);
    tracer.abandoned(call.child);
  }

  /** What the key machine decided other than "process it", on the traced key check's hop. */
  private traceKeyAnswer(tracer: RequestTracer, child: number): void {
    if (this.network.table.traced[child] !== 1) return;
    const hop = tracer.hopOf(child);
    if (this.keyOutcome === REPLAY) tracer.note(hop, 'keyReplayed', this.replayedStatus);
    else tracer.note(hop, this.keyOutcome === CONFLICT ? 'keyConflict' : 'keyMismatch');
  }

  /** `applied`, noting on the traced call's hop when the service recognised a duplicate. */
  private appliedTraced(tracer: RequestTracer, call: FlowCall): void {
    const hop = tracer.hopOf(call.child);
    const suppressed = this.stats.duplicatesSuppressed;
    this.applied(call);
    if (this.stats.duplicatesSuppressed > suppressed) tracer.note(hop, 'duplicateSuppressed');
  }

  /** The rejected step fails (technical), if the saga still waits for that attempt. */
  private rejected(orderId: number): void {
    const order = this.orders.get(orderId);
    if (order === undefined || order.done || order.call !== null) return;
    this.send(order, {
      type: 'step.failed',
      step: SAGA_STEPS[order.step]!,
      attempt: order.attempt,
      kind: 'technical',
    });
  }

  /**
   * The call stopped blocking its thread (reply, timeout or crash): the thread takes the next
   * queued step the saga still wants, or goes idle.
   */
  private freeThread(call: FlowCall): void {
    if (!call.holdsThread) return;
    call.holdsThread = false;
    const next = this.executor!.release(this.kernel.now, this.stillWanted);
    if (next === null) return;
    this.dispatch(this.orders.get(next.orderId)!, next.step, next.attempt, true);
  }

  private readonly stillWanted = (task: QueuedStep): boolean => {
    const order = this.orders.get(task.orderId);
    return (
      order !== undefined &&
      !order.done &&
      order.call === null &&
      order.step === task.step &&
      order.attempt === task.attempt
    );
  };

  private journalCall(order: OrderRecord, step: number, attempt: number): void {
    let what = `call ${SAGA_STEPS[step]}, attempt ${attempt}`;
    if (step >= REFUND) what += ` (compensation step ${step - REFUND + 1} of 3)`;
    if (step === NOTIFY && attempt > 1) {
      what += ': a delayed message (RocketMQ delay schedule)';
      this.journal!.mark(order.id, 'redelivered');
    }
    this.note(order, what);
  }

  /** A delivery the service had seen before: it applies nothing (an idempotent consumer). */
  private suppressed(order: OrderRecord, step: number): void {
    this.stats.duplicatesSuppressed++;
    if (this.journal) {
      this.note(order, `${SAGA_STEPS[step]} delivered again: recognised, no effect`);
      this.journal.mark(order.id, 'duplicateSuppressed');
    }
  }

  /** What the service did when it served the call, whether or not anyone still listens. */
  private applied(call: FlowCall): void {
    const order = call.order!;
    const stats = this.stats;
    switch (call.step) {
      case PERSIST:
        // An upsert keyed by order id: a second delivery writes the same row again.
        if (order.persisted) this.suppressed(order, PERSIST);
        order.persisted = true;
        this.config.db.committed(order.key, this.kernel.now);
        break;
      case REJECT:
        this.config.db.committed(order.key, this.kernel.now);
        break;
      case RESERVE:
        // The rider service reserves once per order (its consumer dedups by order id).
        if (order.riderReserved) this.suppressed(order, RESERVE);
        order.riderReserved = true;
        break;
      case RELEASE:
        order.riderReserved = false;
        break;
      case CAPTURE:
        if (order.payment !== Payment.None) {
          // The provider's idempotency: a capture seen before (or after a void) does nothing.
          this.suppressed(order, CAPTURE);
          break;
        }
        order.payment = Payment.Captured;
        stats.paymentsCaptured++;
        if (this.capturedLogicals.add(order.logical)) stats.doubleCaptures++;
        break;
      case REFUND:
        if (order.payment === Payment.Captured) {
          order.payment = Payment.Refunded;
          stats.paymentsRefunded++;
        } else if (order.payment === Payment.None) {
          order.payment = Payment.Voided;
        } else {
          this.suppressed(order, REFUND);
        }
        break;
      case NOTIFY:
        // The merchant's idempotent consumer shows the order once, however often it arrives.
        if (order.notified > 0) this.suppressed(order, NOTIFY);
        order.notified++;
        break;
    }
  }

  /** Feeds a reply to the saga; later replies of this call are not its caller's business. */
  private reply(call: FlowCall, event: OrderSagaEvent): void {
    call.live = false;
    this.send(call.order!, event);
  }

  private send(order: OrderRecord, event: OrderSagaEvent): void {
    if (order.instance < 0) return;
    this.machines.sagas.send(order.instance, event);
    if (this.journal) {
      const what = `${event.type} (${event.step}, attempt ${event.attempt})`;
      this.journalState(order.id, 'saga', what, order.instance, false);
    }
    this.answerDecided();
  }

  /** The response for `order`'s key is decided (inside a saga action: answered after it). */
  private decide(order: OrderRecord, response: StoredResponse): void {
    if (order.response !== 0) return;
    order.response = response.status;
    this.decided.push(order);
    this.decidedResponse.push(response);
  }

  /** Stores each decided response under its key and answers the client if it still waits. */
  private answerDecided(): void {
    for (let i = 0; i < this.decided.length; i++) {
      const order = this.decided[i]!;
      const response = this.decidedResponse[i]!;
      this.machines.keys.send(order.keyInstance, { type: 'request.completed', response });
      const w = order.waiting;
      order.waiting = null;
      const told = w !== null && this.waiting.get(w.request) === w;
      this.audit?.decided(order, response.status, told);
      if (this.journal) {
        const stored = `request.completed: ${response.status} stored`;
        this.journalState(order.id, 'key', stored, order.keyInstance, true);
        this.note(order, told ? `client answered ${response.status}` : 'client had gone');
      }
      if (response.status < 300) this.stats.acknowledged++;
      if (told) this.answer(w, response.status < 300);
    }
    this.decided.length = 0;
    this.decidedResponse.length = 0;
  }

  private answer(w: Waiting, ok: boolean): void {
    this.waiting.delete(w.request);
    w.client.orderAnswered(w.request, ok);
  }

  private sagaDone(instance: number): void {
    const { orderId, outcome } = this.machines.sagas.output(instance) as OrderSagaOutput;
    if (outcome === null) throw new Error(`order ${orderId} done without an outcome`);
    const order = this.orders.get(orderId)!;
    order.done = true;
    const state = OUTCOME_STATE[outcome];
    this.states.move(order.state, state, this.kernel.now);
    order.state = state;
    this.stats[outcome]++;
    this.audit?.settled(order, outcome);
    this.journal?.end(orderId, outcome, this.kernel.now);
    // Sync creation answers now (async did at the persist): only a completed order is a success.
    this.decide(
      order,
      outcome === 'completed' ? CREATED : outcome === 'rejected' ? UNPROCESSABLE : FAILED,
    );
    this.kernel.schedule(DONE_LINGER_SECONDS, this.onFree, orderId);
  }

  private free(orderId: number): void {
    const order = this.orders.get(orderId)!;
    this.machines.sagas.free(order.instance);
    order.instance = -1;
    this.orders.delete(orderId);
  }

  /** The key's retention ended: free its instance, unless a new request took it meanwhile. */
  private purge(logical: number): void {
    const instance = this.keyOf.get(logical);
    if (instance === undefined || this.machines.keys.value(instance) !== 'expired') return;
    this.machines.keys.free(instance);
    this.keyOf.delete(logical);
    this.journal?.forgetLogical(logical);
  }

  private awaitingReply(order: OrderRecord): boolean {
    return order.instance >= 0 && this.machines.sagas.hasTag(order.instance, 'awaitingReply');
  }

  /** The scheduled job: every saga waiting since before `stuckBefore` is declared lost. */
  private scan(stuckBefore: number): void {
    for (const order of this.orders.values()) {
      if (order.done || order.attemptStartedAt >= stuckBefore || !this.awaitingReply(order)) {
        continue;
      }
      this.stats.compensationsByScanner++;
      if (this.journal) {
        this.note(order, 'scheduled job: attempt declared lost (step.timedOut)');
        this.journal.mark(order.id, 'byScheduledJob');
      }
      if (order.call !== null) {
        if (this.network.tracer !== null) {
          this.traceGivenUp(this.network.tracer, order.call, 'declaredLost');
        }
        order.call.live = false;
      }
      this.send(order, {
        type: 'step.timedOut',
        step: SAGA_STEPS[order.step]!,
        attempt: order.attempt,
      });
    }
  }
}
