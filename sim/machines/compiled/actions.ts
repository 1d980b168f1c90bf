import {
  OP_ACTION,
  OP_TIMER_CANCEL,
  OP_TIMER_START,
  op,
  type CompiledAction,
  type Implementation,
  type ParamsMapper,
} from './table';
import { UnsupportedFeatureError } from './unsupported';
import { builtinAction, refName, type ActionRef } from './xstateShapes';

/** Where an action list sits: only entry may set a state's timers, only exit cancel them. */
export type ActionPhase = 'entry' | 'exit' | 'transition' | 'initial';

/**
 * Compiles action lists into op codes, collecting the actions in one array. An action is
 * resolved the way XState resolves it (resolveAndExecuteActionsWithContext): by name in the
 * machine's implementations (as provided), with static params or a params mapper from the
 * definition. Implementations that are `assign(...)` become assignments; other functions are
 * intents, called as they are.
 */
export class ActionCompiler {
  readonly actions: CompiledAction[] = [];

  constructor(private readonly implementations: Readonly<Record<string, unknown>>) {}

  /**
   * `timerSlots` maps the `after` event types of the state whose entry or exit this is to their
   * timer slots: XState implements `after` as a delayed `raise` appended to the state's entry
   * and a `cancel` appended to its exit, and those two (only) compile to timer ops.
   */
  compile(
    list: readonly ActionRef[],
    phase: ActionPhase,
    where: string,
    timerSlots: ReadonlyMap<string, number> = new Map(),
  ): number[] {
    const ops: number[] = [];
    for (const ref of list) {
      if (typeof ref === 'function') {
        ops.push(this.inline(ref, phase, where, timerSlots));
        continue;
      }
      const name = refName(ref);
      const impl = this.implementations[name];
      if (impl === undefined) {
        // XState skips an action it cannot find; a compiled table refuses it, so a typo in an
        // intent name cannot silently drop a side effect.
        throw new Error(`action '${name}' at ${where} is not implemented`);
      }
      const params = typeof ref === 'string' || !('params' in ref) ? undefined : ref.params;
      ops.push(op(OP_ACTION, this.add(name, impl, params, where)));
    }
    return ops;
  }

  private inline(
    fn: ActionRef,
    phase: ActionPhase,
    where: string,
    timerSlots: ReadonlyMap<string, number>,
  ): number {
    const builtin = builtinAction(fn);
    if (builtin?.kind === 'raise' && phase === 'entry' && typeof builtin.id === 'string') {
      const slot = timerSlots.get(builtin.id);
      if (slot !== undefined && builtin.delay !== undefined) return op(OP_TIMER_START, slot);
    }
    if (builtin?.kind === 'cancel' && phase === 'exit' && typeof builtin.sendId === 'string') {
      const slot = timerSlots.get(builtin.sendId);
      if (slot !== undefined) return op(OP_TIMER_CANCEL, slot);
    }
    if (builtin?.kind === 'assign') {
      return op(OP_ACTION, this.add('assign (inline)', fn, undefined, where));
    }
    if (builtin) {
      const type = builtin.kind === 'other' ? builtin.type : `xstate.${builtin.kind}`;
      throw new UnsupportedFeatureError(`action ${type}`, where);
    }
    throw new UnsupportedFeatureError(
      `inline action function ${refName(fn)}`,
      where,
      'name it in setup({ actions }) so the runner can provide it',
    );
  }

  private add(name: string, impl: unknown, params: unknown, where: string): number {
    const mapParams = typeof params === 'function' ? (params as ParamsMapper) : undefined;
    const staticParams = mapParams ? undefined : params;
    const builtin = builtinAction(impl);
    if (builtin && builtin.kind !== 'assign') {
      const type = builtin.kind === 'other' ? builtin.type : `xstate.${builtin.kind}`;
      throw new UnsupportedFeatureError(`action ${type} (named '${name}')`, where);
    }
    if (typeof impl !== 'function') {
      throw new Error(`action '${name}' at ${where} is not a function`);
    }
    const base = { name, params: staticParams, mapParams };
    if (!builtin) {
      this.actions.push({ ...base, kind: 'intent', exec: impl as Implementation });
      return this.actions.length - 1;
    }
    const assignment = builtin.assignment;
    if (typeof assignment === 'function') {
      const assigner = assignment as Implementation;
      this.actions.push({
        ...base,
        kind: 'assign',
        assigner,
        fields: [],
        values: [],
        computed: [],
      });
    } else if (assignment && typeof assignment === 'object') {
      const fields = Object.keys(assignment);
      const values = fields.map((f) => (assignment as Record<string, unknown>)[f]);
      const computed = values.map((v) => typeof v === 'function');
      this.actions.push({ ...base, kind: 'assign', assigner: undefined, fields, values, computed });
    } else {
      throw new Error(`assign at ${where} has no assignment`);
    }
    return this.actions.length - 1;
  }
}
