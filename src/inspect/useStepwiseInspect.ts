import { useState } from 'react';
import type { Checked } from '../../sim/worker/inspectApi';
import { useBridge } from '../bridge/BridgeContext';
import type { SimRemote } from '../bridge/workerHandle';
import { appStore, useAppStore } from '../store/store';
import { computeInSteps, type StepStatus } from './stepwise';

/** A stepwise Inspect view's state, and `run` to compute it (again). */
export interface StepwiseInspect<Step, Result> {
  /** The run's seed, shown in the view; `run` takes the one of the moment it is asked. */
  seed: number;
  /** False until a run is loaded: before that there is no seed to follow. */
  ready: boolean;
  steps: Step[];
  results: Result[];
  status: StepStatus;
  run(): Promise<void>;
}

/**
 * An Inspect view that the user asks to compute, in steps in the worker on the run's seed (the
 * race replay's strategies, the read-after-write lag levels): `run` lists the steps and computes
 * them one by one, and the view shows `results` as they come and `status` meanwhile.
 */
export function useStepwiseInspect<Step, Result>(
  listSteps: (api: SimRemote) => Promise<Step[]>,
  computeStep: (
    api: SimRemote,
    step: Step,
    index: number,
    seed: number,
  ) => Promise<Checked<Result>>,
): StepwiseInspect<Step, Result> {
  const bridge = useBridge();
  const seed = useAppStore((s) => s.run.seed);
  const ready = useAppStore((s) => s.run.scenario !== null && s.run.status !== 'loading');
  const [steps, setSteps] = useState<Step[]>([]);
  const [results, setResults] = useState<Result[]>([]);
  const [status, setStatus] = useState<StepStatus>({ kind: 'idle' });

  const run = () => {
    const runSeed = appStore.getState().run.seed;
    return computeInSteps(
      () => bridge.inspect(listSteps),
      (step, index) => bridge.inspect(async (api) => await computeStep(api, step, index, runSeed)),
      { steps: setSteps, results: setResults, status: setStatus },
    );
  };
  return { seed, ready, steps, results, status, run };
}
