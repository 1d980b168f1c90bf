import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../sim/metrics/runReport';
import type { StationTheory } from '../../sim/metrics/theory';
import { formatSummary } from '../../sim/scenarios/formatSummary';
import { presetScenario, runScenario } from '../../sim/scenarios/runScenario';
import { cli, cliJson, withoutWallMs } from './runCli';

type WithTheory = RunReport & { theory: Record<string, StationTheory> };

describe('CLI --theory', () => {
  it('default --json is unchanged: no theory field, byte for byte the in-process report', () => {
    const { code, stdout } = cli('mm1', '--until', '3000', '--json');
    expect(code).toBe(0);
    expect(stdout).not.toContain('"theory"');
    const { scenario, warnings } = presetScenario('mm1');
    const inProcess = JSON.stringify(runScenario(scenario, { until: 3000 }, warnings));
    expect(withoutWallMs(stdout)).toBe(withoutWallMs(`${inProcess}\n`));
  });

  it('--json --theory adds a top-level "theory" and leaves every other field as it was', () => {
    const plain = cliJson<RunReport>('mm1', '--until', '3000');
    const { theory, ...rest } = cliJson<WithTheory>('mm1', '--until', '3000', '--theory');
    expect(withoutWallMs(JSON.stringify(rest))).toBe(withoutWallMs(JSON.stringify(plain)));
    expect(Object.keys(theory)).toEqual(['server']);
    const server = theory.server!;
    expect(server.label).toBe('M/M/1');
    expect([server.W, server.Wq, server.utilization, server.blocking]).toEqual([5, 4, 0.8, 0]);
    expect(server.L).toBeCloseTo(4, 12);
  });

  it('gives Erlang B for the loss system, and an empty theory where nothing qualifies', () => {
    const erlang = cliJson<WithTheory>('erlang-b', '--until', '1000', '--theory');
    expect(erlang.theory.pool!.blocking).toBeCloseTo(0.1217, 4);
    const timeouts = cliJson<WithTheory>('timeouts', '--until', '40', '--theory');
    expect(timeouts.theory).toEqual({});
  });

  it('the text summary shows simulated beside theory under the stations, and is otherwise unchanged', () => {
    const { code, stdout } = cli('erlang-b', '--until', '5000');
    expect(code).toBe(0);
    const part = /\n\nTheory \(.*\n(?:.*\n)*?(?=\nClients)/.exec(stdout);
    expect(part, stdout).not.toBeNull();
    expect(part![0]).toMatch(/^pool\s+M\/M\/10\/10\s+refused \(Erlang B\)\s+[\d.]+%\s+12\.17%/m);
    expect(part![0]).toMatch(/^pool\s+M\/M\/10\/10\s+utilisation\s+[\d.]+%\s+70\.27%/m);
    expect(stdout.indexOf('Theory (')).toBeGreaterThan(stdout.indexOf('Stations ('));
    const { scenario } = presetScenario('erlang-b');
    const summary = formatSummary(runScenario(scenario, { until: 5000 }), scenario);
    expect(withoutWallMs(stdout.replace(part![0], '\n'))).toBe(withoutWallMs(summary));
  });

  it('shows no theory table where no station qualifies', () => {
    const { code, stdout } = cli('timeouts', '--until', '40');
    expect(code).toBe(0);
    expect(stdout).toContain('Stations (');
    expect(stdout).not.toContain('Theory');
  });
});
