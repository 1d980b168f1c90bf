import type { SagaOutcome, SagaStep } from '../../machines/orderSaga.machine';

/**
 * The saga's top-level states, as small integers: one per step (the state that runs it, in
 * SAGA_STEPS order), then the final states. Every step state emits its step's intent on entry,
 * and only that state does, so the runner knows which state a saga is in from the intents alone.
 */
export const SAGA_STATES = [
  'persistingOrder',
  'reservingRider',
  'capturingPayment',
  'notifyingMerchant',
  'refundingPayment',
  'releasingRider',
  'rejectingOrder',
  'completed',
  'compensated',
  'rejected',
  'needsManualHandling',
] as const;
export type SagaState = (typeof SAGA_STATES)[number];

/** States a live saga can be in (the first SAGA_STEPS.length); the rest are final. */
export const RUNNING_STATES = SAGA_STATES.slice(0, 7);

/** The state running `step` (SAGA_STEPS order). */
export const STEP_INDEX: Readonly<Record<SagaStep, number>> = {
  persistOrder: 0,
  reserveRider: 1,
  capturePayment: 2,
  notifyMerchant: 3,
  refundPayment: 4,
  releaseRider: 5,
  rejectOrder: 6,
};

export const OUTCOME_STATE: Readonly<Record<SagaOutcome, number>> = {
  completed: 7,
  compensated: 8,
  rejected: 9,
  needsManualHandling: 10,
};

/**
 * How many sagas are in each state, with the time integral of each count (so a series bucket
 * gets the mean count over the bucket, not a sample at its edge). Final states count sagas that
 * ended, cumulatively. Integrals are brought up to date lazily, as a station's are.
 */
export class SagaStateCounts {
  readonly count = new Float64Array(SAGA_STATES.length);
  private readonly area = new Float64Array(SAGA_STATES.length);
  private lastChange = 0;

  /** A saga moved from `from` (-1: it just started) to `to`. */
  move(from: number, to: number, now: number): void {
    if (from === to) return;
    this.accrue(now);
    if (from >= 0) this.count[from]!--;
    this.count[to]!++;
  }

  /** Integral of the count in `state` from 0 to `now`, read without touching the running sums. */
  areaAt(state: number, now: number): number {
    return this.area[state]! + this.count[state]! * (now - this.lastChange);
  }

  /** Sagas not in a final state. */
  get running(): number {
    let n = 0;
    for (let s = 0; s < RUNNING_STATES.length; s++) n += this.count[s]!;
    return n;
  }

  private accrue(now: number): void {
    const dt = now - this.lastChange;
    if (dt <= 0) return;
    for (let s = 0; s < RUNNING_STATES.length; s++) this.area[s]! += this.count[s]! * dt;
    this.lastChange = now;
  }
}
