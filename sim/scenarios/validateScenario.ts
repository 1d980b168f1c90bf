import { ScenarioSchema, type Scenario } from './schema/scenarioSchema';
import { crossReferenceIssues } from './crossReferences';
import { formatIssues, formatPath } from './formatIssues';
import { stabilityWarnings } from './stabilityWarnings';
import { lessonIssues } from '../lessons/lessonReferences';

export type Validation =
  { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: string[] };

/** Checks a parsed JSON document against the scenario schema; never throws on bad input. */
export function validateScenario(input: unknown): Validation {
  const result = ScenarioSchema.safeParse(input);
  const errors = [
    ...(result.success ? [] : formatIssues(result.error.issues, input)),
    ...crossReferenceIssues(input).map((i) => `${formatPath(i.path)}: ${i.message}`),
    ...lessonIssues(input, result.data).map((i) => `${formatPath(i.path)}: ${i.message}`),
  ];
  if (!result.success || errors.length > 0) return { ok: false, errors };
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
  constructor(
    readonly errors: string[],
    what = 'invalid scenario',
  ) {
    super(`${what}:\n  ${errors.join('\n  ')}`);
    this.name = 'ScenarioError';
  }
}
