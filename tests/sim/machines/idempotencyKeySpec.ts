/**
 * Stripe's idempotency-key rules (SEMANTICS.md section 2) written a second time as a plain
 * function, independently of the machine: the state a key is in after an event, and the outcome
 * the client sees. The tests compare the machine against it on every edge, path and random walk.
 */
import { expect } from 'vitest';
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import {
  CONFLICT_STATUS,
  IDEMPOTENCY_ERROR_STATUS,
  type IdempotencyKeyConfig,
  type IdempotencyKeyEvent,
  type StoredResponse,
} from '../../../sim/machines/idempotencyKey.machine';

export const KEY = 'idem-7f3a';

export const KEY_INTENTS = [
  'processRequest',
  'replayResponse',
  'refuseConcurrentRequest',
  'refuseMismatchedParams',
  'purgeKey',
] as const;

export type KeyPhase = 'absent' | 'held' | 'leased' | 'stale' | 'completed' | 'expired';

export interface KeyView {
  readonly phase: KeyPhase;
  readonly fingerprint: string | null;
  readonly response: StoredResponse | null;
}

export function keyView(snapshot: AnyMachineSnapshot): KeyView {
  const value = snapshot.value as string | { inFlight: string };
  const context = snapshot.context as {
    fingerprint: string | null;
    response: StoredResponse | null;
  };
  return {
    phase: (typeof value === 'string' ? value : value.inFlight) as KeyPhase,
    fingerprint: context.fingerprint,
    response: context.response,
  };
}

const inFlight = (phase: KeyPhase) => phase === 'held' || phase === 'leased' || phase === 'stale';

export interface Expected {
  readonly next: KeyView;
  readonly effects: { type: string; params: unknown }[];
}

export function expectedKeyStep(
  prev: KeyView,
  event: EventObject,
  config: IdempotencyKeyConfig,
): Expected {
  const same = { next: prev, effects: [] };
  const locked = (fingerprint: string): KeyView => ({
    phase: config.lockTimeoutMs === null ? 'held' : 'leased',
    fingerprint,
    response: null,
  });
  const free: KeyView = { phase: 'absent', fingerprint: null, response: null };

  if (event.type === `xstate.after.lockTimeout.idempotencyKey.inFlight.leased`) {
    if (prev.phase !== 'leased') throw new Error(`lock timer fired in ${prev.phase}`);
    return { next: { ...prev, phase: 'stale' }, effects: [] };
  }
  if (event.type === `xstate.after.retention.idempotencyKey.completed`) {
    if (prev.phase !== 'completed') throw new Error(`retention timer fired in ${prev.phase}`);
    return {
      next: { phase: 'expired', fingerprint: null, response: null },
      effects: [{ type: 'purgeKey', params: { key: KEY } }],
    };
  }
  const e = event as IdempotencyKeyEvent;
  switch (e.type) {
    case 'request.received': {
      const f = e.fingerprint;
      if (prev.phase === 'absent' || prev.phase === 'expired') {
        return {
          next: locked(f),
          effects: [
            {
              type: 'processRequest',
              params: { key: KEY, fingerprint: f, tookOverStaleLock: false },
            },
          ],
        };
      }
      if (f !== prev.fingerprint) {
        return { next: prev, effects: [{ type: 'refuseMismatchedParams', params: mismatch() }] };
      }
      if (prev.phase === 'completed') {
        return {
          next: prev,
          effects: [{ type: 'replayResponse', params: { key: KEY, response: prev.response } }],
        };
      }
      if (prev.phase === 'stale') {
        return {
          next: locked(f),
          effects: [
            {
              type: 'processRequest',
              params: { key: KEY, fingerprint: f, tookOverStaleLock: true },
            },
          ],
        };
      }
      return { next: prev, effects: [{ type: 'refuseConcurrentRequest', params: conflict() }] };
    }
    case 'request.completed':
      return inFlight(prev.phase)
        ? {
            next: { phase: 'completed', fingerprint: prev.fingerprint, response: e.response },
            effects: [],
          }
        : same;
    case 'request.validationFailed':
    case 'request.aborted':
      return inFlight(prev.phase) ? { next: free, effects: [] } : same;
  }
}

function mismatch() {
  return {
    key: KEY,
    status: IDEMPOTENCY_ERROR_STATUS,
    type: 'idempotency_error',
    message: expect.stringContaining(KEY),
  };
}

function conflict() {
  return {
    key: KEY,
    status: CONFLICT_STATUS,
    type: 'conflict',
    message: expect.stringContaining('in progress'),
  };
}

export const RESPONSES: readonly StoredResponse[] = [
  { status: 201, body: 'order:1' },
  { status: 500, body: 'internal error' },
];

export function keyEvents(): IdempotencyKeyEvent[] {
  return [
    { type: 'request.received', fingerprint: 'A' },
    { type: 'request.received', fingerprint: 'B' },
    ...RESPONSES.map((response) => ({ type: 'request.completed' as const, response })),
    { type: 'request.validationFailed' },
    { type: 'request.aborted' },
  ];
}
