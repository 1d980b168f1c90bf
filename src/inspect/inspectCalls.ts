import type { SimBridge } from '../bridge/simBridge';
import type { SimRemote } from '../bridge/workerHandle';

/**
 * Runs one Inspect call on the simulation worker, queued with the run's own calls (one worker,
 * one call at a time). The worker's inspect functions answer bad input and "nothing loaded" with
 * values, not errors, so a call here never costs the page its worker.
 */
export function inspectCall<T>(
  bridge: SimBridge,
  task: (api: SimRemote) => Promise<T>,
): Promise<T> {
  return bridge.inspect(task);
}
