import { describe, expect, it } from 'vitest';
import { presetScenario } from '../../../sim/scenarios/runScenario';
import { refusalFeedback } from '../../../src/compare/compareFeedback';
import { requestA, requestB, type RunOnScreen } from '../../../src/compare/variantRequests';
import { knobsOf } from '../../../src/store/knobs';

const run: RunOnScreen = {
  scenarioName: 'timeouts',
  seed: 3,
  edits: [
    ['stations[1].servers', 30],
    ['sources[0].rate', 100],
  ],
  injectedFaults: [{ kind: 'outage', at: 10, station: 'payment' }],
};

describe('the two variants', () => {
  it('A is the run on screen: its lesson, seed, edits and injected faults', () => {
    expect(requestA(run)).toEqual({
      name: 'timeouts',
      seed: 3,
      edits: run.edits,
      faults: run.injectedFaults,
    });
  });

  it("B's changes go over A's edits, a knob A changed taking B's value; A's faults stay", () => {
    const b = requestB(run, {
      kind: 'edits',
      changes: [
        ['stations[1].servers', 10],
        ['stations[0].servers', 5],
      ],
    });
    expect(b).toEqual({
      name: 'timeouts',
      seed: 3,
      edits: [
        ['stations[1].servers', 10],
        ['sources[0].rate', 100],
        ['stations[0].servers', 5],
      ],
      faults: run.injectedFaults,
    });
  });

  it('B as another lesson runs it as it is, on the same seed', () => {
    expect(requestB(run, { kind: 'preset', name: 'circuit-breaker' })).toEqual({
      name: 'circuit-breaker',
      seed: 3,
    });
  });

  it("puts a refusal's messages beside B's rows, the others below with their variant", () => {
    const groups = knobsOf(presetScenario('mm8').scenario);
    const servers = 'stations[0].servers: must be an integer from 1 to 1000000, got 0';
    const rate = 'sources[0].rate: must be a number > 0, got -1';
    expect(
      refusalFeedback({ ok: false, variant: 'B', errors: [servers, rate] }, groups, [
        'stations[0].servers',
      ]),
    ).toEqual({ byKey: { 'stations[0].servers': servers }, general: [`Variant B: ${rate}`] });
    expect(refusalFeedback({ ok: false, variant: 'A', errors: [servers] }, groups, [])).toEqual({
      byKey: {},
      general: [`Variant A: ${servers}`],
    });
  });
});
