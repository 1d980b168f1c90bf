import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Runs the CLI in a fresh Node process, the way a user or a CI script does. */
export function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'sim/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI and parses its one JSON document, failing loudly when it exits non-zero. */
export function cliJson<T = unknown>(...args: string[]): T {
  const { code, stdout, stderr } = cli(...args, '--json');
  if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
  return JSON.parse(stdout) as T;
}

/** Writes a scenario document to a fresh temporary file and returns its path. */
export function scenarioFile(doc: object, name = 'scenario.json'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'peaklab-')), name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** wallMs is the one figure allowed to differ between runs of the same scenario and seed. */
export const withoutWallMs = (text: string) =>
  text.replace(/"wallMs":\d+/g, '"wallMs":0').replace(/[\d,]+ ms wall/g, '0 ms wall');
