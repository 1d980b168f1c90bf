/**
 * Headless runner: `npm run sim -- <scenario.json | preset> [--seed N] [--until S] [--json]`.
 * Bad input prints what is wrong and exits 2, never a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RunReport } from './metrics/runReport';
import { DEFAULT_PRESET, PRESETS, presetTitle } from './scenarios/presets';
import { checked, presetScenario, runScenario } from './scenarios/runScenario';
import { ScenarioError, validateScenarioText } from './scenarios/validateScenario';
import { formatSummary } from './scenarios/formatSummary';

const USAGE = `Usage: npm run sim -- [scenario.json | preset] [--seed N] [--until SECONDS] [--json]
       npm run sim -- --list

  With no scenario, runs the "${DEFAULT_PRESET}" preset.
  --seed N        run with this seed instead of the scenario's (an integer >= 0)
  --until S       stop at S simulated seconds instead of the scenario's duration
  --json          print one JSON document (see README.md, "CLI JSON output")
  --list          list the presets`;

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

/** `--seed -3` would read as two flags; join it so the range check can say what is wrong. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if ((arg === '--seed' || arg === '--until') && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: joinNegativeValues(argv),
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      until: { type: 'string' },
      json: { type: 'boolean', default: false },
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
  const { scenario, warnings } = load(positionals[0] ?? DEFAULT_PRESET);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);

  const showProgress = process.stderr.isTTY === true;
  let lastShown = 0;
  const report: RunReport = runScenario(
    scenario,
    {
      seed: parseNumber('--seed', values.seed),
      until: parseNumber('--until', values.until),
      onProgress: showProgress
        ? (fraction, t) => {
            const now = Date.now();
            if (now - lastShown < 200 && fraction < 1) return;
            lastShown = now;
            process.stderr.write(
              `\r  ${(fraction * 100).toFixed(0).padStart(3)}%  t = ${t.toFixed(0)} s `,
            );
          }
        : undefined,
    },
    warnings,
  );
  if (showProgress) process.stderr.write('\r\x1b[K');
  process.stdout.write(
    values.json ? `${JSON.stringify(report)}\n` : formatSummary(report, scenario),
  );
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
