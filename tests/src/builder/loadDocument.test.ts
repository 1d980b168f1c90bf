import { describe, expect, it } from 'vitest';
import { addReplica } from '../../../src/builder/operations/addReplica';
import { startingDesign } from '../../../src/builder/startingDesign';
import { applied } from './builderFixtures';
import { startPage as setUp } from '../bridge/inProcessBridge';

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
