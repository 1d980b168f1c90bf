import { describe, expect, it } from 'vitest';
import { stationTheory } from '../../../sim/metrics/theory';
import { presetScenario } from '../../../sim/scenarios/runScenario';
import { sinceStart, theoryText, theoryTitle } from '../../../src/compare/theoryColumn';
import type { SnapshotLayout } from '../../../src/store/layout';
import { EMPTY_LAYOUT } from '../../../src/store/layout';

const theoryOf = (preset: string, station: string) =>
  stationTheory(presetScenario(preset).scenario, station)!;

describe('the theory column', () => {
  it('sets the predicted mean time in system beside the simulated one, naming the formula', () => {
    const mm8 = theoryOf('mm8', 'pool');
    const sim = { meanLatency: 1.9, utilisation: 0.9, refusedShare: 0 };
    expect(theoryText(mm8, sim)).toBe('M/M/8 W 1.877 s (sim 1.900 s)');
    expect(theoryTitle(mm8)).toMatch(
      /^M\/M\/8 \(Erlang C: .*\) predicts W = 1\.877 s, utilisation 90\.0%/,
    );
    expect(theoryTitle(theoryOf('md1', 'server'))).toContain('Pollaczek-Khinchine');
  });

  it('gives a loss system its refused share (Erlang B), and a station without theory a dash', () => {
    const erlangB = theoryOf('erlang-b', 'pool');
    const text = theoryText(erlangB, { meanLatency: 1, utilisation: 0.7, refusedShare: 0.139 });
    expect(text).toBe(`M/M/10/10 refused ${(erlangB.blocking * 100).toFixed(1)}% (sim 13.9%)`);
    expect(theoryTitle(erlangB)).toContain('Erlang B');
    expect(theoryText(undefined, { meanLatency: 1, utilisation: 1, refusedShare: 0 })).toBe('–');
  });

  it('reads the since-t = 0 figures from the cumulative counters of a snapshot', () => {
    const layout: SnapshotLayout = {
      ...EMPTY_LAYOUT,
      stationIds: ['a', 'b'],
      stationFields: [
        'arrivals',
        'completed',
        'rejected',
        'busyArea',
        'capacityArea',
        'latencySum',
      ],
    };
    const stations = Float64Array.from([10, 8, 2, 45, 50, 16, 0, 0, 0, 0, 0, 0]);
    expect(sinceStart(layout, { now: 50, stations, sources: new Float64Array(0) })).toEqual([
      { meanLatency: 2, utilisation: 0.9, refusedShare: 0.2 },
      { meanLatency: null, utilisation: null, refusedShare: null },
    ]);
  });
});
