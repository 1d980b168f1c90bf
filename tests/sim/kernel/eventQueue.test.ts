import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, MAX_PRIORITY, type EventHandler } from '../../../sim/kernel/eventQueue';
import type { EventHandle } from '../../../sim/kernel/units';
import { ReferenceQueue } from './referenceQueue';

type Op =
  | { kind: 'push'; time: number; priority: number }
  | { kind: 'pop' }
  | { kind: 'cancel'; pick: number };

// Few distinct times and priorities, so ties on time and on (time, priority) are common.
const time = fc.oneof(
  fc.integer({ min: 0, max: 5 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.constant(Infinity),
);
const priority = fc.oneof(fc.constantFrom(0, 1, MAX_PRIORITY), fc.integer({ min: 0, max: 31 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('push' as const), time, priority }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pop' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
);

/** A queue holding one event per time, arg = its index, with their handles. */
function queueOf(times: number[]): { queue: EventQueue; handles: EventHandle[] } {
  const queue = new EventQueue();
  const handles = times.map((t, i) => queue.push(t, 0, () => {}, i));
  return { queue, handles };
}

function drainArgs(queue: EventQueue): number[] {
  const args: number[] = [];
  while (queue.pop()) args.push(queue.poppedArg);
  return args;
}

describe('EventQueue', () => {
  it('pops in (time, priority, insertion order) order under random pushes, pops and cancels', () => {
    let largest = 0;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600, size: 'max' }), (ops) => {
        // The smallest capacity, so most runs grow the arrays several times.
        const queue = new EventQueue(16);
        const reference = new ReferenceQueue();
        const handles: EventHandle[] = [];
        const handlers: EventHandler[] = [];
        for (const o of ops) {
          if (o.kind === 'push') {
            const id = handles.length;
            handlers.push(() => {});
            handles.push(queue.push(o.time, o.priority, handlers[id]!, id));
            reference.push(id, o.time, o.priority);
          } else if (o.kind === 'pop') {
            const expected = reference.pop();
            expect(queue.pop()).toBe(expected !== undefined);
            if (expected !== undefined) {
              expect(queue.poppedArg).toBe(expected.id);
              expect(queue.poppedTime).toBe(expected.time);
              expect(queue.poppedHandler).toBe(handlers[expected.id]);
            }
          } else if (handles.length > 0) {
            // Any handle ever issued: pending, already run, or already cancelled.
            const id = o.pick % handles.length;
            expect(queue.cancel(handles[id]!)).toBe(reference.cancel(id));
          }
          expect(queue.size).toBe(reference.size);
          expect(queue.peekTime()).toBe(reference.peekTime());
          largest = Math.max(largest, queue.size);
        }
        const rest: number[] = [];
        for (let e = reference.pop(); e !== undefined; e = reference.pop()) rest.push(e.id);
        expect(drainArgs(queue)).toEqual(rest);
      }),
      { seed: 42, numRuns: 300 },
    );
    // The runs must have made the queue grow past its initial 16 slots, several times over.
    expect(largest).toBeGreaterThan(64);
  });

  it('grows far beyond its initial capacity and keeps the order', () => {
    const queue = new EventQueue(16);
    const n = 20_000;
    // A permutation of 0..n-1 as times, each time twice with two priorities.
    const times = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    times.forEach((t) => queue.push(t, 1, () => {}, 2 * t + 1));
    times.forEach((t) => queue.push(t, 0, () => {}, 2 * t));
    expect(queue.size).toBe(2 * n);
    expect(drainArgs(queue)).toEqual(Array.from({ length: 2 * n }, (_, i) => i));
  });

  it('a cancelled event never pops; cancelling it again returns false', () => {
    const { queue, handles } = queueOf([1, 2, 3]);
    expect(queue.cancel(handles[1]!)).toBe(true);
    expect(queue.cancel(handles[1]!)).toBe(false);
    expect(queue.size).toBe(2);
    expect(drainArgs(queue)).toEqual([0, 2]);
  });

  it('a stale handle whose slot was reused cancels nothing', () => {
    const { queue, handles } = queueOf([1, 2, 3]);
    expect(queue.cancel(handles[1]!)).toBe(true);
    // The freed slot is reused by the next push.
    queue.push(2, 0, () => {}, 10);
    expect(queue.cancel(handles[1]!)).toBe(false);
    // Same after the event ran: its handle must not reach the event now in its slot.
    expect(queue.pop()).toBe(true);
    expect(queue.poppedArg).toBe(0);
    queue.push(5, 0, () => {}, 11);
    expect(queue.cancel(handles[0]!)).toBe(false);
    expect(drainArgs(queue)).toEqual([10, 2, 11]);
  });

  it('cancels the root, a leaf and an event that must move up to fill the hole', () => {
    const queue = new EventQueue();
    const handles = [5, 1, 9, 2, 3, 10, 11, 4, 6, 7].map((t) => queue.push(t, 0, () => {}, t));
    expect(queue.cancel(handles[1]!)).toBe(true); // the root (time 1)
    expect(queue.cancel(handles[6]!)).toBe(true); // a leaf (time 11)
    expect(queue.cancel(handles[5]!)).toBe(true); // time 10; the last leaf moves into its place
    expect(drainArgs(queue)).toEqual([2, 3, 4, 5, 6, 7, 9]);
  });

  it('ignores handles it never issued', () => {
    const { queue, handles } = queueOf([1]);
    const issued = handles[0]!;
    // Garbage, a neighbouring slot and the same slot's next generation.
    const never = [-1, 0.5, Number.NaN, Infinity, 2 ** 40, issued + 1, issued + 2 ** 24];
    for (const h of never) expect(queue.cancel(h as EventHandle), String(h)).toBe(false);
    expect(queue.size).toBe(1);
    expect(queue.cancel(issued)).toBe(true);
  });

  it('pop on an empty queue returns false and peekTime is Infinity', () => {
    const queue = new EventQueue();
    expect(queue.pop()).toBe(false);
    expect(queue.peekTime()).toBe(Infinity);
    expect(queue.size).toBe(0);
  });
});
