import { COMPENSATION_STEPS, SAGA_STEPS, type SagaStep } from '../machines/orderSaga.machine';
import { KEY_CHECK } from '../model/orders/orderRecord';

/*
 * The order flow's calls, named from the saga's own step list (sim/machines/orderSaga.machine.ts)
 * so a step added there is labelled without touching this file. Kept apart from callLabel.ts,
 * which the endpoint program imports: that one stays free of the machines.
 */

/** A saga step's name as words: `reserveRider` -> "reserve rider". */
const stepWords = (step: SagaStep) => step.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
const SAGA_STEP_LABELS = SAGA_STEPS.map(stepWords);
const COMPENSATING = SAGA_STEPS.map((s) => (COMPENSATION_STEPS as readonly string[]).includes(s));

/** What a call of the order flow is for: its key check, or the saga step it runs (by index). */
export function flowCallLabel(step: number): string {
  if (step === KEY_CHECK) return 'key check';
  return SAGA_STEP_LABELS[step] ?? 'saga step';
}

/** Whether saga step `step` (a SAGA_STEPS index) undoes an earlier one. */
export const isCompensation = (step: number): boolean => COMPENSATING[step] ?? false;
