import { describe, expect, it } from 'vitest';
import { assign, createActor, raise, setup, type AnyStateMachine } from 'xstate';
import type { EventHandler } from '../../../sim/kernel/eventQueue';
import { Kernel } from '../../../sim/kernel/kernel';
import type { EventHandle } from '../../../sim/kernel/units';
import { KernelClock } from '../../../sim/machines/kernelClock';

/** idle --start--> waiting --after `wait` ms--> fired; `leave` quits early, `poke` re-enters. */
function timerMachine(waitMs: number, onFire: () => void = () => {}) {
  return setup({
    types: { events: {} as { type: 'start' } | { type: 'leave' } | { type: 'poke' } },
    actions: { onFire },
    delays: { wait: waitMs },
  }).createMachine({
    initial: 'idle',
    states: {
      idle: { on: { start: 'waiting' } },
      waiting: {
        after: { wait: { target: 'fired', actions: 'onFire' } },
        on: { leave: 'left', poke: { target: 'waiting', reenter: true } },
      },
      fired: {},
      left: {},
    },
  });
}

function start(machine: AnyStateMachine, kernel: Kernel, clock = new KernelClock(kernel)) {
  const actor = createActor(machine, { clock });
  actor.start();
  return actor;
}

describe('KernelClock', () => {
  it('fires an `after` at exactly now + ms / 1000 simulated seconds', () => {
    for (const [waitMs, startAt] of [
      [1500, 2],
      [100, 2],
      [7, 0.3],
      [0, 5],
      [86_400_000, 1],
    ] as const) {
      const kernel = new Kernel();
      let firedAt = NaN;
      const actor = start(
        timerMachine(waitMs, () => (firedAt = kernel.now)),
        kernel,
      );
      kernel.scheduleAt(startAt, () => actor.send({ type: 'start' }));
      kernel.runUntil(Infinity);
      expect(firedAt, `${waitMs} ms from ${startAt}`).toBe(startAt + waitMs / 1000);
      expect(actor.getSnapshot().value).toBe('fired');
    }
  });

  it('orders timers by (time, priority, scheduling order), interleaved with other kernel events', () => {
    const kernel = new Kernel();
    const order: string[] = [];
    kernel.schedule(1, () => order.push('event scheduled first'));
    const actors = ['a', 'b', 'c'].map((name) =>
      start(
        timerMachine(1000, () => order.push(name)),
        kernel,
      ),
    );
    const early = start(
      timerMachine(500, () => order.push('early')),
      kernel,
    );
    // Started in the order c, a, early, b: equal deadlines fire in the order the timers were set.
    for (const i of [2, 0]) actors[i]!.send({ type: 'start' });
    early.send({ type: 'start' });
    actors[1]!.send({ type: 'start' });
    kernel.schedule(1, () => order.push('event scheduled last'));
    kernel.runUntil(10);
    expect(order).toEqual([
      'early',
      'event scheduled first',
      'c',
      'a',
      'b',
      'event scheduled last',
    ]);
  });

  it('a thousand equal deadlines fire in start order (SimulatedClock has no such tie-break)', () => {
    const kernel = new Kernel();
    const fired: number[] = [];
    const permutation = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const actors = permutation.map((id) =>
      start(
        timerMachine(250, () => fired.push(id)),
        kernel,
      ),
    );
    for (const actor of actors) actor.send({ type: 'start' });
    kernel.runUntil(1);
    expect(fired).toEqual(permutation);
    expect(kernel.now).toBe(1);
  });

  it('a clock priority places its timers after lower-priority events at the same time', () => {
    const kernel = new Kernel();
    const order: string[] = [];
    const actor = start(
      timerMachine(1000, () => order.push('timer (priority 3)')),
      kernel,
      new KernelClock(kernel, 3),
    );
    actor.send({ type: 'start' });
    kernel.schedule(1, () => order.push('event (priority 0)'));
    kernel.schedule(1, () => order.push('event (priority 5)'), 0, 5);
    kernel.runUntil(2);
    expect(order).toEqual(['event (priority 0)', 'timer (priority 3)', 'event (priority 5)']);
  });

  it('leaving the state early cancels its timer', () => {
    const kernel = new Kernel();
    let fired = 0;
    const actor = start(
      timerMachine(1000, () => fired++),
      kernel,
    );
    actor.send({ type: 'start' });
    expect(kernel.pending).toBe(1);
    kernel.scheduleAt(0.5, () => actor.send({ type: 'leave' }));
    kernel.runUntil(0.5);
    expect(kernel.pending).toBe(0);
    kernel.runUntil(5);
    expect(fired).toBe(0);
    expect(actor.getSnapshot().value).toBe('left');
  });

  it('re-entering the state restarts its timer: the first one is cancelled', () => {
    const kernel = new Kernel();
    let firedAt = NaN;
    const actor = start(
      timerMachine(1000, () => (firedAt = kernel.now)),
      kernel,
    );
    actor.send({ type: 'start' });
    kernel.scheduleAt(0.625, () => actor.send({ type: 'poke' }));
    kernel.runUntil(5);
    expect(firedAt).toBe(1.625);
    expect(kernel.events).toBe(2); // the poke and one timer: the first timer never ran
  });

  it('stopping the actor cancels its pending timers', () => {
    const kernel = new Kernel();
    const actor = start(timerMachine(1000), kernel);
    actor.send({ type: 'start' });
    expect(kernel.pending).toBe(1);
    actor.stop();
    expect(kernel.pending).toBe(0);
  });

  it('runs delayed raise/sendTo on simulated time too', () => {
    const kernel = new Kernel();
    const machine = setup({
      types: { context: {} as { pingedAt: number }, events: {} as { type: 'ping' } },
    }).createMachine({
      context: { pingedAt: NaN },
      entry: raise({ type: 'ping' }, { delay: 250 }),
      on: { ping: { actions: assign({ pingedAt: () => kernel.now }) } },
    });
    const actor = start(machine, kernel);
    kernel.runUntil(1);
    expect(actor.getSnapshot().context.pingedAt).toBe(0.25);
  });

  it("hands XState's callback to the kernel as the event handler (no wrapper per timer)", () => {
    const handlers: EventHandler[] = [];
    class SpyKernel extends Kernel {
      override schedule(delay: number, handler: EventHandler, arg = 0, priority = 0): EventHandle {
        handlers.push(handler);
        return super.schedule(delay, handler, arg, priority);
      }
    }
    const kernel = new SpyKernel();
    const clock = new KernelClock(kernel);
    const fn = () => {};
    const handle = clock.setTimeout(fn, 10);
    expect(handlers).toEqual([fn]);
    expect(typeof handle).toBe('number');
  });

  it('clearing a fired or cleared handle is harmless and cannot cancel a newer timer', () => {
    const kernel = new Kernel();
    const clock = new KernelClock(kernel);
    let ran = 0;
    const first = clock.setTimeout(() => ran++, 0);
    kernel.step();
    const second = clock.setTimeout(() => ran++, 1000); // may reuse the first one's slot
    clock.clearTimeout(first);
    clock.clearTimeout(first);
    expect(kernel.pending).toBe(1);
    clock.clearTimeout(second);
    clock.clearTimeout(second);
    expect(kernel.pending).toBe(0);
    kernel.runUntil(5);
    expect(ran).toBe(1);
  });

  it('refuses delays that are negative, NaN or infinite', () => {
    const clock = new KernelClock(new Kernel());
    for (const bad of [-1, Number.NaN, Infinity]) {
      expect(() => clock.setTimeout(() => {}, bad), String(bad)).toThrow(RangeError);
    }
  });
});
