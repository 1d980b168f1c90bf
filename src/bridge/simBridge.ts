import type { RunReport } from '../../sim/metrics/runReport';
import type { InjectResult, RunToResult } from '../../sim/worker/api';
import type { Snapshot } from '../../sim/worker/snapshot';
import type { Speed } from '../store/runSlice';
import type { AppStore } from '../store/store';
import type { DraftEdit, Edit } from '../store/edits';
import { editsLinkProblem, MAX_FAULTS } from '../store/urlCodec';
import { encodeDesign } from '../store/urlDesign';
import { DEFAULT_PRESET, readUrlState } from '../store/urlState';
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
/** Budget for each slice of a "run to": short, so the clock and progress bar move as it runs. */
const RUN_TO_BUDGET_MS = 100;

interface LoadedRun {
  name: string;
  /** The document the worker runs: the preset with `edits` applied. */
  doc: unknown;
  seed: number;
  edits: readonly Edit[];
  /** The document edits apply to when it is no preset (a design); undefined for a preset. */
  base?: unknown;
  /** `base` encoded for the page address (urlDesign). */
  design?: string;
}

export type LoadOutcome = { ok: true } | { ok: false; errors: string[] };

/**
 * Where a run to a simulated time ended: at the time asked for (`now` is it), stopped earlier
 * (paused, another command, an aborted signal: `now` is where it got to), or refused with the
 * messages of what was wrong (nothing ran).
 */
export type RunToOutcome =
  { ok: true; now: number; stopped: boolean } | { ok: false; errors: string[] };

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
  /** The run to a simulated time under way, if any: pausing clears it, and the run stops. */
  private runningTo: object | null = null;

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

  /** The design on screen as the page address holds it; undefined while a preset is loaded. */
  get designParam(): string | undefined {
    return this.current?.design;
  }

  /**
   * Lists the presets, then loads the run the URL names (or the default). A link whose edits or
   * faults the preset refuses, or whose design the validator refuses, is reported with the
   * validator's messages, and the default lesson is shown instead.
   */
  async start(search: string): Promise<void> {
    try {
      const presets = await this.channel.call((api) => api.presets(), false);
      this.state.setPresets(presets);
      const url = await readUrlState(
        search,
        presets.map((p) => p.name),
      );
      for (const error of url.errors) this.state.addError(error);
      const { design, ...run } = url;
      if (design !== undefined) {
        // Loaded as "Run this design" loads it, with the link's seed, edits and faults.
        const outcome = await this.load({ ...run, name: '', base: design });
        if (outcome.ok || outcome.crashed) return;
        this.state.addError(
          `URL parameter "design": the design was refused: ${outcome.errors.join('; ')}; showing ${DEFAULT_PRESET} instead.`,
        );
        await this.loadPreset(DEFAULT_PRESET);
        return;
      }
      const outcome = await this.load({ ...run, name: url.preset });
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
   * stays. The page address then holds the design (`design=v1.<...>`), so a copied address opens
   * the same run.
   */
  async loadDocument(doc: unknown): Promise<LoadOutcome> {
    const outcome = await this.load({ name: '', base: doc });
    return outcome.ok ? { ok: true } : { ok: false, errors: outcome.errors };
  }

  /** Loads a run; on refusal the previous run stays (its status too) and the errors come back. */
  private async load(request: RunRequest): Promise<LoadOutcome & { crashed?: boolean }> {
    const previous = this.state.run.status;
    this.pause();
    this.state.setStatus('loading');
    try {
      const design = request.base === undefined ? undefined : await encodeDesign(request.base);
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
        // A design is named and titled by its own document.
        const { scenario } = result.loaded;
        const name = design === undefined ? request.name : scenario.name;
        this.current = {
          name,
          doc: result.doc,
          seed: result.loaded.seed,
          edits: result.edits,
          base: request.base,
          ...(design === undefined ? {} : { design }),
        };
        const title =
          design === undefined
            ? (this.state.run.presets.find((p) => p.name === name)?.title ?? name)
            : (scenario.title ?? name);
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
      // onRunChanged names presets only: a design's link is its document (see designParam).
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
    // Playing takes over from a run to a time still in its first slice.
    this.runningTo = null;
    this.state.setStatus('playing');
    this.lastRequest = this.frames.now();
    this.frame ??= this.frames.request(this.onFrame);
  }

  pause(): void {
    if (this.frame !== null) this.frames.cancel(this.frame);
    this.frame = null;
    this.runningTo = null;
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

  /**
   * Runs the simulated clock to exactly `t` seconds (fractions too), as fast as the worker goes,
   * in short slices so the clock, charts and progress bar follow it; the status reads "playing"
   * meanwhile, so Pause (or any other command, or aborting `signal`) stops it between slices
   * where it got to. The run then shows the same time, figures and report as a run stepped to
   * `t`. A `t` that is no number after now and up to the run's duration is refused with a
   * message naming the field and the range.
   */
  async runTo(t: number, signal?: AbortSignal): Promise<RunToOutcome> {
    if (!this.current) return { ok: false, errors: ['Run to: no scenario is loaded yet'] };
    this.pause();
    if (signal?.aborted) return { ok: true, now: this.state.run.now, stopped: true };
    const own = {};
    this.runningTo = own;
    const stillOurs = () => this.runningTo === own && signal?.aborted !== true;
    const stop = () => {
      if (this.runningTo === own) this.pause();
    };
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for (let first = true; ; first = false) {
        const result = await this.channel.call<RunToResult>(async (api) => {
          const { buckets, resolution } = this.state.series;
          const slice = await api.runTo(t, RUN_TO_BUDGET_MS, buckets, resolution);
          if (slice.ok) this.take(slice.snapshot);
          return slice;
        });
        if (!result.ok) {
          if (!first) return { ok: true, now: this.state.run.now, stopped: true };
          if (this.runningTo === own) this.runningTo = null;
          return result;
        }
        const { now, done } = result.snapshot;
        if (done) this.finish();
        if (now >= t || done) {
          if (this.runningTo === own) this.pause();
          return { ok: true, now, stopped: false };
        }
        if (!stillOurs()) return { ok: true, now, stopped: true };
        if (first) this.state.setStatus('playing');
      }
    } catch (error) {
      this.fail(error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, errors: [message] };
    } finally {
      signal?.removeEventListener('abort', stop);
    }
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
    this.requestSlice(time);
  };

  /**
   * Asks the worker for the next slice unless one is out. At "max" a slice that comes back asks
   * for the next one at once, before the page takes it in: waiting for the next animation frame
   * left the worker idle for the rest of it (about a quarter of its time with 30 ms slices), and
   * waiting for the page to take in the snapshot left it idle for that (bench:ui). The page still
   * shows the newest snapshot each frame. Only while the frame loop runs: a pause or a run to a
   * time (which stops the loop) ends the chain.
   */
  private requestSlice(time: number): void {
    if (this.channel.pending > 0) return;
    const { simSeconds, budgetMs } = sliceFor(
      this.state.run.speed,
      (time - this.lastRequest) / 1000,
    );
    this.lastRequest = time;
    void this.command(
      (api) => {
        const { buckets, resolution } = this.state.series;
        return api.advance(simSeconds, budgetMs, buckets, resolution);
      },
      false,
      (snapshot) => {
        const { status, speed } = this.state.run;
        if (this.frame !== null && status === 'playing' && speed === 'max' && !snapshot.done) {
          this.requestSlice(this.frames.now());
        }
      },
    );
  }

  /** Runs a call for its answer; a failure is reported with how to reproduce it, then thrown. */
  private async fetch<T>(task: (api: SimRemote) => Promise<T>): Promise<T> {
    try {
      return await this.channel.call(task);
    } catch (error) {
      this.fail(error);
      throw error;
    }
  }

  /**
   * Runs a call that returns a snapshot and shows it; failures are reported, never thrown.
   * `beforeTake` runs once the worker has answered (the channel is free), before the page takes
   * the snapshot in.
   */
  private async command(
    task: (api: SimRemote) => Promise<Snapshot>,
    userAction = true,
    beforeTake?: (snapshot: Snapshot) => void,
  ): Promise<void> {
    if (userAction && !this.current) return;
    try {
      const snapshot = await this.channel.call(task);
      beforeTake?.(snapshot);
      this.take(snapshot);
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
      run.edits.length > 0 || run.design !== undefined
        ? `Reproduce it with the page address (it holds the design and edits), or "Export scenario" and ` +
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
