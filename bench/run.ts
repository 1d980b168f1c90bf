import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { holdCase } from './hold';
import { measure, type BenchCase } from './measure';
import { mm8Case } from './mm8';
import { ordersCase } from './orders';
import { runLunchPeak } from './lunchPeak';

/**
 * `npm run bench` runs every case, each in a fresh Node process so that one case's JIT feedback
 * (which handlers the kernel's dispatch has seen) cannot slow or speed up another; `npm run bench
 * -- mm8 hold-10` runs the named cases. Stdout gets one JSON line per case, stderr the progress.
 */
const CASES: Record<string, () => BenchCase> = {
  'hold-10': () => holdCase(10),
  'hold-100000': () => holdCase(100_000),
  mm8: () => mm8Case(),
  orders: () => ordersCase(),
};

/** Cases that time themselves: one long run, measured in chunks (see bench/lunchPeak.ts). */
const LONG_CASES: Record<string, () => object> = {
  'lunch-peak': () => runLunchPeak(Number(process.env.LUNCH_PEAK_SECONDS ?? 60)),
};

function runHere(name: string): void {
  const long = LONG_CASES[name];
  const result = long ? long() : measure(CASES[name]!());
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runIsolated(name: string): number {
  const script = fileURLToPath(import.meta.url);
  // --expose-gc lets a case read the heap after a collection, so memory figures mean something.
  const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', script, name], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child.status ?? 1;
}

const requested = process.argv.slice(2);
const known = [...Object.keys(CASES), ...Object.keys(LONG_CASES)];
const unknown = requested.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown case ${unknown.join(', ')} (cases are ${known.join(', ')})\n`);
  process.exit(2);
}
if (requested.length === 1 && process.execArgv.includes('--expose-gc')) {
  runHere(requested[0]!);
} else {
  const names = requested.length > 0 ? requested : known;
  let failed = 0;
  for (const name of names) if (runIsolated(name) !== 0) failed++;
  process.exitCode = failed > 0 ? 1 : 0;
}
