import { errorsByKnob, type DraftEdit } from '../store/edits';
import type { KnobGroup } from '../store/knobs';
import type { AbOutcome } from './abRun';
import type { RunOnScreen, VariantChoice } from './variantRequests';

export interface Feedback {
  /** Messages shown beside B's change rows, by knob key. */
  byKey: Record<string, string>;
  general: string[];
}

export const NO_FEEDBACK: Feedback = { byKey: {}, general: [] };

/**
 * Where a refusal's messages go: beside the change row of B whose knob a message names, and
 * otherwise below the form with the variant it concerns (A's own edits, a general problem).
 */
export function refusalFeedback(
  refusal: Extract<AbOutcome, { ok: false }>,
  groups: readonly KnobGroup[],
  rowKeys: readonly string[],
): Feedback {
  const named = (message: string) => `Variant ${refusal.variant}: ${message}`;
  if (refusal.variant === 'A') return { byKey: {}, general: refusal.errors.map(named) };
  const { byKey, general } = errorsByKnob(refusal.errors, groups);
  const beside: Record<string, string> = {};
  for (const [key, message] of Object.entries(byKey)) {
    if (rowKeys.includes(key)) beside[key] = message;
    else general.push(message);
  }
  return { byKey: beside, general: general.map(named) };
}

/** One line saying what was compared with what, to read above the result. */
export function describeComparison(
  run: RunOnScreen,
  choice: VariantChoice,
  changes: readonly DraftEdit[],
  until: number,
): string {
  const b =
    choice.kind === 'preset'
      ? `B: the lesson "${choice.name}"`
      : `B: A with ${changes.map(([k, v]) => `${k} = ${v ?? 'left out'}`).join(', ')}`;
  return `A: "${run.scenarioName}" as on screen; ${b}; both on seed ${run.seed}, to t = ${until} s.`;
}
