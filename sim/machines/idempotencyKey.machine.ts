import { assign, not, setup } from 'xstate';

/**
 * One idempotency key's life, with Stripe's semantics (SEMANTICS.md section 2):
 *
 *   absent --request--> inFlight (locked) --completed--> completed (response stored)
 *                                                           --retention--> expired --request--> ...
 *
 * - The first request with a key locks it and is processed (`processRequest`: the endpoint runs and
 *   its side effects happen).
 * - The response is stored once the endpoint has executed, whatever its status (500s included);
 *   a retry with the same parameters gets it back (`replayResponse`) with no side effect.
 * - Same key, different parameters (fingerprint of params + endpoint): refused with an
 *   `idempotency_error` (`refuseMismatchedParams`, 400), in flight or completed.
 * - A retry while the first request is still in flight: 409 Conflict (`refuseConcurrentRequest`),
 *   safe to retry; nothing is stored for it.
 * - Parameters that fail validation store nothing (`request.validationFailed`: the key is released
 *   and a corrected request with the same key is processed). Likewise when the endpoint ends
 *   without a response to store (`request.aborted`: a crash, or Brandur's serialization failure
 *   answered 429 "retry with the same key").
 * - A stored response is kept for `retentionMs` (Stripe: keys may be removed once at least 24 h
 *   old; counted here from completion, which satisfies "at least"). Then the key is purged
 *   (`purgeKey`) and reusing it is a new request.
 * - Option `lockTimeoutMs` (Brandur's design: 90 s): a lock older than that no longer blocks; a
 *   retry with the same parameters takes the lock over and is processed again. This trades the
 *   risk of running the side effects twice against keys stuck behind a crashed holder; null (the
 *   default, Stripe's documented behaviour) never times out.
 *
 * The machine performs no side effect: the outcomes are intents (actions) the runner provides with
 * `.provide({ actions })`; the defaults throw. Delays are XState milliseconds (kernelClock.ts),
 * named `retention` and `lockTimeout`.
 */

export interface StoredResponse {
  readonly status: number;
  readonly body: string;
}

export interface IdempotencyKeyConfig {
  /** How long a stored response is kept, in ms. */
  readonly retentionMs: number;
  /** A lock older than this may be taken over, in ms; null: locks never time out. */
  readonly lockTimeoutMs: number | null;
}

export const STRIPE_RETENTION_MS = 24 * 60 * 60 * 1000;
export const BRANDUR_LOCK_TIMEOUT_MS = 90 * 1000;

export const DEFAULT_IDEMPOTENCY_KEY_CONFIG: IdempotencyKeyConfig = Object.freeze({
  retentionMs: STRIPE_RETENTION_MS,
  lockTimeoutMs: null,
});

export type IdempotencyKeyEvent =
  /** A request arrived with this key; `fingerprint` identifies its parameters and endpoint. */
  | { type: 'request.received'; fingerprint: string }
  /** The endpoint executed and produced this response (any status). */
  | { type: 'request.completed'; response: StoredResponse }
  /** The parameters failed validation before the endpoint executed. */
  | { type: 'request.validationFailed' }
  /** The endpoint ended without a response to store. */
  | { type: 'request.aborted' };

export interface IdempotencyKeyInput {
  readonly key: string;
  readonly config?: Partial<IdempotencyKeyConfig>;
}

export interface IdempotencyKeyContext {
  readonly key: string;
  readonly config: IdempotencyKeyConfig;
  /** Fingerprint of the request that holds the key (in flight) or created the stored response. */
  fingerprint: string | null;
  response: StoredResponse | null;
}

/** Stripe answers a parameter mismatch with an `idempotency_error`, status 400. */
export const IDEMPOTENCY_ERROR_STATUS = 400;
export const CONFLICT_STATUS = 409;

export interface ProcessRequest {
  readonly key: string;
  readonly fingerprint: string;
  /** True when a stale lock was taken over: the first holder may have run the effects too. */
  readonly tookOverStaleLock: boolean;
}

export interface ReplayResponse {
  readonly key: string;
  readonly response: StoredResponse;
}

export interface Refusal {
  readonly key: string;
  readonly status: typeof IDEMPOTENCY_ERROR_STATUS | typeof CONFLICT_STATUS;
  readonly type: 'idempotency_error' | 'conflict';
  readonly message: string;
}

export type IdempotencyKeyTag = 'locked';

function intent<P>(name: string): (_args: unknown, _params: P) => void {
  return () => {
    throw new Error(`idempotencyKey: action "${name}" was not provided (use machine.provide)`);
  };
}

type Args = { context: IdempotencyKeyContext; event: IdempotencyKeyEvent };

const fingerprintOf = (event: IdempotencyKeyEvent): string =>
  event.type === 'request.received' ? event.fingerprint : '';

const processParams =
  (tookOverStaleLock: boolean) =>
  ({ context, event }: Args): ProcessRequest => ({
    key: context.key,
    fingerprint: fingerprintOf(event),
    tookOverStaleLock,
  });

/** `completed` is only entered with a response stored. */
function storedResponse(context: IdempotencyKeyContext): StoredResponse {
  if (context.response === null)
    throw new Error(`idempotencyKey ${context.key}: no stored response`);
  return context.response;
}

const refuseMismatchedParams = {
  type: 'refuseMismatchedParams' as const,
  params: ({ context }: Args): Refusal => ({
    key: context.key,
    status: IDEMPOTENCY_ERROR_STATUS,
    type: 'idempotency_error',
    message:
      `Idempotency key "${context.key}" was first used with different parameters; ` +
      'use a new key for a different request.',
  }),
};

export const idempotencyKeyMachine = setup({
  types: {
    context: {} as IdempotencyKeyContext,
    events: {} as IdempotencyKeyEvent,
    input: {} as IdempotencyKeyInput,
    tags: {} as IdempotencyKeyTag,
  },
  guards: {
    isSameRequest: ({ context, event }) =>
      event.type === 'request.received' && event.fingerprint === context.fingerprint,
    hasLockTimeout: ({ context }) => context.config.lockTimeoutMs !== null,
  },
  actions: {
    processRequest: intent<ProcessRequest>('processRequest'),
    replayResponse: intent<ReplayResponse>('replayResponse'),
    refuseConcurrentRequest: intent<Refusal>('refuseConcurrentRequest'),
    refuseMismatchedParams: intent<Refusal>('refuseMismatchedParams'),
    /** The stored response may be deleted now. */
    purgeKey: intent<{ key: string }>('purgeKey'),
    lockKey: assign({ fingerprint: ({ event }) => fingerprintOf(event) }),
    storeResponse: assign({
      response: ({ event }) => (event.type === 'request.completed' ? event.response : null),
    }),
    forgetRequest: assign({ fingerprint: null, response: null }),
  },
  delays: {
    retention: ({ context }) => context.config.retentionMs,
    // Only scheduled in `leased`, which `hasLockTimeout` guards.
    lockTimeout: ({ context }) => context.config.lockTimeoutMs ?? Infinity,
  },
}).createMachine({
  id: 'idempotencyKey',
  context: ({ input }) => ({
    key: input.key,
    config: { ...DEFAULT_IDEMPOTENCY_KEY_CONFIG, ...input.config },
    fingerprint: null,
    response: null,
  }),
  initial: 'absent',
  states: {
    absent: {
      on: {
        'request.received': {
          target: 'inFlight',
          actions: ['lockKey', { type: 'processRequest', params: processParams(false) }],
        },
      },
    },

    inFlight: {
      tags: ['locked'],
      on: {
        'request.received': [
          { guard: not('isSameRequest'), actions: refuseMismatchedParams },
          {
            actions: {
              type: 'refuseConcurrentRequest',
              params: ({ context }) => ({
                key: context.key,
                status: CONFLICT_STATUS,
                type: 'conflict',
                message: `A request with idempotency key "${context.key}" is still in progress; retry later.`,
              }),
            },
          },
        ],
        'request.completed': { target: 'completed', actions: 'storeResponse' },
        'request.validationFailed': { target: 'absent', actions: 'forgetRequest' },
        'request.aborted': { target: 'absent', actions: 'forgetRequest' },
      },
      initial: 'locking',
      states: {
        /** Transient: does this lock time out? */
        locking: {
          always: [{ guard: 'hasLockTimeout', target: 'leased' }, { target: 'held' }],
        },
        /** Locked until the request ends (Stripe). */
        held: {},
        /** Locked for at most lockTimeoutMs (Brandur). */
        leased: {
          after: { lockTimeout: 'stale' },
        },
        /** The lock timed out: a retry with the same parameters takes it over. */
        stale: {
          on: {
            'request.received': {
              guard: 'isSameRequest',
              target: '#idempotencyKey.inFlight',
              reenter: true,
              actions: { type: 'processRequest', params: processParams(true) },
            },
          },
        },
      },
    },

    completed: {
      after: { retention: 'expired' },
      on: {
        'request.received': [
          {
            guard: 'isSameRequest',
            actions: {
              type: 'replayResponse',
              params: ({ context }) => ({
                key: context.key,
                response: storedResponse(context),
              }),
            },
          },
          { actions: refuseMismatchedParams },
        ],
      },
    },

    /** The record is gone: the key is free, and reusing it is a new request. */
    expired: {
      entry: [
        'forgetRequest',
        { type: 'purgeKey', params: ({ context }) => ({ key: context.key }) },
      ],
      on: {
        'request.received': {
          target: 'inFlight',
          actions: ['lockKey', { type: 'processRequest', params: processParams(false) }],
        },
      },
    },
  },
});

export type IdempotencyKeyMachine = typeof idempotencyKeyMachine;
