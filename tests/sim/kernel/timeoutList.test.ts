import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../sim/kernel/kernel';
import { TimeoutList } from '../../../sim/kernel/timeoutList';
import type { EventHandle } from '../../../sim/kernel/units';

/** One step of a script: at `at`, start a timeout, or cancel the k-th started one. */
type Op = { at: number; kind: 'start' } | { at: number; kind: 'cancel'; pick: number };

interface Expiry {
  time: number;
  arg: number;
}

/** Runs the script with a TimeoutList; each expiry may start one more timeout (as retries do). */
function runWithList(delay: number, ops: readonly Op[], chain: boolean): Expiry[] {
  const kernel = new Kernel();
  const expiries: Expiry[] = [];
  const handles: number[] = [];
  let next = 0;
  const list: TimeoutList = new TimeoutList(kernel, delay, (arg) => {
    expiries.push({ time: kernel.now, arg });
    if (chain && arg % 3 === 0) handles.push(list.start(next++));
  });
  for (const op of ops) {
    kernel.scheduleAt(op.at, () => {
      if (op.kind === 'start') handles.push(list.start(next++));
      else if (handles.length > 0) list.cancel(handles[op.pick % handles.length]!);
    });
  }
  kernel.runUntil(Infinity);
  return expiries;
}

/** The same script with one kernel event per timeout: the reference semantics. */
function runWithKernelEvents(delay: number, ops: readonly Op[], chain: boolean): Expiry[] {
  const kernel = new Kernel();
  const expiries: Expiry[] = [];
  const handles: EventHandle[] = [];
  let next = 0;
  const onExpire = (arg: number) => {
    expiries.push({ time: kernel.now, arg });
    if (chain && arg % 3 === 0) handles.push(kernel.schedule(delay, onExpire, next++));
  };
  for (const op of ops) {
    kernel.scheduleAt(op.at, () => {
      if (op.kind === 'start') handles.push(kernel.schedule(delay, onExpire, next++));
      else if (handles.length > 0) kernel.cancel(handles[op.pick % handles.length]!);
    });
  }
  kernel.runUntil(Infinity);
  return expiries;
}

// Times on a coarse grid so that equal deadlines (ties) are common.
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ at: fc.integer({ min: 0, max: 40 }), kind: fc.constant('start' as const) }),
  fc.record({
    at: fc.integer({ min: 0, max: 40 }),
    kind: fc.constant('cancel' as const),
    pick: fc.nat(1000),
  }),
);

describe('TimeoutList', () => {
  it('expires the same timeouts at the same times, in the same order, as one kernel event each', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.array(opArbitrary, { maxLength: 300 }),
        fc.boolean(),
        (delay, ops, chain) => {
          const sorted = [...ops].sort((a, b) => a.at - b.at);
          expect(runWithList(delay, sorted, chain)).toEqual(
            runWithKernelEvents(delay, sorted, chain),
          );
        },
      ),
      { seed: 20261125, numRuns: 400 },
    );
  });

  it('fires at the deadline, not before, and not at all once cancelled', () => {
    const kernel = new Kernel();
    const fired: number[] = [];
    const list = new TimeoutList(kernel, 2, (arg) => fired.push(kernel.now * 100 + arg));
    const a = list.start(1);
    kernel.scheduleAt(0.5, () => list.start(2));
    kernel.scheduleAt(1, () => list.cancel(a));
    kernel.runUntil(10);
    expect(fired).toEqual([250 + 2]);
    expect(list.expired).toBe(1);
  });

  it('keeps its ring no larger than the live window: cancelled heads are dropped', () => {
    const kernel = new Kernel();
    const list = new TimeoutList(kernel, 1, () => {});
    for (let i = 0; i < 100_000; i++) list.cancel(list.start(i));
    expect(list.pending).toBe(0);
    // One live timeout keeps everything started after it; cancelling it frees them all.
    const first = list.start(-1);
    for (let i = 0; i < 5_000; i++) list.cancel(list.start(i));
    expect(list.pending).toBe(5_001);
    list.cancel(first);
    expect(list.pending).toBe(0);
  });

  it('keeps one kernel event pending at most, even when an expiry starts another timeout', () => {
    const kernel = new Kernel();
    let most = 0;
    const list: TimeoutList = new TimeoutList(kernel, 1, (arg) => {
      if (arg < 50) list.start(arg + 10);
      most = Math.max(most, kernel.pending);
    });
    for (let i = 0; i < 10; i++) list.start(i);
    most = Math.max(most, kernel.pending);
    kernel.runUntil(Infinity);
    expect(list.expired).toBe(60);
    expect(most).toBe(1);
  });

  it('ignores stale and unknown handles', () => {
    const kernel = new Kernel();
    const fired: number[] = [];
    const list = new TimeoutList(kernel, 1, (arg) => fired.push(arg));
    const a = list.start(7);
    kernel.runUntil(5);
    list.cancel(a);
    list.cancel(12345);
    const b = list.start(8);
    kernel.runUntil(10);
    expect(fired).toEqual([7, 8]);
    expect(b).toBeGreaterThan(a);
  });

  it('refuses a delay that is negative or not finite', () => {
    const kernel = new Kernel();
    expect(() => new TimeoutList(kernel, -1, () => {})).toThrow(/finite number >= 0/);
    expect(() => new TimeoutList(kernel, Infinity, () => {})).toThrow(/finite number >= 0/);
  });
});
