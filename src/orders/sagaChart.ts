import { orderSagaMachine } from '../../sim/machines/orderSaga.machine';
import type { JournalEntry } from '../../sim/model/orders/orderJournal';

/** One top-level state of the saga as its XState definition declares it, and when the order entered it. */
export interface SagaStateVisit {
  state: string;
  /** Tags from the definition (compensatable, pivot, retriable, compensating, ...). */
  tags: string[];
  final: boolean;
  /** Simulated time the order first entered it, null when it never did. */
  enteredAt: number | null;
}

/**
 * The saga's top-level states in the order the machine definition lists them, read from the
 * machine itself (so the picture cannot drift from the code), each with when this order entered
 * it. Its entries' states are dotted paths whose first part is the top-level state.
 */
export function sagaVisits(entries: readonly JournalEntry[]): SagaStateVisit[] {
  const entered = new Map<string, number>();
  for (const e of entries) {
    if (e.lane !== 'saga' || e.state === undefined) continue;
    const top = e.state.split('.')[0]!;
    if (!entered.has(top)) entered.set(top, e.t);
  }
  return Object.entries(orderSagaMachine.root.states).map(([state, node]) => {
    const tags = new Set<string>(node.tags);
    // A compound state's tags live on its children: gather them.
    for (const child of Object.values(node.states)) for (const t of child.tags) tags.add(t);
    return {
      state,
      tags: [...tags].sort(),
      final: node.type === 'final',
      enteredAt: entered.get(state) ?? null,
    };
  });
}

/** Segments of the saga lane: each top-level state from entry to the next one (or `end`). */
export function sagaSegments(
  entries: readonly JournalEntry[],
  end: number,
): { state: string; from: number; to: number }[] {
  const out: { state: string; from: number; to: number }[] = [];
  for (const e of entries) {
    if (e.lane !== 'saga' || e.state === undefined) continue;
    const top = e.state.split('.')[0]!;
    const last = out.at(-1);
    if (last?.state === top) continue;
    if (last) last.to = e.t;
    out.push({ state: top, from: e.t, to: end });
  }
  return out;
}
