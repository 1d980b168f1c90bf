import { knobIndex, type KnobGroup, type KnobPath } from './knobs';

/** An applied edit: a knob's key and its new number, or null to leave the field out. */
export type Edit = readonly [key: string, value: number | null];

/** An edit as typed: text that is no number goes to the validator, which says what is allowed. */
export type DraftEdit = readonly [key: string, value: number | string | null];

export type EditResult = { ok: true; doc: unknown } | { ok: false; errors: string[] };

/** Names no scenario field has, and that would reach Object.prototype if walked into. */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

const isContainer = (x: unknown): x is Record<string | number, unknown> =>
  x !== null && typeof x === 'object';

/** Sets `value` at `path` in `root` (already a copy), creating missing objects on the way. */
function setIn(root: unknown, path: KnobPath, value: number | string | null): string | null {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (!isContainer(node) || FORBIDDEN.has(String(key))) return 'no such field in the preset';
    if (!Object.hasOwn(node, key) || node[key] === undefined) {
      if (typeof path[i + 1] === 'number') return 'no such field in the preset';
      node[key] = {};
    }
    node = node[key];
  }
  const last = path[path.length - 1]!;
  if (!isContainer(node) || FORBIDDEN.has(String(last))) return 'no such field in the preset';
  if (value === null) delete node[last];
  else node[last] = value;
  return null;
}

/**
 * The preset document with the edits applied, each to a knob of `groups` (the preset's own, so
 * a key from a link can only ever name a field the page offers). Values are not checked here:
 * the edited document goes through the scenario validator, whose messages name field and range.
 */
export function applyEdits(
  doc: unknown,
  groups: readonly KnobGroup[],
  edits: readonly DraftEdit[],
): EditResult {
  const knobs = knobIndex(groups);
  const copy = structuredClone(doc);
  const errors: string[] = [];
  for (const [key, value] of edits) {
    const knob = knobs.get(key);
    const problem = knob ? setIn(copy, knob.path, value) : 'not an editable field of this scenario';
    if (problem) errors.push(`${key}: ${problem}`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, doc: copy };
}

/** `current` with `changes` applied: a changed key keeps its place, a new one goes last. */
export function mergeEdits<E extends DraftEdit>(current: readonly E[], changes: readonly E[]): E[] {
  const merged = [...current];
  for (const change of changes) {
    const at = merged.findIndex(([key]) => key === change[0]);
    if (at >= 0) merged[at] = change;
    else merged.push(change);
  }
  return merged;
}

/** Typed text as an edit value: empty is "leave it out", a number a number, the rest as typed. */
export function parseKnobText(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Only numbers and nulls pass validation, so the edits of a loaded run are all of this kind. */
export const isEdit = (edit: DraftEdit): edit is Edit => typeof edit[1] !== 'string';

/**
 * The validator's messages (`stations[1].servers: must be ...`) by the knob they concern: the
 * knob whose key is the message's path or a prefix of it. Others (a cross reference, the seed)
 * are general.
 */
export function errorsByKnob(
  errors: readonly string[],
  groups: readonly KnobGroup[],
): { byKey: Record<string, string>; general: string[] } {
  const keys = [...knobIndex(groups).keys()];
  const byKey: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const colon = error.indexOf(': ');
    const path = colon < 0 ? '' : error.slice(0, colon);
    const key = keys.find(
      (k) => path === k || path.startsWith(`${k}.`) || path.startsWith(`${k}[`),
    );
    if (key !== undefined) byKey[key] ??= error;
    else general.push(error);
  }
  return { byKey, general };
}
