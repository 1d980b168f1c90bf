import { abortable } from './abortable';
import type { SimRemote, WorkerFactory, WorkerHandle } from './workerHandle';

export interface ChannelOptions {
  createWorker: WorkerFactory;
  /** A call the worker has not answered after this long is aborted. */
  callTimeoutMs: number;
  /** Runs on a fresh worker before the first call that asks for it (reloads the scenario). */
  prepare(api: SimRemote): Promise<void>;
  /** A worker crashed while no call was out to hear it. */
  onIdleCrash(error: Error): void;
}

/**
 * Calls into the simulation worker, one at a time (a promise queue). A call that fails, times
 * out or is aborted terminates its worker; the next call starts a fresh one. The worker is
 * created lazily, so nothing runs until the first call.
 */
export class WorkerChannel {
  private handle: WorkerHandle | null = null;
  private controller: AbortController | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;

  constructor(private readonly options: ChannelOptions) {}

  /** Calls queued or in flight. */
  get pending(): number {
    return this.queued;
  }

  /** Queues `task` behind every earlier call; on a fresh worker `prepare` runs first if `prepare`. */
  call<T>(task: (api: SimRemote) => Promise<T>, prepare = true): Promise<T> {
    this.queued++;
    const result = this.queue
      .then(() => this.run(task, prepare))
      .finally(() => {
        this.queued--;
      });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the call in flight: its worker is terminated and replaced on the next call. */
  abort(reason: string): void {
    this.controller?.abort(new Error(reason));
  }

  dispose(): void {
    this.abort('the page closed');
    if (this.handle) this.drop(this.handle);
  }

  private async run<T>(task: (api: SimRemote) => Promise<T>, prepare: boolean): Promise<T> {
    const fresh = this.handle === null;
    const handle = this.handle ?? this.spawn();
    const controller = new AbortController();
    this.controller = controller;
    const { callTimeoutMs } = this.options;
    const timer = setTimeout(
      () => controller.abort(new Error(`the worker did not answer within ${callTimeoutMs} ms`)),
      callTimeoutMs,
    );
    const work = async () => {
      if (fresh && prepare) await this.options.prepare(handle.api);
      return task(handle.api);
    };
    try {
      return await abortable(work(), controller.signal);
    } catch (error) {
      this.drop(handle);
      throw error;
    } finally {
      clearTimeout(timer);
      if (this.controller === controller) this.controller = null;
    }
  }

  private spawn(): WorkerHandle {
    const handle = this.options.createWorker((message) => this.crashed(handle, message));
    this.handle = handle;
    return handle;
  }

  private crashed(handle: WorkerHandle, message: string): void {
    if (handle !== this.handle) return;
    if (this.controller) this.controller.abort(new Error(message));
    else {
      this.drop(handle);
      this.options.onIdleCrash(new Error(message));
    }
  }

  private drop(handle: WorkerHandle): void {
    handle.terminate();
    if (this.handle === handle) this.handle = null;
  }
}
