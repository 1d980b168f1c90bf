import { describe, expect, it } from 'vitest';
import { summariseReplications } from '../../../sim/metrics/replications';
import { buildRunReport } from '../../../sim/metrics/runReport';
import { scenarioTheory } from '../../../sim/metrics/theory';
import { presetScenario } from '../../../sim/scenarios/runScenario';
import { Simulation } from '../../../sim/scenarios/simulation';
import { replicationRows } from '../../../src/compare/replicationRows';
import { runReplications } from '../../../src/compare/replicationRun';
import { inProcessWorkers } from './inProcessWorkers';

const UNTIL = 3000;

/** mm1 on `seed`, stopped at UNTIL: one replication as the worker runs it. */
function run(seed: number) {
  const { scenario, warnings } = presetScenario('mm1');
  const sim = new Simulation(scenario, seed);
  while (sim.now < UNTIL) sim.runUntil(UNTIL, 100_000);
  return buildRunReport(sim, 0, warnings);
}

describe('replications in a worker', () => {
  it('give the means, 95% intervals and theory replications.ts computes for the same runs', async () => {
    const { factory, created } = await inProcessWorkers(1);
    const shares: number[] = [];
    const outcome = await runReplications(
      { name: 'mm1', seed: 11 },
      3,
      UNTIL,
      (share) => shares.push(share),
      new AbortController().signal,
      factory,
    );
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    expect(created[0]!.terminated).toBe(true);
    expect(shares.at(-1)).toBe(1);
    expect(shares.every((s, i) => i === 0 || s >= shares[i - 1]!)).toBe(true);

    const expected = summariseReplications(
      [run(11), run(12), run(13)],
      scenarioTheory(presetScenario('mm1').scenario),
      0,
    );
    expect(outcome.summary.seeds).toEqual({ first: 11, last: 13 });
    expect(outcome.summary.stations).toEqual(expected.stations);
    expect(outcome.summary.sources).toEqual(expected.sources);
    const w = outcome.summary.stations.server!.meanLatency;
    expect(w.n).toBe(3);
    expect(w.halfWidth).toBeGreaterThan(0);
    expect(w.theory).toBe(expected.stations.server!.meanLatency.theory);

    // The table shows those very estimates, and whether theory lies inside each interval.
    const rows = replicationRows(outcome.summary);
    const row = rows.find((r) => r.section === 'station' && r.figure === 'meanLatency')!;
    expect(row).toMatchObject({ mean: w.mean, halfWidth: w.halfWidth, theory: w.theory });
    expect(row.theoryInInterval).toBe(Math.abs(w.theory! - w.mean!) <= w.halfWidth!);
    const p99 = rows.find((r) => r.section === 'station' && r.figure === 'p99Latency')!;
    expect(p99.theoryInInterval).toBeNull();
    expect(rows.filter((r) => r.section === 'source')).toHaveLength(5);
  });

  it('name the seed a refusal is about', async () => {
    const { factory } = await inProcessWorkers(1);
    const outcome = await runReplications(
      { name: 'mm1', seed: 1, edits: [['stations[0].servers', 0]] },
      2,
      undefined,
      () => {},
      new AbortController().signal,
      factory,
    );
    expect(outcome).toEqual({
      ok: false,
      errors: ['seed 1: stations[0].servers: must be an integer from 1 to 1000000, got 0'],
    });
  });

  it('stop when cancelled, their worker terminated', async () => {
    const { factory, created } = await inProcessWorkers(1);
    const controller = new AbortController();
    const run = runReplications(
      { name: 'mm1', seed: 1 },
      5,
      undefined,
      (share) => {
        if (share > 0) controller.abort(new Error('cancelled'));
      },
      controller.signal,
      factory,
    );
    await expect(run).rejects.toThrow('cancelled');
    expect(created[0]!.terminated).toBe(true);
  });
});
