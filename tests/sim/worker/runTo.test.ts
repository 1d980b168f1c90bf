import { describe, expect, it } from 'vitest';
import { api } from '../../../sim/worker/api';
import { presetScenario, runScenario } from '../../../sim/scenarios/runScenario';
import { PRESETS } from '../../../sim/scenarios/presets';

const withoutWall = (report: object) => JSON.stringify({ ...report, wallMs: 0 });

/** runTo called as the page calls it: slice after slice until the clock is on `t`. */
function runTo(t: number, budgetMs = Infinity) {
  for (;;) {
    const slice = api.runTo(t, budgetMs);
    if (!slice.ok || slice.snapshot.now >= t || slice.snapshot.done) return slice;
  }
}

/** The same run stepped as "Step 1 s" steps it, then the last fraction of a second. */
function stepTo(t: number) {
  let snapshot = api.snapshot();
  while (snapshot.now + 1 <= t) snapshot = api.advance(1, Infinity);
  if (snapshot.now < t) snapshot = api.advance(t - snapshot.now, Infinity);
  return snapshot;
}

describe('worker runTo (called directly, as comlink would)', () => {
  it('stops exactly at a fractional time, with the report of the run stepped there', () => {
    api.load(PRESETS['retry-storm'], 7);
    const stepped = stepTo(37.25);
    expect(stepped.now).toBe(37.25);
    const expected = withoutWall(api.report());

    api.reset();
    // Tiny slices: many calls, each a few events, all landing where one call would.
    const slice = runTo(37.25, 0);
    expect(slice.ok && slice.snapshot.now).toBe(37.25);
    expect(withoutWall(api.report())).toBe(expected);
    expect(api.report().simulatedSeconds).toBe(37.25);
  });

  it('a run to the end reports the same bytes as the CLI', () => {
    const { scenario, warnings } = presetScenario('timeouts');
    api.load(PRESETS.timeouts, 3);
    const half = runTo(60.125);
    expect(half.ok && half.snapshot.now).toBe(60.125);
    const end = runTo(scenario.duration);
    expect(end.ok && end.snapshot.done).toBe(true);
    expect(withoutWall(api.report())).toBe(
      withoutWall(runScenario(scenario, { seed: 3 }, warnings)),
    );
  });

  it('refuses a time that is no number after now and up to the end, naming the range', () => {
    api.load(PRESETS.timeouts, 3);
    expect(runTo(10).ok).toBe(true);
    const range =
      'Run to: must be a number of seconds after now and no later than the end of the run (10 < t <= 150)';
    for (const [bad, got] of [
      [10, '10'],
      [4.5, '4.5'],
      [150.5, '150.5'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      ['20', '"20"'],
      [undefined, 'undefined'],
    ] as const) {
      const refused = api.runTo(bad as number);
      expect(refused).toEqual({ ok: false, errors: [`${range}, got ${got}`] });
    }
    // Nothing ran, and the worker goes on.
    expect(api.snapshot().now).toBe(10);
    const end = runTo(150);
    expect(end.ok && end.snapshot.done).toBe(true);
    expect(api.runTo(151)).toEqual({
      ok: false,
      errors: ['Run to: the run is over (t = 150 s, its duration); reset to run it again'],
    });
  });

  it('after single events the clock still lands on the time asked for', () => {
    api.load(PRESETS.mm1, 5);
    // Onto some arrival's own time, off the whole seconds (a fresh kernel has no events queued
    // until it first runs, so run a little first).
    let now = 0.5;
    expect(runTo(now).ok).toBe(true);
    for (let i = 0; i < 10_000 && Number.isInteger(now); i++) now = api.step().now;
    expect(Number.isInteger(now)).toBe(false);
    const slice = runTo(now + 0.1);
    expect(slice.ok && slice.snapshot.now).toBe(now + 0.1);
  });
});
