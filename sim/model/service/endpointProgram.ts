import type { Kernel } from '../../kernel/kernel';
import type { RandomStream } from '../../kernel/rng';
import type { EventHandle } from '../../kernel/units';
import type { ReplicatedDatabase } from '../database/replicatedDatabase';
import type { Topic } from '../mq/topic';
import type { ShardedTable } from '../sharding/shardedTable';
import type { Distribution } from '../distributions/distribution';
import type { Network } from '../network/network';
import type { OrderClient, OrderFlow } from '../orders/orderFlow';
import type { FailureReason, Requester } from '../network/requester';
import type { ServiceProgram } from '../station/serviceProgram';
import type { Station } from '../station/station';
import type { AdmissionHost, CallAdmission, RefusalReason } from './callAdmission';
import type { CallGuard } from './callGuard';
import type { RequestTable } from '../requests/requestTable';
import type { RequestTracer } from '../../trace/requestTracer';
import type { NoteKind } from '../../trace/traceTypes';
import { CACHE_LOOKUP_PHASE } from '../../trace/callLabel';
import {
  CacheSteps,
  type CacheReadStep,
  type CachedWriteStep,
  type StepRunner,
} from './cacheSteps';

/** `fail`: the request fails; `fallback`: carry on without the answer (passive degradation). */
export type OnFailure = 'fail' | 'fallback';

export type Step =
  | { kind: 'work'; duration: Distribution }
  | {
      kind: 'call';
      target: number;
      endpoint: number;
      /** Seconds the caller waits; Infinity = no timeout (the lesson's dangerous default). */
      timeout: number;
      onFailure: OnFailure;
      guard?: CallGuard | undefined;
      /**
       * Active degradation: skip the call (a feature switched off) while this station's threads
       * are busier than this share, 0..1. Infinity = never.
       */
      degradeAbove: number;
      /** Resilience4j RateLimiter and/or semaphore Bulkhead in front of the call. */
      admission?: CallAdmission | undefined;
    }
  | CacheReadStep
  | CachedWriteStep
  | {
      /** A read routed by the database (a replica, or the master for read-your-writes). */
      kind: 'dbRead';
      db: ReplicatedDatabase;
      timeout: number;
      onFailure: OnFailure;
    }
  | {
      /** Publish a message about the request's key and carry on at once (asynchronous work). */
      kind: 'publish';
      topic: Topic;
      /** Seconds before the message is delivered (RocketMQ delay level), 0 = at once. */
      delay: number;
    }
  | {
      /**
       * A query on a sharded table: by its shard key (one shard), or by another key, through the
       * global index table (index, then one shard) or, without one, every shard in parallel.
       */
      kind: 'shardQuery';
      table: ShardedTable;
      by: 'shardKey' | 'otherKey';
      timeout: number;
      onFailure: OnFailure;
    }
  | {
      /** A write to the master; on commit it starts replicating. */
      kind: 'dbWrite';
      db: ReplicatedDatabase;
      timeout: number;
      onFailure: OnFailure;
    }
  | {
      /**
       * Place an order through an order flow (idempotency key, then the saga); the thread is held
       * until the flow answers the client, and the request fails when the flow says so.
       */
      kind: 'placeOrder';
      flow: OrderFlow;
    };

type CallStep = Step & { kind: 'call' };
type CacheStep = CacheReadStep | CachedWriteStep;
type DatabaseStep = Step & { kind: 'dbRead' | 'dbWrite' };
type ShardStep = Step & { kind: 'shardQuery' };

/** Phases of a shard query by another key through the index table. */
const INDEX_LOOKUP = 0;
const SHARD_CALL = 1;

/** Per-endpoint counters for the dashboard and the report. */
export class EndpointStats {
  calls = 0;
  callFailures = 0;
  callTimeouts = 0;
  fallbacks = 0;
  /** Calls a guard (circuit breaker) refused without calling. */
  notPermitted = 0;
  /** Calls skipped by active degradation. */
  degraded = 0;
  /** Calls refused by a rate limiter (RequestNotPermitted). */
  rateLimited = 0;
  /** Calls refused by a bulkhead (BulkheadFullException). */
  bulkheadFull = 0;
}

/**
 * Serves a station's requests by running the steps of their endpoint: CPU work, calls to
 * dependencies (each with its own timeout, guard and failure handling) and cache-aside reads.
 * The thread is held while it waits for an answer, which is the whole point: without a timeout,
 * a slow dependency holds every thread of the caller and the caller's other endpoints starve too.
 *
 * A call is a request of its own in the network (parent -> child in the request table), so the
 * dependency queues and serves it like any other, and keeps working on it after the caller gave
 * up unless its timeout policy says otherwise.
 */
export class EndpointProgram
  implements ServiceProgram, Requester, StepRunner, OrderClient, AdmissionHost
{
  readonly stats: EndpointStats[];
  private readonly cacheSteps = new CacheSteps(this);
  private requesterIndex = -1;
  private station!: Station;
  private readonly onWorkDone = (request: number) => {
    this.network.table.completion[request] = -1;
    this.advance(request);
  };
  private readonly onCallTimeout = (child: number) => this.callTimedOut(child);
  /** The network's deadline list for each distinct call timeout, made on first use. */
  private readonly timeoutLists = new Map<number, number>();
  private lastTimeout = NaN;
  private lastTimeoutList = -1;
  /** Outstanding calls of requests waiting on several at once (scatter-gather), and failures. */
  private readonly fanOut = new Map<number, number[]>();
  private readonly fanOutFailed = new Set<number>();

  constructor(
    readonly id: string,
    private readonly kernel: Kernel,
    private readonly network: Network,
    private readonly endpoints: readonly (readonly Step[])[],
    private readonly rng: RandomStream,
  ) {
    this.stats = endpoints.map(() => new EndpointStats());
  }

  begin(request: number, station: Station): void {
    if (this.requesterIndex < 0) {
      this.station = station;
      this.requesterIndex = this.network.addRequester(this);
    }
    this.network.table.step[request] = 0;
    this.network.table.phase[request] = 0;
    this.next(request);
  }

  abort(request: number): void {
    const table = this.network.table;
    const placing = this.currentStep(request);
    if (placing.kind === 'placeOrder') placing.flow.abandon(request);
    if (placing.kind === 'call') placing.admission?.abandon(request);
    const children = this.fanOut.get(request);
    if (children) {
      for (const child of children) this.abandonChild(child);
      this.fanOut.delete(request);
      this.fanOutFailed.delete(request);
    }
    const work = table.completion[request]!;
    if (work >= 0) {
      this.kernel.cancel(work as EventHandle);
      table.completion[request] = -1;
    }
    const child = table.child[request]!;
    if (child >= 0) {
      table.child[request] = -1;
      this.abandonChild(child);
    }
  }

  private abandonChild(child: number): void {
    const table = this.network.table;
    this.network.clearTimeout(child);
    table.parent[child] = -1;
    this.network.abandon(child);
  }

  get table(): RequestTable {
    return this.network.table;
  }

  now(): number {
    return this.kernel.now;
  }

  lockGranted(owner: number): void {
    const step = this.currentStep(owner);
    if (step.kind === 'cacheRead') this.cacheSteps.readLockGranted(owner, step);
    else if (step.kind === 'cachedWrite') this.cacheSteps.writeLockGranted(owner, step);
  }

  advance(request: number): void {
    const table = this.network.table;
    table.step[request]!++;
    table.phase[request] = 0;
    this.next(request);
  }

  /** Runs steps from the request's program counter until one has to wait, or the end. */
  private next(request: number): void {
    const table = this.network.table;
    const endpoint = table.endpoint[request]!;
    const steps = this.endpoints[endpoint]!;
    const now = this.kernel.now;
    for (let i = table.step[request]!; i < steps.length; i++) {
      table.step[request] = i;
      const step = steps[i]!;
      if (step.kind === 'work') {
        const duration = step.duration.sample(this.rng) * this.station.slowdown;
        table.completion[request] = this.kernel.schedule(duration, this.onWorkDone, request);
        return;
      }
      if (step.kind === 'publish') {
        step.topic.publish(table.key[request]!, step.delay);
        continue;
      }
      if (step.kind === 'placeOrder') {
        step.flow.place(request, this, this.station.index);
        return;
      }
      if (step.kind === 'cacheRead') {
        const tracer = this.network.tracer;
        if (tracer !== null && step.local && table.traced[request] === 1) {
          // A local hit answers at once, without a call: only its counter tells.
          const hop = tracer.hopOf(request);
          const hits = step.local.store.hits;
          this.cacheSteps.startRead(request, step, now);
          if (step.local.store.hits > hits) tracer.note(hop, 'localHit');
          return;
        }
        this.cacheSteps.startRead(request, step, now);
        return;
      }
      if (step.kind === 'cachedWrite') {
        this.cacheSteps.startWrite(request, step, now);
        return;
      }
      if (step.kind === 'shardQuery') {
        this.startShardQuery(request, endpoint, step, now);
        return;
      }
      if (step.kind === 'dbRead' || step.kind === 'dbWrite') {
        const target =
          step.kind === 'dbRead' ? step.db.readTarget(table.key[request]!, now) : step.db.master;
        table.target[request] = target;
        this.stats[endpoint]!.calls++;
        this.call(request, target, 0, step.timeout, now);
        return;
      }
      if (this.station.busy > step.degradeAbove * this.station.servers) {
        this.stats[endpoint]!.degraded++;
        this.noteOnTraced(request, 'degraded');
        continue;
      }
      const permitted = step.guard === undefined || step.guard.tryAcquire(now);
      if (step.guard && this.network.tracer !== null && table.traced[request] === 1) {
        this.network.tracer.guarded(request, step.guard, permitted);
      }
      if (!permitted) {
        this.stats[endpoint]!.notPermitted++;
        if (step.onFailure === 'fallback') {
          this.stats[endpoint]!.fallbacks++;
          continue;
        }
        this.station.finish(request, true);
        return;
      }
      if (step.admission !== undefined) {
        step.admission.begin(request, now, this);
        return;
      }
      this.stats[endpoint]!.calls++;
      this.call(request, step.target, step.endpoint, step.timeout, now);
      return;
    }
    this.station.finish(request);
  }

  /** The call step's rate limiter and bulkhead let the call go (see CallAdmission). */
  admitted(request: number): void {
    const step = this.currentStep(request) as CallStep;
    this.stats[this.network.table.endpoint[request]!]!.calls++;
    this.call(request, step.target, step.endpoint, step.timeout, this.kernel.now);
  }

  /**
   * RequestNotPermitted or BulkheadFullException. A breaker around the call records it as a
   * failure, as Resilience4j's does with its default recordExceptions (every exception).
   */
  refused(request: number, reason: RefusalReason, waited: number): void {
    const step = this.currentStep(request) as CallStep;
    const stats = this.stats[this.network.table.endpoint[request]!]!;
    stats[reason]++;
    step.guard?.onResult(this.kernel.now, waited, true);
    this.noteOnTraced(request, reason);
    if (step.onFailure === 'fallback') {
      stats.fallbacks++;
      this.noteOnTraced(request, 'fallback');
      this.advance(request);
    } else {
      this.station.finish(request, true);
    }
  }

  call(request: number, target: number, endpoint: number, timeout: number, now: number): void {
    const network = this.network;
    const table = network.table;
    const child = network.allocate(this.requesterIndex);
    table.parent[child] = request;
    table.originTime[child] = now;
    table.attempt[child] = 1;
    table.endpoint[child] = endpoint;
    table.key[child] = table.key[request]!;
    table.logical[child] = table.logical[request]!;
    table.priority[child] = table.priority[request]!;
    table.child[request] = child;
    if (network.tracer !== null && table.traced[request] === 1) {
      network.tracer.called(request, child, target, this.currentStep(request));
    }
    if (timeout < Infinity) {
      // Most calls of a program share one or two timeouts: check the last one used first.
      let list =
        timeout === this.lastTimeout ? this.lastTimeoutList : this.timeoutLists.get(timeout);
      if (list === undefined) {
        list = network.addTimeoutList(timeout, this.onCallTimeout);
        this.timeoutLists.set(timeout, list);
      }
      this.lastTimeout = timeout;
      this.lastTimeoutList = list;
      network.armTimeout(child, list);
    } else {
      table.deadline[child] = Infinity;
    }
    network.send(child, target);
  }

  /** The order flow's answer to the client of `request` (a placeOrder step). */
  orderAnswered(request: number, ok: boolean): void {
    if (ok) this.advance(request);
    else this.station.finish(request, true);
  }

  private startShardQuery(request: number, endpoint: number, step: ShardStep, now: number): void {
    const table = this.network.table;
    const sharded = step.table;
    const key = table.key[request]!;
    sharded.queries++;
    if (step.by === 'shardKey') {
      table.phase[request] = SHARD_CALL;
      sharded.shardCalls++;
      this.stats[endpoint]!.calls++;
      this.call(request, sharded.stationOf(key), 0, step.timeout, now);
    } else if (sharded.config.indexTable >= 0) {
      table.phase[request] = INDEX_LOOKUP;
      sharded.indexLookups++;
      sharded.otherKeyQueries++;
      sharded.otherKeyCalls += 2;
      this.stats[endpoint]!.calls++;
      this.call(request, sharded.config.indexTable, 0, step.timeout, now);
    } else {
      const children: number[] = [];
      sharded.otherKeyQueries++;
      sharded.otherKeyCalls += sharded.config.shards.length;
      for (const shard of sharded.config.shards) {
        sharded.shardCalls++;
        this.stats[endpoint]!.calls++;
        this.call(request, shard, 0, step.timeout, now);
        children.push(table.child[request]!);
      }
      table.child[request] = -1;
      this.fanOut.set(request, children);
    }
  }

  /** One call of a scatter-gather ended; true once they all have. */
  private fanOutAnswered(parent: number, child: number, failed: boolean): boolean {
    const children = this.fanOut.get(parent)!;
    children.splice(children.indexOf(child), 1);
    if (failed) this.fanOutFailed.add(parent);
    return children.length === 0;
  }

  succeeded(child: number): void {
    const table = this.network.table;
    const parent = table.parent[child]!;
    if (parent < 0) return;
    table.child[parent] = -1;
    const step = this.currentStep(parent);
    const now = this.kernel.now;
    if (step.kind === 'shardQuery') {
      if (this.fanOut.has(parent)) {
        if (this.fanOutAnswered(parent, child, false)) this.fanOutDone(parent);
      } else if (table.phase[parent] === INDEX_LOOKUP) {
        table.phase[parent] = SHARD_CALL;
        step.table.shardCalls++;
        this.stats[table.endpoint[parent]!]!.calls++;
        this.call(parent, step.table.stationOf(table.key[parent]!), 0, step.timeout, now);
      } else {
        this.advance(parent);
      }
      return;
    }
    if (step.kind === 'call') {
      step.guard?.onResult(now, now - table.originTime[child]!, false);
      step.admission?.callEnded(parent);
      this.advance(parent);
    } else if (step.kind === 'dbRead') {
      const tracer = this.network.tracer;
      const stale = tracer === null ? 0 : step.db.staleReads;
      step.db.readAnswered(
        table.key[parent]!,
        table.target[parent]!,
        table.originTime[child]!,
        now,
      );
      if (tracer !== null && step.db.staleReads > stale) this.noteOnTraced(child, 'staleRead');
      this.advance(parent);
    } else if (step.kind === 'dbWrite') {
      step.db.committed(table.key[parent]!, now);
      this.advance(parent);
    } else if (step.kind === 'cacheRead') {
      const tracer = this.network.tracer;
      if (tracer !== null && table.traced[child] === 1) {
        this.cacheAnsweredTraced(tracer, parent, child, step, now);
      } else {
        this.cacheSteps.readAnswered(parent, step, now, table.originTime[child]!);
      }
    } else if (step.kind === 'cachedWrite') {
      this.cacheSteps.writeAnswered(parent, step, now);
    }
  }

  failed(child: number, _reason: FailureReason): void {
    const table = this.network.table;
    const parent = table.parent[child]!;
    if (parent < 0) return;
    if (this.fanOut.has(parent)) {
      if (this.fanOutAnswered(parent, child, true)) this.fanOutDone(parent);
      return;
    }
    this.callFailed(parent, this.kernel.now - table.originTime[child]!);
  }

  private fanOutDone(parent: number): void {
    this.fanOut.delete(parent);
    const failed = this.fanOutFailed.delete(parent);
    if (failed) this.callFailed(parent, 0);
    else this.advance(parent);
  }

  private callTimedOut(child: number): void {
    const table = this.network.table;
    const parent = table.parent[child]!;
    const started = table.originTime[child]!;
    this.network.abandon(child);
    this.stats[table.endpoint[parent]!]!.callTimeouts++;
    if (this.fanOut.has(parent)) {
      if (this.fanOutAnswered(parent, child, true)) this.fanOutDone(parent);
      return;
    }
    this.callFailed(parent, this.kernel.now - started);
  }

  private callFailed(parent: number, duration: number): void {
    const table = this.network.table;
    table.child[parent] = -1;
    const endpoint = table.endpoint[parent]!;
    const step = this.currentStep(parent);
    const now = this.kernel.now;
    if (step.kind === 'cacheRead') {
      if (this.cacheSteps.readFailed(parent, step, now)) return;
    } else if (step.kind === 'cachedWrite') {
      this.cacheSteps.writeFailed(parent, step);
    } else if (step.kind === 'call') {
      step.guard?.onResult(now, duration, true);
      step.admission?.callEnded(parent);
    }
    this.stats[endpoint]!.callFailures++;
    if ((step as CallStep | CacheStep | DatabaseStep | ShardStep).onFailure === 'fallback') {
      this.stats[endpoint]!.fallbacks++;
      this.noteOnTraced(parent, 'fallback');
      this.advance(parent);
    } else {
      this.station.finish(parent, true);
    }
  }

  /**
   * A traced cache read's answer, noting on the call's hop what it found: a hit, a stale hit or a
   * miss (from the cache's counters, read around the step), or a stale load from a replica.
   */
  private cacheAnsweredTraced(
    tracer: RequestTracer,
    parent: number,
    child: number,
    step: CacheReadStep,
    now: number,
  ): void {
    const table = this.network.table;
    const lookup = table.phase[parent] === CACHE_LOOKUP_PHASE;
    const hop = tracer.hopOf(child);
    const hits = step.cache.store.hits;
    const staleHits = step.cache.staleReads;
    const staleLoads = step.loadDb?.staleReads ?? 0;
    this.cacheSteps.readAnswered(parent, step, now, table.originTime[child]!);
    if (lookup) {
      const hit = step.cache.store.hits > hits;
      tracer.note(
        hop,
        !hit ? 'cacheMiss' : step.cache.staleReads > staleHits ? 'staleHit' : 'cacheHit',
      );
    } else if ((step.loadDb?.staleReads ?? 0) > staleLoads) {
      tracer.note(hop, 'staleRead');
    }
  }

  /** Adds a badge to the latest hop of `request` when it is traced. */
  private noteOnTraced(request: number, kind: NoteKind): void {
    const tracer = this.network.tracer;
    if (tracer !== null && this.network.table.traced[request] === 1) {
      tracer.note(tracer.hopOf(request), kind);
    }
  }

  private currentStep(parent: number): Step {
    const table = this.network.table;
    return this.endpoints[table.endpoint[parent]!]![table.step[parent]!]!;
  }
}
