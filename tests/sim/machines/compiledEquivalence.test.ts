/**
 * The compiled interpreter against XState itself: the same provided machine runs as real XState
 * actors (ActorPool, timers on a KernelClock) and in the compiled interpreter
 * (CompiledMachinePool), each on its own kernel with recording intents, and after every step
 * both must show the same state value, context, tags, status and output, the same effect log
 * (intent, params, simulated time) and the same pending kernel events.
 *
 * Paths: every edge of the reachable graph and every simple path (xstate/graph, as in the
 * machines' own tests). Random sequences: several instances at once in one pool, events sent
 * now or from a kernel event at a later time (so they tie with timers), timers fired,
 * instances freed mid-flight and recycled, configs drawn at random.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine, EventObject } from 'xstate';
import { getSimplePaths, serializeSnapshot } from 'xstate/graph';
import { Kernel } from '../../../sim/kernel/kernel';
import { ActorPool } from '../../../sim/machines/compiled/actorPool';
import { compileMachine } from '../../../sim/machines/compiled/compileMachine';
import { CompiledMachinePool } from '../../../sim/machines/compiled/compiledPool';
import type { MachinePool } from '../../../sim/machines/compiled/machinePool';
import type { MachineTable } from '../../../sim/machines/compiled/table';
import {
  BRANDUR_LOCK_TIMEOUT_MS,
  DEFAULT_IDEMPOTENCY_KEY_CONFIG,
  STRIPE_RETENTION_MS,
  idempotencyKeyMachine,
  type IdempotencyKeyConfig,
  type IdempotencyKeyEvent,
} from '../../../sim/machines/idempotencyKey.machine';
import {
  DEFAULT_ORDER_SAGA_CONFIG,
  SAGA_STEPS,
  orderSagaMachine,
  type OrderSagaConfig,
  type OrderSagaEvent,
} from '../../../sim/machines/orderSaga.machine';
import { KEY, KEY_INTENTS, RESPONSES, keyEvents } from './idempotencyKeySpec';
import {
  definedTransitions,
  edgeCoveringPaths,
  isDelayedEvent,
  withTimers,
  type Effect,
  type PathStep,
} from './modelPaths';
import { SAGA_INTENTS, sagaEvents, stepOf, storyEvents } from './orderSagaSpec';

/** Deep strict equality; the label (with the recent steps) is built only on failure. */
function same(actual: unknown, expected: unknown, label: () => string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, label()).toEqual(expected);
}

/** One side of the twin: a provided machine whose recorders log onto the side's current kernel. */
class Side<P extends MachinePool<unknown, EventObject>> {
  kernel = new Kernel(64);
  log: Effect[] = [];
  pool: P;
  private readonly provided: AnyStateMachine;

  constructor(
    machine: AnyStateMachine,
    intents: readonly string[],
    private readonly makePool: (provided: AnyStateMachine, kernel: Kernel) => P,
  ) {
    const record = (type: string) => (_: unknown, params: unknown) =>
      this.log.push({ type, params, at: this.kernel.now });
    this.provided = machine.provide({
      actions: Object.fromEntries(intents.map((name) => [name, record(name)])),
    });
    this.pool = makePool(this.provided, this.kernel);
  }

  reset(): void {
    this.kernel = new Kernel(64);
    this.log = [];
    this.pool = this.makePool(this.provided, this.kernel);
  }
}

/**
 * One machine run twice, under XState and compiled, with instances created and driven alike.
 * The machine is provided and compiled once; `reset` starts both sides afresh (new kernels).
 */
class Twin {
  readonly xstate: Side<ActorPool<unknown, EventObject>>;
  readonly compiled: Side<CompiledMachinePool<unknown, EventObject>>;
  /** Logical instance -> [XState instance, compiled instance]. */
  private readonly live = new Map<number, [number, number]>();
  private created = 0;
  /** What was done, for failure messages (built lazily). */
  private steps: (string | (() => string))[] = [];
  /** Log entries already compared. */
  private compared = 0;

  constructor(
    private readonly machine: AnyStateMachine,
    intents: readonly string[],
  ) {
    this.xstate = new Side(machine, intents, (m, kernel) => new ActorPool(m, { kernel }));
    let table: MachineTable | undefined;
    this.compiled = new Side(machine, intents, (m, kernel) => {
      table ??= compileMachine(m);
      return new CompiledMachinePool(table, { kernel, initialCapacity: 16 });
    });
  }

  reset(): void {
    this.xstate.reset();
    this.compiled.reset();
    this.live.clear();
    this.created = 0;
    this.steps = [];
    this.compared = 0;
  }

  get instances(): number[] {
    return [...this.live.keys()];
  }

  create(input: unknown): number {
    const n = this.created++;
    this.live.set(n, [this.xstate.pool.create(input), this.compiled.pool.create(input)]);
    this.steps.push(`create ${n}`);
    return n;
  }

  free(n: number): void {
    const [x, c] = this.ids(n);
    this.xstate.pool.free(x);
    this.compiled.pool.free(c);
    this.live.delete(n);
    this.steps.push(`free ${n}`);
  }

  send(n: number, event: EventObject): void {
    const [x, c] = this.ids(n);
    this.steps.push(() => `${n} <- ${JSON.stringify(event)}`);
    this.xstate.pool.send(x, event);
    this.compiled.pool.send(c, event);
  }

  /** Sends `event` to instance n from a kernel event `delay` seconds from now, on both sides. */
  sendLater(n: number, event: EventObject, delay: number): void {
    const [x, c] = this.ids(n);
    this.steps.push(() => `${n} <- ${JSON.stringify(event)} in ${delay} s`);
    const later = (side: Side<MachinePool<unknown, EventObject>>, id: number) =>
      side.kernel.schedule(delay, () => {
        if (this.live.has(n)) side.pool.send(id, event);
      });
    later(this.xstate, x);
    later(this.compiled, c);
  }

  /** Runs the next kernel event on both sides (a timer, or a delayed send). */
  step(): boolean {
    this.steps.push('step');
    const ran = this.xstate.kernel.step();
    same(this.compiled.kernel.step(), ran, this.where('kernel step'));
    return ran;
  }

  advance(seconds: number): void {
    this.steps.push(`advance ${seconds}`);
    for (const side of [this.xstate, this.compiled])
      side.kernel.runUntil(side.kernel.now + seconds);
  }

  value(n: number): unknown {
    return this.compiled.pool.value(this.ids(n)[1]);
  }

  context(n: number): Record<string, unknown> {
    return this.compiled.pool.context(this.ids(n)[1]);
  }

  done(n: number): boolean {
    return this.compiled.pool.status(this.ids(n)[1]) === 'done';
  }

  /** Everything observable must agree. */
  check(tags: readonly string[]): void {
    const [x, c] = [this.xstate, this.compiled];
    same(c.kernel.now, x.kernel.now, this.where('simulated time'));
    same(c.kernel.pending, x.kernel.pending, this.where('pending kernel events'));
    same(c.kernel.nextTime(), x.kernel.nextTime(), this.where('next kernel event'));
    same(c.log.length, x.log.length, this.where('effects logged'));
    same(c.log.slice(this.compared), x.log.slice(this.compared), this.where('effect log'));
    this.compared = x.log.length;
    for (const [n, [xi, ci]] of this.live) {
      const label = (what: string) => this.where(`instance ${n}: ${what}`);
      same(c.pool.status(ci), x.pool.status(xi), label('status'));
      same(c.pool.value(ci), x.pool.value(xi), label('value'));
      same(c.pool.context(ci), x.pool.context(xi), label('context'));
      same(c.pool.output(ci), x.pool.output(xi), label('output'));
      for (const tag of tags) same(c.pool.hasTag(ci, tag), x.pool.hasTag(xi, tag), label(tag));
    }
  }

  /** Transition keys of the rows the compiled side took. */
  taken(): string[] {
    const { rowsTaken } = this.compiled.pool;
    const rows = this.compiled.pool.table.rowTransition;
    return rows.filter((_, r) => rowsTaken[r]! > 0);
  }

  private ids(n: number): [number, number] {
    const ids = this.live.get(n);
    if (!ids) throw new Error(`instance ${n} is not live`);
    return ids;
  }

  private where(what: string): () => string {
    return () => {
      const recent = this.steps.slice(-12).map((s) => (typeof s === 'string' ? s : s()));
      return `${this.machine.id}: ${what}, after ${recent.join(' > ')}`;
    };
  }
}

const SAGA_TAGS = [
  'compensatable',
  'pivot',
  'retriable',
  'compensating',
  'awaitingReply',
  'needsManualHandling',
];
const KEY_TAGS = ['locked'];

/** Replays a graph path on a twin; both sides must also match the graph's own snapshots. */
function replayPath(
  twin: Twin,
  tags: readonly string[],
  input: unknown,
  steps: readonly PathStep[],
  taken: Set<string>,
): void {
  twin.reset();
  const n = twin.create(input);
  twin.check(tags);
  for (const step of steps) {
    if (isDelayedEvent(step.event)) expect(twin.step()).toBe(true);
    else twin.send(n, step.event);
    twin.check(tags);
    if (step.state) {
      const expected = JSON.parse(serializeSnapshot(step.state)) as unknown;
      const actual = { value: twin.value(n), context: twin.context(n) };
      same(JSON.parse(JSON.stringify(actual)), expected, () => 'compiled vs graph');
    }
  }
  for (const key of twin.taken()) taken.add(key);
}

function graphPaths(
  machine: AnyStateMachine,
  input: unknown,
  events: (s: Parameters<typeof sagaEvents>[0]) => EventObject[],
  simpleEvents = events,
) {
  const edges = edgeCoveringPaths(machine, { input, events });
  const simple = getSimplePaths(machine, { input, events: withTimers(simpleEvents) }).map((p) =>
    p.steps.slice(1),
  );
  return { edges, simple };
}

/** Every defined transition, taken by the compiled interpreter somewhere along the paths. */
function expectAllTaken(machine: AnyStateMachine, taken: ReadonlySet<string>): void {
  const missing = [...definedTransitions(machine)].filter((key) => !taken.has(key));
  expect(missing).toEqual([]);
}

const SAGA_GRAPH_CONFIG: OrderSagaConfig = {
  maxAttempts: 2,
  backoffBaseMs: 500,
  backoffCapMs: 800,
  maxCompensationAttempts: 3,
  notifyRetryDelaysMs: [1000, 3000],
};

describe('compiled interpreter = XState, on every graph path', () => {
  it('orderSaga: every edge path and every simple path', () => {
    const input = { orderId: 42, config: SAGA_GRAPH_CONFIG };
    const { edges, simple } = graphPaths(orderSagaMachine, input, sagaEvents, storyEvents);
    const taken = new Set<string>();
    const twin = new Twin(orderSagaMachine, SAGA_INTENTS);
    for (const steps of [...edges, ...simple]) replayPath(twin, SAGA_TAGS, input, steps, taken);
    expectAllTaken(orderSagaMachine, taken);
    expect({ edgePaths: edges.length, simplePaths: simple.length }).toEqual({
      edgePaths: 338,
      simplePaths: 7558,
    });
  });

  it('idempotencyKey: every edge path and every simple path, Stripe and Brandur modes', () => {
    const taken = new Set<string>();
    const twin = new Twin(idempotencyKeyMachine, KEY_INTENTS);
    const counts: { edgePaths: number; simplePaths: number }[] = [];
    for (const config of [DEFAULT_IDEMPOTENCY_KEY_CONFIG, BRANDUR]) {
      const input = { key: KEY, config };
      const { edges, simple } = graphPaths(idempotencyKeyMachine, input, keyEvents);
      for (const steps of [...edges, ...simple]) replayPath(twin, KEY_TAGS, input, steps, taken);
      counts.push({ edgePaths: edges.length, simplePaths: simple.length });
    }
    expectAllTaken(idempotencyKeyMachine, taken);
    expect(counts).toEqual([
      { edgePaths: 24, simplePaths: 23 },
      { edgePaths: 38, simplePaths: 69 },
    ]);
  });
});

// ---- Random sequences. ----

const BRANDUR: IdempotencyKeyConfig = {
  retentionMs: STRIPE_RETENTION_MS,
  lockTimeoutMs: BRANDUR_LOCK_TIMEOUT_MS,
};

/** Delays (s) for advancing and for delayed sends: some equal to the configs' timers, to tie. */
const DELAYS = [0, 0.001, 0.25, 0.5, 0.8, 1, 2, 3, 10, 90, 600, 7200, 86_400];

/** What one random command does: [kind, a, b, c], each read modulo what it picks from. */
type Command = [number, number, number, number];
const commands = fc.array(fc.tuple(fc.nat(99), fc.nat(), fc.nat(), fc.nat()), {
  minLength: 1,
  maxLength: 200,
  size: 'max',
});

interface RandomRun {
  readonly twin: Twin;
  readonly tags: readonly string[];
  readonly newInput: () => unknown;
  /** Events worth sending to instance n now. */
  readonly events: (n: number, pick: number) => EventObject[];
}

/** Drives a twin with commands; returns how many events (sends and kernel steps) it applied. */
function drive(run: RandomRun, script: readonly Command[]): number {
  const { twin, tags } = run;
  let applied = 0;
  for (let k = 0; k < 1 + (script[0]![1] % 3); k++) twin.create(run.newInput());
  for (const [kind, a, b, c] of script) {
    const live = twin.instances;
    const n = live[a % live.length]!;
    if (kind < 55) {
      const options = run.events(n, b);
      if (options.length > 0) twin.send(n, options[c % options.length]!);
    } else if (kind < 75) {
      twin.step();
    } else if (kind < 85) {
      twin.advance(DELAYS[b % DELAYS.length]!);
    } else if (kind < 95) {
      const options = run.events(n, b);
      if (options.length > 0) twin.sendLater(n, options[c % options.length]!, DELAYS[b % 9]!);
    } else {
      // Free an instance, done or not (its timers must go), and start another in its slot.
      twin.free(n);
      twin.create(run.newInput());
    }
    applied++;
    twin.check(tags);
  }
  while (twin.step()) twin.check(tags);
  return applied;
}

const sagaConfig = fc.oneof(
  fc.constant(DEFAULT_ORDER_SAGA_CONFIG),
  fc.constant(SAGA_GRAPH_CONFIG),
  fc.record({
    maxAttempts: fc.integer({ min: 1, max: 4 }),
    backoffBaseMs: fc.constantFrom(1, 250, 500, 1000),
    backoffCapMs: fc.constantFrom(500, 800, 3000),
    maxCompensationAttempts: fc.constantFrom(1, 2, 3, Infinity),
    notifyRetryDelaysMs: fc.array(fc.constantFrom(250, 500, 1000, 10_000), { maxLength: 3 }),
  }),
);

/** Replies about the step in progress (current or previous attempt) or, rarely, anything. */
function sagaChoices(twin: Twin, n: number, pick: number): OrderSagaEvent[] {
  if (twin.done(n)) return [];
  const { attempt } = twin.context(n) as { attempt: number };
  const value = twin.value(n);
  const current = stepOf(typeof value === 'string' ? value : Object.keys(value as object)[0]!);
  const steps = pick % 8 === 0 || !current ? SAGA_STEPS : [current];
  const events: OrderSagaEvent[] = [];
  for (const step of steps) {
    for (const at of [attempt, attempt - 1, attempt + 1].filter((x) => x >= 1)) {
      events.push({ type: 'step.succeeded', step, attempt: at });
      events.push({ type: 'step.failed', step, attempt: at, kind: 'technical' });
      events.push({ type: 'step.timedOut', step, attempt: at });
      events.push({ type: 'step.failed', step, attempt: at, kind: 'business' });
    }
  }
  // Business failures end the saga quickly: keep them to one pick in four.
  return pick % 4 === 0 ? events : events.filter((e) => !('kind' in e && e.kind === 'business'));
}

const keyConfig = fc.oneof(
  fc.constant(DEFAULT_IDEMPOTENCY_KEY_CONFIG),
  fc.constant(BRANDUR),
  fc.record({
    retentionMs: fc.constantFrom(250, 1000, 3000),
    lockTimeoutMs: fc.constantFrom(null, 250, 500, 1000, 2000),
  }),
);

const KEY_EVENTS: IdempotencyKeyEvent[] = [
  ...keyEvents(),
  { type: 'request.completed', response: RESPONSES[0]! },
];

describe('compiled interpreter = XState, on random sequences', () => {
  it('orderSaga: 600 sequences of up to 200 commands, several orders at once', () => {
    const lengths: number[] = [];
    const twin = new Twin(orderSagaMachine, SAGA_INTENTS);
    fc.assert(
      fc.property(sagaConfig, commands, (config, script) => {
        twin.reset();
        let orderId = 0;
        const run: RandomRun = {
          twin,
          tags: SAGA_TAGS,
          newInput: () => ({ orderId: ++orderId, config }),
          events: (n, pick) => sagaChoices(twin, n, pick),
        };
        lengths.push(drive(run, script));
      }),
      { seed: 20250301, numRuns: 600 },
    );
    expect(lengths.filter((n) => n >= 100).length).toBeGreaterThan(250);
  });

  it('idempotencyKey: 600 sequences of up to 200 commands, several keys at once', () => {
    const lengths: number[] = [];
    const twin = new Twin(idempotencyKeyMachine, KEY_INTENTS);
    fc.assert(
      fc.property(keyConfig, commands, (config, script) => {
        twin.reset();
        let n = 0;
        const run: RandomRun = {
          twin,
          tags: KEY_TAGS,
          newInput: () => ({ key: `key-${++n}`, config }),
          events: () => KEY_EVENTS,
        };
        lengths.push(drive(run, script));
      }),
      { seed: 20250302, numRuns: 600 },
    );
    expect(lengths.filter((n) => n >= 100).length).toBeGreaterThan(250);
  });
});
