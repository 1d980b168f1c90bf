import {
  OrderJournal,
  type OrderStory,
  type OrderStorySummary,
} from '../model/orders/orderJournal';
import { SAGA_STATES } from '../model/orders/sagaStates';
import type { Simulation } from '../scenarios/simulation';

/** Live counters of one order flow: what issue 4 asks the sandbox to show. */
export interface OrderFigures {
  id: string;
  created: number;
  completed: number;
  compensated: number;
  needsManualHandling: number;
  /** Sagas not finished, and of those the ones waiting on a reply an instance crash lost. */
  inFlight: number;
  stuck: number;
  compensationsByScanner: number;
  notifyRedeliveries: number;
  duplicatesSuppressed: number;
  replaysServed: number;
  conflicts: number;
  doubleCaptures: number;
  /** Async creation's background pool now (null when the flow has none): busy, waiting, refused. */
  poolActive: number | null;
  poolQueued: number | null;
  poolRejected: number | null;
  /** Sagas in each top-level state now (running states) or ended in it (final states). */
  states: Record<string, number>;
}

export interface OrderLists {
  inFlight: OrderStorySummary[];
  recent: OrderStorySummary[];
  notable: OrderStorySummary[];
}

const journals = new WeakMap<Simulation, Map<string, OrderJournal>>();

/**
 * Gives every order flow of a freshly made simulation a journal (before it runs: stories start
 * at t = 0). Journals only read, so the run and its report are the same as the CLI's.
 */
export function withOrderJournals(sim: Simulation): Simulation {
  const byFlow = new Map<string, OrderJournal>();
  for (const flow of sim.orderFlows) {
    const journal = new OrderJournal();
    flow.journal = journal;
    byFlow.set(flow.id, journal);
  }
  journals.set(sim, byFlow);
  return sim;
}

/**
 * The Orders section's calls, spread into the worker's `api`. Before a scenario is loaded they
 * answer "nothing" rather than fail: a panel may ask while the page is still starting.
 */
export function ordersApi(loaded: () => Simulation | undefined) {
  const journalOf = (flow: string): OrderJournal | undefined => {
    const sim = loaded();
    return sim === undefined ? undefined : journals.get(sim)?.get(flow);
  };
  return {
    orderFigures(): OrderFigures[] {
      return (loaded()?.orderFlows ?? []).map((flow) => {
        const s = flow.stats;
        const states: Record<string, number> = {};
        SAGA_STATES.forEach((state, i) => (states[state] = flow.states.count[i]!));
        return {
          id: flow.id,
          created: s.created,
          completed: s.completed,
          compensated: s.compensated,
          needsManualHandling: s.needsManualHandling,
          inFlight: flow.states.running,
          stuck: flow.stuck,
          compensationsByScanner: s.compensationsByScanner,
          notifyRedeliveries: s.notifyRedeliveries,
          duplicatesSuppressed: s.duplicatesSuppressed,
          replaysServed: s.replaysServed,
          conflicts: s.conflicts,
          doubleCaptures: s.doubleCaptures,
          poolActive: flow.executor?.active ?? null,
          poolQueued: flow.executor?.queued ?? null,
          poolRejected: flow.executor?.rejected ?? null,
          states,
        };
      });
    },

    /** Orders whose story can be opened: in flight, latest finished, latest notable. */
    orderStories(flow: string): OrderLists | null {
      return journalOf(flow)?.lists() ?? null;
    },

    /** One order's story, or null when it is no longer kept (or the flow has no journal). */
    orderStory(flow: string, orderId: number): OrderStory | null {
      if (!Number.isInteger(orderId) || orderId < 0) return null;
      return journalOf(flow)?.story(orderId) ?? null;
    },
  };
}
