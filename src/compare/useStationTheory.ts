import { useEffect, useState } from 'react';
import type { StationTheory } from '../../sim/metrics/theory';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';
import type { WorkerChannel } from '../bridge/workerChannel';
import { useAppStore } from '../store/store';
import { createSideChannel } from './sideChannel';

/** One worker answers every theory question of the page; created on the first one. */
let channel: WorkerChannel | null = null;

type TheoryMap = Record<string, StationTheory>;

interface Answer {
  scenario: Scenario;
  faults: unknown;
  theory: TheoryMap;
}

const NONE: TheoryMap = {};

/**
 * The closed forms of the loaded scenario's stations, from the worker (sim/worker/theoryApi.ts),
 * faults injected from the page included; empty until it answers and for other scenarios. A
 * textbook queue is fed by the scenario's only source (sim/metrics/theory.ts), so scenarios with
 * several sources are not even asked about.
 */
export function useStationTheory(): TheoryMap {
  const scenario = useAppStore((s) => s.run.scenario);
  const faults = useAppStore((s) => s.run.injectedFaults);
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (scenario === null || scenario.sources.length !== 1) return;
    let current = true;
    channel ??= createSideChannel();
    channel
      .call((api) => api.stationTheory(scenario, faults), false)
      .then(
        (theory) => current && setAnswer({ scenario, faults, theory }),
        // No theory is shown rather than a wrong one; the run itself is unaffected.
        () => current && setAnswer({ scenario, faults, theory: NONE }),
      );
    return () => {
      current = false;
    };
  }, [scenario, faults]);
  return answer !== null && answer.scenario === scenario && answer.faults === faults
    ? answer.theory
    : NONE;
}
