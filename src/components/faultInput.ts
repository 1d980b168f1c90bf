import type { FaultSpec } from '../../sim/scenarios/schema/faultSchema';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';
import { FAULT_FORMS, type FaultKind, type FieldValues } from './faultKinds';

/** The kinds whose targets exist in `scenario` (no cache, no "Flush a cache"). */
export function availableKinds(scenario: Scenario): FaultKind[] {
  return (Object.keys(FAULT_FORMS) as FaultKind[]).filter((kind) =>
    FAULT_FORMS[kind].fields.every(
      (f) =>
        f.kind !== 'choice' ||
        (f.options?.(scenario, initialValues(scenario, kind)) ?? []).length > 0,
    ),
  );
}

/** Each field's starting value: the first id of a choice, the initial text of a number. */
export function initialValues(scenario: Scenario, kind: FaultKind): FieldValues {
  const values: FieldValues = {};
  for (const field of FAULT_FORMS[kind].fields) {
    values[field.name] =
      field.kind === 'choice'
        ? (field.options?.(scenario, values)[0] ?? '')
        : (field.initial ?? '');
  }
  return values;
}

/** A choice changed: later choices that depend on it fall back to their first option if needed. */
export function withValue(
  scenario: Scenario,
  kind: FaultKind,
  values: FieldValues,
  name: string,
  value: string,
): FieldValues {
  const next = { ...values, [name]: value };
  for (const field of FAULT_FORMS[kind].fields) {
    if (field.kind !== 'choice' || field.name === name) continue;
    const options = field.options?.(scenario, next) ?? [];
    if (!options.includes(next[field.name] ?? '')) next[field.name] = options[0] ?? '';
  }
  return next;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Typed text as the worker should see it: a number when it reads as one, else the text itself,
 * so the schema's message can say what is allowed and quote what was typed.
 */
export function parseNumberText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The fault document for the worker; `at` undefined means now. */
export function buildFault(
  kind: FaultKind,
  values: FieldValues,
  at?: string,
): Record<string, unknown> {
  const fault: Record<string, unknown> = { kind };
  for (const field of FAULT_FORMS[kind].fields) {
    const text = values[field.name] ?? '';
    const value = field.kind === 'choice' ? text : parseNumberText(text);
    if (value !== undefined && value !== '') fault[field.name] = value;
  }
  const time = at === undefined ? undefined : parseNumberText(at);
  if (time !== undefined) fault.at = time;
  return fault;
}

/** The worker's messages by field (`fault.factor: ...` goes next to the factor), the rest apart. */
export function errorsByField(errors: readonly string[]): {
  fields: Record<string, string>;
  general: string[];
} {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const match = /^fault\.([A-Za-z]+): (.*)$/s.exec(error);
    if (match) fields[match[1]!] ??= match[2]!;
    else general.push(error);
  }
  return { fields, general };
}

const seconds = (t: number) => `${Number(t.toFixed(3))} s`;

/** One line per injected fault: "t = 20 s: Make a dependency fail (outage) (station payment)". */
export function describeFault(fault: FaultSpec): string {
  const { kind, at, ...rest } = fault as FaultSpec & Record<string, unknown>;
  const parts = Object.entries(rest).map(([name, value]) =>
    typeof value === 'number' && /delay|duration/i.test(name)
      ? `${name} ${seconds(value)}`
      : `${name} ${String(value)}`,
  );
  return `t = ${seconds(at)}: ${FAULT_FORMS[kind]?.label ?? kind} (${parts.join(', ')})`;
}
