import { scenarioTheory, type StationTheory } from '../metrics/theory';
import type { Scenario } from '../scenarios/schema/scenarioSchema';
import type { FaultSpec } from '../scenarios/schema/faultSchema';

/**
 * Queueing theory for the page: the closed forms of sim/metrics/theory.ts (Erlang C for M/M/c,
 * Pollaczek-Khinchine for M/D/1 and M/G/1, Erlang B for a loss system; SEMANTICS.md section 7)
 * for the stations of a loaded scenario. Spread into the worker's `api`.
 */
export const theoryApi = {
  /**
   * The stations of `scenario` (as `load` returned it, defaults filled in) that are textbook
   * queues, by id. Faults injected from the page count like the scenario's own: a station a fault
   * acts on is no textbook queue any more, so it gets no theory.
   */
  stationTheory(
    scenario: Scenario,
    injected: readonly FaultSpec[] = [],
  ): Record<string, StationTheory> {
    return scenarioTheory({ ...scenario, faults: [...scenario.faults, ...injected] });
  },
};
