import type { FaultSpec } from '../../sim/scenarios/schema/faultSchema';
import type { RunRequest } from '../bridge/runLoader';
import { mergeEdits, type DraftEdit, type Edit } from '../store/edits';

/** The run on screen, as the page loaded it: variant A of a comparison, or the replicated run. */
export interface RunOnScreen {
  scenarioName: string;
  seed: number;
  edits: readonly Edit[];
  injectedFaults: readonly FaultSpec[];
}

/** What B is: A with a few more knob edits, or another lesson. */
export type VariantChoice =
  { kind: 'edits'; changes: readonly DraftEdit[] } | { kind: 'preset'; name: string };

/** Variant A: the lesson on screen with its edits and injected faults, on its seed. */
export function requestA(run: RunOnScreen): RunRequest {
  return {
    name: run.scenarioName,
    seed: run.seed,
    edits: run.edits,
    faults: run.injectedFaults,
  };
}

/**
 * Variant B on A's seed. Knob edits are merged over A's (a knob A changed too takes B's value)
 * and A's injected faults are kept, so only the edited knobs differ. Another lesson runs as it
 * is: A's edits and faults name A's fields and parts.
 */
export function requestB(run: RunOnScreen, choice: VariantChoice): RunRequest {
  if (choice.kind === 'preset') return { name: choice.name, seed: run.seed };
  return {
    ...requestA(run),
    edits: mergeEdits<DraftEdit>(run.edits, choice.changes),
  };
}
