import type { StateValue } from 'xstate';
import type { CompiledGuard, ImplementationArgs } from './guards';

/**
 * The compiled form of one machine: plain arrays indexed by small integers, built once per
 * (provided) machine by compileMachine.ts and read by the interpreter (machinePool.ts).
 *
 * - A state is a leaf state node (atomic or final): with no parallel states a leaf determines the
 *   whole configuration. Leaves are numbered 0..L-1 in document order.
 * - Event types (including the `xstate.after.<delay>.<state id>` events of timers) are numbered
 *   0..E-1.
 * - A row is one candidate transition for (leaf, event): its guard, its target leaf and its
 *   program, the op codes for everything XState does when the transition is taken: exit actions
 *   (deepest state first), the transition's actions, entry actions (outermost first), timers set
 *   on entry and cancelled on exit, and on reaching a final state the machine's output and the
 *   exit actions XState runs when the machine is done. Rows for (leaf, event) are stored in the
 *   order XState tries them: the leaf's own transitions in document order, then its parent's, up
 *   to the root; the first whose guard passes is taken.
 */
export interface MachineTable {
  readonly machineId: string;
  /** State node id of each leaf. */
  readonly leafIds: readonly string[];
  /** XState's `snapshot.value` for each leaf (frozen, shared). */
  readonly leafValues: readonly StateValue[];
  /** 1 where the leaf is a final state of the machine. */
  readonly leafFinal: Uint8Array;
  /** Bit t set where tag t is on the leaf or one of its ancestors. */
  readonly leafTags: Uint32Array;
  readonly tags: readonly string[];
  readonly eventTypes: readonly string[];
  readonly eventIds: ReadonlyMap<string, number>;
  /** Rows of (leaf, event) are rowStart[leaf * E + event] up to rowStart[leaf * E + event + 1]. */
  readonly rowStart: Int32Array;
  /** Eventless (`always`) rows of a leaf are alwaysStart[leaf] up to alwaysStart[leaf + 1]. */
  readonly alwaysStart: Int32Array;
  /** The initial microstep (entering the root and its initial states) as one more row. */
  readonly initRow: number;
  /** Index into `guards`, or -1 for an unguarded transition. */
  readonly rowGuard: Int32Array;
  readonly rowTarget: Int32Array;
  /** The row's program is ops[rowOps[row]] up to ops[rowOps[row + 1]]. */
  readonly rowOps: Int32Array;
  /**
   * 1 when taking the row gives XState a new snapshot (a context assignment, or other active
   * states). After an eventless transition XState looks for another one only if it did.
   */
  readonly rowChanges: Uint8Array;
  /** `<source state id> on <event> #<index>` (as tests/sim/machines/modelPaths.ts names them). */
  readonly rowTransition: readonly string[];
  readonly ops: Int32Array;
  readonly guards: readonly CompiledGuard[];
  readonly actions: readonly CompiledAction[];
  readonly timers: readonly TimerSlot[];
  /** `machine.config.context`: a factory `({ input }) => context`, or a context object. */
  readonly context: unknown;
  /** The root's `output` (a mapper or a value), if any. */
  readonly output: unknown;
  /**
   * Per leaf, the event the output mapper gets when that (final) leaf is reached, as XState
   * builds it: `{ type: 'xstate.done.state.<final state id>', output: undefined }`.
   */
  readonly doneEvents: readonly (
    { readonly type: string; readonly output: undefined } | undefined
  )[];
}

/** Op codes: the low two bits say what, the rest which action, timer slot or (output) leaf. */
export const OP_ACTION = 0;
export const OP_TIMER_START = 1;
export const OP_TIMER_CANCEL = 2;
export const OP_OUTPUT = 3;
export const OP_BITS = 2;
export const OP_MASK = 3;
export const op = (kind: number, arg = 0): number => (arg << OP_BITS) | kind;

export type Implementation = (args: ImplementationArgs, params: unknown) => unknown;
export type ParamsMapper = (args: ImplementationArgs) => unknown;

/** One action of a program, bound to the machine's implementation and the definition's params. */
export type CompiledAction = IntentAction | AssignAction;

interface ActionBase {
  readonly name: string;
  /** Static params from the definition (`{ type, params: {...} }`). */
  readonly params: unknown;
  /** Or a params mapper (`params: ({ context }) => ...`), called when the action runs. */
  readonly mapParams: ParamsMapper | undefined;
}

/** A side effect: the implementation the machine was provided with, called as XState calls it. */
export interface IntentAction extends ActionBase {
  readonly kind: 'intent';
  readonly exec: Implementation;
}

/**
 * An `assign(...)`: either one function returning the fields to change, or one entry per field
 * (a value or a function of (args, params)). As in XState, every field's new value is computed
 * from the context before the action, then all are written.
 */
export interface AssignAction extends ActionBase {
  readonly kind: 'assign';
  readonly assigner: Implementation | undefined;
  readonly fields: readonly string[];
  readonly values: readonly unknown[];
  readonly computed: readonly boolean[];
}

/** A timer of an `after` transition: set on entering its state, cancelled on leaving it. */
export interface TimerSlot {
  readonly stateId: string;
  readonly eventId: number;
  /** The event XState delivers when the timer fires (the same object, every time). */
  readonly event: { readonly type: string };
  /** As written in the definition: milliseconds, or the name of a delay. */
  readonly delay: number | string;
  /** A fixed delay in ms, or the implementation `(args, undefined) => ms`. */
  readonly delayMs: number | Implementation;
}
