import { crossReferenceIssues } from '../scenarios/crossReferences';
import { formatIssues, formatPath } from '../scenarios/formatIssues';
import { FaultSchema, type FaultSpec } from '../scenarios/schema/faultSchema';
import type { Scenario } from '../scenarios/schema/scenarioSchema';

export type FaultCheck = { ok: true; fault: FaultSpec } | { ok: false; errors: string[] };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * Checks one fault for injection into a run of `scenario` now at simulated time `now`: the fault
 * schema, then the same cross references a scenario's `faults` get (the station, cache, centre or
 * database must exist; `at` within the run). Messages read like validateScenario's, with the path
 * `fault.<field>`. `at`, when given, replaces the fault's own; neither given means now. A time
 * already past is moved to now, which the returned fault says.
 */
export function checkFault(
  scenario: Scenario,
  input: unknown,
  at: number | undefined,
  now: number,
): FaultCheck {
  if (!isRecord(input)) {
    return { ok: false, errors: ['fault: must be an object with a "kind" and its fields'] };
  }
  if (now >= scenario.duration) {
    return {
      ok: false,
      errors: [`fault.at: the run has ended (t = ${scenario.duration} s); reset it first`],
    };
  }
  const candidate = { ...input, at: at ?? input.at ?? now };
  const parsed = FaultSchema.safeParse(candidate);
  const prefixed = (path: readonly PropertyKey[]) => ['fault', ...path];
  const errors = parsed.success
    ? []
    : formatIssues(
        parsed.error.issues.map((issue) => ({ ...issue, path: prefixed(issue.path) })),
        { fault: candidate },
      );
  // Cross references of the fault alone: the scenario's own were checked when it was loaded.
  for (const issue of crossReferenceIssues({ ...scenario, faults: [candidate] })) {
    const [section, index, ...rest] = issue.path;
    if (section === 'faults' && index === 0) {
      errors.push(`${formatPath(prefixed(rest))}: ${issue.message}`);
    }
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, fault: { ...parsed.data, at: Math.max(now, parsed.data.at) } };
}
