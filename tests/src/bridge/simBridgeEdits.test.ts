import { describe, expect, it } from 'vitest';
import { startPage as setUp } from './inProcessBridge';
import { PRESETS } from '../../../sim/scenarios/presets';
import { checked, runScenario } from '../../../sim/scenarios/runScenario';
import { encodeJson } from '../../../src/store/urlCodec';
import { parseUrlState, urlSearchFor } from '../../../src/store/urlState';

/** Runs the page's run to its end, one simulated second at a time as "Step 1 s" does. */
async function runToEnd(t: Awaited<ReturnType<typeof setUp>>) {
  while (t.state().run.status !== 'finished') await t.bridge.stepSecond();
}

const withoutWall = (report: object) => JSON.stringify({ ...report, wallMs: 0 });

describe('SimBridge: parameter edits', () => {
  it('applies edits with the same seed from t = 0, and the run is the edited scenario run', async () => {
    const t = await setUp('?preset=timeouts&seed=3');
    await t.bridge.stepSecond();
    const result = await t.bridge.applyEdits([
      ['stations[0].endpoints.orders[1].timeout', 0.2],
      ['stations[1].servers', 30],
    ]);
    expect(result).toEqual({ ok: true });
    expect(t.state().run).toMatchObject({ scenarioName: 'timeouts', seed: 3, now: 0 });
    expect(t.state().run.edits).toEqual([
      ['stations[0].endpoints.orders[1].timeout', 0.2],
      ['stations[1].servers', 30],
    ]);
    expect(t.state().run.scenario!.stations[1]!.servers).toBe(30);

    await runToEnd(t);
    const doc = structuredClone(PRESETS.timeouts) as {
      stations: { servers: number; endpoints?: { orders: { timeout?: number }[] } }[];
    };
    doc.stations[0]!.endpoints!.orders[1]!.timeout = 0.2;
    doc.stations[1]!.servers = 30;
    const cli = runScenario(checked(doc).scenario, { seed: 3 });
    expect(withoutWall(await t.bridge.report())).toBe(withoutWall(cli));
  });

  it('refuses a bad value with the validator message and leaves the run as it was', async () => {
    const t = await setUp('?preset=timeouts&seed=3');
    await t.bridge.stepSecond();
    await t.bridge.stepSecond();
    const before = t.state().run;
    const result = await t.bridge.applyEdits([['stations[0].servers', 0]]);
    expect(result).toEqual({
      ok: false,
      errors: ['stations[0].servers: must be an integer from 1 to 1000000, got 0'],
    });
    expect(t.state().run).toMatchObject({ now: 2, seed: 3, status: 'paused', edits: [] });
    expect(t.state().run.scenario).toBe(before.scenario);
    expect(t.state().run.errors).toEqual([]);
    await t.bridge.stepSecond();
    expect(t.state().run.now).toBe(3);
  });

  it('a run that was playing is still playing after a refused edit', async () => {
    const t = await setUp('?preset=timeouts&seed=3');
    t.bridge.play();
    expect(t.state().run.status).toBe('playing');
    const result = await t.bridge.applyEdits([['sources[0].rate', -1]]);
    expect(result.ok).toBe(false);
    expect(t.state().run.status).toBe('playing');
    t.bridge.pause();
  });

  it('a new seed keeps the edits; another preset drops them', async () => {
    const t = await setUp('?preset=timeouts&seed=3');
    await t.bridge.applyEdits([['stations[1].servers', 30]]);
    expect(await t.bridge.changeSeed(8)).toBe(true);
    expect(t.state().run).toMatchObject({ seed: 8, edits: [['stations[1].servers', 30]] });
    expect(await t.bridge.loadPreset('mm1')).toBe(true);
    expect(t.state().run.edits).toEqual([]);
  });
});

describe('SimBridge: what a link cannot carry is refused', () => {
  it('more edits than a link holds', async () => {
    const t = await setUp('?preset=timeouts');
    const many = Array.from({ length: 101 }, () => ['stations[1].servers', 30] as const);
    const result = await t.bridge.applyEdits(many);
    expect(result).toEqual({ ok: false, errors: ['101 edits, more than the 100 a link can hold'] });
    expect(t.state().run.edits).toEqual([]);
  });

  it('a 21st injected fault', async () => {
    const t = await setUp('?preset=timeouts');
    for (let i = 0; i < 20; i++) {
      const result = await t.bridge.injectFault({ kind: 'outage', station: 'payment' }, 10 + i);
      expect(result.ok).toBe(true);
    }
    const last = await t.bridge.injectFault({ kind: 'outage', station: 'payment' }, 50);
    expect(last).toEqual({
      ok: false,
      errors: ['a run holds at most 20 injected faults (what its link can carry)'],
    });
    expect(t.state().run.injectedFaults).toHaveLength(20);
    // The twenty it holds, a link carries.
    const { run } = t.state();
    const search = urlSearchFor('', run.scenarioName, run.seed, run.edits, run.injectedFaults);
    expect(parseUrlState(search, ['timeouts']).faults).toEqual(run.injectedFaults);
  });
});

describe('SimBridge: links with edits and faults', () => {
  const edits = [['stations[1].servers', 30]] as const;
  const faults = [{ kind: 'outage', at: 10, station: 'payment', duration: 15 }] as const;

  it('a link reproduces the run made by hand: same figures at the end', async () => {
    const byHand = await setUp('?preset=timeouts&seed=5');
    await byHand.bridge.applyEdits([...edits]);
    // Injected while the run is under way, as a person does; the link injects it at t = 0.
    for (let i = 0; i < 4; i++) await byHand.bridge.stepSecond();
    await byHand.bridge.injectFault({ kind: 'outage', station: 'payment', duration: 15 }, 10);
    const { run } = byHand.state();
    const search = urlSearchFor('', run.scenarioName, run.seed, run.edits, run.injectedFaults);
    await runToEnd(byHand);

    const linked = await setUp(search);
    expect(linked.state().run.errors).toEqual([]);
    expect(linked.state().run.edits).toEqual(edits);
    expect(linked.state().run.injectedFaults).toEqual(faults);
    await runToEnd(linked);
    expect(withoutWall(await linked.bridge.report())).toBe(
      withoutWall(await byHand.bridge.report()),
    );
  });

  it('an edit key the preset does not offer falls back to the default lesson, saying why', async () => {
    const t = await setUp(`?v=1&preset=timeouts&seed=5&edits=${encodeJson([['duration', 1e9]])}`);
    expect(t.state().run).toMatchObject({ scenarioName: 'lunch-rush', seed: 1, edits: [] });
    expect(t.state().run.errors).toEqual([
      'The link\'s edits or faults do not fit "timeouts": duration: not an editable field of this scenario; showing lunch-rush instead.',
    ]);
  });

  it('an out-of-range value falls back too, naming the field and the range', async () => {
    const t = await setUp(
      `?v=1&preset=timeouts&edits=${encodeJson([['stations[0].servers', 2e6]])}`,
    );
    expect(t.state().run.scenarioName).toBe('lunch-rush');
    expect(t.state().run.errors[0]).toContain(
      'stations[0].servers: must be an integer from 1 to 1000000, got 2000000',
    );
  });

  it('a fault on a station the preset lacks falls back, naming the fault', async () => {
    const bad = encodeJson([{ kind: 'outage', at: 5, station: 'nowhere' }]);
    const t = await setUp(`?v=1&preset=timeouts&faults=${bad}`);
    expect(t.state().run).toMatchObject({ scenarioName: 'lunch-rush', injectedFaults: [] });
    expect(t.state().run.errors[0]).toMatch(/faults\[0\]\.station: unknown station "nowhere"/);
  });
});
