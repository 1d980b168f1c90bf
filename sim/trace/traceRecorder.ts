import type { Kernel } from '../kernel/kernel';
import type { Network } from '../model/network/network';
import { Place, type RequestTable } from '../model/requests/requestTable';
import type { CallGuard } from '../model/service/callGuard';
import type { Step } from '../model/service/endpointProgram';
import type { RetryOn } from '../model/sources/retryPolicy';
import type { RejectReason } from '../model/station/station';
import type { Simulation } from '../scenarios/simulation';
import { callLabel, readDatabase, replicaLag } from './callLabel';
import { flowCallLabel, isCompensation } from './flowCallLabel';
import { noteLabel } from './noteLabel';
import type { RequestTracer } from './requestTracer';
import { DEFAULT_STORE_LIMITS, TraceStore, type TraceStoreLimits } from './traceStore';
import type {
  HopOutcome,
  NoteKind,
  RequestOutcome,
  Trace,
  TraceHop,
  TraceNote,
} from './traceTypes';

export interface TraceOptions {
  /**
   * Logical requests recorded hop by hop, per source and simulated second. Sampling is by time,
   * not by a random draw, so a traced run is the same run; by time rather than every k-th id so
   * a source of 2 requests/s and one of 200,000/s both show up. Failures are always recorded.
   */
  samplesPerSecond: number;
  limits: TraceStoreLimits;
}

export const DEFAULT_TRACE_OPTIONS: TraceOptions = {
  samplesPerSecond: 20,
  limits: DEFAULT_STORE_LIMITS,
};

/** A trace being recorded, with the request-table row behind each of its hops. */
interface OpenTrace {
  trace: Trace;
  hopRows: number[];
}

/** What the recorder knows about a traced row while it is alive. */
interface RowState {
  open: OpenTrace;
  attempt: number;
  /** The hop whose service made this call, -1 for an attempt. */
  parentHop: number;
  /** Its open hop, -1 between stations. */
  hop: number;
  /** Its latest hop, open or not. */
  lastHop: number;
  call: string;
  notes: TraceNote[];
}

const TRACED = 1;
/** A retry of a request that was not sampled: only its failures are recorded. */
const FAILURES_ONLY = 2;

const REJECT_OUTCOME: Record<RejectReason, HopOutcome> = {
  queueFull: 'rejected',
  rateLimited: 'rejected',
  shed: 'shed',
  unavailable: 'unavailable',
};

/**
 * Records per-request traces: a sample of logical requests hop by hop (attempts, station visits
 * with queued and in-service time, nested calls, cache, replica and breaker annotations), and
 * every request that fails for good. It draws no random number and schedules no event, so the
 * run's figures are the same with or without it. Attach it before the run starts.
 */
export class TraceRecorder implements RequestTracer {
  readonly store: TraceStore;
  private table!: RequestTable;
  private kernel!: Kernel;
  private network!: Network;
  private stationNames: string[] = [];
  private readonly nextSampleAt: number[] = [];
  private readonly sampleGap: number;
  private rows: (RowState | undefined)[] = [];
  private readonly open = new Map<number, OpenTrace>();
  /** Unsampled requests with a failed attempt, until they succeed or fail for good. */
  private readonly failing = new Map<number, OpenTrace>();
  /** Where the last untraced rejection or error happened: read by the `attemptFailed` after it. */
  private lastFailureRow = -1;
  private lastFailureStation = -1;
  private lastFailureReason: HopOutcome = 'error';

  constructor(
    duration: number,
    readonly options: TraceOptions = DEFAULT_TRACE_OPTIONS,
  ) {
    this.store = new TraceStore(duration, options.limits);
    this.sampleGap = options.samplesPerSecond > 0 ? 1 / options.samplesPerSecond : Infinity;
  }

  static attachedTo(sim: Simulation, options: TraceOptions = DEFAULT_TRACE_OPTIONS): TraceRecorder {
    const recorder = new TraceRecorder(sim.duration, options);
    recorder.attach(sim);
    return recorder;
  }

  attach(sim: Simulation): void {
    this.kernel = sim.kernel;
    this.network = sim.network;
    this.table = sim.network.table;
    this.stationNames = sim.stations.map((s) => s.id);
    sim.network.tracer = this;
    for (const station of sim.stations) station.tracer = this;
  }

  /** Traces still being recorded, as they stand now (open hops shown as such). */
  get inProgress(): number {
    return this.open.size;
  }

  // Sources.

  requestSent(request: number): void {
    const table = this.table;
    const source = table.source[request]!;
    const now = this.kernel.now;
    if (now < (this.nextSampleAt[source] ?? 0)) return;
    this.nextSampleAt[source] = now + this.sampleGap;
    const open = this.openTrace(table.logical[request]!, source, now, true);
    this.open.set(open.trace.id, open);
    this.track(request, open, 0, -1, '');
  }

  attemptFailed(request: number, reason: RetryOn): void {
    const table = this.table;
    const now = this.kernel.now;
    if (table.traced[request] === TRACED) {
      const row = this.rows[request]!;
      const attempt = row.open.trace.attempts[row.attempt]!;
      attempt.ended = now;
      attempt.outcome = reason;
      this.closeWhere(row.open, (hop) => hop.attempt === row.attempt, now);
      this.untrack(request, row.open);
      return;
    }
    const logical = table.logical[request]!;
    let open = this.failing.get(logical);
    if (open === undefined) {
      open = this.openTrace(logical, table.source[request]!, table.originTime[request]!, false);
      this.failing.set(logical, open);
    }
    const attemptIndex = open.trace.attempts.length - 1;
    const attempt = open.trace.attempts[attemptIndex]!;
    attempt.ended = now;
    attempt.outcome = reason;
    this.recordPathInFlight(open, request, attemptIndex, now);
    table.traced[request] = 0;
  }

  retryScheduled(next: number, logical: number, backoff: number): void {
    const full = this.open.get(logical);
    const open = full ?? this.failing.get(logical);
    if (open === undefined) return;
    const now = this.kernel.now;
    const attempts = open.trace.attempts;
    attempts.push({
      number: this.table.attempt[next]!,
      sent: now + backoff,
      ended: -1,
      outcome: 'open',
      backoff,
    });
    if (full) {
      this.track(next, open, attempts.length - 1, -1, '');
    } else {
      // A fresh row: what the recorder still holds for its index is a released row's.
      this.rows[next] = undefined;
      this.table.traced[next] = FAILURES_ONLY;
    }
  }

  requestFailed(logical: number, reason: RetryOn): void {
    const open = this.open.get(logical) ?? this.failing.get(logical);
    if (open === undefined) return;
    this.open.delete(logical);
    this.failing.delete(logical);
    this.finish(open, reason);
  }

  requestSucceeded(request: number): void {
    const table = this.table;
    if (table.traced[request] === FAILURES_ONLY) {
      this.failing.delete(table.logical[request]!);
      table.traced[request] = 0;
      return;
    }
    const row = this.rows[request];
    if (row === undefined) return;
    const attempt = row.open.trace.attempts[row.attempt]!;
    attempt.ended = this.kernel.now;
    attempt.outcome = 'ok';
    this.untrack(request, row.open);
    this.open.delete(row.open.trace.id);
    this.finish(row.open, 'ok');
  }

  // Stations.

  arrived(request: number, station: number, now: number): void {
    const row = this.rows[request];
    if (row === undefined) {
      this.table.traced[request] = 0;
      return;
    }
    const hops = row.open.trace.hops;
    const parent = row.parentHop;
    if (parent >= 0 && hops[parent]!.outcome !== 'open') {
      // Sent just before its caller's visit ended (an order flow sends from an event of its
      // own): nobody waits for it, and a hop after its caller's end would break the accounting.
      this.untrack(request, row.open);
      return;
    }
    hops.push({
      station: this.stationNames[station] ?? String(station),
      call: row.call,
      parent,
      depth: parent >= 0 ? hops[parent]!.depth + 1 : 0,
      attempt: row.attempt,
      arrived: now,
      started: null,
      ended: -1,
      outcome: 'open',
      notes: row.notes,
    });
    row.open.hopRows.push(request);
    row.hop = row.lastHop = hops.length - 1;
    // A request routed on to another station visits it as itself, not as this call.
    row.call = '';
    row.notes = [];
  }

  started(request: number, now: number): void {
    const hop = this.openHop(request);
    if (hop !== null) hop.started = now;
  }

  ended(request: number, station: number, failed: boolean, now: number): void {
    if (this.table.traced[request] !== TRACED) {
      this.lastFailureRow = request;
      this.lastFailureStation = station;
      this.lastFailureReason = 'error';
      return;
    }
    this.endHop(request, failed ? 'error' : 'ok', now);
  }

  rejected(request: number, station: number, reason: RejectReason): void {
    if (this.table.traced[request] !== TRACED) {
      this.lastFailureRow = request;
      this.lastFailureStation = station;
      this.lastFailureReason = REJECT_OUTCOME[reason];
      return;
    }
    this.endHop(request, REJECT_OUTCOME[reason], this.kernel.now);
  }

  abandoned(request: number): void {
    const row = this.rows[request];
    if (row === undefined) return;
    const now = this.kernel.now;
    const from = row.hop;
    if (from >= 0) {
      const inside = this.callsOf(row.open, from);
      this.closeWhere(row.open, (_, i) => inside.has(i), now);
    }
    this.untrack(request, row.open);
  }

  // Endpoint programs.

  called(parent: number, child: number, target: number, step: Step): void {
    const from = this.rows[parent];
    if (from === undefined) return;
    const phase = this.table.phase[parent]!;
    this.track(child, from.open, from.attempt, from.hop, callLabel(step, phase, target));
    const db = readDatabase(step, phase);
    if (db !== undefined) {
      const row = this.rows[child]!;
      if (target === db.master) row.notes.push(this.noteOf('masterRead'));
      else row.notes.push(this.noteOf('replicaRead', replicaLag(db, target, this.kernel.now)));
    }
  }

  // Order flows.

  flowCalled(parent: number, child: number, step: number, attempt: number, copy: boolean): void {
    const from = this.rows[parent];
    if (from === undefined || from.hop < 0) return;
    this.track(child, from.open, from.attempt, from.hop, flowCallLabel(step));
    const notes = this.rows[child]!.notes;
    if (isCompensation(step)) notes.push(this.noteOf('compensating'));
    if (attempt > 1) notes.push(this.noteOf('stepRetry', attempt));
    if (copy) notes.push(this.noteOf('duplicateDelivery'));
  }

  guarded(request: number, guard: CallGuard, permitted: boolean): void {
    const hop = this.openHop(request);
    if (hop === null) return;
    const state = guard.state ?? 'guard';
    hop.notes.push({
      kind: permitted ? 'breaker' : 'breakerRejected',
      label: permitted ? `breaker ${state}: permitted` : `BREAKER ${state}: not permitted`,
    });
  }

  hopOf(request: number): TraceHop | null {
    const row = this.rows[request];
    if (row === undefined || row.lastHop < 0) return null;
    return row.open.trace.hops[row.lastHop] ?? null;
  }

  note(hop: TraceHop | null, kind: NoteKind, value?: number): void {
    if (hop !== null) hop.notes.push(this.noteOf(kind, value));
  }

  // Inside.

  private noteOf(kind: NoteKind, value?: number): TraceNote {
    const label = noteLabel(kind, value);
    return value === undefined ? { kind, label } : { kind, label, value };
  }

  private openTrace(logical: number, source: number, start: number, complete: boolean): OpenTrace {
    return {
      trace: {
        id: logical,
        source: this.network.requesters[source]?.id ?? String(source),
        start,
        end: -1,
        latency: -1,
        outcome: 'open',
        complete,
        attempts: [{ number: 1, sent: start, ended: -1, outcome: 'open', backoff: 0 }],
        hops: [],
      },
      hopRows: [],
    };
  }

  private track(
    request: number,
    open: OpenTrace,
    attempt: number,
    parentHop: number,
    call: string,
  ) {
    this.table.traced[request] = TRACED;
    this.rows[request] = { open, attempt, parentHop, hop: -1, lastHop: -1, call, notes: [] };
  }

  /** Stops following `request`, unless its row already serves another traced request. */
  private untrack(request: number, open: OpenTrace): void {
    if (this.rows[request]?.open !== open) return;
    this.rows[request] = undefined;
    this.table.traced[request] = 0;
  }

  private openHop(request: number): TraceHop | null {
    const row = this.rows[request];
    if (row === undefined || row.hop < 0) return null;
    return row.open.trace.hops[row.hop]!;
  }

  private endHop(request: number, outcome: HopOutcome, now: number): void {
    const row = this.rows[request];
    const hop = this.openHop(request);
    if (row === undefined || hop === null) return;
    hop.ended = now;
    hop.outcome = outcome;
    const index = row.hop;
    row.hop = -1;
    this.closeOpenCalls(row.open, index, now);
  }

  /**
   * A visit ended: calls it made that are still open are given up. An endpoint program waits
   * for its calls (or abandons them) before it finishes, so this only ever finds the order
   * flow's second deliveries, which nobody waits for; it keeps every call inside its caller.
   */
  private closeOpenCalls(open: OpenTrace, from: number, now: number): void {
    const hops = open.trace.hops;
    let any = false;
    for (let i = from + 1; i < hops.length && !any; i++) any = hops[i]!.outcome === 'open';
    if (!any) return;
    const inside = this.callsOf(open, from);
    this.closeWhere(open, (_, i) => inside.has(i), now);
  }

  /** Hop `from` and every hop below it (calls, their calls...). */
  private callsOf(open: OpenTrace, from: number): Set<number> {
    const hops = open.trace.hops;
    const inside = new Set<number>([from]);
    for (let i = from + 1; i < hops.length; i++) {
      if (inside.has(hops[i]!.parent)) inside.add(i);
    }
    return inside;
  }

  /** Ends the open hops that match as given up on by their caller, and stops following them. */
  private closeWhere(
    open: OpenTrace,
    matches: (hop: TraceHop, index: number) => boolean,
    now: number,
  ): void {
    const hops = open.trace.hops;
    for (let i = 0; i < hops.length; i++) {
      const hop = hops[i]!;
      if (hop.outcome !== 'open' || !matches(hop, i)) continue;
      hop.ended = now;
      hop.outcome = 'timeout';
      const row = open.hopRows[i]!;
      const state = this.rows[row];
      if (state?.open === open) {
        state.hop = -1;
        if (row >= 0) this.untrack(row, open);
      }
    }
  }

  /**
   * An unsampled attempt failed: what its row still says is where it failed (the station that
   * refused or errored, told just before), or where it waited when the client gave up, with the
   * chain of calls it was waiting on.
   */
  private recordPathInFlight(open: OpenTrace, request: number, attempt: number, now: number) {
    const table = this.table;
    const hops = open.trace.hops;
    const failedHere = this.lastFailureRow === request;
    const station = failedHere ? this.lastFailureStation : table.station[request]!;
    this.lastFailureRow = -1;
    if (station < 0) return;
    const inService = failedHere
      ? this.lastFailureReason === 'error'
      : table.place[request] === Place.InService;
    const outcome: HopOutcome = failedHere ? this.lastFailureReason : 'timeout';
    let parent = -1;
    let row = request;
    for (let depth = 0; row >= 0 && (depth === 0 || table.station[row]! >= 0); depth++) {
      const at = depth === 0 ? station : table.station[row]!;
      const serving = depth === 0 ? inService : table.place[row] === Place.InService;
      hops.push({
        station: this.stationNames[at] ?? String(at),
        call: depth === 0 ? '' : 'call',
        parent,
        depth,
        attempt,
        arrived: depth === 0 && failedHere && !inService ? now : table.arrivedAt[row]!,
        started: serving ? table.serviceStart[row]! : null,
        ended: now,
        outcome: depth === 0 ? outcome : 'timeout',
        notes: [],
      });
      open.hopRows.push(-1);
      parent = hops.length - 1;
      if (outcome !== 'timeout') break;
      row = table.child[row]!;
    }
  }

  private finish(open: OpenTrace, outcome: RequestOutcome): void {
    const trace = open.trace;
    const now = this.kernel.now;
    this.closeWhere(open, () => true, now);
    for (const row of open.hopRows) if (row >= 0) this.untrack(row, open);
    trace.end = now;
    trace.latency = now - trace.start;
    trace.outcome = outcome;
    this.store.add(trace);
  }
}
