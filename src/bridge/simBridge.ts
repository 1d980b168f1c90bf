import type { RunReport } from '../../sim/metrics/runReport';
import type { InjectResult } from '../../sim/worker/api';
import type { Snapshot } from '../../sim/worker/snapshot';
import type { Speed } from '../store/runSlice';
import type { AppStore } from '../store/store';
import type { DraftEdit, Edit } from '../store/edits';
import { editsLinkProblem, MAX_FAULTS } from '../store/urlCodec';
import { DEFAULT_PRESET, parseUrlState } from '../store/urlState';
import { animationFrames, type FrameScheduler } from './frames';
import { sliceFor } from './pacing';
import { loadRun, type RunRequest } from './runLoader';
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
  /** The document the worker runs: the preset with `edits` applied. */
  doc: unknown;
  seed: number;
  edits: readonly Edit[];
  /** The document edits apply to when it is no preset (a design); undefined for a preset. */
  base?: unknown;
}

export type LoadOutcome = { ok: true } | { ok: false; errors: string[] };

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

  /**
   * Lists the presets, then loads the run the URL names (or the default). A link whose edits or
   * faults the preset refuses is reported with the validator's messages, and the default lesson
   * is shown instead.
   */
  async start(search: string): Promise<void> {
    try {
      const presets = await this.channel.call((api) => api.presets(), false);
      this.state.setPresets(presets);
      const url = parseUrlState(
        search,
        presets.map((p) => p.name),
      );
      for (const error of url.errors) this.state.addError(error);
      const outcome = await this.load({ ...url, name: url.preset });
      if (outcome.ok || outcome.crashed) return;
      if (url.edits.length === 0 && url.faults.length === 0) {
        this.reportRefusal(url.preset, outcome.errors);
        return;
      }
      this.state.addError(
        `The link's edits or faults do not fit "${url.preset}": ${outcome.errors.join('; ')}; showing ${DEFAULT_PRESET} instead.`,
      );
      await this.loadPreset(DEFAULT_PRESET);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Loads a preset with `seed` (undefined: the preset's own). Resolves false when refused. */
  async loadPreset(name: string, seed?: number): Promise<boolean> {
    const outcome = await this.load({ name, seed });
    if (!outcome.ok && !outcome.crashed) this.reportRefusal(name, outcome.errors);
    return outcome.ok;
  }

  /** The same preset and edits with another seed. Resolves false when refused. */
  async changeSeed(seed: number): Promise<boolean> {
    if (!this.current) return false;
    const { name, edits, base } = this.current;
    const outcome = await this.load({ name, seed, edits, base });
    if (!outcome.ok && !outcome.crashed) this.reportRefusal(name, outcome.errors);
    return outcome.ok;
  }

  /**
   * Reloads the preset with these knob edits (all of them, not only the new ones) and the same
   * seed, from t = 0. Refused edits come back with the validator's messages, and the run on
   * screen goes on as it was.
   */
  async applyEdits(edits: readonly DraftEdit[]): Promise<LoadOutcome> {
    if (!this.current) return { ok: false, errors: ['no scenario is loaded yet'] };
    const tooMany = editsLinkProblem(edits);
    if (tooMany) return { ok: false, errors: [tooMany] };
    const { name, seed, base } = this.current;
    return this.load({ name, seed, edits, base });
  }

  /**
   * Loads a scenario document that is no preset (a "Build your own" design) with its own seed,
   * from t = 0. A refused document comes back with the validator's messages and the run on screen
   * stays. The page address keeps its preset: a design travels as a file, not as a link.
   */
  async loadDocument(doc: unknown): Promise<LoadOutcome> {
    const previous = this.state.run.status;
    this.pause();
    this.state.setStatus('loading');
    try {
      return await this.channel.call(async (api): Promise<LoadOutcome> => {
        const loaded = await api.load(doc);
        if (!loaded.ok) {
          // A refused design leaves the run as it was, paused if it was playing.
          const kept = previous === 'playing' || previous === 'loading' ? 'paused' : previous;
          this.state.setStatus(kept);
          return { ok: false, errors: loaded.errors };
        }
        const { name, title } = loaded.scenario;
        this.current = { name, doc, seed: loaded.seed, edits: [], base: doc };
        this.state.scenarioLoaded(name, title ?? name, loaded, []);
        this.state.ingest(await api.snapshot(0, -1));
        return { ok: true };
      }, false);
    } catch (error) {
      this.fail(error);
      return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
    }
  }

  /** Loads a run; on refusal the previous run stays (its status too) and the errors come back. */
  private async load(request: RunRequest): Promise<LoadOutcome & { crashed?: boolean }> {
    const previous = this.state.run.status;
    this.pause();
    this.state.setStatus('loading');
    try {
      const outcome = await this.channel.call(async (api) => {
        const result = await loadRun(api, request);
        if (!result.ok) {
          // The worker took the new scenario before refusing a fault: give it ours back.
          if (result.replaced && this.current) {
            await api.load(this.current.doc, this.current.seed);
            this.state.runCleared();
            this.state.ingest(await api.snapshot(0, -1));
          }
          return result;
        }
        const { name } = request;
        this.current = {
          name,
          doc: result.doc,
          seed: result.loaded.seed,
          edits: result.edits,
          base: request.base,
        };
        const title = this.state.run.presets.find((p) => p.name === name)?.title ?? name;
        this.state.scenarioLoaded(name, title, result.loaded, result.edits);
        if (result.injected.length > 0) this.state.faultsInjected(result.injected);
        this.state.ingest(await api.snapshot(0, -1));
        return result;
      }, false);
      if (!outcome.ok) {
        // A refused load leaves the run as it was, playing included; a reloaded one is at t = 0.
        const resume = previous === 'playing' && !outcome.replaced;
        const stays = previous !== 'loading' && previous !== 'starting' && !outcome.replaced;
        this.state.setStatus(stays && !resume ? previous : 'paused');
        if (resume) this.play();
        return { ok: false, errors: outcome.errors };
      }
      // A design has no link (it travels as a file): the address keeps its preset.
      if (request.base === undefined) this.onRunChanged?.(request.name, outcome.loaded.seed);
      return { ok: true };
    } catch (error) {
      this.fail(error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, errors: [message], crashed: true };
    }
  }

  private reportRefusal(name: string, errors: readonly string[]): void {
    this.state.addError(`Could not load "${name}": ${errors.join('; ')}`);
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

  /**
   * A read-only call on the worker for a panel (orders, breakers, traces...), queued with the
   * run's own calls: one worker, one call at a time. A worker that fails shows the usual error.
   */
  inspect<T>(task: (api: SimRemote) => Promise<T>): Promise<T> {
    return this.fetch(task);
  }

  /** Whether calls are queued on the worker: a poll can wait for a later frame instead. */
  get busy(): boolean {
    return this.channel.pending > 0;
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
    if (this.state.run.injectedFaults.length >= MAX_FAULTS) {
      return {
        ok: false,
        errors: [`a run holds at most ${MAX_FAULTS} injected faults (what its link can carry)`],
      };
    }
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
    // An edited run is not a preset: the page address holds its edits, the CLI needs a file.
    const reproduce =
      run.edits.length > 0
        ? `Reproduce it with the page address (it holds the edits), or "Export scenario" and ` +
          `npm run sim -- <file> --seed ${run.seed}`
        : `Reproduce it with: npm run sim -- ${run.name} --seed ${run.seed} ` +
          `(or ?preset=${run.name}&seed=${run.seed})`;
    this.state.addError(
      `The run of "${run.name}" with seed ${run.seed} stopped: ${message}. ${reproduce}. ` +
        `The simulation restarted at t = 0.`,
    );
    this.state.setStatus('paused');
    if (this.recovering) return;
    this.recovering = true;
    void this.command((api) => api.snapshot(0, -1), false).finally(() => {
      this.recovering = false;
    });
  }
}
