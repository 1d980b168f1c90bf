import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareReports, type ComparisonReport } from '../../sim/metrics/compare';
import { presetScenario, runScenario } from '../../sim/scenarios/runScenario';
import { cli, cliJson, scenarioFile } from './runCli';

const presetFile = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../sim/scenarios/presets/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown> & { stations: Record<string, unknown>[] };

/** The mm8 preset with one more server: the same users, a faster pool. */
function mm8WithNineServers(): string {
  const doc = presetFile('mm8');
  delete doc.$schema;
  doc.name = 'mm9';
  doc.stations[0]!.servers = 9;
  return scenarioFile(doc, 'mm9.json');
}

const allFigures = (cmp: ComparisonReport) => [
  ...Object.values(cmp.stations).flatMap((s) => Object.entries(s)),
  ...Object.values(cmp.sources).flatMap((s) => Object.entries(s)),
];

describe('CLI --compare', () => {
  it('a scenario compared with itself differs in nothing', () => {
    const cmp = cliJson<ComparisonReport>('mm8', '--compare', 'mm8', '--until', '3000');
    expect(cmp.seed).toBe(1);
    const figures = allFigures(cmp);
    expect(figures.length).toBe(18);
    for (const [name, f] of figures) {
      expect(f.a, name).toBe(f.b);
      if (f.a !== null) expect(f.difference, name).toBe(0);
    }
    expect(cmp.stations.pool!.arrivals.a).toBeGreaterThan(10_000);
  });

  it('B with one more server sees the very same requests, and waits less', () => {
    const cmp = cliJson<ComparisonReport>(
      'mm8',
      '--compare',
      mm8WithNineServers(),
      '--until',
      '3000',
    );
    expect(cmp.a.scenario).toBe('mm8');
    expect(cmp.b.scenario).toBe('mm9');
    expect(cmp.sources.arrivals!.offered.difference).toBe(0);
    expect(cmp.sources.arrivals!.attempts.difference).toBe(0);
    expect(cmp.stations.pool!.arrivals.difference).toBe(0);
    expect(cmp.stations.pool!.meanLatency.difference!).toBeLessThan(0);
    expect(cmp.stations.pool!.utilization.relative!).toBeCloseTo(8 / 9 - 1, 2);
  });

  it('runs both on --seed, and matches the in-process comparison', () => {
    const cmp = cliJson<ComparisonReport>(
      'mm8',
      '--compare',
      mm8WithNineServers(),
      '--until',
      '3000',
      '--seed',
      '7',
    );
    expect(cmp.seed).toBe(7);
    const a = runScenario(presetScenario('mm8').scenario, { seed: 7, until: 3000 });
    const b = presetScenario('mm8').scenario;
    const nine = runScenario(
      { ...b, name: 'mm9', stations: [{ ...b.stations[0]!, servers: 9 }] },
      { seed: 7, until: 3000 },
    );
    const inProcess = compareReports(a, nine);
    expect(cmp.stations).toEqual(inProcess.stations);
    expect(cmp.sources).toEqual(inProcess.sources);
  });

  it('prints A, B, B - A and the change side by side, and names what only one has', () => {
    const { code, stdout } = cli('mm1', '--compare', 'erlang-b', '--until', '3000');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^A\/B on seed 1 for both: common random numbers/);
    expect(stdout).toMatch(/^source\s+figure\s+A\s+B\s+B - A\s+change$/m);
    expect(stdout).toMatch(/^arrivals\s+offered\s+[\d,]+\s+[\d,]+\s+\+[\d,]+\s+\+\d+\.\d%$/m);
    expect(stdout).toContain('only in A, not compared: station server');
    expect(stdout).toContain('only in B, not compared: station pool');
  });

  it('shows zero differences in the text of a self-comparison', () => {
    const { code, stdout } = cli('mm8', '--compare', 'mm8', '--until', '3000');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^pool\s+arrivals\s+([\d,]+)\s+\1\s+0\s+0$/m);
    expect(stdout).toMatch(/^pool\s+mean latency\s+(\S+)\s+\1\s+0\s+0$/m);
  });

  it('says which scenario is wrong, and refuses --theory', () => {
    const missing = cli('mm1', '--compare', 'no-such-preset');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('(--compare scenario)');
    expect(missing.stderr).toContain('unknown preset "no-such-preset"');
    const theory = cli('mm1', '--compare', 'mm1', '--theory');
    expect(theory.code).toBe(2);
    expect(theory.stderr).toContain('--theory applies to one run');
  });
});
