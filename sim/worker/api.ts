import type { FaultSpec } from '../scenarios/schema/faultSchema';
import { buildRunReport, type RunReport } from '../metrics/runReport';
import { PRESETS, presetTitle } from '../scenarios/presets';
import { checkRunOptions } from '../scenarios/runScenario';
import type { Scenario } from '../scenarios/schema/scenarioSchema';
import { Simulation } from '../scenarios/simulation';
import { validateScenario, type Validation } from '../scenarios/validateScenario';
import { checkFault } from './checkFault';
import { runToProblem } from './checkRunTo';
import { lessonApi } from './lessonApi';
import { describeLoad, type LoadedLayout } from './loadResult';
import { runSeriesCsv } from './seriesExport';
import { takeSnapshot, type Snapshot } from './snapshot';
import { ordersApi, withOrderJournals } from './ordersApi';
import { inspectApi } from './inspectApi';
import { theoryApi } from './theoryApi';
import { traceApi, withTracing } from './traceApi';

export type { SeriesSubjectKind } from './loadResult';

/**
 * The worker's API: plain functions over one simulation, exposed with comlink by sim.worker.ts.
 * The UI's type for it is `typeof api` (never written twice). Pacing is the caller's business:
 * `advance` runs a slice of simulated time within a wall-clock budget and returns a snapshot, so
 * the page asks for one slice per frame and the worker never needs a timer.
 */
export type LoadResult = LoadedLayout | { ok: false; errors: string[] };

export type InjectResult =
  | {
      ok: true;
      /** The fault as scheduled: defaults filled in, `at` not before the time it was injected. */
      fault: FaultSpec;
      /** Every fault injected into this run so far, in order. */
      injected: FaultSpec[];
    }
  | { ok: false; errors: string[] };

/** One slice of a run to a simulated time: refused (nothing ran), or where the slice stopped. */
export type RunToResult = { ok: true; snapshot: Snapshot } | { ok: false; errors: string[] };

let sim: Simulation | undefined;
let loaded: { input: unknown; scenario: Scenario; seed: number; warnings: string[] } | undefined;
/** Faults injected since the last load or reset: they belong to this run only. */
let injected: FaultSpec[] = [];
let wallMs = 0;

function current(): Simulation {
  if (!sim) throw new Error('no scenario loaded: call load() first');
  return sim;
}

/** Events run between two looks at the wall clock inside `advance` and `runTo`. */
const EVENTS_PER_CHECK = 20_000;

/** Runs `s` towards `target` until it is there or `budgetMs` of wall time is spent. */
function runSlice(s: Simulation, target: number, budgetMs: number): void {
  const started = performance.now();
  while (s.now < target) {
    // Fewer than EVENTS_PER_CHECK events left before the target: the clock lands on it.
    s.runUntil(target, EVENTS_PER_CHECK);
    if (performance.now() - started >= budgetMs) break;
  }
  wallMs += performance.now() - started;
}

export const api = {
  ...ordersApi(() => sim),
  ...inspectApi(() => current()),
  ...theoryApi,
  ...traceApi(current),
  presets(): { name: string; title: string }[] {
    return Object.keys(PRESETS).map((name) => ({ name, title: presetTitle(name) }));
  },

  presetDocument(name: string): unknown {
    return PRESETS[name];
  },

  /**
   * Checks a scenario document without loading it, with the validator `load` uses: the page lists
   * a preset's editable fields from the result before it applies a link's edits to it.
   */
  validate(input: unknown): Validation {
    return validateScenario(input);
  },

  /** Validates and loads a scenario document; on errors the previous simulation is kept. */
  load(input: unknown, seed?: number): LoadResult {
    const result = validateScenario(input);
    if (!result.ok) return { ok: false, errors: result.errors };
    const errors = checkRunOptions(result.scenario, { seed });
    if (errors.length > 0) return { ok: false, errors };
    loaded = {
      input,
      scenario: result.scenario,
      seed: seed ?? result.scenario.seed,
      warnings: result.warnings,
    };
    sim = withTracing(withOrderJournals(new Simulation(loaded.scenario, loaded.seed)));
    injected = [];
    wallMs = 0;
    return describeLoad(sim, result.warnings);
  },

  /** Back to t = 0 with the same scenario and seed; injected faults are dropped. */
  reset(): Snapshot {
    if (!loaded) throw new Error('no scenario loaded: call load() first');
    sim = withTracing(withOrderJournals(new Simulation(loaded.scenario, loaded.seed)));
    injected = [];
    wallMs = 0;
    return takeSnapshot(sim, 0, -1);
  },

  /**
   * Runs until simulated time now + `simSeconds` (Infinity: as fast as possible) or until
   * `budgetMs` of wall time is spent, whichever comes first.
   */
  advance(simSeconds: number, budgetMs: number, knownBuckets = 0, knownResolution = -1): Snapshot {
    const s = current();
    runSlice(s, Math.min(s.duration, s.now + Math.max(0, simSeconds)), budgetMs);
    return takeSnapshot(s, knownBuckets, knownResolution);
  },

  /**
   * Runs to simulated time `t` exactly (every event up to and at `t`, then the clock on `t`),
   * for at most `budgetMs` of wall time: call again until the snapshot's `now` is `t`, so a long
   * run shows progress and can stop between slices. `t` must be a number after now and no
   * later than the run's duration; anything else is refused with a message naming the field and
   * the range (never thrown: a throw would cost the page its worker), and nothing runs.
   */
  runTo(t: number, budgetMs = Infinity, knownBuckets = 0, knownResolution = -1): RunToResult {
    if (!sim) return { ok: false, errors: ['Run to: no scenario is loaded yet'] };
    const problem = runToProblem(t, sim.now, sim.duration);
    if (problem !== null) return { ok: false, errors: [problem] };
    runSlice(sim, t, budgetMs);
    return { ok: true, snapshot: takeSnapshot(sim, knownBuckets, knownResolution) };
  },

  /** Executes exactly one event. */
  step(knownBuckets = 0, knownResolution = -1): Snapshot {
    const s = current();
    // A run that has not moved yet has queued nothing: its components schedule their first
    // events when the kernel starts (idempotent), so "step one event" must start it first.
    s.kernel.start();
    if (!s.done && s.kernel.nextTime() <= s.duration) s.kernel.step();
    return takeSnapshot(s, knownBuckets, knownResolution);
  },

  snapshot(knownBuckets = 0, knownResolution = -1): Snapshot {
    return takeSnapshot(current(), knownBuckets, knownResolution);
  },

  /**
   * Injects one fault (the shape of a scenario's `faults` entry) into the running simulation at
   * max(now, at); `at` omitted: the fault's own `at`, or now. Refused with one message per
   * problem, naming the field, and the run goes on unchanged.
   */
  injectFault(fault: unknown, at?: number): InjectResult {
    const s = current();
    const checked = checkFault(loaded!.scenario, fault, at, s.now);
    if (!checked.ok) return checked;
    s.injectFault(checked.fault);
    injected.push(checked.fault);
    return { ok: true, fault: checked.fault, injected: [...injected] };
  },

  /**
   * The loaded scenario document with the injected faults appended to its `faults`: run with
   * the same seed (`npm run sim -- <file> --seed N`) it reproduces this run.
   */
  scenarioDocument(): unknown {
    if (!loaded) throw new Error('no scenario loaded: call load() first');
    const doc = loaded.input as Record<string, unknown>;
    if (injected.length === 0) return doc;
    const own = Array.isArray(doc.faults) ? (doc.faults as unknown[]) : [];
    return { ...doc, faults: [...own, ...injected] };
  },

  /** The run so far in the CLI's --json format: same scenario and seed, same numbers. */
  report(): RunReport {
    const s = current();
    return buildRunReport(s, Math.round(wallMs), loaded?.warnings ?? []);
  },

  /** The run's time series so far as CSV: a header row, then one row per bucket. */
  seriesCsv(): string {
    return runSeriesCsv(current());
  },

  ...lessonApi(() => sim),
};

export type SimApi = typeof api;
