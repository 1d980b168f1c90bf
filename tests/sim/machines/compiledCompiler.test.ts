/**
 * The compiler: the tables it builds from the order machines, that they call the machines' own
 * implementations (as provided), and that every XState feature it cannot reproduce is refused
 * by name.
 */
import { describe, expect, it } from 'vitest';
import {
  assign,
  cancel,
  createMachine,
  emit,
  enqueueActions,
  fromPromise,
  log,
  raise,
  setup,
  stateIn,
  type AnyStateMachine,
} from 'xstate';
import { Kernel } from '../../../sim/kernel/kernel';
import { ActorPool } from '../../../sim/machines/compiled/actorPool';
import { compileMachine } from '../../../sim/machines/compiled/compileMachine';
import { CompiledMachinePool, compiledPool } from '../../../sim/machines/compiled/compiledPool';
import { OP_ACTION, OP_BITS, OP_MASK, OP_TIMER_START } from '../../../sim/machines/compiled/table';
import { UnsupportedFeatureError } from '../../../sim/machines/compiled/unsupported';
import { idempotencyKeyMachine } from '../../../sim/machines/idempotencyKey.machine';
import { orderSagaMachine } from '../../../sim/machines/orderSaga.machine';

describe('compileMachine: the order machines as tables', () => {
  it('numbers states, events, rows and timers with small integers', () => {
    const saga = compileMachine(orderSagaMachine);
    const key = compileMachine(idempotencyKeyMachine);
    const shape = (t: typeof saga) => ({
      leaves: t.leafIds.length,
      events: t.eventTypes.length,
      rows: t.rowGuard.length,
      guards: t.guards.length,
      timers: t.timers.length,
      tags: t.tags.length,
    });
    // Saga: 7 steps x (awaitingReply, backingOff) + 4 final states; 3 reply events + 7 timers.
    expect(shape(saga)).toEqual({
      leaves: 18,
      events: 10,
      rows: 64,
      guards: 42,
      timers: 7,
      tags: 6,
    });
    expect(shape(key)).toEqual({ leaves: 7, events: 6, rows: 30, guards: 3, timers: 2, tags: 1 });
    for (const t of [saga, key]) {
      const L = t.leafIds.length;
      const E = t.eventTypes.length;
      expect(t.rowStart).toHaveLength(L * E + 1);
      expect(t.alwaysStart).toHaveLength(L + 1);
      for (let r = 0; r < t.rowGuard.length; r++) {
        expect(t.rowGuard[r]).toBeGreaterThanOrEqual(-1);
        expect(t.rowGuard[r]).toBeLessThan(t.guards.length);
        expect(t.rowTarget[r]).toBeGreaterThanOrEqual(0);
        expect(t.rowTarget[r]).toBeLessThan(L);
      }
      for (const code of t.ops) {
        const arg = code >> OP_BITS;
        if ((code & OP_MASK) === OP_ACTION) expect(t.actions[arg]).toBeDefined();
        if ((code & OP_MASK) === OP_TIMER_START) expect(t.timers[arg]).toBeDefined();
      }
    }
    expect(
      saga.leafValues[saga.leafIds.indexOf('orderSaga.persistingOrder.awaitingReply')],
    ).toEqual({ persistingOrder: 'awaitingReply' });
    expect(saga.leafValues[saga.leafIds.indexOf('orderSaga.completed')]).toBe('completed');
  });

  it('keeps the candidates for (state, event) in the order XState tries them: innermost first', () => {
    const saga = compileMachine(orderSagaMachine);
    const leaf = saga.leafIds.indexOf('orderSaga.persistingOrder.awaitingReply');
    const event = saga.eventIds.get('step.failed')!;
    const k = leaf * saga.eventTypes.length + event;
    const rows = saga.rowTransition.slice(saga.rowStart[k], saga.rowStart[k + 1]);
    expect(rows).toEqual([
      'orderSaga.persistingOrder.awaitingReply on step.failed #0',
      'orderSaga.persistingOrder.awaitingReply on step.failed #1',
      'orderSaga.persistingOrder on step.failed #0',
    ]);
    const guard = saga.guards[saga.rowGuard[saga.rowStart[k]!]!]!;
    expect(guard.text).toBe(
      'and(isReplyTo({"step":"persistOrder"}), isTechnicalFailure, isCurrentAttempt, canRetry)',
    );
  });

  it('calls the implementations the machine was set up and provided with, not copies', () => {
    for (const machine of [orderSagaMachine, idempotencyKeyMachine] as AnyStateMachine[]) {
      const table = compileMachine(machine);
      const { guards, actions } = machine.implementations;
      const named = new Set<unknown>(Object.values(guards));
      for (const g of table.guards)
        for (const fn of g.implementations) expect(named.has(fn)).toBe(true);
      for (const action of table.actions) {
        if (action.kind === 'intent') expect(action.exec).toBe(actions[action.name]);
        // assign(...) keeps what it was given as `assignment` (xstate's own field).
        else expect(action.values).toEqual(Object.values(assignmentOf(actions[action.name])));
      }
    }
    const calls: unknown[] = [];
    const provided = orderSagaMachine.provide({
      actions: {
        persistOrder: (_, params) => calls.push(['persistOrder', params, kernel.now]),
      },
      delays: { retryBackoff: 1234 },
    });
    const kernel = new Kernel();
    const pool = compiledPool(provided, { kernel });
    const order = pool.create({ orderId: 9 });
    pool.send(order, { type: 'step.failed', step: 'persistOrder', attempt: 1, kind: 'technical' });
    kernel.step();
    expect(calls).toEqual([
      ['persistOrder', { orderId: 9, attempt: 1 }, 0],
      ['persistOrder', { orderId: 9, attempt: 2 }, 1.234],
    ]);
  });

  it('compiles an inline assign(...) and runs it as XState does', () => {
    const machine = setup({
      types: { context: {} as { n: number; seen: string }, events: {} as { type: 'go' } },
    }).createMachine({
      context: { n: 1, seen: '' },
      on: {
        go: {
          actions: [
            assign({ n: ({ context }) => context.n * 2, seen: ({ context }) => `${context.n}` }),
            assign(({ context }) => ({ n: context.n + 1 })),
          ],
        },
      },
    });
    const compiled = new CompiledMachinePool(compileMachine(machine), { kernel: new Kernel() });
    const actors = new ActorPool(machine, { kernel: new Kernel() });
    const [c, a] = [compiled.create(undefined), actors.create(undefined)];
    for (let i = 0; i < 3; i++) {
      compiled.send(c, { type: 'go' });
      actors.send(a, { type: 'go' });
    }
    expect(compiled.context(c)).toEqual(actors.context(a));
    expect(compiled.context(c)).toEqual({ n: 15, seen: '7' });
  });
});

function assignmentOf(action: unknown): Record<string, unknown> {
  return (action as { assignment: Record<string, unknown> }).assignment;
}

/** Machines each using one feature the compiled interpreter does not reproduce. */
const UNSUPPORTED: [RegExp, () => AnyStateMachine][] = [
  [/parallel state/, () => createMachine({ type: 'parallel', states: { a: {}, b: {} } })],
  [
    /history state/,
    () =>
      createMachine({
        initial: 'a',
        states: { a: { initial: 'x', states: { x: {}, h: { type: 'history' } } } },
      }),
  ],
  [
    /invoke/,
    () =>
      setup({ actors: { work: fromPromise(async () => 1) } }).createMachine({
        initial: 'a',
        states: { a: { invoke: { src: 'work' } } },
      }),
  ],
  [/wildcard event descriptor '\*'/, () => createMachine({ on: { '*': {} } })],
  [/wildcard event descriptor 'step\.\*'/, () => createMachine({ on: { 'step.*': {} } })],
  [
    /internal event 'xstate\.done\.state\.m\.a'/,
    () => createMachine({ id: 'm', initial: 'a', states: { a: { onDone: 'b' }, b: {} } }),
  ],
  [
    /final state inside a compound state/,
    () =>
      createMachine({
        initial: 'a',
        states: { a: { initial: 'x', states: { x: {}, y: { type: 'final' } } } },
      }),
  ],
  [
    /output on a final state/,
    () => createMachine({ initial: 'a', states: { a: { type: 'final', output: 1 } } }),
  ],
  [/inline guard function/, () => createMachine({ on: { go: { guard: () => true } } })],
  [/guard stateIn/, () => createMachine({ on: { go: { guard: stateIn('#x') } } })],
  [/inline action function/, () => createMachine({ on: { go: { actions: () => {} } } })],
  [/action xstate\.raise/, () => createMachine({ entry: raise({ type: 'x' }) })],
  [
    /action xstate\.raise \(named 'poke'\)/,
    () => setup({ actions: { poke: raise({ type: 'x' }) } }).createMachine({ entry: 'poke' }),
  ],
  [/action xstate\.cancel/, () => createMachine({ exit: cancel('x') })],
  [/action xstate\.log/, () => createMachine({ entry: log('x') })],
  [/action xstate\.emit/, () => createMachine({ entry: emit({ type: 'x' }) })],
  [/action xstate\.enqueueActions/, () => createMachine({ entry: enqueueActions(() => {}) })],
];

describe('compileMachine: what it refuses', () => {
  it.each(UNSUPPORTED.map(([message, build]) => [String(message), message, build] as const))(
    '%s',
    (_, message, build) => {
      let error: unknown;
      try {
        compileMachine(build());
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UnsupportedFeatureError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(/not supported by the compiled interpreter/);
    },
  );

  it('refuses names the machine does not implement (XState would skip an unknown action)', () => {
    const m = (config: object) => createMachine(config);
    expect(() => compileMachine(m({ on: { go: { guard: 'nope' } } }))).toThrow(
      /guard 'nope' at \(machine\) on go #0 .* not implemented/,
    );
    expect(() => compileMachine(m({ on: { go: { actions: 'nope' } } }))).toThrow(
      /action 'nope' at .* not implemented/,
    );
    expect(() =>
      compileMachine(m({ initial: 'a', states: { a: { after: { nope: 'b' } }, b: {} } })),
    ).toThrow(/delay 'nope' in \(machine\)\.a is not implemented/);
  });
});
