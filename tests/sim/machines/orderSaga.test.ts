import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createActor,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventObject,
} from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { Kernel } from '../../../sim/kernel/kernel';
import { KernelClock } from '../../../sim/machines/kernelClock';
import {
  DEFAULT_ORDER_SAGA_CONFIG,
  orderSagaMachine,
  retryBackoffMs,
  type OrderSagaConfig,
  type OrderSagaEvent,
  type SagaStep,
} from '../../../sim/machines/orderSaga.machine';
import {
  ROCKETMQ_DELAY_LEVELS_MS,
  ROCKETMQ_RETRY_DELAYS_MS,
} from '../../../sim/machines/rocketmqDelayLevels';
import {
  Coverage,
  MachineRunner,
  definedStates,
  definedTransitions,
  graphSize,
  edgeCoveringPaths,
  expectSame,
  replay,
  withTimers,
  type Effect,
  type PathStep,
} from './modelPaths';
import {
  SAGA_INTENTS,
  afterEventType,
  checkSagaLog,
  expectedEffects,
  expectedNext,
  expectedRetryDelayMs,
  sagaEvents,
  stepOf,
  storyEvents,
  view,
} from './orderSagaSpec';

const ORDER_ID = 42;

/** Small enough for exhaustive traversal, large enough to exercise every guard both ways. */
const GRAPH_CONFIG: OrderSagaConfig = {
  maxAttempts: 2,
  backoffBaseMs: 500,
  backoffCapMs: 800,
  maxCompensationAttempts: 3, // so a compensation backs off twice: 500, then 1000 capped to 800

  notifyRetryDelaysMs: [1000, 3000],
};

const setupFor = (config: OrderSagaConfig, coverage?: Coverage) => ({
  machine: orderSagaMachine,
  input: { orderId: ORDER_ID, config },
  intents: SAGA_INTENTS,
  expectedDelayMs: (snapshot: AnyMachineSnapshot) => {
    const v = view(snapshot);
    return expectedRetryDelayMs(config, v.top, v.attempt);
  },
  ...(coverage ? { coverage } : {}),
});

const strip = (effects: readonly Effect[]) => effects.map(({ type, params }) => ({ type, params }));

/** Replays a path and checks every step against the rule tables and the whole log at the end. */
function checkPath(steps: readonly PathStep[], config: OrderSagaConfig, coverage?: Coverage) {
  const run = replay(steps, setupFor(config, coverage));
  steps.forEach((step, i) => {
    const prev = view(run.snapshots[i]!);
    const next = view(run.snapshots[i + 1]!);
    expectSame(
      next,
      expectedNext(prev, step.event, config),
      `step ${i} ${JSON.stringify(step.event)}`,
    );
    expectSame(strip(run.effectsPerStep[i]!), expectedEffects(prev, next, ORDER_ID));
  });
  checkSagaLog(run.effects, view(run.snapshots.at(-1)!), config);
  return run;
}

describe('orderSaga: model-based, every state and transition', () => {
  const input = { orderId: ORDER_ID, config: GRAPH_CONFIG };

  it('takes every edge of the reachable graph, agreeing with the rule tables', () => {
    const coverage = new Coverage();
    const traversal = { input, events: sagaEvents };
    const paths = edgeCoveringPaths(orderSagaMachine, traversal);
    for (const steps of paths) checkPath(steps, GRAPH_CONFIG, coverage);
    // Pinned so a change to the machine that grows (or shrinks) the reachable graph is noticed.
    expect(graphSize(orderSagaMachine, traversal)).toEqual({
      states: 119,
      edges: 2599,
      selfLoops: 2320,
    });

    const missing = coverage.missing(orderSagaMachine);
    expect(missing).toEqual({ states: [], transitions: [] });
    // Every state node and every defined transition (each guarded branch apart) was taken.
    expect(definedStates(orderSagaMachine).size).toBe(26);
    expect(definedTransitions(orderSagaMachine).size).toBe(49);
  });

  it('every simple path (each distinct story once) agrees with the rule tables and keeps the saga invariants', () => {
    // Untyped machine: the traversal also sends `xstate.after...` events, outside OrderSagaEvent.
    const paths = getSimplePaths(orderSagaMachine as AnyStateMachine, {
      input,
      events: withTimers(storyEvents),
    });
    expect(paths.length).toBeGreaterThan(2000);
    const outcomes = new Map<string, number>();
    for (const path of paths) {
      checkPath(path.steps.slice(1), GRAPH_CONFIG);
      const outcome = view(path.state).outcome ?? 'running';
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    for (const outcome of ['completed', 'compensated', 'rejected', 'needsManualHandling']) {
      expect(outcomes.get(outcome), outcome).toBeGreaterThan(0);
    }
  });

  it('random long walks with the default config (RocketMQ schedule, unlimited compensation retries) agree with the rule tables', () => {
    const configs: OrderSagaConfig[] = [
      DEFAULT_ORDER_SAGA_CONFIG,
      { ...DEFAULT_ORDER_SAGA_CONFIG, maxAttempts: 1, maxCompensationAttempts: 4 },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...configs),
        fc.array(fc.tuple(fc.boolean(), fc.nat()), { minLength: 1, maxLength: 120 }),
        (config, choices) => {
          const runner = new MachineRunner(setupFor(config));
          for (const [relevant, pick] of choices) {
            const prev = view(runner.snapshot);
            if (prev.outcome) break;
            // Half the time a reply about the step in progress (or its timer), else anything.
            let options: EventObject[] = sagaEvents(runner.snapshot);
            if (relevant) {
              options = options.filter((e) => (e as OrderSagaEvent).step === stepOf(prev.top));
              if (prev.sub === 'backingOff') options.push({ type: afterEventType(prev.top) });
            }
            const event = options[pick % options.length]!;
            const effects = runner.apply(event);
            const next = view(runner.snapshot);
            expectSame(next, expectedNext(prev, event, config));
            expectSame(strip(effects), expectedEffects(prev, next, ORDER_ID));
          }
          checkSagaLog(runner.effects, view(runner.snapshot), config);
          runner.stop();
        },
      ),
      { seed: 20240611, numRuns: 400 },
    );
  });
});

// ---- Stories on the kernel clock, with simulated services answering after a latency. ----

type Reply = 'ok' | 'business' | 'technical' | 'timeout';

interface StoryOptions {
  /** Replies per step, by attempt; missing = 'ok'. */
  script?: Partial<Record<SagaStep, Reply[]>>;
  latency?: number;
  config?: Partial<OrderSagaConfig>;
}

function runStory({ script = {}, latency = 0.25, config }: StoryOptions) {
  const kernel = new Kernel();
  const log: Effect[] = [];
  const record = (type: string) => (_: unknown, params: unknown) =>
    log.push({ type, params, at: kernel.now });
  const step = (name: SagaStep) => (_: unknown, params: { orderId: number; attempt: number }) => {
    log.push({ type: name, params, at: kernel.now });
    const reply = script[name]?.[params.attempt - 1] ?? 'ok';
    const event: OrderSagaEvent =
      reply === 'ok'
        ? { type: 'step.succeeded', step: name, attempt: params.attempt }
        : reply === 'timeout'
          ? { type: 'step.timedOut', step: name, attempt: params.attempt }
          : { type: 'step.failed', step: name, attempt: params.attempt, kind: reply };
    kernel.schedule(latency, () => actor.send(event));
  };
  const machine = orderSagaMachine.provide({
    actions: {
      persistOrder: step('persistOrder'),
      reserveRider: step('reserveRider'),
      capturePayment: step('capturePayment'),
      notifyMerchant: step('notifyMerchant'),
      refundPayment: step('refundPayment'),
      releaseRider: step('releaseRider'),
      rejectOrder: step('rejectOrder'),
      acknowledgeClient: record('acknowledgeClient'),
      rejectClient: record('rejectClient'),
      escalateToOperator: record('escalateToOperator'),
    },
  });
  const actor = createActor(machine, {
    input: { orderId: ORDER_ID, ...(config ? { config } : {}) },
    clock: new KernelClock(kernel),
  });
  let doneAt = NaN;
  actor.subscribe({ complete: () => (doneAt = kernel.now) });
  actor.start();
  kernel.runUntil(Infinity);
  const calls = (type: string) => log.filter((e) => e.type === type).map((e) => e.at);
  return { kernel, actor, log, doneAt, calls, types: log.map((e) => e.type) };
}

describe('orderSaga stories (kernel clock)', () => {
  it('happy path: persisted, client acked, rider, payment, merchant; done at 4 x latency', () => {
    const story = runStory({});
    expect(story.types).toEqual([
      'persistOrder',
      'acknowledgeClient',
      'reserveRider',
      'capturePayment',
      'notifyMerchant',
    ]);
    expect(story.log.map((e) => e.at)).toEqual([0, 0.25, 0.25, 0.5, 0.75]);
    expect(story.doneAt).toBe(1);
    expect(story.actor.getSnapshot().output).toEqual({
      orderId: ORDER_ID,
      outcome: 'completed',
      failure: null,
      escalation: null,
    });
  });

  it('card declined at the pivot: release the rider, then reject the order; nothing to refund', () => {
    const story = runStory({ script: { capturePayment: ['business'] } });
    expect(story.types).toEqual([
      'persistOrder',
      'acknowledgeClient',
      'reserveRider',
      'capturePayment',
      'releaseRider',
      'rejectOrder',
    ]);
    expect(story.actor.getSnapshot().output).toMatchObject({
      outcome: 'compensated',
      failure: { step: 'capturePayment', cause: 'businessFailure' },
    });
  });

  it('capture keeps timing out: retried with backoff at exact simulated times, then refund, release, reject', () => {
    const story = runStory({
      script: { capturePayment: ['timeout', 'timeout', 'timeout'] },
      config: { maxAttempts: 3, backoffBaseMs: 1000, backoffCapMs: 30_000 },
    });
    // attempt 1 at 0.5, its timeout at 0.75, +1 s backoff; attempt 2 at 1.75, timeout at 2.0,
    // +2 s; attempt 3 at 4.0, timeout at 4.25: out of attempts, compensate.
    expect(story.calls('capturePayment')).toEqual([0.5, 1.75, 4]);
    expect(story.calls('refundPayment')).toEqual([4.25]);
    expect(story.calls('releaseRider')).toEqual([4.5]);
    expect(story.calls('rejectOrder')).toEqual([4.75]);
    expect(story.doneAt).toBe(5);
    expect(story.actor.getSnapshot().output).toMatchObject({
      outcome: 'compensated',
      failure: { step: 'capturePayment', cause: 'retriesExhausted' },
    });
  });

  it('backoff doubles up to the cap', () => {
    const config = { ...DEFAULT_ORDER_SAGA_CONFIG, backoffBaseMs: 500, backoffCapMs: 3000 };
    expect([1, 2, 3, 4, 5].map((n) => retryBackoffMs(config, n))).toEqual([
      500, 1000, 2000, 3000, 3000,
    ]);
    // The rider reservation times out for good, so the rider is released (with retries).
    const forced = runStory({
      script: {
        reserveRider: ['timeout', 'timeout', 'timeout'],
        releaseRider: ['technical', 'technical', 'technical', 'technical'],
      },
      latency: 0,
      config: { backoffBaseMs: 500, backoffCapMs: 3000 },
    });
    // reserve: 0, +0.5, +1 -> gives up at 1.5; release at 1.5, then +0.5 +1 +2 +3 (capped).
    expect(forced.calls('reserveRider')).toEqual([0, 0.5, 1.5]);
    expect(forced.calls('releaseRider')).toEqual([1.5, 2, 3, 5, 8]);
    expect(forced.calls('rejectOrder')).toEqual([8]);
    expect(forced.actor.getSnapshot().output).toMatchObject({ outcome: 'compensated' });
  });

  it('no rider: only the order is rejected (the rider step took no effect)', () => {
    const story = runStory({ script: { reserveRider: ['business'] } });
    expect(story.types).toEqual([
      'persistOrder',
      'acknowledgeClient',
      'reserveRider',
      'rejectOrder',
    ]);
    expect(story.actor.getSnapshot().output).toMatchObject({ outcome: 'compensated' });
  });

  it('order refused at creation: the client is told, nothing else happens', () => {
    const story = runStory({ script: { persistOrder: ['business'] } });
    expect(strip(story.log)).toEqual([
      { type: 'persistOrder', params: { orderId: ORDER_ID, attempt: 1 } },
      { type: 'rejectClient', params: { orderId: ORDER_ID, cause: 'businessFailure' } },
    ]);
    expect(story.actor.getSnapshot().output).toMatchObject({ outcome: 'rejected' });
  });

  it('persisting keeps failing: the client gets an error, a possibly written row is marked rejected', () => {
    const story = runStory({ script: { persistOrder: ['technical', 'technical', 'technical'] } });
    expect(story.types).toEqual([
      'persistOrder',
      'persistOrder',
      'persistOrder',
      'rejectClient',
      'rejectOrder',
    ]);
    expect(story.log[3]!.params).toEqual({ orderId: ORDER_ID, cause: 'retriesExhausted' });
  });

  it('merchant notification follows the RocketMQ delay levels and is dead-lettered after 16 redeliveries', () => {
    expect(ROCKETMQ_DELAY_LEVELS_MS).toHaveLength(18);
    expect(ROCKETMQ_RETRY_DELAYS_MS).toHaveLength(16);
    expect(ROCKETMQ_RETRY_DELAYS_MS[0]).toBe(10_000);
    expect(ROCKETMQ_RETRY_DELAYS_MS.at(-1)).toBe(7_200_000);
    const total = ROCKETMQ_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBe(((4 * 60 + 45) * 60 + 40) * 1000); // "about 4 h 46 m"

    const failing = runStory({
      script: { notifyMerchant: Array<Reply>(17).fill('technical') },
      latency: 0,
    });
    let t = 0;
    const expected = [0, ...ROCKETMQ_RETRY_DELAYS_MS.map((d) => (t += d / 1000))];
    expect(failing.calls('notifyMerchant')).toEqual(expected);
    expect(failing.doneAt).toBe(17_140);
    expect(failing.actor.getSnapshot().output).toMatchObject({
      outcome: 'needsManualHandling',
      escalation: { step: 'notifyMerchant', cause: 'deadLettered' },
    });
    expect(failing.log.at(-1)).toMatchObject({
      type: 'escalateToOperator',
      params: { orderId: ORDER_ID, step: 'notifyMerchant', cause: 'deadLettered' },
    });

    const lastChance = runStory({
      script: { notifyMerchant: Array<Reply>(16).fill('technical') },
      latency: 0,
    });
    expect(lastChance.calls('notifyMerchant')).toHaveLength(17);
    expect(lastChance.actor.getSnapshot().output).toMatchObject({ outcome: 'completed' });
  });

  it('a compensation refused for a business reason needs manual handling; later compensations do not run', () => {
    const story = runStory({
      script: { capturePayment: ['business'], releaseRider: ['business'] },
    });
    expect(story.types.slice(-2)).toEqual(['releaseRider', 'escalateToOperator']);
    expect(story.types).not.toContain('rejectOrder');
    expect(story.actor.getSnapshot().output).toMatchObject({
      outcome: 'needsManualHandling',
      failure: { step: 'capturePayment', cause: 'businessFailure' },
      escalation: { step: 'releaseRider', cause: 'compensationRefused' },
    });
  });

  it('actions not provided throw: the actor ends in error instead of silently hanging', () => {
    const actor = createActor(orderSagaMachine, {
      input: { orderId: 1 },
      clock: new KernelClock(new Kernel()),
    });
    const errors: unknown[] = [];
    actor.subscribe({ error: (error) => errors.push(error) });
    actor.start();
    expect(actor.getSnapshot().status).toBe('error');
    expect(String(errors[0])).toMatch(/persistOrder" was not provided/);
  });
});

describe('orderSaga: replies that arrive late or out of turn', () => {
  function manual(config: Partial<OrderSagaConfig> = {}) {
    const runner = new MachineRunner(setupFor({ ...DEFAULT_ORDER_SAGA_CONFIG, ...config }));
    const ok = (step: SagaStep, attempt = 1) =>
      runner.apply({ type: 'step.succeeded', step, attempt });
    return { runner, ok };
  }

  it('a late success during backoff moves on and cancels the retry timer', () => {
    const { runner, ok } = manual({ backoffBaseMs: 1000 });
    ok('persistOrder');
    ok('reserveRider');
    runner.apply({ type: 'step.timedOut', step: 'capturePayment', attempt: 1 });
    expect(runner.kernel.pending).toBe(1); // the backoff timer
    const effects = ok('capturePayment', 1);
    expect(strip(effects)).toEqual([
      { type: 'notifyMerchant', params: { orderId: ORDER_ID, attempt: 1 } },
    ]);
    expect(runner.kernel.pending).toBe(0);
    expect(runner.effects.filter((e) => e.type === 'capturePayment')).toHaveLength(1);
  });

  it('a stale technical failure cannot cause a second retry; a stale success still counts', () => {
    const { runner, ok } = manual({ backoffBaseMs: 1000 });
    ok('persistOrder');
    ok('reserveRider');
    runner.apply({ type: 'step.failed', step: 'capturePayment', attempt: 1, kind: 'technical' });
    runner.apply({ type: afterEventType('capturingPayment') });
    expect(view(runner.snapshot)).toMatchObject({ sub: 'awaitingReply', attempt: 2 });
    const ignored = runner.apply({
      type: 'step.timedOut',
      step: 'capturePayment',
      attempt: 1,
    });
    expect(ignored).toEqual([]);
    expect(view(runner.snapshot)).toMatchObject({ sub: 'awaitingReply', attempt: 2 });
    ok('capturePayment', 1);
    expect(view(runner.snapshot).top).toBe('notifyingMerchant');
  });

  it('a reply for another step is ignored', () => {
    const { runner, ok } = manual();
    ok('persistOrder');
    const before = view(runner.snapshot);
    expect(ok('capturePayment')).toEqual([]);
    expect(ok('persistOrder')).toEqual([]);
    expect(view(runner.snapshot)).toEqual(before);
  });

  it('tags tell the stuck-order scanner which way an order may still go', () => {
    const { runner, ok } = manual();
    expect(runner.snapshot.hasTag('compensatable')).toBe(true);
    expect(runner.snapshot.hasTag('awaitingReply')).toBe(true);
    ok('persistOrder');
    ok('reserveRider');
    expect(runner.snapshot.hasTag('pivot')).toBe(true);
    ok('capturePayment');
    expect(runner.snapshot.hasTag('retriable')).toBe(true);
    expect(runner.snapshot.hasTag('compensatable')).toBe(false);
    runner.apply({ type: 'step.failed', step: 'notifyMerchant', attempt: 1, kind: 'business' });
    expect(runner.snapshot.hasTag('needsManualHandling')).toBe(true);
    expect(runner.snapshot.status).toBe('done');
  });
});
