import { UnsupportedFeatureError } from './unsupported';
import type { NodeView, TransitionView } from './xstateShapes';

/**
 * What the compiled interpreter reproduces is what the order machines use (sim/machines/README.md,
 * "what makes this derivable"): compound and final states, `on`, `always` and `after`
 * transitions, named guards (with `and`/`or`/`not`), named actions and `assign`, named or numeric
 * delays, entry/exit, tags, `reenter`, the root's `output`. The rest is refused here, by name, so
 * a machine that grows a feature fails to compile instead of behaving differently.
 */
export function checkNode(node: NodeView): void {
  if (node.type === 'parallel') {
    throw new UnsupportedFeatureError('parallel state', node.id, 'a leaf must be a whole state');
  }
  if (node.type === 'history') throw new UnsupportedFeatureError('history state', node.id);
  if (node.invoke.length > 0) {
    throw new UnsupportedFeatureError('invoke', node.id, 'emit an intent and report back instead');
  }
  if (node.type === 'final' && node.parent?.parent) {
    throw new UnsupportedFeatureError(
      'a final state inside a compound state (xstate.done.state events)',
      node.id,
    );
  }
  if (node.type === 'final' && node.output !== undefined) {
    throw new UnsupportedFeatureError('output on a final state', node.id);
  }
}

export function checkTransition(t: TransitionView): void {
  const where = `${t.source.id} on ${t.eventType || '(always)'}`;
  const type = t.eventType;
  if (type === '*' || type.endsWith('.*')) {
    throw new UnsupportedFeatureError(`wildcard event descriptor '${type}'`, where);
  }
  if (type.startsWith('xstate.') && !type.startsWith('xstate.after.')) {
    throw new UnsupportedFeatureError(`transition on internal event '${type}'`, where);
  }
  if ((t.target?.length ?? 0) > 1) {
    throw new UnsupportedFeatureError('a transition with several targets', where);
  }
}
