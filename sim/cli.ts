/**
 * Headless runner: `npm run sim -- <scenario.json | preset> [--seed N] [--until S] [--json]`,
 * plus `--replications N` (confidence intervals over seeds) and `--compare B` (A/B on one seed).
 * Bad input prints what is wrong and exits 2, never a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MAX_SEED } from './kernel/rng';
import { compareReports } from './metrics/compare';
import { MAX_REPLICATIONS, summariseReplications } from './metrics/replications';
import type { RunReport } from './metrics/runReport';
import { scenarioTheory } from './metrics/theory';
import { DEFAULT_PRESET, PRESETS, presetTitle } from './scenarios/presets';
import { checked, presetScenario, runScenario, type RunOptions } from './scenarios/runScenario';
import type { Scenario } from './scenarios/schema/scenarioSchema';
import { ScenarioError, validateScenarioText } from './scenarios/validateScenario';
import {
  formatComparison,
  formatReplications,
  formatSummaryWithTheory,
} from './scenarios/formatSummary';

const USAGE = `Usage: npm run sim -- [scenario.json | preset] [--seed N] [--until SECONDS] [--json] [--theory]
       npm run sim -- <scenario> --replications N [--seed S] [--until SECONDS] [--json]
       npm run sim -- <scenarioA> --compare <scenarioB> [--seed S] [--until SECONDS] [--json]
       npm run sim -- --list

  With no scenario, runs the "${DEFAULT_PRESET}" preset.
  --seed N          run with this seed instead of the scenario's (an integer >= 0)
  --until S         stop at S simulated seconds instead of the scenario's duration
  --json            print one JSON document (see README.md, "CLI JSON output")
  --theory          with --json, add "theory": the closed-form figures of the stations that have
                    one (M/M/c, M/D/1, M/G/1, Erlang B); the text summary always shows them
  --replications N  run seeds S, S+1, ..., S+N-1 (2 <= N <= ${MAX_REPLICATIONS}) and print each key
                    figure's mean and 95% confidence interval, beside theory where there is one
  --compare B       run B on the same seed as the scenario (common random numbers) and print
                    both side by side with the differences
  --list            list the presets`;

class UsageError extends Error {}

function parseNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`${flag}: must be a number, got "${text}"`);
  }
  return value;
}

function load(target: string) {
  if (target.endsWith('.json') || existsSync(target)) {
    if (!existsSync(target)) throw new UsageError(`no such scenario file: ${target}`);
    const result = validateScenarioText(readFileSync(target, 'utf8'));
    if (!result.ok) throw new ScenarioError(result.errors);
    return { scenario: result.scenario, warnings: result.warnings };
  }
  return PRESETS[target] === undefined ? presetScenario(target) : checked(PRESETS[target]);
}

const NUMERIC_FLAGS = new Set(['--seed', '--until', '--replications']);

/** `--seed -3` would read as two flags; join it so the range check can say what is wrong. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (NUMERIC_FLAGS.has(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** A one-line progress meter on stderr, for people watching a terminal; none when piped. */
function progress(label: string): RunOptions['onProgress'] {
  if (process.stderr.isTTY !== true) return undefined;
  let lastShown = 0;
  return (fraction, t) => {
    const now = Date.now();
    if (now - lastShown < 200 && fraction < 1) return;
    lastShown = now;
    const percent = (fraction * 100).toFixed(0).padStart(3);
    process.stderr.write(`\r  ${label}${percent}%  t = ${t.toFixed(0)} s `);
  };
}

function clearProgress(): void {
  if (process.stderr.isTTY === true) process.stderr.write('\r\x1b[K');
}

function parseReplications(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 2 || n > MAX_REPLICATIONS) {
    throw new UsageError(
      `--replications: must be an integer from 2 to ${MAX_REPLICATIONS}, got "${text}"`,
    );
  }
  return n;
}

interface Common {
  seed: number | undefined;
  until: number | undefined;
  json: boolean;
}

function single(scenario: Scenario, warnings: string[], opts: Common, theory: boolean): string {
  const { seed, until } = opts;
  const report: RunReport = runScenario(
    scenario,
    { seed, until, onProgress: progress('') },
    warnings,
  );
  clearProgress();
  const closedForms = scenarioTheory(scenario);
  if (!opts.json) return formatSummaryWithTheory(report, scenario, closedForms);
  // Without --theory the document stays the one the browser exports, byte for byte.
  if (!theory) return `${JSON.stringify(report)}\n`;
  // Twelve digits keep the closed forms exact to print while dropping float dust (5.000000000000001).
  const exact: unknown = JSON.parse(
    JSON.stringify(closedForms, (_, v: unknown) =>
      typeof v === 'number' ? Number(v.toPrecision(12)) : v,
    ),
  );
  return `${JSON.stringify({ ...report, theory: exact })}\n`;
}

function replications(scenario: Scenario, warnings: string[], opts: Common, n: number): string {
  const first = opts.seed ?? scenario.seed;
  if (first > MAX_SEED - (n - 1)) {
    throw new UsageError(
      `--seed: with --replications ${n} the first seed must be at most ${MAX_SEED - (n - 1)}, got ${first}`,
    );
  }
  const started = performance.now();
  const reports: RunReport[] = [];
  for (let k = 0; k < n; k++) {
    const seed = first + k;
    const onProgress = progress(`run ${k + 1}/${n} (seed ${seed}) `);
    reports.push(runScenario(scenario, { seed, until: opts.until, onProgress }, warnings));
  }
  clearProgress();
  const wallMs = Math.round(performance.now() - started);
  const summary = summariseReplications(reports, scenarioTheory(scenario), wallMs);
  return opts.json ? `${JSON.stringify(summary)}\n` : formatReplications(summary, scenario);
}

/** Errors about the --compare scenario say so: the same message could be about either run. */
function asB<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const [what] = error.message.split(':', 1);
    throw new ScenarioError(error.errors, `${what} (--compare scenario)`);
  }
}

function compare(
  a: { scenario: Scenario; warnings: string[] },
  b: { scenario: Scenario; warnings: string[] },
  opts: Common,
): string {
  // One seed for both, A's unless given: that is what makes the comparison paired.
  const seed = opts.seed ?? a.scenario.seed;
  const until = opts.until;
  const runA = runScenario(a.scenario, { seed, until, onProgress: progress('A ') }, a.warnings);
  const runB = asB(() =>
    runScenario(b.scenario, { seed, until, onProgress: progress('B ') }, b.warnings),
  );
  clearProgress();
  const comparison = compareReports(runA, runB);
  return opts.json
    ? `${JSON.stringify(comparison)}\n`
    : formatComparison(comparison, a.scenario, b.scenario);
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: joinNegativeValues(argv),
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      until: { type: 'string' },
      json: { type: 'boolean', default: false },
      theory: { type: 'boolean', default: false },
      replications: { type: 'string' },
      compare: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.list) {
    const width = Math.max(...Object.keys(PRESETS).map((n) => n.length));
    for (const name of Object.keys(PRESETS)) {
      process.stdout.write(`${name.padEnd(width)}  ${presetTitle(name)}\n`);
    }
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`one scenario at a time, got ${positionals.length}`);
  if (values.compare !== undefined && values.replications !== undefined) {
    throw new UsageError('--compare and --replications do not combine: use one at a time');
  }
  if (values.compare !== undefined && values.theory) {
    throw new UsageError('--theory applies to one run: run each variant with --theory instead');
  }
  const n = values.replications === undefined ? undefined : parseReplications(values.replications);
  const opts: Common = {
    seed: parseNumber('--seed', values.seed),
    until: parseNumber('--until', values.until),
    json: values.json,
  };
  const a = load(positionals[0] ?? DEFAULT_PRESET);
  const bName = values.compare;
  const b = bName === undefined ? undefined : asB(() => load(bName));
  for (const warning of a.warnings) process.stderr.write(`warning: ${warning}\n`);
  for (const warning of b?.warnings ?? []) process.stderr.write(`warning (B): ${warning}\n`);

  let out: string;
  if (b !== undefined) out = compare(a, b, opts);
  else if (n !== undefined) out = replications(a.scenario, a.warnings, opts, n);
  else out = single(a.scenario, a.warnings, opts, values.theory);
  process.stdout.write(out);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ScenarioError) {
    process.stderr.write(`error: ${error.message}\n`);
  } else if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}\n`);
  } else if (error instanceof RangeError) {
    process.stderr.write(`error: the run stopped: ${error.message}\n`);
  } else {
    throw error;
  }
  process.exitCode = 2;
}
