/**
 * The order saga's rules written a second time, as tables, independently of the machine: what
 * each reply does in each state, which intents a transition emits, and what a whole run's log
 * must look like. The tests compare the machine against this on every edge and path.
 */
import { expect } from 'vitest';
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import type {
  OrderSagaConfig,
  OrderSagaEvent,
  SagaIssue,
  SagaIssueCause,
  SagaOutcome,
  SagaStep,
} from '../../../sim/machines/orderSaga.machine';
import { SAGA_STEPS } from '../../../sim/machines/orderSaga.machine';
import type { Effect } from './modelPaths';

export const SAGA_INTENTS = [
  'persistOrder',
  'reserveRider',
  'capturePayment',
  'notifyMerchant',
  'refundPayment',
  'releaseRider',
  'rejectOrder',
  'acknowledgeClient',
  'rejectClient',
  'escalateToOperator',
] as const;

const STEP_OF_STATE: Readonly<Record<string, SagaStep>> = {
  persistingOrder: 'persistOrder',
  reservingRider: 'reserveRider',
  capturingPayment: 'capturePayment',
  notifyingMerchant: 'notifyMerchant',
  refundingPayment: 'refundPayment',
  releasingRider: 'releaseRider',
  rejectingOrder: 'rejectOrder',
};

const FINAL: Readonly<Record<string, SagaOutcome>> = {
  completed: 'completed',
  compensated: 'compensated',
  rejected: 'rejected',
  needsManualHandling: 'needsManualHandling',
};

const ON_SUCCESS: Readonly<Record<SagaStep, string>> = {
  persistOrder: 'reservingRider',
  reserveRider: 'capturingPayment',
  capturePayment: 'notifyingMerchant',
  notifyMerchant: 'completed',
  refundPayment: 'releasingRider',
  releaseRider: 'rejectingOrder',
  rejectOrder: 'compensated',
};

/** A business failure: the step took no effect; undo the ones before it. */
const ON_BUSINESS_FAILURE: Readonly<Record<SagaStep, string>> = {
  persistOrder: 'rejected',
  reserveRider: 'rejectingOrder',
  capturePayment: 'releasingRider',
  notifyMerchant: 'needsManualHandling',
  refundPayment: 'needsManualHandling',
  releaseRider: 'needsManualHandling',
  rejectOrder: 'needsManualHandling',
};

/** Out of attempts: the step may have taken effect; undo it too. */
const ON_EXHAUSTED: Readonly<Record<SagaStep, string>> = {
  persistOrder: 'rejectingOrder',
  reserveRider: 'releasingRider',
  capturePayment: 'refundingPayment',
  notifyMerchant: 'needsManualHandling',
  refundPayment: 'needsManualHandling',
  releaseRider: 'needsManualHandling',
  rejectOrder: 'needsManualHandling',
};

type IssueField = 'failure' | 'escalation';
const BEFORE_PIVOT = new Set<SagaStep>(['persistOrder', 'reserveRider', 'capturePayment']);
const COMPENSATIONS = new Set<SagaStep>(['refundPayment', 'releaseRider', 'rejectOrder']);

function businessIssue(step: SagaStep): [IssueField, SagaIssueCause] {
  if (BEFORE_PIVOT.has(step)) return ['failure', 'businessFailure'];
  return step === 'notifyMerchant'
    ? ['escalation', 'businessFailureAfterPivot']
    : ['escalation', 'compensationRefused'];
}

function exhaustedIssue(step: SagaStep): [IssueField, SagaIssueCause] {
  if (BEFORE_PIVOT.has(step)) return ['failure', 'retriesExhausted'];
  return step === 'notifyMerchant'
    ? ['escalation', 'deadLettered']
    : ['escalation', 'compensationRetriesExhausted'];
}

/** Attempts in all a step may make. */
export function attemptLimit(config: OrderSagaConfig, step: SagaStep): number {
  if (BEFORE_PIVOT.has(step)) return config.maxAttempts;
  if (step === 'notifyMerchant') return config.notifyRetryDelaysMs.length + 1;
  return config.maxCompensationAttempts;
}

/** The delay the machine must set before retry `attempt + 1` of the step in `top`. */
export function expectedRetryDelayMs(
  config: OrderSagaConfig,
  top: string,
  attempt: number,
): number {
  if (top === 'notifyingMerchant') {
    const delay = config.notifyRetryDelaysMs[attempt - 1];
    if (delay === undefined) throw new Error(`no redelivery ${attempt}`);
    return delay;
  }
  let backoff = config.backoffBaseMs;
  for (let i = 1; i < attempt; i++) backoff *= 2;
  return Math.min(backoff, config.backoffCapMs);
}

export function afterEventType(top: string): string {
  const delay = top === 'notifyingMerchant' ? 'notifyRetryDelay' : 'retryBackoff';
  return `xstate.after.${delay}.orderSaga.${top}.backingOff`;
}

/** The part of a snapshot the rules talk about. */
export interface SagaView {
  readonly top: string;
  readonly sub: string | null;
  readonly attempt: number;
  readonly failure: SagaIssue | null;
  readonly escalation: SagaIssue | null;
  readonly outcome: SagaOutcome | null;
}

export function view(snapshot: AnyMachineSnapshot): SagaView {
  const value = snapshot.value as string | Record<string, string>;
  const [top, sub] =
    typeof value === 'string' ? [value, null] : (Object.entries(value)[0] as [string, string]);
  const context = snapshot.context as {
    attempt: number;
    failure: SagaIssue | null;
    escalation: SagaIssue | null;
    outcome: SagaOutcome | null;
  };
  return {
    top,
    sub,
    attempt: context.attempt,
    failure: context.failure,
    escalation: context.escalation,
    outcome: context.outcome,
  };
}

export const stepOf = (top: string): SagaStep | undefined => STEP_OF_STATE[top];

function enter(
  prev: SagaView,
  top: string,
  issue?: [SagaStep, IssueField, SagaIssueCause],
): SagaView {
  const outcome = FINAL[top] ?? null;
  const next: SagaView = {
    top,
    sub: outcome ? null : 'awaitingReply',
    attempt: outcome ? prev.attempt : 1,
    failure: prev.failure,
    escalation: prev.escalation,
    outcome,
  };
  if (!issue) return next;
  const [step, field, cause] = issue;
  return { ...next, [field]: { step, cause } };
}

/** The state the saga must be in after `event` in `prev`. */
export function expectedNext(
  prev: SagaView,
  event: EventObject,
  config: OrderSagaConfig,
): SagaView {
  const step = stepOf(prev.top);
  if (!step) return prev; // final: nothing is handled
  if (event.type.startsWith('xstate.after.')) {
    expect(prev.sub, 'a timer fires only while backing off').toBe('backingOff');
    expect(event.type).toBe(afterEventType(prev.top));
    return { ...prev, sub: 'awaitingReply', attempt: prev.attempt + 1 };
  }
  const reply = event as OrderSagaEvent;
  if (reply.step !== step) return prev; // a late reply for another step
  if (reply.type === 'step.succeeded') return enter(prev, ON_SUCCESS[step]);
  if (reply.type === 'step.failed' && reply.kind === 'business') {
    return enter(prev, ON_BUSINESS_FAILURE[step], [step, ...businessIssue(step)]);
  }
  // Technical failure or timeout: counts only for the attempt in flight.
  if (prev.sub !== 'awaitingReply' || reply.attempt !== prev.attempt) return prev;
  if (prev.attempt < attemptLimit(config, step)) return { ...prev, sub: 'backingOff' };
  return enter(prev, ON_EXHAUSTED[step], [step, ...exhaustedIssue(step)]);
}

/** The intents a transition from `prev` to `next` must emit, in order. */
export function expectedEffects(
  prev: SagaView,
  next: SagaView,
  orderId: number,
): { type: string; params: unknown }[] {
  const out: { type: string; params: unknown }[] = [];
  if (prev.top === 'persistingOrder' && next.top !== 'persistingOrder') {
    out.push(
      next.top === 'reservingRider'
        ? { type: 'acknowledgeClient', params: { orderId } }
        : { type: 'rejectClient', params: { orderId, cause: next.failure?.cause } },
    );
  }
  if (next.top === 'needsManualHandling' && prev.top !== 'needsManualHandling') {
    out.push({ type: 'escalateToOperator', params: { orderId, ...next.escalation } });
  }
  const issuesRequest =
    next.sub === 'awaitingReply' &&
    (prev.top !== next.top || prev.sub !== 'awaitingReply' || prev.attempt !== next.attempt);
  if (issuesRequest) {
    out.push({ type: stepOf(next.top)!, params: { orderId, attempt: next.attempt } });
  }
  return out;
}

/** Replies worth trying in a snapshot: every step, every kind, the current and previous attempt. */
export function sagaEvents(snapshot: AnyMachineSnapshot): OrderSagaEvent[] {
  if (snapshot.status !== 'active') return []; // a finished saga takes no more events
  const current = (snapshot.context as { attempt: number }).attempt;
  const attempts = current > 1 ? [current, current - 1] : [current];
  const events: OrderSagaEvent[] = [];
  for (const step of SAGA_STEPS) {
    for (const attempt of attempts) {
      events.push({ type: 'step.succeeded', step, attempt });
      events.push({ type: 'step.failed', step, attempt, kind: 'business' });
      events.push({ type: 'step.failed', step, attempt, kind: 'technical' });
      events.push({ type: 'step.timedOut', step, attempt });
    }
  }
  return events;
}

/**
 * Only the replies that make a difference: the step in progress, current attempt, one of each
 * outcome (a timeout does what a technical failure does). For `getSimplePaths`, where every
 * redundant event would multiply the paths.
 */
export function storyEvents(snapshot: AnyMachineSnapshot): OrderSagaEvent[] {
  const { top, attempt } = view(snapshot);
  const step = stepOf(top);
  if (!step) return [];
  return [
    { type: 'step.succeeded', step, attempt },
    { type: 'step.failed', step, attempt, kind: 'business' },
    { type: 'step.failed', step, attempt, kind: 'technical' },
  ];
}

/** The first compensation, by the failure that turned the saga back. */
const FIRST_COMPENSATION: Readonly<Record<string, SagaStep | null>> = {
  'persistOrder/businessFailure': null,
  'persistOrder/retriesExhausted': 'rejectOrder',
  'reserveRider/businessFailure': 'rejectOrder',
  'reserveRider/retriesExhausted': 'releaseRider',
  'capturePayment/businessFailure': 'releaseRider',
  'capturePayment/retriesExhausted': 'refundPayment',
};
const COMPENSATION_ORDER: readonly SagaStep[] = ['refundPayment', 'releaseRider', 'rejectOrder'];
const RANK: Readonly<Record<SagaStep, number>> = {
  persistOrder: 0,
  reserveRider: 1,
  capturePayment: 2,
  notifyMerchant: 3,
  refundPayment: 10,
  releaseRider: 11,
  rejectOrder: 12,
};

/**
 * Rules over a whole run's log (any prefix of a run, or a finished one): forward steps in order,
 * then compensations in reverse order, never forward again; attempts 1, 2, ... per step within
 * the limit; the client answered once; exactly the steps that may have taken effect undone.
 */
export function checkSagaLog(effects: readonly Effect[], end: SagaView, config: OrderSagaConfig) {
  const steps = effects.filter((e) => e.type in RANK);
  const types = effects.map((e) => e.type);
  const issued = (step: SagaStep) => steps.some((e) => e.type === step);

  for (let i = 1; i < steps.length; i++) {
    expect(RANK[steps[i]!.type as SagaStep], `order: ${types.join(',')}`).toBeGreaterThanOrEqual(
      RANK[steps[i - 1]!.type as SagaStep],
    );
  }
  for (const step of SAGA_STEPS) {
    const attempts = steps
      .filter((e) => e.type === step)
      .map((e) => (e.params as { attempt: number }).attempt);
    expect(attempts, `${step} attempts`).toEqual(attempts.map((_, i) => i + 1));
    expect(attempts.length).toBeLessThanOrEqual(attemptLimit(config, step));
  }

  const acks = types.filter((t) => t === 'acknowledgeClient').length;
  const clientRejections = types.filter((t) => t === 'rejectClient').length;
  expect(acks + clientRejections, 'the client is answered at most once').toBeLessThanOrEqual(1);
  if (issued('reserveRider')) expect(acks, 'acked before dispatch').toBe(1);
  if (acks === 1) {
    const ack = types.indexOf('acknowledgeClient');
    expect(types.slice(ack + 1)).not.toContain('persistOrder');
    expect(types.slice(0, ack)).not.toContain('reserveRider');
  }

  const compensations = steps.filter((e) => COMPENSATIONS.has(e.type as SagaStep));
  if (issued('notifyMerchant')) expect(compensations, 'past the pivot: forward only').toEqual([]);
  if (compensations.length > 0) {
    expect(end.failure).not.toBeNull();
    const first = FIRST_COMPENSATION[`${end.failure!.step}/${end.failure!.cause}`];
    expect(compensations[0]!.type, 'first compensation').toBe(first);
  }

  switch (end.outcome) {
    case 'completed':
      expect(acks).toBe(1);
      expect(issued('capturePayment') && issued('notifyMerchant')).toBe(true);
      expect(compensations).toEqual([]);
      break;
    case 'compensated': {
      const first = FIRST_COMPENSATION[`${end.failure!.step}/${end.failure!.cause}`]!;
      const undone = [...new Set(compensations.map((e) => e.type))];
      expect(undone, 'every step that may have taken effect is undone').toEqual(
        COMPENSATION_ORDER.slice(COMPENSATION_ORDER.indexOf(first)),
      );
      break;
    }
    case 'rejected':
      expect(new Set(types)).toEqual(new Set(['persistOrder', 'rejectClient']));
      break;
    case 'needsManualHandling':
      expect(types.at(-1)).toBe('escalateToOperator');
      break;
    case null:
      break;
  }
  expect(types.filter((t) => t === 'escalateToOperator').length).toBe(
    end.outcome === 'needsManualHandling' ? 1 : 0,
  );
}
