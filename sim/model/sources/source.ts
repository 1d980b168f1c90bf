import type { Component, Kernel } from '../../kernel/kernel';
import { LatencyHistogram } from '../../metrics/latencyHistogram';
import type { Network } from '../network/network';
import type { FailureReason, Requester } from '../network/requester';
import type { UnitRouter } from '../datacentre/unitRouter';
import type { KeyChooser } from './keyChooser';
import type { RetryOn, RetryPolicy } from './retryPolicy';

export interface ClientConfig {
  /** Seconds the client waits for an answer; Infinity waits forever. */
  timeout: number;
  retry?: RetryPolicy;
}

/**
 * What every source shares: the client side of a request. It sends attempts, arms the client
 * timeout, retries with backoff and jitter under an optional budget, and keeps the client-side
 * figures (offered load, goodput, end-to-end latency from the first attempt).
 */
export abstract class Source implements Component, Requester {
  private index = -1;
  private target = -1;
  protected kernel!: Kernel;

  // Cumulative counters.
  /** Logical requests created (first attempts). */
  offered = 0;
  attempts = 0;
  retries = 0;
  successes = 0;
  failedTimeout = 0;
  failedRejected = 0;
  failedUnavailable = 0;
  /** Final failures because serving the request ended in an error (a dependency failed). */
  failedError = 0;
  /** Sum of successful end-to-end latencies, never reset (the series take increments of it). */
  latencySum = 0;
  /** End-to-end latency of successful requests, from the first attempt's send. */
  readonly latency = new LatencyHistogram();

  /** Endpoint of the target station's program the requests go to (0 for plain stations). */
  endpoint = 0;
  /** Priority class of its requests (index into PRIORITY_CLASSES). */
  priority = 0;
  /** Picks each request's key when the scenario has keys. */
  keys: KeyChooser | undefined;
  /** Multi-active routing by user unit; when set it replaces the fixed target. */
  router: UnitRouter | undefined;

  private readonly onTimeout = (request: number) => this.timedOut(request);
  /** The network's deadline list for this client's timeout, -1 when it waits forever. */
  private timeouts = -1;
  private readonly onRetry = (request: number) => this.fire(request);

  constructor(
    readonly id: string,
    protected readonly network: Network,
    private readonly targetStation: number,
    private readonly client: ClientConfig,
  ) {}

  start(kernel: Kernel): void {
    this.kernel = kernel;
    this.index = this.network.addRequester(this);
    if (this.client.timeout < Infinity) {
      this.timeouts = this.network.addTimeoutList(this.client.timeout, this.onTimeout);
    }
    this.target = this.targetStation;
    this.begin();
  }

  /** Schedules the source's first events. */
  protected abstract begin(): void;

  /** Called once per logical request when it ends for good; closed-loop clients think here. */
  protected finished(_client: number, _ok: boolean): void {}

  /** Sends a brand-new logical request on behalf of `client` (-1 for open sources). */
  protected sendNew(client: number): void {
    const table = this.network.table;
    const request = this.network.allocate(this.index);
    table.originTime[request] = this.kernel.now;
    table.attempt[request] = 1;
    table.client[request] = client;
    table.endpoint[request] = this.endpoint;
    table.priority[request] = this.priority;
    table.key[request] = this.keys ? this.keys.next() : 0;
    table.logical[request] = table.nextLogical++;
    if (this.network.tracer !== null) this.network.tracer.requestSent(request);
    this.offered++;
    this.client.retry?.firstAttemptSent();
    this.fire(request);
  }

  private fire(request: number): void {
    const table = this.network.table;
    this.attempts++;
    if (table.attempt[request]! > 1) this.retries++;
    if (this.timeouts >= 0) this.network.armTimeout(request, this.timeouts);
    else table.deadline[request] = Infinity;
    const target = this.router ? this.router.route(table.key[request]!) : this.target;
    if (target < 0) {
      // The user's centre is down and not failed over yet: nothing answers.
      this.network.clearTimeout(request);
      this.failed(request, 'unavailable');
      table.release(request);
      return;
    }
    this.network.send(request, target);
  }

  private timedOut(request: number): void {
    const table = this.network.table;
    if (this.network.tracer !== null) this.network.tracer.attemptFailed(request, 'timeout');
    // Read what the retry needs before the network may free the attempt.
    const origin = table.originTime[request]!;
    const attempt = table.attempt[request]!;
    const client = table.client[request]!;
    const key = table.key[request]!;
    const logical = table.logical[request]!;
    this.network.abandon(request);
    this.afterFailure(origin, attempt, client, key, logical, 'timeout');
  }

  succeeded(request: number): void {
    const table = this.network.table;
    const tracer = this.network.tracer;
    if (tracer !== null && table.traced[request] !== 0) tracer.requestSucceeded(request);
    this.succeededCount(table.originTime[request]!, table.client[request]!);
  }

  failed(request: number, reason: FailureReason): void {
    const table = this.network.table;
    if (this.network.tracer !== null) this.network.tracer.attemptFailed(request, reason);
    this.afterFailure(
      table.originTime[request]!,
      table.attempt[request]!,
      table.client[request]!,
      table.key[request]!,
      table.logical[request]!,
      reason,
    );
  }

  private succeededCount(origin: number, client: number): void {
    this.successes++;
    const latency = this.kernel.now - origin;
    this.latencySum += latency;
    this.latency.record(latency);
    this.finished(client, true);
  }

  private afterFailure(
    origin: number,
    attempt: number,
    client: number,
    key: number,
    logical: number,
    reason: RetryOn,
  ): void {
    const retry = this.client.retry;
    if (retry && retry.mayRetry(attempt, reason)) {
      const table = this.network.table;
      const next = this.network.allocate(this.index);
      table.originTime[next] = origin;
      table.attempt[next] = attempt + 1;
      table.client[next] = client;
      table.endpoint[next] = this.endpoint;
      table.priority[next] = this.priority;
      table.key[next] = key;
      // A retry is the same logical request: it carries the same idempotency key.
      table.logical[next] = logical;
      const backoff = retry.backoff(attempt);
      this.kernel.schedule(backoff, this.onRetry, next);
      this.network.tracer?.retryScheduled(next, logical, backoff);
      return;
    }
    if (reason === 'timeout') this.failedTimeout++;
    else if (reason === 'rejected') this.failedRejected++;
    else if (reason === 'unavailable') this.failedUnavailable++;
    else this.failedError++;
    this.network.tracer?.requestFailed(logical, reason);
    this.finished(client, false);
  }

  /** Retries refused by the budget. */
  get retriesDenied(): number {
    return this.client.retry?.denied ?? 0;
  }
}
