import { describe, expect, it } from 'vitest';
import { api } from '../../../sim/worker/api';
import type { FrameScheduler } from '../../../src/bridge/frames';
import { SimBridge } from '../../../src/bridge/simBridge';
import type { SimRemote, WorkerFactory } from '../../../src/bridge/workerHandle';
import { addReplica } from '../../../src/builder/operations/addReplica';
import { startingDesign } from '../../../src/builder/startingDesign';
import { createAppStore } from '../../../src/store/store';
import { applied } from './builderFixtures';

/** The real worker API in this process, answering asynchronously as comlink would. */
const inProcess: WorkerFactory = () => ({
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

async function setUp(query: string) {
  const store = createAppStore();
  const bridge = new SimBridge(store, { createWorker: inProcess, frames: noFrames });
  await bridge.start(query);
  return { bridge, state: () => store.getState() };
}

describe('SimBridge.loadDocument: running a design', () => {
  it('loads the design from t = 0, its new stations in the layout, and the clock advances', async () => {
    const t = await setUp('?preset=read-write-split');
    const design = applied(addReplica(startingDesign(await t.bridge.scenarioDocument()), 'orders'));
    expect(await t.bridge.loadDocument(design)).toEqual({ ok: true });
    expect(t.state().run).toMatchObject({ scenarioName: 'read-write-split-custom', now: 0 });
    expect(t.state().run.layout.stationIds).toContain('replica-6');
    await t.bridge.stepSecond();
    expect(t.state().run.now).toBe(1);
    // What the page exports for this run is the design itself.
    expect(await t.bridge.scenarioDocument()).toEqual(design);
  });

  it('refuses an invalid document with the validator messages; the run stays', async () => {
    const t = await setUp('?preset=read-write-split');
    await t.bridge.stepSecond();
    const outcome = await t.bridge.loadDocument({ name: 'x', duration: 0 });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.errors).toContain('duration: must be a number > 0 s, got 0');
    expect(t.state().run).toMatchObject({ scenarioName: 'read-write-split', now: 1 });
    expect(t.state().run.status).toBe('paused');
  });
});
