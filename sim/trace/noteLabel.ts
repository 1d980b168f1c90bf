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
};

/** The badge text of an annotation; `value` in seconds where the kind has one. */
export function noteLabel(kind: NoteKind, value?: number): string {
  if (kind === 'replicaRead') return `replica, lag ${((value ?? 0) * 1000).toFixed(1)} ms`;
  return FIXED[kind] ?? kind;
}
