import type { SimBridge } from '../bridge/simBridge';
import type { SimRemote } from '../bridge/workerHandle';

/**
 * Runs `task` on the page's simulation worker, queued behind the run's own calls, through the
 * bridge's read-only `inspect` door. The trace calls answer "nothing loaded" with empty values,
 * never an error, so a call here never costs the page its worker.
 */
export function callWorker<T>(bridge: SimBridge, task: (api: SimRemote) => Promise<T>): Promise<T> {
  return bridge.inspect(task);
}
