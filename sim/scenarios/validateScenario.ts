import { ScenarioSchema, type Scenario } from './schema/scenarioSchema';
import { formatIssues } from './formatIssues';
import { stabilityWarnings } from './stabilityWarnings';

export type Validation =
  { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: string[] };

/** Checks a parsed JSON document against the scenario schema; never throws on bad input. */
export function validateScenario(input: unknown): Validation {
  const result = ScenarioSchema.safeParse(input);
  if (!result.success) return { ok: false, errors: formatIssues(result.error.issues, input) };
  return { ok: true, scenario: result.data, warnings: stabilityWarnings(result.data) };
}

/** Parses JSON text first, reporting a syntax error as a validation error. */
export function validateScenarioText(text: string): Validation {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  return validateScenario(input);
}

export class ScenarioError extends Error {
  constructor(readonly errors: string[]) {
    super(`invalid scenario:\n  ${errors.join('\n  ')}`);
    this.name = 'ScenarioError';
  }
}
