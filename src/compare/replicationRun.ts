import { summariseReplications, type ReplicationReport } from '../../sim/metrics/replications';
import type { RunReport } from '../../sim/metrics/runReport';
import type { RunRequest } from '../bridge/runLoader';
import type { WorkerFactory } from '../bridge/workerHandle';
import { runToReport } from './runToReport';
import { createSideChannel } from './sideChannel';

export type ReplicationOutcome =
  { ok: true; summary: ReplicationReport } | { ok: false; errors: string[] };

/**
 * Runs `request` on seeds S, S+1, ..., S+n-1 (S its seed), one after the other in a worker of its
 * own, each to `until` with the scenario's warm-up left out of its report, and summarises every
 * key figure as the mean and 95% Student-t interval over the runs, with the closed form where the
 * worker finds one: sim/metrics/replications.ts, the CLI's --replications. `onProgress` hears the
 * share done, runs and fractions of runs together.
 */
export async function runReplications(
  request: RunRequest & { seed: number },
  n: number,
  until: number | undefined,
  onProgress: (share: number) => void,
  signal: AbortSignal,
  createWorker?: WorkerFactory,
): Promise<ReplicationOutcome> {
  const channel = createSideChannel(createWorker);
  try {
    const reports: RunReport[] = [];
    for (let i = 0; i < n; i++) {
      const seeded = { ...request, seed: request.seed + i };
      const progress = (share: number) => onProgress((i + share) / n);
      const outcome = await runToReport(channel, seeded, until, progress, signal, false);
      if (!outcome.ok)
        return { ok: false, errors: outcome.errors.map((e) => `seed ${seeded.seed}: ${e}`) };
      reports.push(outcome.run.report);
    }
    // The theory of the scenario as the worker ran it: the document with its injected faults.
    const theory = await channel.call(async (api) => {
      const checked = await api.validate(await api.scenarioDocument());
      return checked.ok ? api.stationTheory(checked.scenario) : {};
    }, false);
    const wallMs = reports.reduce((sum, r) => sum + r.wallMs, 0);
    return { ok: true, summary: summariseReplications(reports, theory, wallMs) };
  } finally {
    channel.dispose();
  }
}
