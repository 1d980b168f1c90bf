import { and, assign, setup } from 'xstate';
import { pow2 } from '../kernel/portableMath';
import { ROCKETMQ_RETRY_DELAYS_MS } from './rocketmqDelayLevels';

/**
 * The order saga (SEMANTICS.md section 3, Richardson's Create Order saga adapted to delivery):
 *
 *   persistOrder      compensatable  comp. rejectOrder   (local transaction; the client is acked
 *                                                         here: async order creation)
 *   reserveRider      compensatable  comp. releaseRider
 *   capturePayment    pivot          (go/no-go: the last step that may fail for a business reason)
 *   notifyMerchant    retriable      (after the pivot: retried until it succeeds, via delayed
 *                                     messages with RocketMQ's delay levels)
 *
 * The machine performs no side effect. Entering a step's `awaitingReply` state emits the step's
 * intent (action `reserveRider`, `capturePayment`, ...) with `{ orderId, attempt }`; the runner
 * provides those actions with `.provide({ actions })`, calls its (simulated) services, and reports
 * back with `step.succeeded`, `step.failed` or `step.timedOut`, each naming the step and attempt it
 * answers. The default implementations throw, so a runner that forgets one fails loudly.
 *
 * Failures:
 * - business (`kind: 'business'`: card declined, no rider): the step definitely took no effect.
 *   Before the pivot this turns the saga back; compensations run for the steps before it.
 * - technical (`kind: 'technical'`) or `step.timedOut` (the caller's timeout, or the stuck-order
 *   scanner declaring the attempt lost): the outcome is unknown. Retried with capped exponential
 *   backoff up to `maxAttempts` (attempts reuse the step's idempotency key, so a retry cannot apply
 *   twice). When retries run out the saga turns back and compensates this step too: a compensation
 *   is idempotent and harmless if the step never took effect (refunding an uncaptured payment is a
 *   no-op for the provider). So "exhausted capture" runs refundPayment, releaseRider, rejectOrder.
 * - Compensations run in reverse order and are retried until they succeed (`maxCompensationAttempts`,
 *   default unlimited). A compensation refused for a business reason, or out of attempts, cannot be
 *   completed automatically: `needsManualHandling`.
 * - After the pivot there is no way back: notifyMerchant is retried per `notifyRetryDelaysMs`; when
 *   that schedule is used up (RocketMQ's dead-letter queue) or the merchant refuses for a business
 *   reason (which the pivot rule says cannot happen), the order `needsManualHandling`.
 *
 * Replies are matched to the step in progress (`isReplyTo`): a late reply for an earlier step is
 * ignored. A success or business failure of the current step is authoritative whichever attempt it
 * answers (the step is idempotent), also while backing off; a technical failure or timeout only
 * counts for the current attempt (`isCurrentAttempt`), so a stale one cannot cause a second retry.
 *
 * Tags say where a persisted order stands, for the stuck-order scanner: `compensatable` and `pivot`
 * (may still go back), `retriable` (past the pivot: forward only), `compensating`, `awaitingReply`
 * (a request is out), `needsManualHandling`.
 *
 * Delays are XState milliseconds (see kernelClock.ts) and named: `retryBackoff` and
 * `notifyRetryDelay`. A runner wanting jitter provides its own via `.provide({ delays })`, drawing
 * from a seeded stream.
 */

export type ForwardStep = 'persistOrder' | 'reserveRider' | 'capturePayment' | 'notifyMerchant';
export type CompensationStep = 'refundPayment' | 'releaseRider' | 'rejectOrder';
export type SagaStep = ForwardStep | CompensationStep;

export const FORWARD_STEPS: readonly ForwardStep[] = [
  'persistOrder',
  'reserveRider',
  'capturePayment',
  'notifyMerchant',
];
/** In the order they run (the reverse of the forward steps they undo). */
export const COMPENSATION_STEPS: readonly CompensationStep[] = [
  'refundPayment',
  'releaseRider',
  'rejectOrder',
];
export const SAGA_STEPS: readonly SagaStep[] = [...FORWARD_STEPS, ...COMPENSATION_STEPS];

export type FailureKind = 'business' | 'technical';

export type OrderSagaEvent =
  | { type: 'step.succeeded'; step: SagaStep; attempt: number }
  | { type: 'step.failed'; step: SagaStep; attempt: number; kind: FailureKind }
  | { type: 'step.timedOut'; step: SagaStep; attempt: number };

export type SagaIssueCause =
  /** The step refused for a business reason (it took no effect). */
  | 'businessFailure'
  /** Technical failures or timeouts used up the attempts (it may or may not have taken effect). */
  | 'retriesExhausted'
  /** notifyMerchant used up its redelivery schedule (the message is dead-lettered). */
  | 'deadLettered'
  /** A step after the pivot refused for a business reason: the saga cannot go back. */
  | 'businessFailureAfterPivot'
  /** A compensation refused for a business reason. */
  | 'compensationRefused'
  /** A compensation used up `maxCompensationAttempts`. */
  | 'compensationRetriesExhausted';

export interface SagaIssue {
  readonly step: SagaStep;
  readonly cause: SagaIssueCause;
}

export type SagaOutcome = 'completed' | 'compensated' | 'rejected' | 'needsManualHandling';

export interface OrderSagaConfig {
  /** Attempts in all, the first included, for persistOrder, reserveRider and capturePayment. */
  readonly maxAttempts: number;
  /** Backoff before retry n is min(backoffCapMs, backoffBaseMs * 2^(n-1)) ms. */
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
  /** Attempts in all for each compensation; Infinity: retried until it succeeds. */
  readonly maxCompensationAttempts: number;
  /** Delay before redelivery n of notifyMerchant; its length is the number of redeliveries. */
  readonly notifyRetryDelaysMs: readonly number[];
}

export const DEFAULT_ORDER_SAGA_CONFIG: OrderSagaConfig = Object.freeze({
  maxAttempts: 3,
  backoffBaseMs: 500,
  backoffCapMs: 30_000,
  maxCompensationAttempts: Infinity,
  notifyRetryDelaysMs: ROCKETMQ_RETRY_DELAYS_MS,
});

export interface OrderSagaInput {
  readonly orderId: number;
  readonly config?: Partial<OrderSagaConfig>;
}

export interface OrderSagaContext {
  readonly orderId: number;
  readonly config: OrderSagaConfig;
  /** Attempt (1-based) of the step in progress; every step starts at 1. */
  attempt: number;
  /** Why the saga left the happy path (set once). */
  failure: SagaIssue | null;
  /** Why it needs manual handling. */
  escalation: SagaIssue | null;
  /** Set on entering a final state. */
  outcome: SagaOutcome | null;
}

export interface OrderSagaOutput {
  readonly orderId: number;
  readonly outcome: SagaOutcome | null;
  readonly failure: SagaIssue | null;
  readonly escalation: SagaIssue | null;
}

/** What every step intent carries: retries of one step share `orderId` + step = idempotency key. */
export interface StepRequest {
  readonly orderId: number;
  readonly attempt: number;
}

export interface ClientRejection {
  readonly orderId: number;
  readonly cause: SagaIssueCause;
}

export interface Escalation {
  readonly orderId: number;
  readonly step: SagaStep;
  readonly cause: SagaIssueCause;
}

export type SagaTag =
  | 'compensatable'
  | 'pivot'
  | 'retriable'
  | 'compensating'
  | 'awaitingReply'
  | 'needsManualHandling';

/** Backoff before retry `attempt` (1-based: the retry after the attempt-th attempt failed). */
export function retryBackoffMs(config: OrderSagaConfig, attempt: number): number {
  // pow2 is exact for every integer exponent; ECMAScript does not promise that of 2 ** n.
  return Math.min(config.backoffCapMs, config.backoffBaseMs * pow2(attempt - 1));
}

/** Delay before redelivery `attempt` of notifyMerchant. */
export function notifyRetryDelayMs(config: OrderSagaConfig, attempt: number): number {
  const delay = config.notifyRetryDelaysMs[attempt - 1];
  if (delay === undefined) throw new RangeError(`no notify retry delay for attempt ${attempt}`);
  return delay;
}

/** Side effects are the runner's: the defaults refuse to run. */
function intent<P>(name: string): (_args: unknown, _params: P) => void {
  return () => {
    throw new Error(`orderSaga: action "${name}" was not provided (use machine.provide)`);
  };
}

const stepRequest = ({ context }: { context: OrderSagaContext }): StepRequest => ({
  orderId: context.orderId,
  attempt: context.attempt,
});

const replyTo = (step: SagaStep) => ({ type: 'isReplyTo' as const, params: { step } });
const failure = (step: SagaStep, cause: SagaIssueCause) => ({
  type: 'recordFailure' as const,
  params: { step, cause },
});
/** Records why the order needs manual handling and tells the operator. */
const escalate = (step: SagaStep, cause: SagaIssueCause) =>
  [
    { type: 'recordEscalation' as const, params: { step, cause } },
    {
      type: 'escalateToOperator' as const,
      params: ({ context }: { context: OrderSagaContext }): Escalation => ({
        orderId: context.orderId,
        step,
        cause,
      }),
    },
  ] as const;
const rejectClient = (cause: SagaIssueCause) => ({
  type: 'rejectClient' as const,
  params: ({ context }: { context: OrderSagaContext }): ClientRejection => ({
    orderId: context.orderId,
    cause,
  }),
});

export const orderSagaMachine = setup({
  types: {
    context: {} as OrderSagaContext,
    events: {} as OrderSagaEvent,
    input: {} as OrderSagaInput,
    output: {} as OrderSagaOutput,
    tags: {} as SagaTag,
  },
  guards: {
    isReplyTo: ({ event }, params: { step: SagaStep }) => event.step === params.step,
    isCurrentAttempt: ({ context, event }) => event.attempt === context.attempt,
    isBusinessFailure: ({ event }) => event.type === 'step.failed' && event.kind === 'business',
    isTechnicalFailure: ({ event }) => event.type === 'step.failed' && event.kind === 'technical',
    canRetry: ({ context }) => context.attempt < context.config.maxAttempts,
    canRetryCompensation: ({ context }) => context.attempt < context.config.maxCompensationAttempts,
    canRedeliverNotification: ({ context }) =>
      context.attempt <= context.config.notifyRetryDelaysMs.length,
  },
  actions: {
    // Intents, provided by the runner.
    persistOrder: intent<StepRequest>('persistOrder'),
    reserveRider: intent<StepRequest>('reserveRider'),
    capturePayment: intent<StepRequest>('capturePayment'),
    notifyMerchant: intent<StepRequest>('notifyMerchant'),
    refundPayment: intent<StepRequest>('refundPayment'),
    releaseRider: intent<StepRequest>('releaseRider'),
    rejectOrder: intent<StepRequest>('rejectOrder'),
    /** The order is persisted: answer the client now, the rest runs asynchronously. */
    acknowledgeClient: intent<{ orderId: number }>('acknowledgeClient'),
    /** The order could not be created: answer the client with the cause. */
    rejectClient: intent<ClientRejection>('rejectClient'),
    /** Hand the order to a human (and count it). */
    escalateToOperator: intent<Escalation>('escalateToOperator'),
    // Bookkeeping.
    startStep: assign({ attempt: 1 }),
    startNextAttempt: assign({ attempt: ({ context }) => context.attempt + 1 }),
    recordFailure: assign({ failure: (_, params: SagaIssue) => params }),
    recordEscalation: assign({ escalation: (_, params: SagaIssue) => params }),
    settle: assign({ outcome: (_, params: { outcome: SagaOutcome }) => params.outcome }),
  },
  delays: {
    retryBackoff: ({ context }) => retryBackoffMs(context.config, context.attempt),
    notifyRetryDelay: ({ context }) => notifyRetryDelayMs(context.config, context.attempt),
  },
}).createMachine({
  id: 'orderSaga',
  context: ({ input }) => ({
    orderId: input.orderId,
    config: { ...DEFAULT_ORDER_SAGA_CONFIG, ...input.config },
    attempt: 0,
    failure: null,
    escalation: null,
    outcome: null,
  }),
  output: ({ context }) => ({
    orderId: context.orderId,
    outcome: context.outcome,
    failure: context.failure,
    escalation: context.escalation,
  }),
  initial: 'persistingOrder',
  states: {
    // ---- Forward: compensatable steps, the pivot, the retriable step. ----
    persistingOrder: {
      tags: ['compensatable'],
      entry: 'startStep',
      on: {
        'step.succeeded': {
          guard: replyTo('persistOrder'),
          target: 'reservingRider',
          actions: {
            type: 'acknowledgeClient',
            params: ({ context }) => ({ orderId: context.orderId }),
          },
        },
        'step.failed': {
          guard: and([replyTo('persistOrder'), 'isBusinessFailure']),
          target: 'rejected',
          actions: [failure('persistOrder', 'businessFailure'), rejectClient('businessFailure')],
        },
      },
      initial: 'awaitingReply',
      states: {
        awaitingReply: {
          tags: ['awaitingReply'],
          entry: { type: 'persistOrder', params: stepRequest },
          on: {
            'step.failed': [
              {
                guard: and([
                  replyTo('persistOrder'),
                  'isTechnicalFailure',
                  'isCurrentAttempt',
                  'canRetry',
                ]),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('persistOrder'), 'isTechnicalFailure', 'isCurrentAttempt']),
                target: '#orderSaga.rejectingOrder',
                actions: [
                  failure('persistOrder', 'retriesExhausted'),
                  rejectClient('retriesExhausted'),
                ],
              },
            ],
            'step.timedOut': [
              {
                guard: and([replyTo('persistOrder'), 'isCurrentAttempt', 'canRetry']),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('persistOrder'), 'isCurrentAttempt']),
                target: '#orderSaga.rejectingOrder',
                actions: [
                  failure('persistOrder', 'retriesExhausted'),
                  rejectClient('retriesExhausted'),
                ],
              },
            ],
          },
        },
        backingOff: {
          after: { retryBackoff: { target: 'awaitingReply', actions: 'startNextAttempt' } },
        },
      },
    },

    reservingRider: {
      tags: ['compensatable'],
      entry: 'startStep',
      on: {
        'step.succeeded': { guard: replyTo('reserveRider'), target: 'capturingPayment' },
        'step.failed': {
          guard: and([replyTo('reserveRider'), 'isBusinessFailure']),
          target: 'rejectingOrder',
          actions: failure('reserveRider', 'businessFailure'),
        },
      },
      initial: 'awaitingReply',
      states: {
        awaitingReply: {
          tags: ['awaitingReply'],
          entry: { type: 'reserveRider', params: stepRequest },
          on: {
            'step.failed': [
              {
                guard: and([
                  replyTo('reserveRider'),
                  'isTechnicalFailure',
                  'isCurrentAttempt',
                  'canRetry',
                ]),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('reserveRider'), 'isTechnicalFailure', 'isCurrentAttempt']),
                target: '#orderSaga.releasingRider',
                actions: failure('reserveRider', 'retriesExhausted'),
              },
            ],
            'step.timedOut': [
              {
                guard: and([replyTo('reserveRider'), 'isCurrentAttempt', 'canRetry']),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('reserveRider'), 'isCurrentAttempt']),
                target: '#orderSaga.releasingRider',
                actions: failure('reserveRider', 'retriesExhausted'),
              },
            ],
          },
        },
        backingOff: {
          after: { retryBackoff: { target: 'awaitingReply', actions: 'startNextAttempt' } },
        },
      },
    },

    capturingPayment: {
      tags: ['pivot'],
      entry: 'startStep',
      on: {
        'step.succeeded': { guard: replyTo('capturePayment'), target: 'notifyingMerchant' },
        'step.failed': {
          guard: and([replyTo('capturePayment'), 'isBusinessFailure']),
          target: 'releasingRider',
          actions: failure('capturePayment', 'businessFailure'),
        },
      },
      initial: 'awaitingReply',
      states: {
        awaitingReply: {
          tags: ['awaitingReply'],
          entry: { type: 'capturePayment', params: stepRequest },
          on: {
            'step.failed': [
              {
                guard: and([
                  replyTo('capturePayment'),
                  'isTechnicalFailure',
                  'isCurrentAttempt',
                  'canRetry',
                ]),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('capturePayment'), 'isTechnicalFailure', 'isCurrentAttempt']),
                target: '#orderSaga.refundingPayment',
                actions: failure('capturePayment', 'retriesExhausted'),
              },
            ],
            'step.timedOut': [
              {
                guard: and([replyTo('capturePayment'), 'isCurrentAttempt', 'canRetry']),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('capturePayment'), 'isCurrentAttempt']),
                target: '#orderSaga.refundingPayment',
                actions: failure('capturePayment', 'retriesExhausted'),
              },
            ],
          },
        },
        backingOff: {
          after: { retryBackoff: { target: 'awaitingReply', actions: 'startNextAttempt' } },
        },
      },
    },

    notifyingMerchant: {
      tags: ['retriable'],
      entry: 'startStep',
      on: {
        'step.succeeded': { guard: replyTo('notifyMerchant'), target: 'completed' },
        'step.failed': {
          guard: and([replyTo('notifyMerchant'), 'isBusinessFailure']),
          target: 'needsManualHandling',
          actions: escalate('notifyMerchant', 'businessFailureAfterPivot'),
        },
      },
      initial: 'awaitingReply',
      states: {
        awaitingReply: {
          tags: ['awaitingReply'],
          entry: { type: 'notifyMerchant', params: stepRequest },
          on: {
            'step.failed': [
              {
                guard: and([
                  replyTo('notifyMerchant'),
                  'isTechnicalFailure',
                  'isCurrentAttempt',
                  'canRedeliverNotification',
                ]),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('notifyMerchant'), 'isTechnicalFailure', 'isCurrentAttempt']),
                target: '#orderSaga.needsManualHandling',
                actions: escalate('notifyMerchant', 'deadLettered'),
              },
            ],
            'step.timedOut': [
              {
                guard: and([
                  replyTo('notifyMerchant'),
                  'isCurrentAttempt',
                  'canRedeliverNotification',
                ]),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('notifyMerchant'), 'isCurrentAttempt']),
                target: '#orderSaga.needsManualHandling',
                actions: escalate('notifyMerchant', 'deadLettered'),
              },
            ],
          },
        },
        backingOff: {
          after: { notifyRetryDelay: { target: 'awaitingReply', actions: 'startNextAttempt' } },
        },
      },
    },

    // ---- Backward: compensations in reverse order, retried until they succeed. ----
    refundingPayment: {
      tags: ['compensating'],
      entry: 'startStep',
      on: {
        'step.succeeded': { guard: replyTo('refundPayment'), target: 'releasingRider' },
        'step.failed': {
          guard: and([replyTo('refundPayment'), 'isBusinessFailure']),
          target: 'needsManualHandling',
          actions: escalate('refundPayment', 'compensationRefused'),
        },
      },
      initial: 'awaitingReply',
      states: {
        awaitingReply: {
          tags: ['awaitingReply'],
          entry: { type: 'refundPayment', params: stepRequest },
          on: {
            'step.failed': [
              {
                guard: and([
                  replyTo('refundPayment'),
                  'isTechnicalFailure',
                  'isCurrentAttempt',
                  'canRetryCompensation',
                ]),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('refundPayment'), 'isTechnicalFailure', 'isCurrentAttempt']),
                target: '#orderSaga.needsManualHandling',
                actions: escalate('refundPayment', 'compensationRetriesExhausted'),
              },
            ],
            'step.timedOut': [
              {
                guard: and([replyTo('refundPayment'), 'isCurrentAttempt', 'canRetryCompensation']),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('refundPayment'), 'isCurrentAttempt']),
                target: '#orderSaga.needsManualHandling',
                actions: escalate('refundPayment', 'compensationRetriesExhausted'),
              },
            ],
          },
        },
        backingOff: {
          after: { retryBackoff: { target: 'awaitingReply', actions: 'startNextAttempt' } },
        },
      },
    },

    releasingRider: {
      tags: ['compensating'],
      entry: 'startStep',
      on: {
        'step.succeeded': { guard: replyTo('releaseRider'), target: 'rejectingOrder' },
        'step.failed': {
          guard: and([replyTo('releaseRider'), 'isBusinessFailure']),
          target: 'needsManualHandling',
          actions: escalate('releaseRider', 'compensationRefused'),
        },
      },
      initial: 'awaitingReply',
      states: {
        awaitingReply: {
          tags: ['awaitingReply'],
          entry: { type: 'releaseRider', params: stepRequest },
          on: {
            'step.failed': [
              {
                guard: and([
                  replyTo('releaseRider'),
                  'isTechnicalFailure',
                  'isCurrentAttempt',
                  'canRetryCompensation',
                ]),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('releaseRider'), 'isTechnicalFailure', 'isCurrentAttempt']),
                target: '#orderSaga.needsManualHandling',
                actions: escalate('releaseRider', 'compensationRetriesExhausted'),
              },
            ],
            'step.timedOut': [
              {
                guard: and([replyTo('releaseRider'), 'isCurrentAttempt', 'canRetryCompensation']),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('releaseRider'), 'isCurrentAttempt']),
                target: '#orderSaga.needsManualHandling',
                actions: escalate('releaseRider', 'compensationRetriesExhausted'),
              },
            ],
          },
        },
        backingOff: {
          after: { retryBackoff: { target: 'awaitingReply', actions: 'startNextAttempt' } },
        },
      },
    },

    rejectingOrder: {
      tags: ['compensating'],
      entry: 'startStep',
      on: {
        'step.succeeded': { guard: replyTo('rejectOrder'), target: 'compensated' },
        'step.failed': {
          guard: and([replyTo('rejectOrder'), 'isBusinessFailure']),
          target: 'needsManualHandling',
          actions: escalate('rejectOrder', 'compensationRefused'),
        },
      },
      initial: 'awaitingReply',
      states: {
        awaitingReply: {
          tags: ['awaitingReply'],
          entry: { type: 'rejectOrder', params: stepRequest },
          on: {
            'step.failed': [
              {
                guard: and([
                  replyTo('rejectOrder'),
                  'isTechnicalFailure',
                  'isCurrentAttempt',
                  'canRetryCompensation',
                ]),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('rejectOrder'), 'isTechnicalFailure', 'isCurrentAttempt']),
                target: '#orderSaga.needsManualHandling',
                actions: escalate('rejectOrder', 'compensationRetriesExhausted'),
              },
            ],
            'step.timedOut': [
              {
                guard: and([replyTo('rejectOrder'), 'isCurrentAttempt', 'canRetryCompensation']),
                target: 'backingOff',
              },
              {
                guard: and([replyTo('rejectOrder'), 'isCurrentAttempt']),
                target: '#orderSaga.needsManualHandling',
                actions: escalate('rejectOrder', 'compensationRetriesExhausted'),
              },
            ],
          },
        },
        backingOff: {
          after: { retryBackoff: { target: 'awaitingReply', actions: 'startNextAttempt' } },
        },
      },
    },

    // ---- Terminal. ----
    completed: {
      type: 'final',
      entry: { type: 'settle', params: { outcome: 'completed' } },
    },
    compensated: {
      type: 'final',
      entry: { type: 'settle', params: { outcome: 'compensated' } },
    },
    /** persistOrder refused (validation, business rule): no order exists, nothing to undo. */
    rejected: {
      type: 'final',
      entry: { type: 'settle', params: { outcome: 'rejected' } },
    },
    /** The saga can neither finish nor undo on its own. */
    needsManualHandling: {
      type: 'final',
      tags: ['needsManualHandling'],
      entry: { type: 'settle', params: { outcome: 'needsManualHandling' } },
    },
  },
});

export type OrderSagaMachine = typeof orderSagaMachine;
