import type { Implementation, TimerSlot } from './table';
import { builtinAction, type NodeView } from './xstateShapes';

/**
 * The timer slots of one state's `after` transitions, appended to `timers`; returns the slot of
 * each `xstate.after.<delay>.<state id>` event type. The event a slot delivers is the very object
 * XState's `raise` in the state's entry carries, and its delay the machine's delay as provided.
 */
export function timerSlotsOf(
  node: NodeView,
  delays: Readonly<Record<string, unknown>>,
  eventIds: ReadonlyMap<string, number>,
  timers: TimerSlot[],
): Map<string, number> {
  const slots = new Map<string, number>();
  for (const t of node.after) {
    if (slots.has(t.eventType)) continue; // several transitions on one delay share its timer
    const raised = node.entry
      .map(builtinAction)
      .find((b) => b?.kind === 'raise' && b.id === t.eventType);
    if (raised?.kind !== 'raise') throw new Error(`no timer is set for ${t.eventType}`);
    let delayMs: number | Implementation;
    if (typeof t.delay === 'number') {
      delayMs = t.delay;
    } else {
      const named = delays[t.delay];
      if (typeof named !== 'number' && typeof named !== 'function') {
        throw new Error(`delay '${t.delay}' in ${node.id} is not implemented`);
      }
      delayMs = named as number | Implementation;
    }
    const event = raised.event as { type: string };
    slots.set(t.eventType, timers.length);
    timers.push({
      stateId: node.id,
      eventId: eventIds.get(t.eventType)!,
      event,
      delay: t.delay,
      delayMs,
    });
  }
  return slots;
}
