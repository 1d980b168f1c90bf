import type { RunReport } from '../../sim/metrics/runReport';
import type { WorkerChannel } from '../bridge/workerChannel';
import { loadRun, type RunRequest } from '../bridge/runLoader';
import { seriesColumn } from './seriesColumn';
import { SIDE_SLICE_MS } from './sideChannel';

/** A finished side run: the CLI's report, plus what the report's series leave out. */
export interface VariantRun {
  report: RunReport;
  /** Per source, the p99 latency of each series bucket (NaN: nothing finished in it). */
  p99BySource: Record<string, number[]>;
}

const EMPTY_SERIES: RunReport['series'] = {
  bucketSeconds: 0,
  t: [],
  stations: {},
  sources: {},
  caches: {},
  topics: {},
};

export type VariantOutcome = { ok: true; run: VariantRun } | { ok: false; errors: string[] };

/**
 * Loads `request` (preset, edits, faults, seed) in the channel's worker with the page's own
 * loader, runs it to `until` (undefined or past the end: the scenario's end) in short slices,
 * reporting the share done, and returns its report. Refusals come back as the validator's
 * messages; aborting `signal` terminates the worker and rejects.
 */
export async function runToReport(
  channel: WorkerChannel,
  request: RunRequest,
  until: number | undefined,
  onProgress: (share: number) => void,
  signal: AbortSignal,
  /** False: the report without its series, and no percentiles (replications need neither). */
  withSeries = true,
): Promise<VariantOutcome> {
  const stop = () => channel.abort(String(signal.reason ?? 'cancelled'));
  signal.addEventListener('abort', stop, { once: true });
  try {
    const loaded = await channel.call((api) => loadRun(api, request), false);
    if (!loaded.ok) return { ok: false, errors: loaded.errors };
    const duration = loaded.loaded.scenario.duration;
    const end = Math.min(until ?? duration, duration);
    let now = 0;
    // After the first slice, ask for no series rows: only the last snapshot needs them.
    let resolution = -1;
    while (now < end) {
      signal.throwIfAborted();
      const slice = await channel.call(
        (api) => api.advance(end - now, SIDE_SLICE_MS, Number.MAX_SAFE_INTEGER, resolution),
        false,
      );
      resolution = slice.series.resolution;
      now = slice.now;
      onProgress(end > 0 ? Math.min(1, now / end) : 1);
      if (slice.done) break;
    }
    signal.throwIfAborted();
    const report = await channel.call((api) => api.report(), false);
    const p99BySource: Record<string, number[]> = {};
    if (!withSeries) {
      onProgress(1);
      return { ok: true, run: { report: { ...report, series: EMPTY_SERIES }, p99BySource } };
    }
    const last = await channel.call((api) => api.snapshot(0, -1), false);
    for (const id of loaded.loaded.sourceIds) {
      p99BySource[id] =
        seriesColumn(loaded.loaded.seriesSubjects, last.series, 'source', id, 'latencyP99') ?? [];
    }
    onProgress(1);
    return { ok: true, run: { report, p99BySource } };
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
