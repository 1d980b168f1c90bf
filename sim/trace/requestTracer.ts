import type { CallGuard } from '../model/service/callGuard';
import type { Step } from '../model/service/endpointProgram';
import type { RejectReason } from '../model/station/station';
import type { RetryOn } from '../model/sources/retryPolicy';
import type { NoteKind, TraceHop } from './traceTypes';

/**
 * The hooks the model calls when a recorder is attached (`network.tracer`, `station.tracer`).
 * With none attached each hook site costs one null check. Hooks about one request are called
 * only for rows marked in the request table's `traced` column (1: recorded hop by hop, 2: a
 * retry of an unsampled request whose earlier attempt failed), except where noted.
 */
export interface RequestTracer {
  /** A source made a new logical request (`request` is its first attempt): sample it or not. */
  requestSent(request: number): void;
  /** Any top-level attempt failed (traced or not): `request` still holds its columns. */
  attemptFailed(request: number, reason: RetryOn): void;
  /** Any logical request will be retried with attempt row `next` after `backoff` seconds. */
  retryScheduled(next: number, logical: number, backoff: number): void;
  /** Any logical request failed for good. */
  requestFailed(logical: number, reason: RetryOn): void;
  requestSucceeded(request: number): void;

  arrived(request: number, station: number, now: number): void;
  started(request: number, now: number): void;
  /** Service ended; called for untraced rows too when `failed`, so a failure knows where. */
  ended(request: number, station: number, failed: boolean, now: number): void;
  /** A station refused the request; called for untraced rows too. */
  rejected(request: number, station: number, reason: RejectReason): void;
  /**
   * The caller stopped waiting for `request` (a timeout, or the caller was cancelled); the row
   * may still be served (an order flow's call is not cancelled), but is no longer followed.
   */
  abandoned(request: number): void;

  /** A program serving `parent` sent `child` to `target` while running `step`. */
  called(parent: number, child: number, target: number, step: Step): void;
  /**
   * The order flow, placing an order for `parent` (which waits for the answer on its thread),
   * sent `child`: its key check (`step` KEY_CHECK) or attempt `attempt` of saga step `step` (a
   * SAGA_STEPS index); `copy` for a second delivery nobody waits for. Called only while the
   * client still waits for the answer (see OrderFlow.traceSagaCall).
   */
  flowCalled(parent: number, child: number, step: number, attempt: number, copy: boolean): void;
  /** A guard decided on a call of `request`. */
  guarded(request: number, guard: CallGuard, permitted: boolean): void;
  /**
   * The latest hop of traced row `request`, taken before acting on an answer: acting may end the
   * request and recycle its row, so the note is added to the hop afterwards with `note`.
   */
  hopOf(request: number): TraceHop | null;
  note(hop: TraceHop | null, kind: NoteKind, value?: number): void;
}
