import type { FaultSpec } from '../../sim/scenarios/schema/faultSchema';
import { applyEdits, isEdit, type DraftEdit, type Edit } from '../store/edits';
import { knobsOf } from '../store/knobs';
import type { LoadedScenario } from '../store/layout';
import type { SimRemote } from './workerHandle';

/** A run to load: a preset, a seed (undefined: the preset's own), knob edits and faults. */
export interface RunRequest {
  name: string;
  seed?: number | undefined;
  edits?: readonly DraftEdit[];
  faults?: readonly FaultSpec[];
  /** The document to start from when it is no preset (a "Build your own" design). */
  base?: unknown;
}

export type RunLoad =
  | {
      ok: true;
      loaded: LoadedScenario;
      /** The document the worker runs: the preset with the edits applied. */
      doc: unknown;
      edits: Edit[];
      /** The faults as scheduled, in the order injected. */
      injected: FaultSpec[];
    }
  /** `replaced`: the worker loaded the new scenario before a fault was refused. */
  | { ok: false; errors: string[]; replaced: boolean };

/**
 * Loads a run in the worker: the preset's document, the edits applied to its knobs (listed from
 * the preset as the worker validates it), the edited document validated and loaded, then each
 * fault injected at its own time. Every refusal comes back as the validator's messages, which
 * name the field and what it allows; nothing is thrown for bad input.
 */
export async function loadRun(api: SimRemote, request: RunRequest): Promise<RunLoad> {
  const { name, seed, edits = [], faults = [] } = request;
  const preset = request.base ?? (await api.presetDocument(name));
  if (preset === undefined) throw new Error(`unknown preset "${name}"`);
  let doc: unknown = preset;
  if (edits.length > 0) {
    const base = await api.validate(preset);
    if (!base.ok) return { ok: false, errors: base.errors, replaced: false };
    const edited = applyEdits(preset, knobsOf(base.scenario), edits);
    if (!edited.ok) return { ok: false, errors: edited.errors, replaced: false };
    doc = edited.doc;
  }
  const loaded = await api.load(doc, seed);
  if (!loaded.ok) return { ok: false, errors: loaded.errors, replaced: false };
  let injected: FaultSpec[] = [];
  for (const [i, fault] of faults.entries()) {
    const result = await api.injectFault(fault);
    if (!result.ok) {
      // The worker names the fault "fault"; the link's list calls it faults[i].
      const errors = result.errors.map((e) => e.replace(/^fault\b/, `faults[${i}]`));
      return { ok: false, errors, replaced: true };
    }
    injected = result.injected;
  }
  return { ok: true, loaded, doc, edits: edits.filter(isEdit), injected };
}
