import { WorkerChannel } from '../bridge/workerChannel';
import { createSimWorker, type WorkerFactory } from '../bridge/workerHandle';

/** A slice of a side run never holds its worker longer than this: cancelling stays quick. */
export const SIDE_SLICE_MS = 150;

/**
 * A simulation worker of its own for a side job (an A/B variant, replications, theory), from the
 * same worker entry as the page's run, so the run on screen is never paused or disturbed. Each
 * call is one short slice; aborting terminates the worker, as the main bridge does.
 */
export function createSideChannel(createWorker: WorkerFactory = createSimWorker): WorkerChannel {
  return new WorkerChannel({
    createWorker,
    callTimeoutMs: 30_000,
    // A side job loads its scenario itself in its first call: nothing to restore.
    prepare: async () => {},
    // The next call of the job rejects with the crash; nothing else is listening.
    onIdleCrash: () => {},
  });
}
