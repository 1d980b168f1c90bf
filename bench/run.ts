import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { holdCase } from './hold';
import { measure, type BenchCase } from './measure';
import { mm8Case } from './mm8';

/**
 * `npm run bench` runs every case, each in a fresh Node process so that one case's JIT feedback
 * (which handlers the kernel's dispatch has seen) cannot slow or speed up another; `npm run bench
 * -- mm8 hold-10` runs the named cases. Stdout gets one JSON line per case, stderr the progress.
 */
const CASES: Record<string, () => BenchCase> = {
  'hold-10': () => holdCase(10),
  'hold-100000': () => holdCase(100_000),
  mm8: () => mm8Case(),
};

function runHere(name: string): void {
  const result = measure(CASES[name]!());
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runIsolated(name: string): number {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, script, name], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child.status ?? 1;
}

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in CASES));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown case ${unknown.join(', ')} (cases are ${Object.keys(CASES).join(', ')})\n`,
  );
  process.exit(2);
}
if (requested.length === 1) {
  runHere(requested[0]!);
} else {
  const names = requested.length > 0 ? requested : Object.keys(CASES);
  let failed = 0;
  for (const name of names) if (runIsolated(name) !== 0) failed++;
  process.exitCode = failed > 0 ? 1 : 0;
}
