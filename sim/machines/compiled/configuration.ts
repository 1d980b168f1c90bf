import type { NodeView, TransitionView } from './xstateShapes';

/**
 * Which states a transition exits and enters, computed once per (active leaf, transition) at
 * compile time. These are XState v5's own rules (stateUtils.ts: getTransitionDomain,
 * computeExitSet, computeEntrySet, which follow SCXML's microstep), ported line by line for
 * machines without parallel or history states, so that a `reenter`, a transition to an ancestor
 * or to the root behaves exactly as in XState, quirks included.
 */

/** The leaf and its ancestors up to the root: with no parallel states, a leaf is a whole state. */
export function configurationOf(leaf: NodeView): NodeView[] {
  const nodes: NodeView[] = [];
  for (let n: NodeView | undefined = leaf; n; n = n.parent) nodes.push(n);
  return nodes.reverse();
}

/** Ancestors of `node` below `upTo` (all of them when `upTo` is undefined), nearest first. */
export function properAncestors(node: NodeView, upTo: NodeView | undefined): NodeView[] {
  const ancestors: NodeView[] = [];
  if (upTo === node) return ancestors;
  for (let m = node.parent; m && m !== upTo; m = m.parent) ancestors.push(m);
  return ancestors;
}

/** XState's isDescendant: strict, and true for every node (root included) when `parent` is undefined. */
export function isDescendant(child: NodeView, parent: NodeView | undefined): boolean {
  let marker = child;
  while (marker.parent && marker.parent !== parent) marker = marker.parent;
  return marker.parent === parent;
}

function leastCommonCompoundAncestor(nodes: readonly NodeView[]): NodeView | undefined {
  const [head, ...tail] = nodes;
  if (!head) return undefined;
  for (const ancestor of properAncestors(head, undefined)) {
    if (tail.every((n) => isDescendant(n, ancestor))) return ancestor;
  }
  return undefined;
}

/** The state the transition stays inside: what it exits and enters lies below it. */
export function transitionDomain(t: TransitionView): NodeView | undefined {
  const targets = t.target ?? [];
  if (!t.reenter && targets.every((s) => s === t.source || isDescendant(s, t.source))) {
    return t.source;
  }
  const lcca = leastCommonCompoundAncestor([...targets, t.source]);
  if (lcca) return lcca;
  if (t.reenter) return undefined;
  return rootOf(t.source);
}

function rootOf(node: NodeView): NodeView {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** States exited when `t` is taken with `active` active, in exit order (deepest, last first). */
export function exitSet(t: TransitionView, active: readonly NodeView[]): NodeView[] {
  if (!t.target?.length) return [];
  const domain = transitionDomain(t);
  const exits = new Set<NodeView>();
  if (t.reenter && domain && t.source === domain) exits.add(domain);
  for (const n of active) if (isDescendant(n, domain)) exits.add(n);
  return [...exits].sort((a, b) => b.order - a.order);
}

export interface EntrySet {
  /** In entry order (document order). */
  readonly enter: NodeView[];
  /** Entered by default (targeted, or an initial child): their `initial` actions run too. */
  readonly defaultEntry: ReadonlySet<NodeView>;
}

export function entrySet(t: TransitionView): EntrySet {
  const enter = new Set<NodeView>();
  const defaultEntry = new Set<NodeView>();
  const addDescendants = (node: NodeView): void => {
    if (node.type !== 'compound') return;
    const initial = node.initial.target[0];
    if (!initial) return;
    enter.add(initial);
    defaultEntry.add(initial);
    addDescendants(initial);
  };
  const domain = transitionDomain(t);
  const targets = t.target ?? [];
  for (const s of targets) {
    if (t.source !== s || t.source !== domain || t.reenter) {
      enter.add(s);
      defaultEntry.add(s);
    }
    addDescendants(s);
  }
  const reentrancyDomain = !t.source.parent && t.reenter ? undefined : domain;
  for (const s of targets) {
    for (const ancestor of properAncestors(s, domain)) {
      if (!reentrancyDomain || isDescendant(ancestor, reentrancyDomain)) enter.add(ancestor);
    }
  }
  return { enter: [...enter].sort((a, b) => a.order - b.order), defaultEntry };
}

/** XState's initial microstep: a reentering transition from the root to its initial states. */
export function initialTransition(root: NodeView): TransitionView {
  const target: NodeView[] = [];
  for (let n: NodeView | undefined = root; n; n = n.initial.target[0]) {
    target.push(n);
    if (n.type !== 'compound') break;
  }
  return { source: root, target, reenter: true, guard: undefined, actions: [], eventType: '' };
}
