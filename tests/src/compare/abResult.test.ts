import { describe, expect, it } from 'vitest';
import { compareReports } from '../../../sim/metrics/compare';
import { buildRunReport } from '../../../sim/metrics/runReport';
import { presetScenario } from '../../../sim/scenarios/runScenario';
import { Simulation } from '../../../sim/scenarios/simulation';
import { validateScenario } from '../../../sim/scenarios/validateScenario';
import { PRESETS } from '../../../sim/scenarios/presets';
import { shapeAB } from '../../../src/compare/abResult';
import { runAB } from '../../../src/compare/abRun';
import { inProcessWorkers } from './inProcessWorkers';

const UNTIL = 3000;

/**
 * The mm8 preset with `servers` and `rate` changed, on seed 5, stopped at UNTIL: the run "Export
 * JSON" gives at that time (the page runs the scenario's full duration, which sets the buckets).
 */
function cliRun(servers: number, rate = 7.2) {
  const doc = structuredClone(PRESETS.mm8) as {
    stations: { servers: number }[];
    sources: { rate: number }[];
  };
  doc.stations[0]!.servers = servers;
  doc.sources[0]!.rate = rate;
  const checked = validateScenario(doc);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  const sim = new Simulation(checked.scenario, 5);
  while (sim.now < UNTIL) sim.runUntil(UNTIL, 100_000);
  return buildRunReport(sim, 0, checked.warnings);
}

const withoutWall = <T extends { wallMs: number }>(r: T) => ({ ...r, wallMs: 0 });

async function pageAB(bEdits: [string, number][]) {
  const { factory, created } = await inProcessWorkers(2);
  const progress: [number, number][] = [];
  const outcome = await runAB(
    { name: 'mm8', seed: 5 },
    { name: 'mm8', seed: 999, edits: bEdits },
    UNTIL,
    (a, b) => progress.push([a, b]),
    new AbortController().signal,
    factory,
  );
  return { outcome, created, progress };
}

describe('A/B in two workers', () => {
  it("runs both variants on A's seed, as the worker's export would, and shapes the comparison compare.ts computes", async () => {
    const { outcome, created, progress } = await pageAB([['stations[0].servers', 7]]);
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    expect(created).toHaveLength(2);
    expect(created.every((w) => w.terminated)).toBe(true);
    expect(progress.at(-1)).toEqual([1, 1]);

    // B ran on A's seed, not its own, and each report is the CLI's for the same run.
    const cliA = cliRun(8);
    const cliB = cliRun(7);
    expect(withoutWall(outcome.a.report)).toEqual(withoutWall(cliA));
    expect(withoutWall(outcome.b.report)).toEqual(withoutWall(cliB));

    const result = shapeAB(outcome.a, outcome.b);
    const expected = compareReports(cliA, cliB);
    expect(result.comparison.sources).toEqual(expected.sources);
    expect(result.comparison.stations).toEqual(expected.stations);
    const goodput = result.rows.find((r) => r.id === 'arrivals' && r.figure === 'goodput')!;
    expect(goodput.difference).toBe(expected.sources.arrivals!.goodput.difference);
    expect(goodput.difference).toBeLessThan(0);
    const utilisation = result.rows.find((r) => r.id === 'pool' && r.figure === 'utilization')!;
    expect(utilisation.relative).toBe(expected.stations.pool!.utilization.relative);

    // Common random numbers: the same offered requests, bucket by bucket.
    expect(result.offered).toEqual({ identical: true, bySource: { arrivals: true } });
    expect(result.goodput[0]!.a.values).toEqual(cliA.series.sources.arrivals!.goodput);
    expect(result.goodput[0]!.b.values).toEqual(cliB.series.sources.arrivals!.goodput);
    expect(result.p99[0]!.a.values).toHaveLength(cliA.series.t.length);
    expect(result.until).toBe(UNTIL);
  });

  it('says the offered traffic differs when B changes a source', async () => {
    const { outcome } = await pageAB([['sources[0].rate', 7]]);
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    const result = shapeAB(outcome.a, outcome.b);
    expect(result.offered).toEqual({ identical: false, bySource: { arrivals: false } });
    expect(withoutWall(outcome.b.report)).toEqual(withoutWall(cliRun(8, 7)));
  });

  it('a refused B comes back with the validator message and stops A', async () => {
    const { outcome, created } = await pageAB([['stations[0].servers', 0]]);
    expect(outcome).toEqual({
      ok: false,
      variant: 'B',
      errors: ['stations[0].servers: must be an integer from 1 to 1000000, got 0'],
    });
    expect(created.every((w) => w.terminated)).toBe(true);
  });

  it('cancelling rejects and terminates both workers', async () => {
    const { factory, created } = await inProcessWorkers(2);
    const controller = new AbortController();
    const run = runAB(
      { name: 'mm8', seed: 1 },
      { name: 'mm8' },
      undefined,
      (a) => {
        if (a > 0) controller.abort(new Error('cancelled'));
      },
      controller.signal,
      factory,
    );
    await expect(run).rejects.toThrow('cancelled');
    expect(created.every((w) => w.terminated)).toBe(true);
    expect(presetScenario('mm8').scenario.duration).toBe(100_000);
  });
});
