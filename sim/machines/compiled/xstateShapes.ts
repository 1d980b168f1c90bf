import { and, assign, cancel, not, or, raise, stateIn } from 'xstate';

/**
 * The parts of XState v5's parsed machine that the compiler reads. They are the fields the graph
 * tools (`xstate/graph`) and the interpreter itself walk; xstate's own types for them are mostly
 * `any`, so they are spelled out here once, and every cast from xstate's objects happens in
 * compileMachine.ts.
 */
export type NodeType = 'atomic' | 'compound' | 'parallel' | 'final' | 'history';

export interface NodeView {
  readonly id: string;
  readonly key: string;
  readonly type: NodeType;
  /** Document order: XState sorts exits (descending) and entries (ascending) by it. */
  readonly order: number;
  readonly parent: NodeView | undefined;
  readonly states: Readonly<Record<string, NodeView>>;
  /** User entry actions, then one `raise` per `after` delay (added by XState when parsing). */
  readonly entry: readonly ActionRef[];
  /** User exit actions, then one `cancel` per `after` delay. */
  readonly exit: readonly ActionRef[];
  /** `on`, `after` (`xstate.after.<delay>.<id>`) and done/error transitions, by event type. */
  readonly transitions: ReadonlyMap<string, readonly TransitionView[]>;
  readonly always: readonly TransitionView[] | undefined;
  readonly after: readonly DelayedTransitionView[];
  readonly initial: {
    readonly target: readonly NodeView[];
    readonly actions: readonly ActionRef[];
  };
  readonly invoke: readonly unknown[];
  readonly tags: readonly string[];
  readonly output: unknown;
  readonly config: Readonly<Record<string, unknown>>;
}

export interface TransitionView {
  readonly source: NodeView;
  readonly target: readonly NodeView[] | undefined;
  readonly reenter: boolean;
  readonly guard: GuardRef | undefined;
  readonly actions: readonly ActionRef[];
  readonly eventType: string;
}

export interface DelayedTransitionView extends TransitionView {
  readonly delay: number | string;
}

/** How a definition refers to an implementation: by name, by name with params, or inline. */
export type ImplementationRef =
  string | { readonly type: string; readonly params?: unknown } | ((...args: never[]) => unknown);
export type ActionRef = ImplementationRef;
export type GuardRef = ImplementationRef;

/**
 * XState's built-in actions and higher-order guards are functions tagged with a shared `resolve`
 * (actions) or `check` (guards) function. xstate exports the creators but not those tags, so a
 * probe made with each creator gives the tag to compare with.
 */
interface BuiltinAction {
  readonly type: string;
  readonly resolve: unknown;
  readonly assignment?: unknown;
  readonly event?: unknown;
  readonly id?: unknown;
  readonly delay?: unknown;
  readonly sendId?: unknown;
}
interface BuiltinGuard {
  readonly check: unknown;
  readonly guards?: readonly GuardRef[];
}

const tagOf = <K extends 'resolve' | 'check'>(probe: unknown, key: K): unknown =>
  (probe as Record<K, unknown>)[key];
const ASSIGN = tagOf(assign({}), 'resolve');
const RAISE = tagOf(raise({ type: 'probe' }), 'resolve');
const CANCEL = tagOf(cancel('probe'), 'resolve');
const AND = tagOf(and([]), 'check');
const OR = tagOf(or([]), 'check');
const NOT = tagOf(not('probe'), 'check');
const STATE_IN = tagOf(stateIn('probe'), 'check');

export type BuiltinActionInfo =
  | { readonly kind: 'assign'; readonly assignment: unknown }
  | {
      readonly kind: 'raise';
      readonly event: unknown;
      readonly id: unknown;
      readonly delay: unknown;
    }
  | { readonly kind: 'cancel'; readonly sendId: unknown }
  | { readonly kind: 'other'; readonly type: string };

/** What built-in action `fn` is, or undefined for a plain (custom) action function. */
export function builtinAction(fn: unknown): BuiltinActionInfo | undefined {
  if (typeof fn !== 'function' || !('resolve' in fn)) return undefined;
  const b = fn as unknown as BuiltinAction;
  if (b.resolve === ASSIGN) return { kind: 'assign', assignment: b.assignment };
  if (b.resolve === RAISE) return { kind: 'raise', event: b.event, id: b.id, delay: b.delay };
  if (b.resolve === CANCEL) return { kind: 'cancel', sendId: b.sendId };
  return { kind: 'other', type: String(b.type) };
}

export type BuiltinGuardInfo =
  | { readonly kind: 'and' | 'or' | 'not'; readonly guards: readonly GuardRef[] }
  | { readonly kind: 'stateIn' | 'other' };

/** What higher-order guard `fn` is, or undefined for a plain guard function. */
export function builtinGuard(fn: unknown): BuiltinGuardInfo | undefined {
  if (typeof fn !== 'function' || !('check' in fn)) return undefined;
  const b = fn as unknown as BuiltinGuard;
  const guards = b.guards ?? [];
  if (b.check === AND) return { kind: 'and', guards };
  if (b.check === OR) return { kind: 'or', guards };
  if (b.check === NOT) return { kind: 'not', guards };
  return { kind: b.check === STATE_IN ? 'stateIn' : 'other' };
}

/** The name a reference gives, for messages. */
export function refName(ref: ImplementationRef): string {
  if (typeof ref === 'string') return ref;
  if (typeof ref === 'function') return ref.name || '(anonymous)';
  return ref.type;
}
