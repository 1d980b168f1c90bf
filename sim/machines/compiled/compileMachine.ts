import type { AnyStateMachine } from 'xstate';
import { ActionCompiler } from './actions';
import { checkNode, checkTransition } from './checkSupported';
import { configurationOf, entrySet, exitSet, initialTransition } from './configuration';
import { compileGuard, type CompiledGuard } from './guards';
import { leafOf, sameNodes, stateValueOf, tagsOf } from './leaves';
import { RowBuilder } from './rowBuilder';
import {
  OP_ACTION,
  OP_BITS,
  OP_MASK,
  OP_OUTPUT,
  op,
  type CompiledAction,
  type MachineTable,
  type TimerSlot,
} from './table';
import { timerSlotsOf } from './timerSlots';
import type { NodeView, TransitionView } from './xstateShapes';

interface Implementations {
  readonly guards: Readonly<Record<string, unknown>>;
  readonly actions: Readonly<Record<string, unknown>>;
  readonly delays: Readonly<Record<string, unknown>>;
}

/**
 * Compiles an XState v5 machine, as defined with `setup({...}).createMachine(...)` and provided
 * with the runner's side effects (`machine.provide(...)`), into a MachineTable. It walks the
 * parsed state nodes (`machine.root`, what `xstate/graph` walks too) and binds every guard,
 * action and delay to `machine.implementations`: the table calls the very functions XState calls.
 * Features it cannot reproduce exactly throw an UnsupportedFeatureError (checkSupported.ts).
 */
export function compileMachine(machine: AnyStateMachine): MachineTable {
  // The one place xstate's parsed nodes are read through the narrow view of xstateShapes.ts.
  const root = machine.root as unknown as NodeView;
  const impl = machine.implementations as unknown as Implementations;
  const nodes = allNodes(root);
  for (const node of nodes) checkNode(node);
  const leaves = nodes.filter((n) => n.type === 'atomic' || n.type === 'final');
  const leafIndex = new Map(leaves.map((leaf, i) => [leaf, i]));

  const eventTypes: string[] = [];
  const eventIds = new Map<string, number>();
  for (const node of nodes) {
    for (const [type, list] of node.transitions) {
      for (const t of list) checkTransition(t);
      if (!eventIds.has(type)) eventIds.set(type, eventTypes.push(type) - 1);
    }
    for (const t of node.always ?? []) checkTransition(t);
  }

  const timers: TimerSlot[] = [];
  const timerSlots = new Map<NodeView, Map<string, number>>();
  for (const node of nodes) timerSlots.set(node, timerSlotsOf(node, impl.delays, eventIds, timers));
  const slotsOf = (node: NodeView) => timerSlots.get(node) ?? new Map<string, number>();

  // Every entry and exit list once, so that one no row runs (the root's exit) is checked too.
  const probe = new ActionCompiler(impl.actions);
  for (const node of nodes) {
    probe.compile(node.entry, 'entry', node.id, slotsOf(node));
    probe.compile(node.exit, 'exit', node.id, slotsOf(node));
    probe.compile(node.initial.actions, 'initial', node.id);
  }

  const actions = new ActionCompiler(impl.actions);
  const guards: CompiledGuard[] = [];
  const guardIndex = new Map<unknown, number>();
  const rows = new RowBuilder();

  const addRow = (leaf: NodeView | undefined, t: TransitionView, key: string): void => {
    const where = leaf ? `${key} (in ${leaf.id})` : key;
    let guard = -1;
    if (t.guard !== undefined) {
      const known = guardIndex.get(t.guard);
      guard = known ?? guards.push(compileGuard(t.guard, impl.guards, where)) - 1;
      guardIndex.set(t.guard, guard);
    }
    const active = leaf ? configurationOf(leaf) : [];
    if (!t.target?.length) {
      const ops = actions.compile(t.actions, 'transition', where);
      rows.add(guard, leafIndex.get(leaf!)!, ops, hasAssign(ops, actions.actions), key);
      return;
    }
    const ops: number[] = [];
    const exits = exitSet(t, active);
    for (const n of exits) ops.push(...actions.compile(n.exit, 'exit', n.id, slotsOf(n)));
    ops.push(...actions.compile(t.actions, 'transition', where));
    const { enter, defaultEntry } = entrySet(t);
    const next = new Set(active);
    for (const n of exits) next.delete(n);
    let done = false;
    for (const n of enter) {
      next.add(n);
      ops.push(...actions.compile(n.entry, 'entry', n.id, slotsOf(n)));
      if (defaultEntry.has(n)) ops.push(...actions.compile(n.initial.actions, 'initial', n.id));
      if (n.type === 'final') {
        ops.push(op(OP_OUTPUT, leafIndex.get(n)!));
        done = true;
      }
    }
    // A machine that is done exits every active state (XState's microstep, status 'done').
    const nextLeaf = leafOf(next, where);
    if (done) {
      for (const n of configurationOf(nextLeaf).reverse()) {
        ops.push(...actions.compile(n.exit, 'exit', n.id, slotsOf(n)));
      }
    }
    const changes = hasAssign(ops, actions.actions) || !sameNodes(active, next);
    rows.add(guard, leafIndex.get(nextLeaf)!, ops, changes, key);
  };

  const E = eventTypes.length;
  const rowStart = new Int32Array(leaves.length * E + 1);
  const alwaysStart = new Int32Array(leaves.length + 1);
  leaves.forEach((leaf, li) => {
    const innermostFirst = configurationOf(leaf).reverse();
    eventTypes.forEach((type, e) => {
      rowStart[li * E + e] = rows.count;
      for (const node of innermostFirst) {
        node.transitions
          .get(type)
          ?.forEach((t, k) => addRow(leaf, t, `${node.id} on ${type} #${k}`));
      }
    });
  });
  rowStart[leaves.length * E] = rows.count;
  leaves.forEach((leaf, li) => {
    alwaysStart[li] = rows.count;
    for (const node of configurationOf(leaf).reverse()) {
      node.always?.forEach((t, k) => addRow(leaf, t, `${node.id} on (always) #${k}`));
    }
  });
  alwaysStart[leaves.length] = rows.count;
  const initRow = rows.count;
  addRow(undefined, initialTransition(root), `${root.id} (initial)`);

  const { tags, leafTags } = tagsOf(leaves);
  return {
    machineId: root.id,
    leafIds: leaves.map((l) => l.id),
    leafValues: leaves.map(stateValueOf),
    leafFinal: Uint8Array.from(leaves, (l) => (l.type === 'final' ? 1 : 0)),
    leafTags,
    tags,
    eventTypes,
    eventIds,
    rowStart,
    alwaysStart,
    initRow,
    ...rows.arrays(),
    guards,
    actions: actions.actions,
    timers,
    context: (machine.config as { context?: unknown }).context,
    output: root.output,
    doneEvents: leaves.map((l) =>
      l.type === 'final' ? { type: `xstate.done.state.${l.id}`, output: undefined } : undefined,
    ),
  };
}

function allNodes(root: NodeView): NodeView[] {
  const nodes: NodeView[] = [];
  const visit = (n: NodeView): void => {
    nodes.push(n);
    for (const child of Object.values(n.states)) visit(child);
  };
  visit(root);
  return nodes.sort((a, b) => a.order - b.order);
}

function hasAssign(ops: readonly number[], actions: readonly CompiledAction[]): boolean {
  return ops.some((o) => (o & OP_MASK) === OP_ACTION && actions[o >> OP_BITS]!.kind === 'assign');
}
