import { describe, expect, it } from 'vitest';
import { startPage as setUp } from './inProcessBridge';

const withoutWall = (report: object) => JSON.stringify({ ...report, wallMs: 0 });

describe('SimBridge: run to a simulated time', () => {
  it('lands on the time, with the clock, charts and report of the run stepped there', async () => {
    const stepped = await setUp('?preset=retry-storm&seed=7');
    for (let i = 0; i < 12; i++) await stepped.bridge.stepSecond();
    await stepped.bridge.runTo(12.5);
    const t = await setUp('?preset=retry-storm&seed=7');
    const outcome = await t.bridge.runTo(12.5);
    expect(outcome).toEqual({ ok: true, now: 12.5, stopped: false });
    expect(t.state().run.now).toBe(12.5);
    expect(t.state().run.status).toBe('paused');
    expect(t.state().run.events).toBe(stepped.state().run.events);
    expect(t.state().chart).toEqual(stepped.state().chart);
    expect(withoutWall(await t.bridge.report())).toBe(withoutWall(await stepped.bridge.report()));
    expect(t.state().run.errors).toEqual([]);
  });

  it('to the end of the run: finished', async () => {
    const t = await setUp('?preset=timeouts&seed=3');
    expect(await t.bridge.runTo(150)).toEqual({ ok: true, now: 150, stopped: false });
    expect(t.state().run.status).toBe('finished');
  });

  it('a bad time is refused with the range, runs nothing and raises no banner', async () => {
    const t = await setUp('?preset=timeouts&seed=3');
    const outcome = await t.bridge.runTo(200);
    expect(outcome).toEqual({
      ok: false,
      errors: [
        'Run to: must be a number of seconds after now and no later than the end of the run (0 < t <= 150), got 200',
      ],
    });
    expect(t.state().run.now).toBe(0);
    expect(t.state().run.status).toBe('paused');
    expect(t.state().run.errors).toEqual([]);
  });

  it('reads as playing while it runs; Pause or an aborted signal stops it where it got to', async () => {
    const t = await setUp('?preset=lunch-rush&seed=1');
    const running = t.bridge.runTo(3_000);
    await expect.poll(() => t.state().run.status, { timeout: 5_000 }).toBe('playing');
    t.bridge.togglePlay();
    const paused = await running;
    expect(paused.ok && paused.stopped).toBe(true);
    expect(t.state().run.status).toBe('paused');
    const at = t.state().run.now;
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(3_000);

    const controller = new AbortController();
    const again = t.bridge.runTo(3_000, controller.signal);
    await expect.poll(() => t.state().run.now, { timeout: 5_000 }).toBeGreaterThan(at);
    controller.abort();
    const aborted = await again;
    expect(aborted.ok && aborted.stopped).toBe(true);
    expect(t.state().run.status).toBe('paused');
    expect(t.state().run.now).toBeLessThan(3_000);
    expect(t.state().run.errors).toEqual([]);
  });
});
