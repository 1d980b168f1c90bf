import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../sim/scenarios/presets';
import { presetScenario, runScenario } from '../../sim/scenarios/runScenario';

const root = new URL('../..', import.meta.url).pathname;

/** Runs the CLI in a fresh Node process, the way a user or a CI script does. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'sim/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** wallMs is the one field allowed to differ between runs of the same scenario and seed. */
const withoutWallMs = (json: string) => json.replace(/"wallMs":\d+/, '"wallMs":0');

describe('headless CLI', () => {
  it('--json prints one document with the documented shape', () => {
    const { code, stdout } = cli('mm8', '--until', '2000', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'scenario',
        'seed',
        'simulatedSeconds',
        'events',
        'wallMs',
        'stations',
        'series',
      ]),
    );
    expect(report.scenario).toBe('mm8');
    expect(report.simulatedSeconds).toBe(2000);
    const pool = report.stations.pool;
    for (const key of [
      'arrivals',
      'completed',
      'rejected',
      'timedOut',
      'throughput',
      'utilization',
      'meanQueueLength',
    ]) {
      expect(typeof pool[key], key).toBe('number');
    }
    expect(Object.keys(pool.latency)).toEqual(
      expect.arrayContaining(['mean', 'p50', 'p95', 'p99', 'p999']),
    );
    expect(report.series.t.length).toBe(report.series.stations.pool.arrivals.length);
  });

  it('same scenario and seed: byte-identical JSON in two fresh processes and in-process', () => {
    const first = cli('retry-storm', '--seed', '7', '--json');
    const second = cli('retry-storm', '--seed', '7', '--json');
    expect(first.code).toBe(0);
    expect(withoutWallMs(second.stdout)).toBe(withoutWallMs(first.stdout));
    const { scenario, warnings } = presetScenario('retry-storm');
    const inProcess = JSON.stringify(runScenario(scenario, { seed: 7 }, warnings));
    expect(withoutWallMs(`${inProcess}\n`)).toBe(withoutWallMs(first.stdout));
    // ...and another seed gives other numbers, so the comparison above can fail.
    expect(withoutWallMs(cli('retry-storm', '--seed', '8', '--json').stdout)).not.toBe(
      withoutWallMs(first.stdout),
    );
  });

  it('prints a readable summary table without --json', () => {
    const { code, stdout } = cli('erlang-b', '--until', '1000');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^station\s+servers\s+arrivals/m);
    expect(stdout).toMatch(/^pool\s+10\s/m);
  });

  it('--list names every preset with its title', () => {
    const { code, stdout } = cli('--list');
    expect(code).toBe(0);
    for (const name of Object.keys(PRESETS)) expect(stdout).toMatch(new RegExp(`^${name}\\s`, 'm'));
  });

  it('a bad scenario file exits 2 with every error and no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peaklab-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        duration: 10,
        sources: [{ id: 'u', kind: 'poisson', target: 'web', rate: 1 }],
        stations: [{ id: 'web', servers: 0, service: { type: 'exponential', mean: 1 } }],
      }),
    );
    const { code, stderr, stdout } = cli(file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('stations[0].servers: must be an integer from 1 to 1000000, got 0');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('unknown presets, missing files and bad flags exit 2 with a message', () => {
    const unknown = cli('no-such-preset');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown preset "no-such-preset"');
    const missing = cli('missing.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such scenario file: missing.json');
    const seed = cli('mm1', '--seed', '-3');
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--seed: must be an integer from 0 to');
    const until = cli('mm1', '--until', 'soon');
    expect(until.code).toBe(2);
    expect(until.stderr).toContain('--until: must be a number, got "soon"');
  });
});
