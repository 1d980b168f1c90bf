import { describe, expect, it } from 'vitest';
import { startPage as setUp } from './inProcessBridge';

describe('SimBridge: faults and exports', () => {
  it('an injected fault is listed in the store until the run is reset', async () => {
    const t = await setUp('?preset=timeouts&seed=2');
    await t.bridge.stepSecond();
    const result = await t.bridge.injectFault({ kind: 'outage', station: 'payment' }, 20);
    expect(result.ok).toBe(true);
    expect(t.state().run.injectedFaults).toEqual([{ kind: 'outage', station: 'payment', at: 20 }]);
    const doc = (await t.bridge.scenarioDocument()) as { faults: unknown[] };
    expect(doc.faults).toHaveLength(2);
    await t.bridge.reset();
    expect(t.state().run.injectedFaults).toEqual([]);
    expect(((await t.bridge.scenarioDocument()) as { faults: unknown[] }).faults).toHaveLength(1);
  });

  it('a refused fault returns its errors, changes nothing and raises no banner', async () => {
    const t = await setUp('?preset=timeouts');
    const result = await t.bridge.injectFault({ kind: 'servers', station: 'api', servers: -1 });
    expect(result).toEqual({
      ok: false,
      errors: ['fault.servers: must be an integer from 0 to 1000000, got -1'],
    });
    expect(t.state().run.injectedFaults).toEqual([]);
    expect(t.state().run.errors).toEqual([]);
    await t.bridge.stepSecond();
    expect(t.state().run.now).toBe(1);
  });

  it('the CSV has a header and one row per bucket the page has', async () => {
    const t = await setUp('?preset=circuit-breaker');
    for (let i = 0; i < 12; i++) await t.bridge.stepSecond();
    const lines = (await t.bridge.seriesCsv()).trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('t,stations.')).toBe(true);
    expect(lines).toHaveLength(1 + t.state().series.buckets);
  });
});
