/**
 * What a per-request trace holds: plain data, so it crosses the worker boundary as it is.
 *
 * Time accounting (checked by `traceAccounting`): a hop's span is `queued + service`, where
 * queued = (started ?? ended) - arrived and service = ended - started. The hops of one attempt
 * at the top level (depth 0) follow each other without a gap (the network has no delay), so an
 * attempt's span is the sum of its top-level hops, and a request's latency is the sum of its
 * attempts' spans and the backoffs between them. Calls made while serving a hop (depth + 1) lie
 * inside that hop's service.
 */

/** How one station visit ended, as the caller saw it. */
export type HopOutcome =
  | 'ok'
  | 'error'
  | 'rejected'
  | 'shed'
  | 'unavailable'
  /** The caller stopped waiting (a client or call timeout, or its own caller was cancelled). */
  | 'timeout'
  /** Still queued or in service when the trace was read. */
  | 'open';

/** How one attempt, or the whole logical request, ended for the client. */
export type RequestOutcome = 'ok' | 'timeout' | 'rejected' | 'unavailable' | 'error' | 'open';

export type NoteKind =
  | 'cacheHit'
  | 'cacheMiss'
  | 'staleHit'
  | 'localHit'
  | 'replicaRead'
  | 'masterRead'
  | 'staleRead'
  | 'breaker'
  | 'breakerRejected'
  | 'degraded'
  | 'rateLimited'
  | 'bulkheadFull'
  | 'fallback'
  // The order flow's calls (sim/model/orders/orderFlow.ts).
  /** The key check found a stored response and replayed it; `value` is its status. */
  | 'keyReplayed'
  /** The key check found the first attempt still in flight: 409. */
  | 'keyConflict'
  /** The key check found other parameters under the same key: 400. */
  | 'keyMismatch'
  /** A saga step's retry; `value` is the attempt number. */
  | 'stepRetry'
  /** A compensation step (refund, release, reject) undoing an earlier step. */
  | 'compensating'
  /** A copy of the call delivered again (a duplicateCalls fault): nobody waits for its reply. */
  | 'duplicateDelivery'
  /** The service had seen this call before and applied nothing (its idempotency). */
  | 'duplicateSuppressed'
  /** The order-service instance crashed: the reply can no longer reach the saga. */
  | 'replyLost'
  /** The scheduled compensation job declared the attempt lost. */
  | 'declaredLost';

/** An annotation shown as a badge; `value` carries a number when there is one (lag, seconds). */
export interface TraceNote {
  kind: NoteKind;
  label: string;
  value?: number;
}

export interface TraceHop {
  /** Station id. */
  station: string;
  /** What the caller asked for ("cache lookup", "db read", "call"), '' for a top-level visit. */
  call: string;
  /** Index of the hop whose service made this call, -1 at the top level. */
  parent: number;
  depth: number;
  /** Index into the trace's `attempts`. */
  attempt: number;
  arrived: number;
  /** When service started, null when it never did (rejected, or given up while queued). */
  started: number | null;
  ended: number;
  outcome: HopOutcome;
  notes: TraceNote[];
}

export interface TraceAttempt {
  /** 1 for the first attempt, 2 for the first retry... */
  number: number;
  sent: number;
  ended: number;
  outcome: RequestOutcome;
  /** Seconds between the previous attempt's end and this one's send (0 for the first). */
  backoff: number;
}

export interface Trace {
  /** The logical request number (shared by its retries and its calls). */
  id: number;
  source: string;
  start: number;
  end: number;
  latency: number;
  outcome: RequestOutcome;
  /**
   * False for a failed request that was not sampled: only each attempt's station visit and the
   * calls in flight when it failed are known, not the calls that had already returned.
   */
  complete: boolean;
  attempts: TraceAttempt[];
  hops: TraceHop[];
}

/** One line of a trace list. */
export interface TraceSummary {
  id: number;
  source: string;
  start: number;
  end: number;
  latency: number;
  outcome: RequestOutcome;
  attempts: number;
  hops: number;
  complete: boolean;
}

export function summarise(trace: Trace): TraceSummary {
  return {
    id: trace.id,
    source: trace.source,
    start: trace.start,
    end: trace.end,
    latency: trace.latency,
    outcome: trace.outcome,
    attempts: trace.attempts.length,
    hops: trace.hops.length,
    complete: trace.complete,
  };
}

export const hopQueued = (hop: TraceHop): number => (hop.started ?? hop.ended) - hop.arrived;
export const hopService = (hop: TraceHop): number =>
  hop.started === null ? 0 : hop.ended - hop.started;
