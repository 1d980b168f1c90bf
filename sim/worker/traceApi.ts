import type { Simulation } from '../scenarios/simulation';
import { DEFAULT_TRACE_OPTIONS, TraceRecorder, type TraceOptions } from '../trace/traceRecorder';
import type { TraceQuery } from '../trace/traceStore';
import type { Trace, TraceSummary } from '../trace/traceTypes';
import { DEFAULT_STORE_LIMITS } from '../trace/traceStore';

export type { Trace, TraceSummary } from '../trace/traceTypes';

export interface TracingSettings {
  enabled: boolean;
  samplesPerSecond: number;
}

/**
 * On by default in the worker: bench/traces.ts (lunch peak, 2 simulated seconds, ~3.2M events)
 * found no cost above the noise of a shared machine (median CPU ratio traced/untraced 1.02 and
 * 0.81 in two runs), since only ~20 requests per source and simulated second are followed hop
 * by hop. The CLI, which never imports this file, runs without it.
 */
let settings: TracingSettings = {
  enabled: true,
  samplesPerSecond: DEFAULT_TRACE_OPTIONS.samplesPerSecond,
};
const recorders = new WeakMap<Simulation, TraceRecorder>();

/**
 * Attaches a trace recorder to a freshly made simulation of the loaded run (before any event
 * runs, so it is traced from t = 0), when tracing is on. The worker's load and reset call it; the
 * side runs of other panels (race replays, read-after-write points) are not traced.
 */
export function withTracing(sim: Simulation): Simulation {
  if (!settings.enabled) return sim;
  const options: TraceOptions = {
    samplesPerSecond: settings.samplesPerSecond,
    limits: DEFAULT_STORE_LIMITS,
  };
  recorders.set(sim, TraceRecorder.attachedTo(sim, options));
  return sim;
}

/**
 * Per-request traces of the loaded run, spread into the worker's `api`; `current` is the api's
 * accessor for the simulation (it throws when none is loaded).
 */
export function traceApi(current: () => Simulation) {
  // No run loaded yet is not an error here: a failed call would cost the page its worker.
  const recorder = () => {
    try {
      return recorders.get(current());
    } catch {
      return undefined;
    }
  };
  return {
    /** Tracing for the runs loaded or reset from now on (the current run keeps its setting). */
    enableTracing(next: Partial<TracingSettings> = {}): TracingSettings {
      settings = { ...settings, enabled: true, ...next };
      return settings;
    },

    tracingSettings(): TracingSettings & { recording: boolean } {
      return { ...settings, recording: recorder() !== undefined };
    },

    /** Finished traces that ended in [from, to], oldest first: sampled ones and every failure. */
    traces(query: TraceQuery = {}): TraceSummary[] {
      return recorder()?.store.list(query) ?? [];
    },

    /** One trace with its attempts and hops, by logical request id. */
    trace(id: number): Trace | undefined {
      return recorder()?.store.byId(id);
    },

    /** The trace that ended nearest simulated time `t` (the slowest within `window` s of it). */
    traceNear(t: number, window = 0, source?: string): Trace | undefined {
      return recorder()?.store.near(t, window, source);
    },
  };
}
