/**
 * Model-based testing helpers: generate paths through a machine with xstate's graph utilities and
 * replay them on real actors running on the kernel clock, with recording actions provided.
 *
 * Why not `createTestModel`: it refuses machines with `after` transitions, and ours keep their
 * timers in the machine. `getAdjacencyMap`/`getShortestPaths` traverse them fine (a delayed
 * transition is an `xstate.after.<delay>.<stateId>` event); on replay that event is not sent but
 * produced by stepping the kernel, which checks the timer was really pending, fires at the
 * expected simulated time, and is the only one pending.
 */
import { expect } from 'vitest';
import {
  createActor,
  type Actor,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyTransitionDefinition,
  type EventObject,
} from 'xstate';
import { getAdjacencyMap, getShortestPaths, getStateNodes, serializeSnapshot } from 'xstate/graph';
import { Kernel } from '../../../sim/kernel/kernel';
import { KernelClock, MS_PER_SECOND } from '../../../sim/machines/kernelClock';

/** An intent recorded by a provided action, with the simulated time it was emitted at. */
export interface Effect {
  readonly type: string;
  readonly params: unknown;
  readonly at: number;
}

export interface PathStep {
  readonly event: EventObject;
  /** The snapshot the pure transition function reaches after `event`, when known. */
  readonly state?: AnyMachineSnapshot;
}

export interface TraversalSetup {
  readonly input: unknown;
  /** Events to try in a snapshot; the pending timers' events are added (`withTimers`). */
  readonly events: (snapshot: AnyMachineSnapshot) => EventObject[];
}

const AFTER_PREFIX = 'xstate.after.';

export const isDelayedEvent = (event: EventObject): boolean => event.type.startsWith(AFTER_PREFIX);

/** The `xstate.after...` events of the timers the snapshot's active states have set. */
export function timerEvents(snapshot: AnyMachineSnapshot): EventObject[] {
  const events: EventObject[] = [];
  if (snapshot.status !== 'active') return events;
  for (const node of snapshot._nodes)
    for (const t of node.after) events.push({ type: t.eventType });
  return events;
}

/**
 * Passing `events` to the graph functions replaces their default (every event the active states
 * handle, delayed ones included) instead of adding to it: put the timers back.
 */
export const withTimers =
  (events: (snapshot: AnyMachineSnapshot) => EventObject[]) =>
  (snapshot: AnyMachineSnapshot): EventObject[] => [...events(snapshot), ...timerEvents(snapshot)];

/** `source on event #i`: stable across `machine.provide()`, which rebuilds the state nodes. */
export function transitionKey(t: AnyTransitionDefinition): string {
  const list: readonly AnyTransitionDefinition[] =
    t.eventType === '' ? (t.source.always ?? []) : (t.source.transitions.get(t.eventType) ?? []);
  const index = list.indexOf(t);
  if (index < 0) throw new Error(`transition not found on ${t.source.id}`);
  return `${t.source.id} on ${t.eventType === '' ? '(always)' : t.eventType} #${index}`;
}

/** Every transition the machine defines: `on`, `after` and `always`, each guarded branch apart. */
export function definedTransitions(machine: AnyStateMachine): Set<string> {
  const keys = new Set<string>();
  for (const node of [machine.root, ...getStateNodes(machine.root)]) {
    for (const list of node.transitions.values()) for (const t of list) keys.add(transitionKey(t));
    for (const t of node.always ?? []) keys.add(transitionKey(t));
  }
  return keys;
}

/** Every state node id, the root included. */
export function definedStates(machine: AnyStateMachine): Set<string> {
  return new Set([machine.root, ...getStateNodes(machine.root)].map((node) => node.id));
}

/**
 * Paths that together take every edge of the reachable state graph (states = value + context):
 * for each state, the shortest path to it followed by all its self-loops (events it ignores,
 * each expected to leave it unchanged), and the shortest path to it followed by each other edge.
 */
export function edgeCoveringPaths(machine: AnyStateMachine, setup: TraversalSetup): PathStep[][] {
  const options = { input: setup.input, events: withTimers(setup.events) };
  const adjacency = getAdjacencyMap(machine, options);
  const shortest = new Map<string, PathStep[]>();
  for (const path of getShortestPaths(machine, options)) {
    // steps[0] is the initial snapshot, reached by xstate.init.
    shortest.set(serializeSnapshot(path.state), path.steps.slice(1));
  }
  const paths: PathStep[][] = [];
  for (const [key, value] of Object.entries(adjacency)) {
    const prefix = shortest.get(key);
    if (!prefix) throw new Error(`no shortest path to ${key}`);
    const loops: PathStep[] = [];
    for (const edge of Object.values(value.transitions) as Required<PathStep>[]) {
      const step = { event: edge.event, state: edge.state };
      if (serializeSnapshot(edge.state) === key) loops.push(step);
      else paths.push([...prefix, step]);
    }
    if (loops.length > 0) paths.push([...prefix, ...loops]);
  }
  return paths;
}

/** Size of the reachable graph the traversal sees: states (value + context), edges, self-loops. */
export function graphSize(machine: AnyStateMachine, setup: TraversalSetup) {
  const adjacency = getAdjacencyMap(machine, {
    input: setup.input,
    events: withTimers(setup.events),
  });
  let edges = 0;
  let selfLoops = 0;
  for (const [key, value] of Object.entries(adjacency)) {
    for (const edge of Object.values(value.transitions) as Required<PathStep>[]) {
      edges++;
      if (serializeSnapshot(edge.state) === key) selfLoops++;
    }
  }
  return { states: Object.keys(adjacency).length, edges, selfLoops };
}

/** What a set of replays visited, in terms of the machine's definition. */
export class Coverage {
  readonly transitions = new Set<string>();
  readonly states = new Set<string>();

  visitSnapshot(snapshot: AnyMachineSnapshot): void {
    for (const node of snapshot._nodes) this.states.add(node.id);
  }

  missing(machine: AnyStateMachine): { states: string[]; transitions: string[] } {
    return {
      states: [...definedStates(machine)].filter((id) => !this.states.has(id)),
      transitions: [...definedTransitions(machine)].filter((key) => !this.transitions.has(key)),
    };
  }
}

export interface ReplaySetup {
  readonly machine: AnyStateMachine;
  readonly input: unknown;
  /** Names of the intent actions to provide with recorders. */
  readonly intents: readonly string[];
  /** The delay (ms) the machine should have set for the pending `xstate.after...` event. */
  readonly expectedDelayMs: (snapshot: AnyMachineSnapshot, afterEventType: string) => number;
  readonly coverage?: Coverage;
}

/**
 * `expect(actual).toEqual(expected)` for plain data, with the cost of the matcher paid only when
 * the JSON differs (a different key order falls through to the matcher, which then decides).
 */
export function expectSame(actual: unknown, expected: unknown, label?: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, label).toEqual(expected);
}

/** Timers the active states should have pending: one per `after` delay of each active node. */
function expectedTimers(snapshot: AnyMachineSnapshot): number {
  if (snapshot.status !== 'active') return 0;
  let n = 0;
  for (const node of snapshot._nodes) n += node.after.length;
  return n;
}

/**
 * A fresh actor of the machine on its own kernel, with recording actions provided. `apply` sends
 * an event, or for an `xstate.after...` event steps the kernel, and checks on the way that exactly
 * the timers of the active states are pending (so leaving a state cancelled its timer) and that a
 * timer fires at the expected simulated time.
 */
export class MachineRunner {
  readonly kernel = new Kernel(64);
  readonly effects: Effect[] = [];
  private readonly actor: Actor<AnyStateMachine>;
  private lastMicrostepEvent = '';
  private readonly steps: string[] = [];

  constructor(private readonly setup: ReplaySetup) {
    const actions: Record<string, (args: unknown, params: unknown) => void> = {};
    for (const name of setup.intents) {
      actions[name] = (_args, params) =>
        this.effects.push({ type: name, params, at: this.kernel.now });
    }
    const coverage = setup.coverage;
    this.actor = createActor(setup.machine.provide({ actions }), {
      input: setup.input,
      clock: new KernelClock(this.kernel),
      inspect: (event) => {
        if (event.type !== '@xstate.microstep') return;
        this.lastMicrostepEvent = event.event.type;
        if (!coverage) return;
        for (const t of event._transitions) coverage.transitions.add(transitionKey(t));
        coverage.visitSnapshot(event.snapshot as AnyMachineSnapshot);
      },
    });
    this.actor.start();
    coverage?.visitSnapshot(this.snapshot);
  }

  get snapshot(): AnyMachineSnapshot {
    return this.actor.getSnapshot() as AnyMachineSnapshot;
  }

  /** Applies one event; returns the effects it produced. */
  apply<E extends EventObject>(event: E): Effect[] {
    this.steps.push(event.type);
    const before = this.snapshot;
    const mark = this.effects.length;
    this.check(this.kernel.pending, expectedTimers(before), 'pending timers before');
    if (isDelayedEvent(event)) {
      const t0 = this.kernel.now;
      const delayMs = this.setup.expectedDelayMs(before, event.type);
      this.check(this.kernel.step(), true, 'a timer was pending');
      this.check(this.kernel.now, t0 + delayMs / MS_PER_SECOND, 'fire time');
      this.check(this.lastMicrostepEvent, event.type, 'the timer that fired');
    } else {
      this.actor.send(event);
    }
    const after = this.snapshot;
    this.check(after.status === 'error', false, 'actor in error');
    this.check(this.kernel.pending, expectedTimers(after), 'pending timers after');
    return this.effects.slice(mark);
  }

  /** `expect(actual).toBe(expected)`, with the path in the message, paid for only on failure. */
  private check<T>(actual: T, expected: T, what: string): void {
    if (actual !== expected)
      expect(actual, `${what}, after ${this.steps.join(' > ')}`).toBe(expected);
  }

  /** Stops the actor: no timer may be left in the kernel. */
  stop(): void {
    this.actor.stop();
    expect(this.kernel.pending, 'timers left after stop').toBe(0);
  }
}

export interface Replay {
  readonly effects: Effect[];
  /** Effects each step produced, parallel to the steps. */
  readonly effectsPerStep: Effect[][];
  /** Snapshots before the first step and after each step. */
  readonly snapshots: AnyMachineSnapshot[];
}

/**
 * Runs `steps` on a fresh `MachineRunner` and checks after every step that the live actor agrees
 * with the pure transition the path was generated from (state value and context).
 */
export function replay(steps: readonly PathStep[], setup: ReplaySetup): Replay {
  const runner = new MachineRunner(setup);
  const snapshots: AnyMachineSnapshot[] = [runner.snapshot];
  const effectsPerStep: Effect[][] = [];
  steps.forEach((step, i) => {
    effectsPerStep.push(runner.apply(step.event));
    const after = runner.snapshot;
    if (step.state) {
      const actual = serializeSnapshot(after);
      const expected = serializeSnapshot(step.state);
      if (actual !== expected) expect(actual, `step ${i}: live actor vs graph`).toBe(expected);
    }
    snapshots.push(after);
  });
  runner.stop();
  return { effects: runner.effects, effectsPerStep, snapshots };
}
