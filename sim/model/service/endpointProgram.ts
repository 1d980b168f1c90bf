import type { Kernel } from '../../kernel/kernel';
import type { RandomStream } from '../../kernel/rng';
import type { EventHandle } from '../../kernel/units';
import type { Distribution } from '../distributions/distribution';
import type { Network } from '../network/network';
import type { FailureReason, Requester } from '../network/requester';
import type { ServiceProgram } from '../station/serviceProgram';
import type { Station } from '../station/station';
import type { CallGuard } from './callGuard';

export type Step =
  | { kind: 'work'; duration: Distribution }
  | {
      kind: 'call';
      target: number;
      endpoint: number;
      /** Seconds the caller waits; Infinity = no timeout (the lesson's dangerous default). */
      timeout: number;
      /** `fail`: the request fails; `fallback`: skip the call and carry on (passive degradation). */
      onFailure: 'fail' | 'fallback';
      guard?: CallGuard | undefined;
    };

/** Per-endpoint counters for the dashboard and the report. */
export class EndpointStats {
  calls = 0;
  callFailures = 0;
  callTimeouts = 0;
  fallbacks = 0;
  /** Calls a guard (circuit breaker) refused without calling. */
  notPermitted = 0;
}

/**
 * Serves a station's requests by running the steps of their endpoint: CPU work, then calls to
 * dependencies, each with its own timeout, guard and failure handling. The calling thread is held
 * while it waits for an answer, which is the whole point: without a timeout, a slow dependency
 * holds every thread of the caller and the caller's other endpoints starve too.
 *
 * A call is a request of its own in the network (parent -> child in the request table), so the
 * dependency queues and serves it like any other, and keeps working on it after the caller gave
 * up unless its timeout policy says otherwise.
 */
export class EndpointProgram implements ServiceProgram, Requester {
  readonly stats: EndpointStats[];
  private requesterIndex = -1;
  private station!: Station;
  private readonly onWorkDone = (request: number) => {
    this.network.table.completion[request] = -1;
    this.network.table.step[request]!++;
    this.next(request);
  };
  private readonly onCallTimeout = (child: number) => this.callTimedOut(child);

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
    this.next(request);
  }

  abort(request: number): void {
    const table = this.network.table;
    const work = table.completion[request]!;
    if (work >= 0) {
      this.kernel.cancel(work as EventHandle);
      table.completion[request] = -1;
    }
    const child = table.child[request]!;
    if (child >= 0) {
      table.child[request] = -1;
      const timer = table.timeout[child]!;
      if (timer >= 0) this.kernel.cancel(timer as EventHandle);
      table.parent[child] = -1;
      this.network.abandon(child);
    }
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
      if (step.guard && !step.guard.tryAcquire(now)) {
        this.stats[endpoint]!.notPermitted++;
        if (step.onFailure === 'fallback') {
          this.stats[endpoint]!.fallbacks++;
          continue;
        }
        this.station.finish(request, true);
        return;
      }
      this.call(request, endpoint, step, now);
      return;
    }
    this.station.finish(request);
  }

  private call(
    request: number,
    endpoint: number,
    step: Step & { kind: 'call' },
    now: number,
  ): void {
    const network = this.network;
    const table = network.table;
    const child = network.allocate(this.requesterIndex);
    table.parent[child] = request;
    table.originTime[child] = now;
    table.attempt[child] = 1;
    table.endpoint[child] = step.endpoint;
    table.child[request] = child;
    this.stats[endpoint]!.calls++;
    if (step.timeout < Infinity) {
      table.deadline[child] = now + step.timeout;
      table.timeout[child] = this.kernel.schedule(step.timeout, this.onCallTimeout, child);
    } else {
      table.deadline[child] = Infinity;
    }
    network.send(child, step.target);
  }

  succeeded(child: number): void {
    const table = this.network.table;
    const parent = table.parent[child]!;
    if (parent < 0) return;
    const step = this.currentCall(parent);
    step.guard?.onResult(this.kernel.now, this.kernel.now - table.originTime[child]!, false);
    table.child[parent] = -1;
    table.step[parent]!++;
    this.next(parent);
  }

  failed(child: number, _reason: FailureReason): void {
    const table = this.network.table;
    const parent = table.parent[child]!;
    if (parent < 0) return;
    this.callFailed(parent, this.kernel.now - table.originTime[child]!);
  }

  private callTimedOut(child: number): void {
    const table = this.network.table;
    const parent = table.parent[child]!;
    const started = table.originTime[child]!;
    this.network.abandon(child);
    this.stats[table.endpoint[parent]!]!.callTimeouts++;
    this.callFailed(parent, this.kernel.now - started);
  }

  private callFailed(parent: number, duration: number): void {
    const table = this.network.table;
    const endpoint = table.endpoint[parent]!;
    const step = this.currentCall(parent);
    step.guard?.onResult(this.kernel.now, duration, true);
    table.child[parent] = -1;
    this.stats[endpoint]!.callFailures++;
    if (step.onFailure === 'fallback') {
      this.stats[endpoint]!.fallbacks++;
      table.step[parent]!++;
      this.next(parent);
    } else {
      this.station.finish(parent, true);
    }
  }

  private currentCall(parent: number): Step & { kind: 'call' } {
    const table = this.network.table;
    return this.endpoints[table.endpoint[parent]!]![table.step[parent]!] as Step & { kind: 'call' };
  }
}
