/**
 * The compiled interpreter's runtime: instances from a free list, timers on the kernel, the
 * mailbox for events sent from inside actions, and failing loudly where XState would put an
 * actor in `error`.
 */
import { describe, expect, it } from 'vitest';
import { assign, setup, type AnyStateMachine, type EventObject } from 'xstate';
import { Kernel } from '../../../sim/kernel/kernel';
import { ActorPool } from '../../../sim/machines/compiled/actorPool';
import { compileMachine } from '../../../sim/machines/compiled/compileMachine';
import { CompiledMachinePool, compiledPool } from '../../../sim/machines/compiled/compiledPool';
import type { MachinePool } from '../../../sim/machines/compiled/machinePool';
import { orderSagaMachine, type OrderSagaEvent } from '../../../sim/machines/orderSaga.machine';
import { SAGA_INTENTS } from './orderSagaSpec';

const quiet = orderSagaMachine.provide({
  actions: Object.fromEntries(SAGA_INTENTS.map((name) => [name, () => {}])),
});
const technical = (attempt = 1): OrderSagaEvent => ({
  type: 'step.failed',
  step: 'persistOrder',
  attempt,
  kind: 'technical',
});
const ok = (step: OrderSagaEvent['step']): OrderSagaEvent => ({
  type: 'step.succeeded',
  step,
  attempt: 1,
});

describe('CompiledMachinePool', () => {
  it('grows past its initial capacity and recycles freed instances, newest first', () => {
    const kernel = new Kernel();
    const pool = compiledPool(quiet, { kernel, initialCapacity: 16 });
    const ids = Array.from({ length: 100 }, (_, orderId) => pool.create({ orderId }));
    expect(ids).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(pool.context(99)).toMatchObject({ orderId: 99, attempt: 1 });
    pool.free(3);
    pool.free(70);
    expect(pool.live).toBe(98);
    expect(pool.create({ orderId: 1000 })).toBe(70);
    expect(pool.create({ orderId: 1001 })).toBe(3);
    expect(pool.context(3)).toMatchObject({ orderId: 1001, attempt: 1, failure: null });
    expect(pool.value(3)).toEqual({ persistingOrder: 'awaitingReply' });
  });

  it("cancels an instance's timers when it is freed or done", () => {
    const kernel = new Kernel();
    const done: number[] = [];
    const pool = compiledPool(quiet, {
      kernel,
      onDone: (i) => done.push(i),
    });
    const ids = Array.from({ length: 6 }, (_, orderId) => pool.create({ orderId }));
    for (const i of ids) pool.send(i, technical());
    expect(kernel.pending).toBe(6); // one backoff timer each
    pool.free(ids[0]!);
    pool.free(ids[1]!);
    expect(kernel.pending).toBe(4);
    // A late success during backoff moves on and cancels the retry timer.
    pool.send(ids[2]!, ok('persistOrder'));
    expect(kernel.pending).toBe(3);
    pool.send(ids[3]!, { type: 'step.failed', step: 'persistOrder', attempt: 1, kind: 'business' });
    expect(pool.status(ids[3]!)).toBe('done');
    expect(done).toEqual([ids[3]]);
    expect(pool.output(ids[3]!)).toMatchObject({ orderId: 3, outcome: 'rejected' });
    pool.send(ids[3]!, ok('persistOrder')); // ignored, like an event to a stopped actor
    expect(pool.value(ids[3]!)).toBe('rejected');
    kernel.runUntil(Infinity);
    expect(pool.context(ids[4]!)).toMatchObject({ attempt: 2 });
  });

  it('refuses instances that are not allocated, and freeing one from inside its own actions', () => {
    const kernel = new Kernel();
    const machine = orderSagaMachine.provide({
      actions: {
        ...Object.fromEntries(SAGA_INTENTS.map((name) => [name, () => {}])),
        acknowledgeClient: () => pool.free(pool.current),
      },
    });
    const pool = new CompiledMachinePool(compileMachine(machine), { kernel });
    const order = pool.create({ orderId: 1 });
    expect(() => pool.send(order, ok('persistOrder'))).toThrow(/is processing an event/);
    pool.free(order);
    expect(() => pool.send(order, ok('persistOrder'))).toThrow(/instance 0 is not allocated/);
    expect(() => pool.free(order)).toThrow(/not allocated/);
  });

  it('fails loudly where XState would end the actor in error, and stays usable', () => {
    const kernel = new Kernel();
    const pool = new CompiledMachinePool(compileMachine(orderSagaMachine), { kernel });
    expect(() => pool.create({ orderId: 1 })).toThrow(/action "persistOrder" was not provided/);
    const actors = new ActorPool(orderSagaMachine, { kernel });
    expect(() => actors.create({ orderId: 1 })).toThrow(/action "persistOrder" was not provided/);

    const working = compiledPool(quiet, { kernel });
    const order = working.create({ orderId: 2 });
    working.send(order, ok('persistOrder'));
    expect(working.value(order)).toEqual({ reservingRider: 'awaitingReply' });
  });

  it('turns an eventless loop (XState would spin forever) into an error', () => {
    const machine = setup({
      actions: { bump: assign({ n: ({ context }) => context.n + 1 }) },
    }).createMachine({
      context: { n: 0 },
      initial: 'a',
      states: { a: { always: { target: 'b', actions: 'bump' } }, b: { always: 'a' } },
    });
    const pool = new CompiledMachinePool(compileMachine(machine), { kernel: new Kernel() });
    expect(() => pool.create(undefined)).toThrow(/eventless loop/);
  });
});

describe('timers are set once the macrostep is over, as XState defers them', () => {
  it('an intent run after a timer is set still comes first at the same simulated time', () => {
    const run = (
      make: (m: AnyStateMachine, kernel: Kernel) => MachinePool<unknown, EventObject>,
    ) => {
      const kernel = new Kernel();
      const order: string[] = [];
      // Entering `waiting` sets its 1 s timer, then its child's entry calls a 1 s service.
      const machine = setup({
        actions: {
          callService: () => kernel.schedule(1, () => order.push(`service at ${kernel.now}`)),
          timedOut: () => order.push(`timer at ${kernel.now}`),
        },
      }).createMachine({
        initial: 'idle',
        states: {
          idle: { on: { go: 'waiting' } },
          waiting: {
            after: { 1000: { target: 'idle', actions: 'timedOut' } },
            initial: 'calling',
            states: { calling: { entry: 'callService' } },
          },
        },
      });
      const pool = make(machine, kernel);
      pool.send(pool.create(undefined), { type: 'go' });
      kernel.runUntil(Infinity);
      return order;
    };
    const xstate = run((m, kernel) => new ActorPool(m, { kernel }));
    const compiled = run((m, kernel) => new CompiledMachinePool(compileMachine(m), { kernel }));
    expect(xstate).toEqual(['service at 1', 'timer at 1']);
    expect(compiled).toEqual(xstate);
  });
});

/**
 * `relay` sends synchronously from inside an action: `pong` to the same instance (XState queues
 * it in the actor's mailbox until the current event is done) and `ping` to the other instance
 * (an idle actor processes it at once, nested). Both pools must log the same order.
 */
function relayMachine(log: string[], pool: () => MachinePool<unknown, EventObject>) {
  type Context = { id: number; n: number };
  return setup({
    types: { context: {} as Context, input: {} as { id: number } },
    actions: {
      report: ({ context, event }) => log.push(`${context.id}:${event.type}:${context.n}`),
      relay: ({ context }) => {
        log.push(`${context.id}:relay`);
        pool().send(context.id, { type: 'pong' });
        if (context.id === 0) pool().send(1, { type: 'ping' });
        log.push(`${context.id}:relayed`);
      },
      bump: assign({ n: ({ context }) => context.n + 1 }),
    },
  }).createMachine({
    context: ({ input }) => ({ id: input.id, n: 0 }),
    initial: 'idle',
    states: {
      idle: { on: { ping: { target: 'busy', actions: ['relay', 'bump'] } } },
      busy: {
        entry: 'report',
        on: { pong: { target: 'idle', actions: ['bump', 'report'] }, ping: { actions: 'report' } },
      },
    },
  });
}

describe('events sent from inside actions (XState mailbox semantics)', () => {
  it('queues a send to the busy instance, runs a send to an idle one at once', () => {
    const run = (make: (m: AnyStateMachine) => MachinePool<unknown, EventObject>) => {
      const log: string[] = [];
      const pool: MachinePool<unknown, EventObject> = make(relayMachine(log, () => pool));
      pool.create({ id: 0 });
      pool.create({ id: 1 });
      pool.send(0, { type: 'ping' });
      pool.send(0, { type: 'ping' });
      return { log, contexts: [pool.context(0), pool.context(1)] };
    };
    const compiled = run(
      (m) => new CompiledMachinePool(compileMachine(m), { kernel: new Kernel() }),
    );
    const xstate = run((m) => new ActorPool(m, { kernel: new Kernel() }));
    expect(compiled).toEqual(xstate);
    // 0 relays: 1 handles its ping at once (nested) and its own pong right after; 0's pong
    // waits until 0 has finished the ping (bump, entry) that sent it.
    expect(compiled.log.slice(0, 8)).toEqual([
      '0:relay',
      '1:relay',
      '1:relayed',
      '1:ping:1',
      '1:pong:2',
      '0:relayed',
      '0:ping:1',
      '0:pong:2',
    ]);
    expect(compiled.contexts).toEqual([
      { id: 0, n: 4 },
      { id: 1, n: 4 },
    ]);
  });
});
