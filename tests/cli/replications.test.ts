import { beforeAll, describe, expect, it } from 'vitest';
import type { Estimate, ReplicationReport } from '../../sim/metrics/replications';
import { tQuantile95 } from '../../sim/metrics/replications';
import { presetScenario, runScenario } from '../../sim/scenarios/runScenario';
import { tInterval } from '../helpers/statistics';
import { cli, cliJson } from './runCli';

/**
 * The mm1 preset (rho 0.8, W = 5 s) cut to 20,000 s per run, warm-up 2,000 s (22 relaxation
 * times). A pilot block on other seeds (101-130) showed one run's mean latency scattering by
 * 7.5% (one standard deviation), so 30 runs give a 95% half-width near 3%; the checks accept up
 * to 10% (2% for utilisation, a time average over every second and far tighter), as
 * tests/theory/ does. Seeds are fixed, so each check always passes or always fails; a 95%
 * interval misses 1 time in 20, and the figures checked were chosen before the first run.
 */
const UNTIL = '20000';
const WAIT_PRECISION = 0.1;
const UTILISATION_PRECISION = 0.02;

function expectCovers(label: string, e: Estimate, precision: number): void {
  const theory = e.theory!;
  const shown = `${label}: ${e.mean} ± ${e.halfWidth}, theory ${theory}`;
  expect(e.halfWidth!, `${shown}: interval too wide to be a test`).toBeLessThanOrEqual(
    precision * theory,
  );
  expect(Math.abs(e.mean! - theory), `${shown}: theory outside`).toBeLessThanOrEqual(e.halfWidth!);
}

describe('CLI --replications on mm1', () => {
  let thirty: ReplicationReport;
  let eight: ReplicationReport;

  beforeAll(() => {
    thirty = cliJson<ReplicationReport>('mm1', '--until', UNTIL, '--replications', '30');
    eight = cliJson<ReplicationReport>('mm1', '--until', UNTIL, '--replications', '8');
  });

  it('runs seeds S..S+N-1 from the scenario seed, the warm-up left out', () => {
    expect(thirty.replications).toBe(30);
    expect(thirty.seeds).toEqual({ first: 1, last: 30 });
    expect(thirty.confidence).toBe(0.95);
    expect(thirty.simulatedSeconds).toBe(20_000);
    expect(thirty.warmupSeconds).toBe(2000);
  });

  it('each 95% interval is the Student-t interval of the runs done in-process', () => {
    const { scenario } = presetScenario('mm1');
    const runs = Array.from({ length: 30 }, (_, k) =>
      runScenario(scenario, { seed: k + 1, until: Number(UNTIL) }),
    );
    const latency = tInterval(
      runs.map((r) => r.stations.server!.latency.mean!),
      0.95,
    );
    expect(thirty.stations.server!.meanLatency.mean).toBeCloseTo(latency.mean, 4);
    expect(thirty.stations.server!.meanLatency.halfWidth).toBeCloseTo(latency.halfWidth, 4);
    const p99 = tInterval(
      runs.slice(0, 8).map((r) => r.sources.arrivals!.latency.p99!),
      0.95,
    );
    expect(eight.sources.arrivals!.p99Latency.halfWidth).toBeCloseTo(p99.halfWidth, 3);
  });

  it('the intervals over 30 seeds contain the M/M/1 values of W, Wq, L and utilisation', () => {
    const server = thirty.stations.server!;
    expect(server.meanLatency.theory).toBe(5);
    expectCovers('W', server.meanLatency, WAIT_PRECISION);
    expectCovers('Wq', server.meanWait, WAIT_PRECISION);
    expectCovers('L', server.meanInSystem, WAIT_PRECISION);
    expectCovers('utilisation', server.utilization, UTILISATION_PRECISION);
    expectCovers('end-to-end W', thirty.sources.arrivals!.meanLatency, WAIT_PRECISION);
  });

  it('the half-width shrinks roughly as 1 / sqrt(N) from 8 seeds to 30', () => {
    // Standard errors (half-width / t) should shrink by sqrt(30 / 8) = 1.94. Each also carries
    // its own sample standard deviation, which with 7 degrees of freedom is within a factor of 2
    // of sigma except about 1 time in 100: so a factor of 2 either way.
    const expected = Math.sqrt(30 / 8);
    for (const figure of ['meanLatency', 'utilization', 'throughput'] as const) {
      const a = eight.stations.server![figure];
      const b = thirty.stations.server![figure];
      expect(b.halfWidth!, figure).toBeLessThan(a.halfWidth!);
      const ratio = a.halfWidth! / tQuantile95(7) / (b.halfWidth! / tQuantile95(29));
      expect(ratio, figure).toBeGreaterThan(expected / 2);
      expect(ratio, figure).toBeLessThan(expected * 2);
    }
  });

  it('prints mean, ±95% and theory per station and source figure', () => {
    const { code, stdout } = cli('mm1', '--until', '5000', '--replications', '4', '--seed', '10');
    expect(code).toBe(0);
    expect(stdout).toContain('4 replications on seeds 10 to 13');
    expect(stdout).toMatch(/^station\s+figure\s+mean\s+±95%\s+theory\s+in CI$/m);
    expect(stdout).toMatch(/^server\s+mean latency\s+[\d.]+s\s+±[\d.]+s\s+5\.0*s\s+(yes|no)$/m);
    expect(stdout).toMatch(/^arrivals\s+goodput\/s\s+[\d.]+\s+±[\d.]+\s+0\.80*\s+(yes|no)$/m);
    // No closed form for a percentile: the theory cell stays empty.
    expect(stdout).toMatch(/^server\s+p99 latency\s+[\d.]+s\s+±[\d.]+s\s+-$/m);
  });
});

describe('CLI --replications: seeds and validation', () => {
  it('--seed S starts the block at S', () => {
    const rep = cliJson<ReplicationReport>(
      'erlang-b',
      '--until',
      '1000',
      '--replications',
      '2',
      '--seed',
      '40',
    );
    expect(rep.seeds).toEqual({ first: 40, last: 41 });
    const { scenario } = presetScenario('erlang-b');
    const refused = [40, 41].map((seed) => {
      const s = runScenario(scenario, { seed, until: 1000 }).stations.pool!;
      return s.rejected / s.arrivals;
    });
    expect(rep.stations.pool!.refusedShare.mean).toBeCloseTo((refused[0]! + refused[1]!) / 2, 5);
    expect(rep.stations.pool!.refusedShare.theory).toBeCloseTo(0.1217, 4);
  });

  it.each(['1', '1001', '2.5', 'many', '-3', ''])('refuses --replications %j', (n) => {
    const { code, stdout, stderr } = cli('mm1', '--replications', n);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`--replications: must be an integer from 2 to 1000, got "${n}"`);
  });

  it('refuses a seed block that would run past the largest seed', () => {
    const { code, stderr } = cli(
      'mm1',
      '--replications',
      '5',
      '--seed',
      String(Number.MAX_SAFE_INTEGER - 1),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--seed: with --replications 5 the first seed must be at most');
  });

  it('does not combine with --compare', () => {
    const { code, stderr } = cli('mm1', '--replications', '3', '--compare', 'mm1');
    expect(code).toBe(2);
    expect(stderr).toContain('--compare and --replications do not combine');
  });
});
