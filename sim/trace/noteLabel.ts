import type { NoteKind } from './traceTypes';

const FIXED: Partial<Record<NoteKind, string>> = {
  cacheHit: 'HIT',
  cacheMiss: 'MISS',
  staleHit: 'STALE HIT',
  localHit: 'LOCAL HIT',
  masterRead: 'master read',
  staleRead: 'STALE READ',
  degraded: 'skipped (degraded)',
  rateLimited: 'RATE LIMITED: not permitted',
  bulkheadFull: 'BULKHEAD FULL',
  fallback: 'fallback',
  keyConflict: '409: first attempt in flight',
  keyMismatch: '400: other parameters',
  compensating: 'compensating',
  duplicateDelivery: 'duplicate delivery, nobody waits',
  duplicateSuppressed: 'DUPLICATE: suppressed',
  replyLost: 'REPLY LOST: instance crashed',
  declaredLost: 'declared lost by the scheduled job',
};

/**
 * The badge text of an annotation; `value` in seconds for a replica's lag, an HTTP status for a
 * replayed response, an attempt number for a saga step's retry.
 */
export function noteLabel(kind: NoteKind, value?: number): string {
  if (kind === 'replicaRead') return `replica, lag ${((value ?? 0) * 1000).toFixed(1)} ms`;
  if (kind === 'keyReplayed') return `replayed ${value ?? '?'} from the key store`;
  if (kind === 'stepRetry') return `attempt ${value ?? '?'}`;
  return FIXED[kind] ?? kind;
}
