import { api } from '../../../sim/worker/api';
import type { FrameScheduler } from '../../../src/bridge/frames';
import { SimBridge } from '../../../src/bridge/simBridge';
import type { SimRemote, WorkerFactory } from '../../../src/bridge/workerHandle';
import { createAppStore } from '../../../src/store/store';

/** The real worker API in this process, answering asynchronously as comlink would. */
export const inProcess: WorkerFactory = () => ({
  api: new Proxy(
    {},
    {
      get:
        (_, name: string) =>
        async (...args: unknown[]) => {
          await new Promise((r) => setTimeout(r, 0));
          const fn = api[name as keyof typeof api] as (...a: unknown[]) => unknown;
          return structuredClone(fn(...args));
        },
    },
  ) as SimRemote,
  terminate: () => {},
});

const noFrames: FrameScheduler = { request: () => 1, cancel: () => {}, now: () => 0 };

/** A page's store and bridge over the in-process worker, started from `query`. */
export async function startPage(query: string) {
  const store = createAppStore();
  const bridge = new SimBridge(store, { createWorker: inProcess, frames: noFrames });
  await bridge.start(query);
  return { store, bridge, state: () => store.getState() };
}
