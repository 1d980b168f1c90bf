import type { RunReport } from '../../sim/metrics/runReport';
import type { InjectResult } from '../../sim/worker/api';
import type { Snapshot } from '../../sim/worker/snapshot';
import type { Speed } from '../store/runSlice';
import type { AppStore } from '../store/store';
import { parseUrlState } from '../store/urlState';
import { animationFrames, type FrameScheduler } from './frames';
import { sliceFor } from './pacing';
import { WorkerChannel } from './workerChannel';
import { createSimWorker, type SimRemote, type WorkerFactory } from './workerHandle';

export interface BridgeOptions {
  createWorker?: WorkerFactory;
  frames?: FrameScheduler;
  /** A call the worker has not answered after this long is aborted (the worker is replaced). */
  callTimeoutMs?: number;
  /** Told after each successful load, so the page can put the run in its URL. */
  onRunChanged?: (preset: string, seed: number) => void;
}

/** Budget for the slices of a "step one second": small, so the watchdog never mistakes it. */
const STEP_BUDGET_MS = 250;

interface LoadedRun {
  name: string;
  doc: unknown;
  seed: number;
}

/**
 * The one place that talks to the simulation worker: run commands, and the pacing loop that asks
 * for one slice per animation frame and skips frames while a call is still out. Calls go through
 * a WorkerChannel (one at a time; a failed, timed-out or aborted call terminates the worker and
 * the next call starts a fresh one with the scenario reloaded); failures are reported with the
 * scenario and seed that reproduce them.
 */
export class SimBridge {
  private readonly channel: WorkerChannel;
  private frame: number | null = null;
  private lastRequest = 0;
  private current: LoadedRun | null = null;
  private readonly frames: FrameScheduler;
  private readonly onRunChanged: BridgeOptions['onRunChanged'];
  /** Set while the run restarts after a failure, so a second failure does not loop. */
  private recovering = false;

  constructor(
    private readonly store: AppStore,
    options: BridgeOptions = {},
  ) {
    this.frames = options.frames ?? animationFrames;
    this.onRunChanged = options.onRunChanged;
    this.channel = new WorkerChannel({
      createWorker: options.createWorker ?? createSimWorker,
      callTimeoutMs: options.callTimeoutMs ?? 15_000,
      // A fresh worker after a failure knows no scenario: load the current one, from t = 0.
      prepare: async (api) => {
        if (!this.current) return;
        const reloaded = await api.load(this.current.doc, this.current.seed);
        if (!reloaded.ok) throw new Error(reloaded.errors.join('; '));
        this.state.runCleared();
      },
      onIdleCrash: (error) => this.fail(error),
    });
  }

  private get state() {
    return this.store.getState();
  }

  /** Lists the presets, then loads the one the URL names (or the default). */
  async start(search: string): Promise<void> {
    try {
      const presets = await this.channel.call((api) => api.presets(), false);
      this.state.setPresets(presets);
      const url = parseUrlState(
        search,
        presets.map((p) => p.name),
      );
      for (const error of url.errors) this.state.addError(error);
      await this.loadPreset(url.preset, url.seed);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Loads a preset with `seed` (undefined: the preset's own). Resolves false when refused. */
  async loadPreset(name: string, seed?: number): Promise<boolean> {
    this.pause();
    const previous = this.state.run.status;
    this.state.setStatus('loading');
    try {
      const loaded = await this.channel.call(async (api) => {
        const doc = await api.presetDocument(name);
        if (doc === undefined) throw new Error(`unknown preset "${name}"`);
        const result = await api.load(doc, seed);
        if (!result.ok) return result;
        this.current = { name, doc, seed: result.seed };
        const title = this.state.run.presets.find((p) => p.name === name)?.title ?? name;
        this.state.scenarioLoaded(name, title, result);
        this.state.ingest(await api.snapshot(0, -1));
        return result;
      }, false);
      if (!loaded.ok) {
        this.state.addError(`Could not load "${name}": ${loaded.errors.join('; ')}`);
        this.state.setStatus(
          previous === 'loading' || previous === 'starting' ? 'paused' : previous,
        );
        return false;
      }
      this.onRunChanged?.(name, loaded.seed);
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  play(): void {
    const { status } = this.state.run;
    if (status !== 'paused' || !this.current) return;
    this.state.setStatus('playing');
    this.lastRequest = this.frames.now();
    this.frame ??= this.frames.request(this.onFrame);
  }

  pause(): void {
    if (this.frame !== null) this.frames.cancel(this.frame);
    this.frame = null;
    if (this.state.run.status === 'playing') this.state.setStatus('paused');
  }

  togglePlay(): void {
    if (this.state.run.status === 'playing') this.pause();
    else this.play();
  }

  setSpeed(speed: Speed): void {
    this.state.setSpeed(speed);
  }

  /** Executes exactly one simulation event. */
  stepEvent(): Promise<void> {
    this.pause();
    return this.command((api) => {
      const { buckets, resolution } = this.state.series;
      return api.step(buckets, resolution);
    });
  }

  /** Advances the simulated clock by exactly one second (or to the end of the run). */
  stepSecond(): Promise<void> {
    this.pause();
    return this.command(async (api) => {
      const target = this.state.run.now + 1;
      let snapshot: Snapshot;
      do {
        const { buckets, resolution } = this.state.series;
        snapshot = await api.advance(
          target - this.state.run.now,
          STEP_BUDGET_MS,
          buckets,
          resolution,
        );
        if (snapshot.now < target && !snapshot.done) this.take(snapshot);
      } while (snapshot.now < target && !snapshot.done);
      return snapshot;
    });
  }

  /** Back to t = 0 with the same scenario and seed. */
  reset(): Promise<void> {
    this.pause();
    return this.command(async (api) => {
      const snapshot = await api.reset();
      this.state.runCleared();
      return snapshot;
    });
  }

  /** The run so far in the CLI's --json format. */
  report(): Promise<RunReport> {
    return this.fetch((api) => api.report());
  }

  /** The run's time series so far as CSV. */
  seriesCsv(): Promise<string> {
    return this.fetch((api) => api.seriesCsv());
  }

  /** The loaded scenario with the injected faults appended: the CLI replays this run from it. */
  scenarioDocument(): Promise<unknown> {
    return this.fetch((api) => api.scenarioDocument());
  }

  /**
   * Injects one fault (a scenario `faults` entry) at max(now, `at`), or now. A refused fault
   * resolves with the errors, naming each field, and the run goes on as it was.
   */
  async injectFault(fault: Record<string, unknown>, at?: number): Promise<InjectResult> {
    if (!this.current) return { ok: false, errors: ['no scenario is loaded yet'] };
    const result = await this.fetch<InjectResult>((api) => api.injectFault(fault, at));
    if (result.ok) this.state.faultsInjected(result.injected);
    return result;
  }

  /** Stops the call in flight: its worker is terminated and replaced on the next call. */
  abort(reason = 'aborted'): void {
    this.channel.abort(reason);
  }

  dispose(): void {
    this.pause();
    this.channel.dispose();
  }

  private onFrame = (time: number): void => {
    this.frame = null;
    if (this.state.run.status !== 'playing') return;
    this.frame = this.frames.request(this.onFrame);
    if (this.channel.pending > 0) return;
    const { simSeconds, budgetMs } = sliceFor(
      this.state.run.speed,
      (time - this.lastRequest) / 1000,
    );
    this.lastRequest = time;
    void this.command((api) => {
      const { buckets, resolution } = this.state.series;
      return api.advance(simSeconds, budgetMs, buckets, resolution);
    }, false);
  };

  /** Runs a call for its answer; a failure is reported with how to reproduce it, then thrown. */
  private async fetch<T>(task: (api: SimRemote) => Promise<T>): Promise<T> {
    try {
      return await this.channel.call(task);
    } catch (error) {
      this.fail(error);
      throw error;
    }
  }

  /** Runs a call that returns a snapshot and shows it; failures are reported, never thrown. */
  private async command(
    task: (api: SimRemote) => Promise<Snapshot>,
    userAction = true,
  ): Promise<void> {
    if (userAction && !this.current) return;
    try {
      const snapshot = await this.channel.call(async (api) => {
        const s = await task(api);
        this.take(s);
        return s;
      });
      if (snapshot.done) this.finish();
    } catch (error) {
      this.fail(error);
    }
  }

  private take(snapshot: Snapshot): void {
    this.state.ingest(snapshot);
  }

  private finish(): void {
    this.pause();
    this.state.setStatus('finished');
  }

  /** Reports a failed call with what it takes to reproduce it, then restarts the run at t = 0. */
  private fail(error: unknown): void {
    this.pause();
    const message = error instanceof Error ? error.message : String(error);
    const run = this.current;
    if (!run) {
      this.state.addError(`The simulation worker failed: ${message}`);
      this.state.setStatus('paused');
      return;
    }
    this.state.addError(
      `The run of "${run.name}" with seed ${run.seed} stopped: ${message}. ` +
        `Reproduce it with: npm run sim -- ${run.name} --seed ${run.seed} ` +
        `(or ?preset=${run.name}&seed=${run.seed}). The simulation restarted at t = 0.`,
    );
    this.state.setStatus('paused');
    if (this.recovering) return;
    this.recovering = true;
    void this.command((api) => api.snapshot(0, -1), false).finally(() => {
      this.recovering = false;
    });
  }
}
