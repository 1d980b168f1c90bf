import type { StateValue } from 'xstate';
import { configurationOf } from './configuration';
import type { NodeView } from './xstateShapes';

/** Whether a configuration (an ordered list) and a set hold the same states. */
export function sameNodes(a: readonly NodeView[], b: ReadonlySet<NodeView>): boolean {
  return a.length === b.size && a.every((n) => b.has(n));
}

/** The one leaf of a configuration that is a single chain from the root. */
export function leafOf(active: ReadonlySet<NodeView>, where: string): NodeView {
  const leaves = [...active].filter((n) => n.type === 'atomic' || n.type === 'final');
  const leaf = leaves[0];
  if (!leaf || leaves.length > 1 || !sameNodes(configurationOf(leaf), active)) {
    throw new Error(`${where} does not end in a single state: ${[...active].map((n) => n.id)}`);
  }
  return leaf;
}

/** XState's `snapshot.value` for a leaf: `'done'`, `{ step: 'awaitingReply' }`, ... (frozen). */
export function stateValueOf(leaf: NodeView): StateValue {
  const path = configurationOf(leaf).slice(1);
  let value: StateValue = path.length > 0 ? path.at(-1)!.key : {};
  for (let i = path.length - 2; i >= 0; i--) value = Object.freeze({ [path[i]!.key]: value });
  return value;
}

/** The tags in order of appearance, and per leaf a bit mask of those on it or its ancestors. */
export function tagsOf(leaves: readonly NodeView[]): { tags: string[]; leafTags: Uint32Array } {
  const tags: string[] = [];
  const leafTags = new Uint32Array(leaves.length);
  leaves.forEach((leaf, li) => {
    for (const node of configurationOf(leaf)) {
      for (const tag of node.tags) {
        let bit = tags.indexOf(tag);
        if (bit < 0) bit = tags.push(tag) - 1;
        if (bit >= 32) throw new Error(`more than 32 tags in ${leaf.id}'s machine`);
        leafTags[li]! |= 1 << bit;
      }
    }
  });
  return { tags, leafTags };
}
