import { vi } from 'vitest';
import type { SimApi } from '../../../sim/worker/api';
import type { SimRemote, WorkerFactory } from '../../../src/bridge/workerHandle';

type Api = SimApi;

/**
 * Worker stand-ins running the real worker API in this process, asynchronously and with copies as
 * comlink would. The API keeps one simulation per module, like one per worker, so each stand-in
 * gets a fresh instance of the module: two of them can run side by side as two workers do.
 */
export async function inProcessWorkers(count: number) {
  const apis: Api[] = [];
  for (let i = 0; i < count; i++) {
    vi.resetModules();
    const module = (await import('../../../sim/worker/api')) as { api: Api };
    apis.push(module.api);
  }
  const created: { terminated: boolean }[] = [];
  const factory: WorkerFactory = () => {
    const api = apis[created.length];
    if (!api) throw new Error(`more than ${count} workers asked for`);
    const worker = { terminated: false };
    created.push(worker);
    const remote = new Proxy(
      {},
      {
        get:
          (_, name: string) =>
          async (...args: unknown[]) => {
            await new Promise((r) => setTimeout(r, 0));
            if (worker.terminated) return new Promise(() => {});
            const fn = api[name as keyof Api] as (...a: unknown[]) => unknown;
            return structuredClone(await fn(...structuredClone(args)));
          },
      },
    ) as SimRemote;
    return { api: remote, terminate: () => (worker.terminated = true) };
  };
  return { factory, created };
}
