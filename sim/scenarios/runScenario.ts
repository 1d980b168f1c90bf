import { buildRunReport, type RunReport } from '../metrics/runReport';
import { MAX_SEED } from '../kernel/rng';
import { DEFAULT_PRESET, PRESETS } from './presets';
import { MAX_DURATION, type Scenario } from './schema/scenarioSchema';
import { Simulation } from './simulation';
import { ScenarioError, validateScenario } from './validateScenario';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: number | undefined;
  /** Overrides the scenario's duration (simulated seconds). */
  until?: number | undefined;
  onProgress?: ((fraction: number, simulatedSeconds: number) => void) | undefined;
}

/** A preset by name, validated. Throws ScenarioError naming the presets when unknown. */
export function presetScenario(name: string = DEFAULT_PRESET): {
  scenario: Scenario;
  warnings: string[];
} {
  const raw = PRESETS[name];
  if (raw === undefined) {
    throw new ScenarioError([
      `unknown preset "${name}" (presets are ${Object.keys(PRESETS).join(', ')})`,
    ]);
  }
  return checked(raw);
}

/** Validates a parsed scenario document; throws ScenarioError with every problem found. */
export function checked(input: unknown): { scenario: Scenario; warnings: string[] } {
  const result = validateScenario(input);
  if (!result.ok) throw new ScenarioError(result.errors);
  return { scenario: result.scenario, warnings: result.warnings };
}

export function checkRunOptions(scenario: Scenario, options: RunOptions): string[] {
  const errors: string[] = [];
  const { seed, until } = options;
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)) {
    errors.push(`--seed: must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  }
  if (until !== undefined && !(until > scenario.warmup && until <= MAX_DURATION)) {
    errors.push(
      `--until: must be a number of seconds > warmup (${scenario.warmup}) and <= ${MAX_DURATION}, got ${until}`,
    );
  }
  return errors;
}

/** Runs a validated scenario to its end and reports, the same way in Node and in a worker. */
export function runScenario(
  scenario: Scenario,
  options: RunOptions = {},
  warnings: string[] = [],
): RunReport {
  const errors = checkRunOptions(scenario, options);
  if (errors.length > 0) throw new ScenarioError(errors, 'invalid run options');
  const started = performance.now();
  const sim = new Simulation(
    scenario,
    options.seed ?? scenario.seed,
    options.until ?? scenario.duration,
  );
  const onProgress = options.onProgress;
  sim.runToEnd(onProgress && ((fraction) => onProgress(fraction, sim.now)));
  return buildRunReport(sim, Math.round(performance.now() - started), warnings);
}
