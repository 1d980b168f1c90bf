import type { RunRequest } from '../bridge/runLoader';
import type { WorkerFactory } from '../bridge/workerHandle';
import { runToReport, type VariantRun } from './runToReport';
import { createSideChannel } from './sideChannel';

export type AbOutcome =
  { ok: true; a: VariantRun; b: VariantRun } | { ok: false; variant: 'A' | 'B'; errors: string[] };

/**
 * Runs variants A and B on the same seed, each in a worker of its own, in parallel (two cores
 * finish it in the time of one run). `b.seed` is forced to `a.seed`: the same seed is the whole
 * point, since random streams are named after components and the same source then draws the same
 * arrivals in both runs (common random numbers, sim/metrics/compare.ts). Both workers are
 * terminated when it settles, whether finished, refused or cancelled.
 */
export async function runAB(
  a: RunRequest,
  b: RunRequest,
  until: number | undefined,
  onProgress: (a: number, b: number) => void,
  signal: AbortSignal,
  createWorker?: WorkerFactory,
): Promise<AbOutcome> {
  const channels = [createSideChannel(createWorker), createSideChannel(createWorker)] as const;
  const progress = [0, 0];
  const report = (i: 0 | 1) => (share: number) => {
    progress[i] = share;
    onProgress(progress[0]!, progress[1]!);
  };
  // A refused variant stops the other: half a comparison is no result.
  const both = new AbortController();
  const forward = () => both.abort(signal.reason);
  signal.addEventListener('abort', forward, { once: true });
  let refused: AbOutcome | null = null;
  const run = async (i: 0 | 1, request: RunRequest) => {
    const outcome = await runToReport(channels[i], request, until, report(i), both.signal);
    if (!outcome.ok) {
      refused ??= { ok: false, variant: i === 0 ? 'A' : 'B', errors: outcome.errors };
      both.abort(new Error('the other variant was refused'));
    }
    return outcome;
  };
  try {
    const [ra, rb] = await Promise.all([run(0, a), run(1, { ...b, seed: a.seed })]);
    if (!ra.ok || !rb.ok) return refused!;
    return { ok: true, a: ra.run, b: rb.run };
  } catch (error) {
    if (refused !== null && !signal.aborted) return refused;
    throw error;
  } finally {
    signal.removeEventListener('abort', forward);
    for (const channel of channels) channel.dispose();
  }
}
