import { describe, expect, it } from 'vitest';
import { api } from '../../../sim/worker/api';
import { PRESETS } from '../../../sim/scenarios/presets';
import { followRunLink } from '../../../src/store/runLink';
import { createAppStore } from '../../../src/store/store';
import type { RunLink } from '../../../src/store/urlState';

describe('followRunLink', () => {
  it('writes the link when preset, seed, edits or faults change, and not for snapshots', () => {
    const store = createAppStore();
    const written: RunLink[] = [];
    const stop = followRunLink(store, (link) => written.push(link));
    expect(written).toEqual([]);

    const loaded = api.load(PRESETS.timeouts, 4);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    store.getState().scenarioLoaded('timeouts', 'Timeouts', loaded, [['stations[1].servers', 30]]);
    expect(written).toEqual([
      { preset: 'timeouts', seed: 4, edits: [['stations[1].servers', 30]], faults: [] },
    ]);

    store.getState().ingest(api.advance(5, Infinity));
    store.getState().ingest(api.advance(5, Infinity));
    expect(written).toHaveLength(1);

    const fault = { kind: 'outage' as const, at: 20, station: 'payment' };
    store.getState().faultsInjected([fault]);
    expect(written.at(-1)?.faults).toEqual([fault]);
    store.getState().runCleared();
    expect(written.at(-1)?.faults).toEqual([]);
    expect(written).toHaveLength(3);
    stop();
    store.getState().faultsInjected([fault]);
    expect(written).toHaveLength(3);
  });
});
