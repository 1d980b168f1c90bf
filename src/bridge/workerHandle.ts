import { releaseProxy, wrap, type Remote } from 'comlink';
import type { SimApi } from '../../sim/worker/api';

export type SimRemote = Remote<SimApi>;

/** One worker and its comlink proxy. */
export interface WorkerHandle {
  api: SimRemote;
  terminate(): void;
}

/** `onCrash` hears what the worker cannot report through a rejected call (load or script errors). */
export type WorkerFactory = (onCrash: (message: string) => void) => WorkerHandle;

export const createSimWorker: WorkerFactory = (onCrash) => {
  const worker = new Worker(new URL('../../sim/worker/sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'peaklab-sim',
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onCrash(event.message || 'the simulation worker failed to start or crashed');
  });
  worker.addEventListener('messageerror', () =>
    onCrash('a message from the worker could not be read'),
  );
  const api = wrap<SimApi>(worker);
  return {
    api,
    terminate() {
      api[releaseProxy]();
      worker.terminate();
    },
  };
};
