import type { Checked } from '../../sim/worker/inspectApi';

/** Where a view computed step by step stands: its button and progress read this. */
export type StepStatus =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; of: number }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

/** What a view shows as the steps go: the steps once known, the results so far, the status. */
export interface StepsShown<Step, Result> {
  steps(steps: Step[]): void;
  results(results: Result[]): void;
  status(status: StepStatus): void;
}

/**
 * Lists the steps, then computes them one at a time, showing each result as it comes and the
 * progress before each step: one short call per step, so the worker's run on screen is never kept
 * waiting long. The first step refused or failing stops the rest and is shown as the error.
 */
export async function computeInSteps<Step, Result>(
  listSteps: () => Promise<Step[]>,
  computeStep: (step: Step, index: number) => Promise<Checked<Result>>,
  show: StepsShown<Step, Result>,
): Promise<void> {
  show.results([]);
  try {
    const steps = await listSteps();
    show.steps(steps);
    const done: Result[] = [];
    for (const [index, step] of steps.entries()) {
      show.status({ kind: 'running', done: index, of: steps.length });
      const result = await computeStep(step, index);
      if (!result.ok) throw new Error(result.errors.join('; '));
      done.push(result.value);
      show.results([...done]);
    }
    show.status({ kind: 'done' });
  } catch (error) {
    show.status({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
