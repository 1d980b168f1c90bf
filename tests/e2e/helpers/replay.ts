import { execFileSync } from 'node:child_process';

/** Runs the headless CLI on a scenario file with a seed and returns its --json line. */
export function cliJsonForFile(path: string, seed: number): string {
  return execFileSync(
    process.execPath,
    ['--import', 'tsx', 'sim/cli.ts', path, '--seed', String(seed), '--json'],
    { cwd: process.cwd(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}
