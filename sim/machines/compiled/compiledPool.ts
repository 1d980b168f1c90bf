import type { AnyStateMachine, EventFromLogic, EventObject, InputFrom, StateValue } from 'xstate';
import { Assignments } from './assignments';
import { compileMachine } from './compileMachine';
import { ContextStore } from './contextStore';
import type { ImplementationArgs } from './guards';
import { InstanceTimers } from './instanceTimers';
import type { InstanceStatus, MachinePool, PoolOptions } from './machinePool';
import {
  OP_ACTION,
  OP_BITS,
  OP_MASK,
  OP_TIMER_CANCEL,
  OP_TIMER_START,
  type CompiledAction,
  type MachineTable,
} from './table';

// Module-local copies: a transpiler may turn imported bindings into getter calls (tsx does).
const ACTION = OP_ACTION;
const TIMER_START = OP_TIMER_START;
const TIMER_CANCEL = OP_TIMER_CANCEL;
const BITS = OP_BITS;
const MASK = OP_MASK;
const FREE = -1;
/** Event id of the initial microstep (no event type has it). */
const INIT = -2;
/** XState would loop forever; a bound turns that into an error. */
const MAX_EVENTLESS_STEPS = 10_000;

/** A compiled pool of `machine` (as provided), typed from the machine. */
export function compiledPool<M extends AnyStateMachine>(machine: M, options: PoolOptions) {
  return new CompiledMachinePool<InputFrom<M>, EventFromLogic<M>>(compileMachine(machine), options);
}

/**
 * The table-driven interpreter: runs any number of instances of one compiled machine over
 * struct-of-arrays storage (leaf state, timer handles and numeric context in typed arrays),
 * instances recycled through a free list, timers as kernel events. Processing an event walks
 * the rows for (leaf, event) and runs the first whose guard passes; it allocates nothing itself
 * (what the machine's own param mappers and assignments return is theirs).
 *
 * It follows XState v5's actor semantics, which the tests check path by path: eventless
 * transitions after every event (with that event), timers set and cancelled after all actions of
 * the macrostep (XState defers them), a done instance cancels its timers and ignores further
 * events, and an event sent to an instance from inside its own actions waits until the current
 * one is processed (XState's mailbox). Where XState would put an actor in `error` (an action or
 * guard throws), this throws to the caller.
 */
export class CompiledMachinePool<TInput, TEvent extends EventObject> implements MachinePool<
  TInput,
  TEvent
> {
  /** How many times each row was taken: coverage against the definition, in tests. */
  readonly rowsTaken: Uint32Array;
  /** The instance whose actions are running; -1 outside event processing. */
  current = -1;
  private readonly onDone: ((instance: number) => void) | undefined;
  private readonly eventCount: number;
  private readonly guardTests: ((args: ImplementationArgs) => boolean)[];
  private readonly actions: readonly CompiledAction[];
  private capacity: number;
  private leafOf: Int32Array;
  private busy: Uint8Array;
  private freeList: Int32Array;
  private freeCount = 0;
  private fresh = 0;
  private liveCount = 0;
  private readonly store: ContextStore;
  private readonly args: ImplementationArgs;
  private readonly outputs: unknown[] = [];
  private readonly contextArgs = {
    input: undefined as unknown,
    spawn: refuseSpawn,
    self: undefined,
  };
  private readonly assignments: Assignments;
  private readonly timers: InstanceTimers;
  private readonly mailbox: { instance: number; eventId: number; event: EventObject }[] = [];
  private readonly tagBits: ReadonlyMap<string, number>;

  constructor(
    readonly table: MachineTable,
    options: PoolOptions,
  ) {
    this.onDone = options.onDone;
    this.eventCount = table.eventTypes.length;
    this.guardTests = table.guards.map((g) => g.test);
    this.actions = table.actions;
    this.capacity = Math.max(16, options.initialCapacity ?? 1024);
    this.leafOf = new Int32Array(this.capacity).fill(FREE);
    this.busy = new Uint8Array(this.capacity);
    this.timers = new InstanceTimers(
      options.kernel,
      Math.max(1, table.timers.length),
      options.timerPriority ?? 0,
      this.capacity,
      (i, slot) => this.deliver(i, table.timers[slot]!.eventId, table.timers[slot]!.event),
    );
    this.freeList = new Int32Array(this.capacity);
    this.store = new ContextStore(this.capacity);
    this.assignments = new Assignments(this.store, table.actions);
    this.args = { context: this.store.view, event: undefined };
    this.rowsTaken = new Uint32Array(table.rowGuard.length);
    this.tagBits = new Map(table.tags.map((tag, bit) => [tag, bit]));
  }

  get live(): number {
    return this.liveCount;
  }

  create(input: TInput): number {
    const i = this.allocate();
    const t = this.table;
    let context = t.context as Record<string, unknown> | undefined;
    if (typeof context === 'function') {
      this.contextArgs.input = input;
      context = (context as (args: unknown) => Record<string, unknown>)(this.contextArgs);
      this.contextArgs.input = undefined;
    }
    context ??= {};
    if (!this.store.laidOut) this.assignments.layOut(context);
    this.store.load(i, context);
    this.leafOf[i] = t.rowTarget[t.initRow]!;
    this.macrostep(i, INIT, { type: 'xstate.init', input } as EventObject);
    if (this.mailbox.length > 0) this.drain(i);
    return i;
  }

  send(instance: number, event: TEvent): void {
    const leaf = this.leafOf[instance];
    if (leaf === undefined || leaf === FREE) throw this.notAllocated(instance);
    if (this.table.leafFinal[leaf] === 1) return;
    this.deliver(instance, this.table.eventIds.get(event.type) ?? -1, event);
  }

  free(instance: number): void {
    const leaf = this.leafOf[instance];
    if (leaf === undefined || leaf === FREE) throw this.notAllocated(instance);
    if (this.busy[instance] === 1) {
      throw new Error(`${this.table.machineId} instance ${instance} is processing an event`);
    }
    this.timers.cancelAll(instance);
    this.store.clear(instance);
    this.outputs[instance] = undefined;
    this.leafOf[instance] = FREE;
    this.freeList[this.freeCount++] = instance;
    this.liveCount--;
    for (let k = this.mailbox.length - 1; k >= 0; k--) {
      if (this.mailbox[k]!.instance === instance) this.mailbox.splice(k, 1);
    }
  }

  /** Index of the instance's leaf state in the table. */
  leaf(instance: number): number {
    const leaf = this.leafOf[instance];
    if (leaf === undefined || leaf === FREE) throw this.notAllocated(instance);
    return leaf;
  }

  status(instance: number): InstanceStatus {
    return this.table.leafFinal[this.leaf(instance)] === 1 ? 'done' : 'active';
  }

  value(instance: number): StateValue {
    return this.table.leafValues[this.leaf(instance)]!;
  }

  context(instance: number): Record<string, unknown> {
    this.leaf(instance);
    return this.store.copy(instance);
  }

  output(instance: number): unknown {
    this.leaf(instance);
    return this.outputs[instance];
  }

  hasTag(instance: number, tag: string): boolean {
    const bit = this.tagBits.get(tag);
    return bit !== undefined && ((this.table.leafTags[this.leaf(instance)]! >>> bit) & 1) === 1;
  }

  private deliver(i: number, eventId: number, event: EventObject): void {
    if (this.busy[i] === 1) {
      this.mailbox.push({ instance: i, eventId, event });
      return;
    }
    this.macrostep(i, eventId, event);
    if (this.mailbox.length > 0) this.drain(i);
  }

  /** Events queued for `i` while it was busy, oldest first; dropped once it is done. */
  private drain(i: number): void {
    const box = this.mailbox;
    for (let k = 0; k < box.length;) {
      const queued = box[k]!;
      if (queued.instance !== i) {
        k++;
        continue;
      }
      box.splice(k, 1);
      k = 0;
      if (this.table.leafFinal[this.leafOf[i]!] === 1) continue;
      this.macrostep(i, queued.eventId, queued.event);
    }
  }

  /** XState's macrostep: the event's transition, then eventless ones until none is enabled. */
  private macrostep(i: number, eventId: number, event: EventObject): void {
    const t = this.table;
    const args = this.args;
    const outerCurrent = this.current;
    const outerEvent = args.event;
    this.current = i;
    this.store.cursor = i;
    args.event = event;
    this.busy[i] = 1;
    const mark = this.timers.count;
    let completed = false;
    let leaf = this.leafOf[i]!;
    try {
      const row =
        eventId === INIT
          ? t.initRow
          : eventId >= 0
            ? this.select(t.rowStart, leaf * this.eventCount + eventId)
            : -1;
      if (row >= 0) leaf = this.take(i, row);
      let steps = 0;
      while (t.leafFinal[leaf] === 0) {
        const r = this.select(t.alwaysStart, leaf);
        if (r < 0) break;
        leaf = this.take(i, r);
        if (t.rowChanges[r] === 0) break;
        if (++steps > MAX_EVENTLESS_STEPS) throw new Error(`eventless loop in ${t.leafIds[leaf]}`);
      }
      this.leafOf[i] = leaf;
      this.timers.flush(mark);
      completed = true;
    } finally {
      if (!completed) this.timers.count = mark;
      this.busy[i] = 0;
      this.current = outerCurrent;
      this.store.cursor = outerCurrent < 0 ? 0 : outerCurrent;
      args.event = outerEvent;
    }
    if (t.leafFinal[leaf] === 1) {
      this.timers.cancelAll(i);
      this.onDone?.(i);
    }
  }

  /** The first row in index[key]..index[key + 1] whose guard passes, or -1. */
  private select(index: Int32Array, key: number): number {
    const t = this.table;
    const end = index[key + 1]!;
    for (let r = index[key]!; r < end; r++) {
      const g = t.rowGuard[r]!;
      if (g < 0) return r;
      let passed: boolean;
      try {
        passed = this.guardTests[g]!(this.args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(
          `Unable to evaluate guard '${t.guards[g]!.text}' in ${t.rowTransition[r]}:\n${message}`,
          { cause: error },
        );
      }
      if (passed) return r;
    }
    return -1;
  }

  /** Runs a row's program; returns its target leaf. */
  private take(i: number, row: number): number {
    const t = this.table;
    const ops = t.ops;
    this.rowsTaken[row]!++;
    const end = t.rowOps[row + 1]!;
    for (let p = t.rowOps[row]!; p < end; p++) {
      const code = ops[p]!;
      const arg = code >> BITS;
      switch (code & MASK) {
        case ACTION:
          this.act(i, arg);
          break;
        case TIMER_START:
          this.timers.set(i, arg, this.delayOf(arg));
          break;
        case TIMER_CANCEL:
          this.timers.cancel(i, arg);
          break;
        default:
          this.outputs[i] = this.outputFor(arg);
      }
    }
    return t.rowTarget[row]!;
  }

  private act(i: number, a: number): void {
    const action = this.actions[a]!;
    const params = action.mapParams === undefined ? action.params : action.mapParams(this.args);
    if (action.kind === 'intent') action.exec(this.args, params);
    else this.assignments.run(i, a, action, this.args, params);
  }

  private delayOf(slot: number): number {
    const timer = this.table.timers[slot]!;
    const d = timer.delayMs;
    const ms = typeof d === 'number' ? d : d(this.args, undefined);
    if (typeof ms !== 'number') {
      throw new TypeError(`delay '${timer.delay}' of ${timer.stateId} gave ${String(ms)}, not ms`);
    }
    return ms;
  }

  private outputFor(leaf: number): unknown {
    const mapper = this.table.output;
    if (typeof mapper !== 'function') return mapper;
    const event = this.table.doneEvents[leaf];
    return (mapper as (args: unknown) => unknown)({
      context: this.store.view,
      event,
      self: undefined,
    });
  }

  private allocate(): number {
    let i: number;
    if (this.freeCount > 0) {
      i = this.freeList[--this.freeCount]!;
    } else {
      if (this.fresh === this.capacity) this.grow();
      i = this.fresh++;
    }
    this.liveCount++;
    return i;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const leafOf = new Int32Array(capacity).fill(FREE);
    leafOf.set(this.leafOf);
    this.leafOf = leafOf;
    const busy = new Uint8Array(capacity);
    busy.set(this.busy);
    this.busy = busy;
    this.timers.grow(capacity);
    const freeList = new Int32Array(capacity);
    freeList.set(this.freeList);
    this.freeList = freeList;
    this.store.grow(capacity);
    this.capacity = capacity;
  }

  private notAllocated(instance: number): Error {
    return new Error(`${this.table.machineId} instance ${instance} is not allocated`);
  }
}

function refuseSpawn(): never {
  throw new Error('spawn in a context factory is not supported by the compiled interpreter');
}
