import { describe, expect, it, vi } from 'vitest';
import { api } from '../../../sim/worker/api';
import { presetScenario, runScenario } from '../../../sim/scenarios/runScenario';
import type { FrameScheduler } from '../../../src/bridge/frames';
import { SimBridge } from '../../../src/bridge/simBridge';
import { WorkerChannel } from '../../../src/bridge/workerChannel';
import type { SimRemote, WorkerFactory } from '../../../src/bridge/workerHandle';
import { createAppStore } from '../../../src/store/store';

type Method = keyof typeof api;

/**
 * A worker stand-in that runs the real worker API in this process, asynchronously as comlink
 * would, and records what the bridge does with it.
 */
function fakeWorkers() {
  const workers: { terminated: boolean; crash: (message: string) => void }[] = [];
  const calls = { inFlight: 0, maxInFlight: 0, count: 0 };
  const faults: { method?: Method | undefined; kind?: 'throw' | 'hang' } = {};
  const factory: WorkerFactory = (onCrash) => {
    const worker = { terminated: false, crash: onCrash };
    workers.push(worker);
    const remote = new Proxy(
      {},
      {
        get:
          (_, name: string) =>
          async (...args: unknown[]) => {
            if (worker.terminated) return new Promise(() => {});
            calls.count++;
            calls.inFlight++;
            calls.maxInFlight = Math.max(calls.maxInFlight, calls.inFlight);
            try {
              await new Promise((r) => setTimeout(r, 0));
              if (faults.method === name) {
                const kind = faults.kind;
                faults.method = undefined;
                if (kind === 'hang') return await new Promise(() => {});
                throw new Error(`${name} exploded`);
              }
              const fn = api[name as Method] as (...a: unknown[]) => unknown;
              return structuredClone(fn(...args));
            } finally {
              calls.inFlight--;
            }
          },
      },
    ) as SimRemote;
    return {
      api: remote,
      terminate: () => {
        worker.terminated = true;
      },
    };
  };
  return { factory, workers, calls, faults };
}

/** Frames that run when the test says so. */
function manualFrames() {
  let next: ((time: number) => void) | null = null;
  let time = 0;
  const frames: FrameScheduler = {
    request: (cb) => {
      next = cb;
      return 1;
    },
    cancel: () => {
      next = null;
    },
    now: () => time,
  };
  const tick = async (ms = 16) => {
    time += ms;
    const cb = next;
    next = null;
    cb?.(time);
    await new Promise((r) => setTimeout(r, 1));
  };
  return { frames, tick, pending: () => next !== null };
}

function setUp(callTimeoutMs = 5_000) {
  const store = createAppStore();
  const workers = fakeWorkers();
  const frames = manualFrames();
  const runs: [string, number][] = [];
  const bridge = new SimBridge(store, {
    createWorker: workers.factory,
    frames: frames.frames,
    callTimeoutMs,
    onRunChanged: (preset, seed) => runs.push([preset, seed]),
  });
  return { store, bridge, ...workers, ...frames, runs, state: () => store.getState() };
}

describe('SimBridge', () => {
  it('loads the preset and seed the URL names and reports the run', async () => {
    const t = setUp();
    await t.bridge.start('?preset=mm1&seed=4');
    expect(t.state().run).toMatchObject({ scenarioName: 'mm1', seed: 4, status: 'paused', now: 0 });
    expect(t.state().run.presets.map((p) => p.name)).toContain('lunch-rush');
    expect(t.state().run.errors).toEqual([]);
    expect(t.runs).toEqual([['mm1', 4]]);
  });

  it('falls back to lunch-rush on a bad URL and says why', async () => {
    const t = setUp();
    await t.bridge.start('?preset=nope&seed=x');
    expect(t.state().run.scenarioName).toBe('lunch-rush');
    expect(t.state().run.seed).toBe(1);
    expect(t.state().run.errors).toHaveLength(2);
  });

  it('steps exactly one simulated second, and one event', async () => {
    const t = setUp();
    await t.bridge.start('?preset=mm8');
    await t.bridge.stepSecond();
    await t.bridge.stepSecond();
    expect(t.state().run.now).toBe(2);
    await t.bridge.stepEvent();
    expect(t.state().run.now).toBeGreaterThan(2);
    expect(t.state().run.events).toBeGreaterThan(0);
  });

  it('paces one call at a time at max speed to the end, and matches the CLI', async () => {
    const t = setUp();
    await t.bridge.start('?preset=retry-storm&seed=2');
    t.bridge.setSpeed('max');
    t.bridge.play();
    expect(t.state().run.status).toBe('playing');
    for (let i = 0; i < 5_000 && t.state().run.status === 'playing'; i++) await t.tick();
    expect(t.state().run.status).toBe('finished');
    expect(t.calls.maxInFlight).toBe(1);
    expect(t.pending()).toBe(false);
    const { scenario, warnings } = presetScenario('retry-storm');
    const cli = runScenario(scenario, { seed: 2 }, warnings);
    const browser = await t.bridge.report();
    expect(JSON.stringify({ ...browser, wallMs: 0 })).toBe(JSON.stringify({ ...cli, wallMs: 0 }));
    // The series the charts show were rebuilt from the incremental snapshots.
    expect(t.state().chart.t).toEqual(cli.series.t);
  });

  it('at max speed asks for the next slice as soon as one returns, not at the next frame', async () => {
    const t = setUp();
    await t.bridge.start('?preset=lunch-rush');
    t.bridge.setSpeed('max');
    t.bridge.play();
    await t.tick();
    const afterOneFrame = t.calls.count;
    // No frame runs meanwhile: only the chain of slices (100 ms each at most) makes these calls.
    for (let i = 0; i < 200 && t.calls.count < afterOneFrame + 3; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(t.calls.count).toBeGreaterThanOrEqual(afterOneFrame + 3);
    expect(t.state().run.status).toBe('playing');
    expect(t.calls.maxInFlight).toBe(1);
    // Pausing ends the chain.
    t.bridge.pause();
    await new Promise((r) => setTimeout(r, 5));
    const paused = t.calls.count;
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 1));
    expect(t.calls.count).toBe(paused);
    // At a finite speed the slices stay one per frame.
    t.bridge.setSpeed(1000);
    t.bridge.play();
    await t.tick();
    const paced = t.calls.count;
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 1));
    expect(t.calls.count).toBe(paced);
  });

  it('at max speed asks for the next slice before taking the last one in', async () => {
    const t = setUp();
    await t.bridge.start('?preset=lunch-rush');
    const call = vi.spyOn(WorkerChannel.prototype, 'call');
    try {
      // Calls asked of the worker when each snapshot reaches the store.
      const askedAtTake: number[] = [];
      let now = t.state().run.now;
      const unsubscribe = t.store.subscribe((s) => {
        if (s.run.now === now) return;
        now = s.run.now;
        askedAtTake.push(call.mock.calls.length);
      });
      t.bridge.setSpeed('max');
      t.bridge.play();
      await t.tick();
      for (let i = 0; i < 300 && askedAtTake.length < 3; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      t.bridge.pause();
      unsubscribe();
      // The k-th slice is taken in after the (k+1)-th was asked for: the worker is not left
      // idle while the page takes a snapshot in.
      expect(askedAtTake.slice(0, 3)).toEqual([2, 3, 4]);
    } finally {
      call.mockRestore();
    }
  });

  it('pause stops asking for slices', async () => {
    const t = setUp();
    await t.bridge.start('?preset=mm1');
    t.bridge.setSpeed(1000);
    t.bridge.play();
    await t.tick();
    await t.tick();
    t.bridge.pause();
    await t.tick();
    const count = t.calls.count;
    const now = t.state().run.now;
    await t.tick();
    await t.tick();
    expect(t.calls.count).toBe(count);
    expect(t.state().run.now).toBe(now);
    expect(now).toBeGreaterThan(0);
  });

  it('a failed call replaces the worker, reports scenario and seed, and restarts the run', async () => {
    const t = setUp();
    await t.bridge.start('?preset=mm1&seed=4');
    await t.bridge.stepSecond();
    t.faults.method = 'advance';
    t.faults.kind = 'throw';
    await t.bridge.stepSecond();
    await vi.waitFor(() => expect(t.workers).toHaveLength(2));
    expect(t.workers[0]!.terminated).toBe(true);
    const [error] = t.state().run.errors;
    expect(error).toContain('advance exploded');
    expect(error).toContain('"mm1" with seed 4');
    expect(error).toContain('npm run sim -- mm1 --seed 4');
    await vi.waitFor(() => expect(t.state().run.now).toBe(0));
    await t.bridge.stepSecond();
    expect(t.state().run.now).toBe(1);
    expect(t.state().run.scenarioName).toBe('mm1');
  });

  it('a call that never answers is aborted: the worker is terminated and replaced', async () => {
    const t = setUp(50);
    await t.bridge.start('?preset=mm1');
    t.faults.method = 'step';
    t.faults.kind = 'hang';
    await t.bridge.stepEvent();
    expect(t.workers[0]!.terminated).toBe(true);
    expect(t.state().run.errors[0]).toContain('did not answer within 50 ms');
    await t.bridge.stepSecond();
    expect(t.state().run.now).toBe(1);
  });

  it('a worker crash while idle is reported and the next call gets a fresh worker', async () => {
    const t = setUp();
    await t.bridge.start('?preset=erlang-b&seed=9');
    t.workers[0]!.crash('out of memory');
    expect(t.workers[0]!.terminated).toBe(true);
    expect(t.state().run.errors[0]).toContain('out of memory');
    expect(t.state().run.errors[0]).toContain('seed 9');
    await vi.waitFor(() => expect(t.workers).toHaveLength(2));
    await t.bridge.stepSecond();
    expect(t.state().run.now).toBe(1);
  });

  it('refuses a bad seed from the loader and keeps the run', async () => {
    const t = setUp();
    await t.bridge.start('?preset=mm1&seed=3');
    expect(await t.bridge.loadPreset('mm1', -1)).toBe(false);
    expect(t.state().run.seed).toBe(3);
    expect(t.state().run.status).toBe('paused');
    expect(t.state().run.errors[0]).toContain('--seed');
  });
});
