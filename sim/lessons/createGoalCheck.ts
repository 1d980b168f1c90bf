import type { GoalSpec } from '../scenarios/schema/lessonSchema';
import type { Simulation } from '../scenarios/simulation';
import { BacklogCheck } from './backlogCheck';
import type { GoalCheck } from './goalCheck';
import { LatencyCheck, type LatencySubject } from './latencyCheck';
import { OrdersLostCheck } from './ordersLostCheck';
import { StaleReadsCheck } from './staleReadsCheck';
import { SuccessRatioCheck } from './successRatioCheck';
import { UtilisationCheck } from './utilisationCheck';

/** Finds by id; the validator has checked every goal target exists, so a miss is a bug. */
function byId<T>(items: readonly T[], id: string, idOf: (item: T) => string, what: string): T {
  const found = items.find((item) => idOf(item) === id);
  if (found === undefined) throw new Error(`lesson goal names an unknown ${what} "${id}"`);
  return found;
}

/** The check of one goal, wired to the simulation's components it watches. */
export function createGoalCheck(spec: GoalSpec, sim: Simulation): GoalCheck {
  const station = (id: string) => byId(sim.stations, id, (s) => s.id, 'station');
  const source = (id: string) => byId(sim.sources, id, (s) => s.id, 'source');
  switch (spec.kind) {
    case 'latency': {
      let subject: LatencySubject;
      if (spec.source !== undefined) {
        const s = source(spec.source);
        subject = {
          latency: s.latency,
          recorded: () => s.successes,
          failed: () => s.failedTimeout + s.failedRejected + s.failedUnavailable + s.failedError,
        };
      } else {
        const s = station(spec.station ?? '');
        subject = {
          latency: s.latency,
          recorded: () => s.completed,
          failed: () => s.rejected + s.timedOut + s.errors,
        };
      }
      return new LatencyCheck(spec, subject);
    }
    case 'successRatio': {
      const s = source(spec.source);
      return new SuccessRatioCheck(spec, {
        successes: () => s.successes,
        failures: () => s.failedTimeout + s.failedRejected + s.failedUnavailable + s.failedError,
      });
    }
    case 'utilisation':
      return new UtilisationCheck(spec, station(spec.station));
    case 'staleReads': {
      if (spec.cache !== undefined) {
        const cache = byId(sim.caches, spec.cache, (c) => c.config.id, 'cache');
        // Hits served by the shared cache and by local caches in front of it alike.
        return new StaleReadsCheck(spec, () => cache.staleReads + cache.localStaleReads);
      }
      const db = byId(sim.databases, spec.db ?? '', (d) => d.config.id, 'database');
      return new StaleReadsCheck(spec, () => db.staleReads);
    }
    case 'ordersLost': {
      const flow = byId(sim.orderFlows, spec.flow, (f) => f.id, 'order flow');
      return new OrdersLostCheck(spec, () => flow.stuck);
    }
    case 'backlogDrained': {
      const topic = byId(sim.topics, spec.topic, (t) => t.id, 'topic');
      return new BacklogCheck(spec, () => topic.lag);
    }
  }
}
