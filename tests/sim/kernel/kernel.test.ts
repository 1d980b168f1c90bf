import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PRIORITY } from '../../../sim/kernel/eventQueue';
import { Kernel, type Component } from '../../../sim/kernel/kernel';
import type { EventHandle } from '../../../sim/kernel/units';
import { ReferenceQueue } from './referenceQueue';

/** An event to schedule, relative to now; `absolute` uses scheduleAt(now + delay) instead. */
interface Spawn {
  delay: number;
  priority: number;
  absolute: boolean;
}

/** What the n-th executed event does: schedule some events, cancel some (by index, any age). */
interface Reaction {
  spawns: Spawn[];
  cancels: number[];
}

type Driver = 'step' | 'runUntil' | 'chunks';

const spawn: fc.Arbitrary<Spawn> = fc.record({
  delay: fc.oneof(fc.constantFrom(0, 0.25, 1), fc.double({ min: 0, max: 10, noNaN: true })),
  priority: fc.oneof(fc.constantFrom(0, 5, MAX_PRIORITY), fc.integer({ min: 0, max: 31 })),
  absolute: fc.boolean(),
});
const reaction: fc.Arbitrary<Reaction> = fc.record({
  spawns: fc.array(spawn, { maxLength: 3 }),
  cancels: fc.array(fc.nat(), { maxLength: 2 }),
});

/**
 * Runs a little model on the kernel and records what happened: each event's id and time, and each
 * cancel's result. `reactions` are consumed in execution order, so any misordering shows.
 */
function runOnKernel(initial: Spawn[], reactions: Reaction[], driver: Driver): string[] {
  const kernel = new Kernel(16);
  const handles: EventHandle[] = [];
  const log: string[] = [];
  let next = 0;
  const schedule = (s: Spawn) => {
    const id = handles.length;
    handles.push(
      s.absolute
        ? kernel.scheduleAt(kernel.now + s.delay, handler, id, s.priority)
        : kernel.schedule(s.delay, handler, id, s.priority),
    );
  };
  const handler = (id: number) => {
    log.push(`run ${id} at ${kernel.now}`);
    const r = reactions[next++];
    if (r === undefined) return;
    r.spawns.forEach(schedule);
    for (const pick of r.cancels) {
      const target = pick % handles.length;
      log.push(`cancel ${target}: ${kernel.cancel(handles[target]!)}`);
    }
  };
  initial.forEach(schedule);
  if (driver === 'step') {
    while (kernel.step());
  } else if (driver === 'runUntil') {
    kernel.runUntil(Infinity);
  } else {
    // Paced like the worker: small time slices with a small event budget each.
    for (let until = 0; kernel.pending > 0; until += 0.7) {
      while (kernel.runUntil(until, 3) === 3);
      expect(kernel.now).toBe(Math.max(until, kernel.now));
    }
  }
  expect(kernel.events).toBe(log.filter((line) => line.startsWith('run')).length);
  return log;
}

/** The same model on the reference queue. */
function runOnReference(initial: Spawn[], reactions: Reaction[]): string[] {
  const queue = new ReferenceQueue();
  const log: string[] = [];
  let now = 0;
  let ids = 0;
  let next = 0;
  const schedule = (s: Spawn) => queue.push(ids++, now + s.delay, s.priority);
  initial.forEach(schedule);
  for (let e = queue.pop(); e !== undefined; e = queue.pop()) {
    now = e.time;
    log.push(`run ${e.id} at ${now}`);
    const r = reactions[next++];
    if (r === undefined) continue;
    r.spawns.forEach(schedule);
    for (const pick of r.cancels) {
      const target = pick % ids;
      log.push(`cancel ${target}: ${queue.cancel(target)}`);
    }
  }
  return log;
}

const noop = () => {};

describe('Kernel', () => {
  it('runs events in (time, priority, scheduling order) order, with cancels, like the reference', () => {
    fc.assert(
      fc.property(
        fc.array(spawn, { minLength: 1, maxLength: 40, size: 'max' }),
        fc.array(reaction, { maxLength: 300, size: 'max' }),
        fc.constantFrom<Driver>('step', 'runUntil', 'chunks'),
        (initial, reactions, driver) => {
          expect(runOnKernel(initial, reactions, driver)).toEqual(
            runOnReference(initial, reactions),
          );
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('breaks equal times by priority, then by scheduling order', () => {
    const kernel = new Kernel();
    const order: number[] = [];
    const record = (arg: number) => order.push(arg);
    kernel.schedule(1, record, 1, 3);
    kernel.schedule(1, record, 2, 0);
    kernel.scheduleAt(1, record, 3, 3);
    kernel.schedule(1, record, 4, 0);
    kernel.schedule(0.5, record, 5, MAX_PRIORITY);
    kernel.runUntil(2);
    expect(order).toEqual([5, 2, 4, 1, 3]);
  });

  it('cancelled events never run; cancelling twice returns false', () => {
    const kernel = new Kernel();
    const ran: number[] = [];
    const a = kernel.schedule(1, (x) => ran.push(x), 1);
    kernel.schedule(2, (x) => ran.push(x), 2);
    expect(kernel.cancel(a)).toBe(true);
    expect(kernel.cancel(a)).toBe(false);
    expect(kernel.pending).toBe(1);
    kernel.runUntil(10);
    expect(ran).toEqual([2]);
    expect(kernel.events).toBe(1);
  });

  it('an event cannot cancel itself while it runs, nor anything else through its stale handle', () => {
    const kernel = new Kernel();
    const results: boolean[] = [];
    let self = -1 as EventHandle;
    self = kernel.schedule(1, () => {
      // Its slot is free again: the next schedule reuses it.
      const other = kernel.schedule(1, noop);
      results.push(kernel.cancel(self), kernel.cancel(other));
    });
    kernel.runUntil(10);
    expect(results).toEqual([false, true]);
    expect(kernel.pending).toBe(0);
  });

  describe('runUntil', () => {
    it('runs events at exactly `until`, leaves later ones, and ends with the clock at `until`', () => {
      const kernel = new Kernel();
      const ran: number[] = [];
      for (const t of [1, 2, 2, 3]) kernel.scheduleAt(t, () => ran.push(kernel.now));
      expect(kernel.runUntil(2)).toBe(3);
      expect(ran).toEqual([1, 2, 2]);
      expect(kernel.now).toBe(2);
      expect(kernel.runUntil(2.5)).toBe(0);
      expect(kernel.now).toBe(2.5);
      expect(kernel.pending).toBe(1);
      expect(kernel.nextTime()).toBe(3);
    });

    it('moves the clock to `until` even when no event is pending', () => {
      const kernel = new Kernel();
      expect(kernel.runUntil(7)).toBe(0);
      expect(kernel.now).toBe(7);
      // An earlier `until` never moves the clock back.
      kernel.runUntil(3);
      expect(kernel.now).toBe(7);
    });

    it('stops after maxEvents with the clock at the last event run, and resumes from there', () => {
      const kernel = new Kernel();
      const ran: number[] = [];
      for (let t = 1; t <= 5; t++) kernel.scheduleAt(t, () => ran.push(kernel.now));
      expect(kernel.runUntil(10, 2)).toBe(2);
      expect(kernel.now).toBe(2);
      expect(kernel.runUntil(10, 2)).toBe(2);
      expect(kernel.now).toBe(4);
      expect(kernel.runUntil(10, 2)).toBe(1);
      expect(kernel.now).toBe(10);
      expect(ran).toEqual([1, 2, 3, 4, 5]);
    });

    it('reaches `until` when the budget runs out on the last event before it', () => {
      const kernel = new Kernel();
      kernel.scheduleAt(1, noop);
      kernel.scheduleAt(2, noop);
      kernel.scheduleAt(8, noop);
      expect(kernel.runUntil(5, 2)).toBe(2);
      expect(kernel.now).toBe(5);
      expect(kernel.pending).toBe(1);
    });

    it('maxEvents 0 runs nothing and leaves the clock alone', () => {
      const kernel = new Kernel();
      kernel.scheduleAt(1, noop);
      expect(kernel.runUntil(5, 0)).toBe(0);
      expect(kernel.now).toBe(0);
    });

    it('runUntil(Infinity) drains the queue and leaves the clock at the last event', () => {
      const kernel = new Kernel();
      kernel.scheduleAt(4, noop);
      kernel.scheduleAt(9, noop);
      expect(kernel.runUntil(Infinity)).toBe(2);
      expect(kernel.now).toBe(9);
    });

    it('runs events that handlers schedule at the current instant within the same call', () => {
      const kernel = new Kernel();
      const ran: string[] = [];
      kernel.scheduleAt(2, () => {
        ran.push('a');
        kernel.schedule(0, () => ran.push('b'));
      });
      expect(kernel.runUntil(2)).toBe(2);
      expect(ran).toEqual(['a', 'b']);
    });
  });

  describe('refuses bad schedules', () => {
    it('scheduling in the past throws and schedules nothing', () => {
      const kernel = new Kernel();
      kernel.runUntil(5);
      expect(() => kernel.scheduleAt(4.999, noop)).toThrow(RangeError);
      expect(() => kernel.schedule(-1, noop)).toThrow(RangeError);
      expect(() => kernel.schedule(Number.NaN, noop)).toThrow(RangeError);
      expect(() => kernel.scheduleAt(Number.NaN, noop)).toThrow(RangeError);
      expect(kernel.pending).toBe(0);
      // Now itself is fine.
      expect(() => kernel.scheduleAt(5, noop)).not.toThrow();
      expect(() => kernel.schedule(0, noop)).not.toThrow();
    });

    it('a priority outside the integers 0..31 throws, from schedule and scheduleAt alike', () => {
      const kernel = new Kernel();
      for (const bad of [-1, MAX_PRIORITY + 1, 0.5, Number.NaN, Infinity, 2 ** 32]) {
        expect(() => kernel.schedule(1, noop, 0, bad), `schedule ${bad}`).toThrow(RangeError);
        expect(() => kernel.scheduleAt(1, noop, 0, bad), `scheduleAt ${bad}`).toThrow(RangeError);
      }
      expect(kernel.pending).toBe(0);
      expect(() => kernel.schedule(1, noop, 0, 0)).not.toThrow();
      expect(() => kernel.schedule(1, noop, 0, MAX_PRIORITY)).not.toThrow();
    });
  });

  describe('step', () => {
    it('returns false on an empty queue and leaves the clock alone', () => {
      const kernel = new Kernel();
      expect(kernel.step()).toBe(false);
      expect(kernel.now).toBe(0);
      expect(kernel.events).toBe(0);
    });

    it('runs one event: its handler gets its argument and the clock moves to its time', () => {
      const kernel = new Kernel();
      const args: number[] = [];
      kernel.schedule(1.5, (x) => args.push(x), 42);
      kernel.schedule(3, (x) => args.push(x), 43);
      expect(kernel.step()).toBe(true);
      expect(args).toEqual([42]);
      expect(kernel.now).toBe(1.5);
      expect(kernel.events).toBe(1);
      expect(kernel.pending).toBe(1);
      expect(kernel.nextTime()).toBe(3);
    });
  });

  describe('components', () => {
    const component = (id: string, started: string[]): Component => ({
      id,
      start: (kernel) => {
        started.push(id);
        kernel.schedule(1, () => started.push(`${id} ran`));
      },
    });

    it('starts each component once, in the order added, on the first step or runUntil', () => {
      const kernel = new Kernel();
      const started: string[] = [];
      kernel.add(component('a', started));
      kernel.add(component('b', started));
      expect(kernel.step()).toBe(true);
      kernel.start();
      kernel.runUntil(5);
      expect(started).toEqual(['a', 'b', 'a ran', 'b ran']);
    });

    it('refuses a component added after the run started', () => {
      const kernel = new Kernel();
      kernel.runUntil(1);
      expect(() => kernel.add(component('late', []))).toThrow(/after the run started/);
    });
  });
});
