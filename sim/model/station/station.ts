import type { Kernel } from '../../kernel/kernel';
import type { RandomStream } from '../../kernel/rng';
import type { EventHandle } from '../../kernel/units';
import type { Distribution } from '../distributions/distribution';
import { LatencyHistogram } from '../../metrics/latencyHistogram';
import { Place, type RequestTable } from '../requests/requestTable';
import { FifoRing } from './fifoRing';
import type { ServiceProgram } from './serviceProgram';
import type { TokenBucket } from '../resilience/rateLimiter';
import type { RequestTracer } from '../../trace/requestTracer';

/**
 * What a station does when a request's client deadline passes while the request is still there.
 * All three exist in real systems and the lessons need each of them:
 * - `cancel`: the server gives up at once: a queued request leaves the queue and a request in
 *   service frees its server (deadline propagation with cancellation, e.g. gRPC deadlines).
 * - `skipExpired`: a queued request is discarded when it reaches the head of the queue, but work
 *   already started runs to the end (a server that checks the deadline before starting).
 * - `keepWorking`: the server never learns; it serves the request anyway and the answer arrives
 *   too late (a plain thread pool behind a client timeout: the default, and the dangerous one).
 */
export type TimeoutPolicy = 'cancel' | 'skipExpired' | 'keepWorking';

export interface StationConfig {
  id: string;
  servers: number;
  /** Waiting room, not counting requests in service. Infinity for an unbounded queue. */
  queueCapacity: number;
  service: Distribution;
  timeoutPolicy: TimeoutPolicy;
  /**
   * When set, serving a request runs this program (work, calls to dependencies) instead of one
   * sampled service time; the server is held until the program finishes.
   */
  program?: ServiceProgram | undefined;
  /** Admission control: a token bucket checked on every arrival. */
  rateLimit?: TokenBucket | undefined;
  /**
   * Load shedding by priority: a request of class k is refused when the queue already holds
   * shedAtQueueLength[k] or more (critical traffic gets the highest threshold).
   */
  shedAtQueueLength?: readonly number[] | undefined;
}

/** Where a station hands requests when it is done with them: set up by the network. */
export interface StationListener {
  departed(request: number, from: Station): void;
  rejected(request: number, from: Station, reason: RejectReason): void;
  /** The station has let go of a request its client already abandoned: free it. */
  dropped(request: number, from: Station): void;
  /** Service ended in an error (a dependency failed and there was no fallback). */
  errored(request: number, from: Station): void;
}

/**
 * Why a station refused a request: its queue was full, it was down, its rate limiter had no
 * token (HTTP 429), or load shedding dropped the request's priority class.
 */
export type RejectReason = 'queueFull' | 'unavailable' | 'rateLimited' | 'shed';

/** Priority classes, after Zuul's prioritised shedding (SEMANTICS.md section 8). */
export const PRIORITY_CLASSES = ['critical', 'degraded', 'nonCritical'] as const;

/**
 * A c-server FIFO queue. Counters are cumulative from t = 0 and time integrals (busy servers,
 * queue length, requests present) are brought up to date lazily whenever a level changes, so the
 * hot path does a few additions per event and allocates nothing.
 */
export class Station {
  readonly id: string;
  servers: number;
  queueCapacity: number;
  readonly timeoutPolicy: TimeoutPolicy;
  private readonly service: Distribution;
  private readonly program: ServiceProgram | undefined;
  private readonly rateLimit: TokenBucket | undefined;
  private readonly shedAt: readonly number[] | undefined;
  /** Multiplies every sampled service time: 1 normally, more while a slowdown fault is active. */
  slowdown = 1;
  /** While true every arrival is rejected as unavailable (an outage fault). */
  down = false;
  /** A per-request trace recorder (sim/trace), null when tracing is off. */
  tracer: RequestTracer | null = null;

  busy = 0;
  /** Requests waiting (tombstones of requests that left the queue excluded). */
  queueLength = 0;
  private readonly ring = new FifoRing();

  // Cumulative counters.
  arrivals = 0;
  completed = 0;
  rejected = 0;
  /** The part of `rejected` refused because the station was down (the rest: queue full). */
  rejectedUnavailable = 0;
  rejectedRateLimited = 0;
  rejectedShed = 0;
  timedOut = 0;
  /** Completed after the client's deadline: work done for nobody. */
  late = 0;
  /** Service ended in an error (counted in `completed` too: the server's time was spent). */
  errors = 0;
  latencySum = 0;
  busyArea = 0;
  queueArea = 0;
  /** Integral of the server count, so utilisation stays right when a fault changes it. */
  capacityArea = 0;
  private lastChange = 0;

  readonly latency = new LatencyHistogram();
  readonly wait = new LatencyHistogram();

  private readonly onComplete: (request: number) => void;

  constructor(
    config: StationConfig,
    readonly index: number,
    private readonly kernel: Kernel,
    private readonly table: RequestTable,
    private readonly rng: RandomStream,
    private readonly listener: StationListener,
  ) {
    this.id = config.id;
    this.servers = config.servers;
    this.queueCapacity = config.queueCapacity;
    this.service = config.service;
    this.timeoutPolicy = config.timeoutPolicy;
    this.program = config.program;
    this.rateLimit = config.rateLimit;
    this.shedAt = config.shedAtQueueLength;
    this.onComplete = (request) => this.finish(request);
  }

  /** Brings the time integrals up to `now`; called only when a level is about to change. */
  private accrue(now: number): void {
    const dt = now - this.lastChange;
    if (dt > 0) {
      this.busyArea += this.busy * dt;
      this.queueArea += this.queueLength * dt;
      this.capacityArea += this.servers * dt;
      this.lastChange = now;
    }
  }

  /**
   * Time integrals up to `now`, read without touching the station's own running sums. Observers
   * (snapshots, reports, series) must use these, not `accrue`: splitting a sum at extra instants
   * changes its floating-point rounding, and a paced browser run must give the same bytes as a
   * CLI run of the same scenario and seed.
   */
  busyAreaAt(now: number): number {
    return this.busyArea + this.busy * (now - this.lastChange);
  }

  queueAreaAt(now: number): number {
    return this.queueArea + this.queueLength * (now - this.lastChange);
  }

  capacityAreaAt(now: number): number {
    return this.capacityArea + this.servers * (now - this.lastChange);
  }

  arrive(request: number): void {
    const table = this.table;
    const now = this.kernel.now;
    this.accrue(now);
    this.arrivals++;
    table.station[request] = this.index;
    table.arrivedAt[request] = now;
    if (this.tracer !== null && table.traced[request] === 1)
      this.tracer.arrived(request, this.index, now);
    if (this.down) {
      this.reject(request, 'unavailable');
    } else if (this.rateLimit && !this.rateLimit.tryAcquire(now)) {
      this.reject(request, 'rateLimited');
    } else if (this.shedAt && this.queueLength >= this.shedAt[table.priority[request]!]!) {
      this.reject(request, 'shed');
    } else if (this.busy < this.servers) {
      this.startService(request, now);
    } else if (this.queueLength < this.queueCapacity) {
      table.place[request] = Place.Queued;
      this.ring.push(request);
      this.queueLength++;
    } else {
      this.reject(request, 'queueFull');
    }
  }

  /** The client stopped waiting for `request`, which is at this station. */
  clientGaveUp(request: number): void {
    const table = this.table;
    this.timedOut++;
    if (this.timeoutPolicy !== 'cancel') return;
    const now = this.kernel.now;
    this.accrue(now);
    if (table.place[request] === Place.Queued) {
      table.place[request] = Place.Removed;
      this.queueLength--;
    } else if (table.place[request] === Place.InService) {
      if (this.program) this.program.abort(request);
      else this.kernel.cancel(table.completion[request] as EventHandle);
      this.busy--;
      table.place[request] = Place.Elsewhere;
      table.station[request] = -1;
      this.startWaiting(now);
      this.listener.dropped(request, this);
    }
  }

  /** Starts queued requests while servers are free (after a departure or a capacity change). */
  startWaiting(now: number): void {
    const table = this.table;
    while (this.busy < this.servers && this.ring.size > 0) {
      const request = this.ring.shift();
      if (table.place[request] === Place.Removed) {
        table.place[request] = Place.Elsewhere;
        table.station[request] = -1;
        this.listener.dropped(request, this);
        continue;
      }
      this.accrue(now);
      this.queueLength--;
      if (this.timeoutPolicy === 'skipExpired' && table.abandoned[request] === 1) {
        table.place[request] = Place.Elsewhere;
        table.station[request] = -1;
        this.listener.dropped(request, this);
        continue;
      }
      this.startService(request, now);
    }
  }

  private startService(request: number, now: number): void {
    const table = this.table;
    this.accrue(now);
    this.busy++;
    table.place[request] = Place.InService;
    table.serviceStart[request] = now;
    if (this.tracer !== null && table.traced[request] === 1) this.tracer.started(request, now);
    this.wait.record(now - table.arrivedAt[request]!);
    if (this.program) {
      this.program.begin(request, this);
      return;
    }
    const duration = this.service.sample(this.rng) * this.slowdown;
    table.completion[request] = this.kernel.schedule(duration, this.onComplete, request);
  }

  /** Ends service of `request` and frees its server; `failed` when it ended in an error. */
  finish(request: number, failed = false): void {
    const table = this.table;
    const now = this.kernel.now;
    this.accrue(now);
    this.busy--;
    this.completed++;
    const sojourn = now - table.arrivedAt[request]!;
    this.latencySum += sojourn;
    this.latency.record(sojourn);
    if (table.abandoned[request] === 1) this.late++;
    if (failed) this.errors++;
    table.place[request] = Place.Elsewhere;
    table.station[request] = -1;
    table.completion[request] = -1;
    if (this.tracer !== null && (failed || table.traced[request] === 1)) {
      this.tracer.ended(request, this.index, failed, now);
    }
    // Start the next waiting request before handing this one on, so a request routed straight
    // back to this station queues behind those already waiting (FIFO holds across feedback).
    this.startWaiting(now);
    if (failed) this.listener.errored(request, this);
    else this.listener.departed(request, this);
  }

  private reject(request: number, reason: RejectReason): void {
    this.rejected++;
    if (reason === 'unavailable') this.rejectedUnavailable++;
    else if (reason === 'rateLimited') this.rejectedRateLimited++;
    else if (reason === 'shed') this.rejectedShed++;
    this.table.place[request] = Place.Elsewhere;
    this.table.station[request] = -1;
    if (this.tracer !== null) this.tracer.rejected(request, this.index, reason);
    this.listener.rejected(request, this, reason);
  }

  /** Changes the server count now (a capacity fault); extra busy servers finish their work. */
  setServers(servers: number): void {
    const now = this.kernel.now;
    this.accrue(now);
    this.servers = servers;
    this.startWaiting(now);
  }
}
