import { execFileSync } from 'node:child_process';

/** Runs the headless CLI from the repository root (Playwright's working directory). */
function cli(args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'sim/cli.ts', ...args], {
    cwd: process.cwd(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The preset names, from `npm run sim -- --list`: the tests follow presets as they are added. */
export function listPresets(): string[] {
  return cli(['--list'])
    .split('\n')
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((name) => name !== '');
}

/** The CLI's --json line for a preset and seed (and `--until`, when given). */
export function cliJson(preset: string, seed: number, until?: number): string {
  const stop = until === undefined ? [] : ['--until', String(until)];
  return cli([preset, '--seed', String(seed), ...stop, '--json']);
}
