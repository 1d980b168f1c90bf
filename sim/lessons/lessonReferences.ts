import type { CrossReferenceIssue } from '../scenarios/crossReferences';
import { formatPath } from '../scenarios/formatIssues';
import { ScenarioSchema } from '../scenarios/schema/scenarioSchema';

/**
 * Checks of a lesson that need the whole scenario: goal targets that must exist, "exactly one of"
 * fields, goal ids that must be unique, times inside the run, knobs naming real fields. Like the
 * scenario's own cross references they walk the raw input defensively, so they are reported even
 * when other fields are malformed; knobs are resolved on the parsed scenario (defaults filled in,
 * as the parameter panel lists them) when it parsed.
 */
type Path = (string | number)[];
type Doc = Record<string, unknown>;
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const record = (x: unknown): Doc => (x !== null && typeof x === 'object' ? (x as Doc) : {});
const quoted = (ids: Iterable<string>) => [...ids].map((id) => `"${id}"`).join(', ') || 'none';

/** What each goal field names, and where those things are listed in the scenario. */
const TARGETS: Record<string, { section: string; label: string; plural: string }> = {
  source: { section: 'sources', label: 'source', plural: 'sources' },
  station: { section: 'stations', label: 'station', plural: 'stations' },
  cache: { section: 'caches', label: 'cache', plural: 'caches' },
  db: { section: 'databases', label: 'database', plural: 'databases' },
  flow: { section: 'orders', label: 'order flow', plural: 'order flows' },
  topic: { section: 'topics', label: 'topic', plural: 'topics' },
};

/** Goal kinds that name exactly one of two kinds of target. */
const ONE_OF: Record<string, [string, string]> = {
  latency: ['source', 'station'],
  staleReads: ['cache', 'db'],
};

export function lessonIssues(input: unknown, parsed?: unknown): CrossReferenceIssue[] {
  const doc = record(input);
  if (doc.lesson === undefined) return [];
  const lesson = record(doc.lesson);
  const issues: CrossReferenceIssue[] = [];
  const idsOf = (section: string) =>
    new Set(
      list(doc[section])
        .map((item) => record(item).id)
        .filter((id): id is string => typeof id === 'string'),
    );
  const duration = typeof doc.duration === 'number' ? doc.duration : undefined;
  const goalIds = new Set<string>();

  list(lesson.goals).forEach((raw, i) => {
    const goal = record(raw);
    const path: Path = ['lesson', 'goals', i];
    if (typeof goal.id === 'string') {
      if (goalIds.has(goal.id)) {
        issues.push({ path: [...path, 'id'], message: `duplicate goal id "${goal.id}"` });
      }
      goalIds.add(goal.id);
    }
    for (const [field, target] of Object.entries(TARGETS)) {
      const name = goal[field];
      if (typeof name !== 'string') continue;
      const ids = idsOf(target.section);
      if (!ids.has(name)) {
        issues.push({
          path: [...path, field],
          message: `unknown ${target.label} "${name}" (${target.plural} are ${quoted(ids)})`,
        });
      }
    }
    const pair = typeof goal.kind === 'string' ? ONE_OF[goal.kind] : undefined;
    if (pair !== undefined) {
      const given = pair.filter((field) => goal[field] !== undefined);
      if (given.length !== 1) {
        issues.push({
          path,
          message: `a ${String(goal.kind)} goal names exactly one of "${pair[0]}" and "${pair[1]}", got ${given.length === 0 ? 'neither' : 'both'}`,
        });
      }
    }
    const from = typeof goal.from === 'number' ? goal.from : 0;
    if (typeof goal.to === 'number' && goal.to <= from) {
      issues.push({
        path: [...path, 'to'],
        message: `must be later than from (${from} s), got ${goal.to}`,
      });
    }
    if (duration !== undefined) {
      for (const field of ['from', 'after'] as const) {
        const t = goal[field];
        if (typeof t === 'number' && t >= duration) {
          issues.push({
            path: [...path, field],
            message: `must be within the run (0 to duration = ${duration} s), got ${t}`,
          });
        }
      }
    }
  });

  const stations = idsOf('stations');
  for (const id of Object.keys(record(record(lesson.costs).stations))) {
    if (!stations.has(id)) {
      issues.push({
        path: ['lesson', 'costs', 'stations', id],
        message: `unknown station "${id}" (stations are ${quoted(stations)})`,
      });
    }
  }

  list(lesson.knobs).forEach((knob, i) => {
    if (typeof knob === 'string' && !isKnob(input, parsed, knob)) {
      issues.push({
        path: ['lesson', 'knobs', i],
        message: `"${knob}" names no field of this scenario (write it as the validator prints paths, e.g. stations[0].servers)`,
      });
    }
  });
  return issues;
}

/**
 * A knob names a field the scenario has (defaults filled in), or one it may have and leaves out
 * (a call's optional timeout, the fields of a scanner the student deleted): the path's lists
 * exist, and the strict schema takes every key along it. A student's edit that removes a part
 * must not make the lesson itself invalid.
 */
function isKnob(input: unknown, parsed: unknown, key: string): boolean {
  if (parsed === undefined) return true; // judged once the rest of the scenario parses
  if (namesAField(parsed, key)) return true;
  const path = parsePath(key);
  if (path === undefined || typeof path[path.length - 1] !== 'string') return false;
  // Build the missing objects along the path in a copy and set the field to a number.
  const probe = structuredClone(input);
  let node: unknown = probe;
  for (const [i, part] of path.entries()) {
    if (node === null || typeof node !== 'object') return false;
    const container = node as Record<string | number, unknown>;
    if (i === path.length - 1) {
      container[part] = 1;
    } else if (container[part] === undefined) {
      // A missing list entry is an index out of range; a missing object may be created.
      if (typeof part === 'number' || typeof path[i + 1] === 'number') return false;
      container[part] = {};
    }
    node = container[part];
  }
  const result = ScenarioSchema.safeParse(probe);
  if (result.success) return true;
  // The strict schema refuses a key it does not know, at some point along the path.
  const prefixes = new Set(path.map((_, i) => formatPath(path.slice(0, i))));
  return !result.error.issues.some(
    (issue) => issue.code === 'unrecognized_keys' && prefixes.has(formatPath(issue.path)),
  );
}

/** True when `key` (`stations[0].endpoints.orders[1].timeout`) names a number or text in `doc`. */
export function namesAField(doc: unknown, key: string): boolean {
  const path = parsePath(key);
  if (path === undefined || formatPath(path) !== key) return false;
  let node: unknown = doc;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return false;
    if (!Object.prototype.hasOwnProperty.call(node, part)) return false;
    node = (node as Record<string | number, unknown>)[part];
  }
  return typeof node === 'number' || typeof node === 'string' || typeof node === 'boolean';
}

/** `a.b[2].c` -> ['a', 'b', 2, 'c']; undefined when it is not written that way. */
export function parsePath(key: string): (string | number)[] | undefined {
  const parts: (string | number)[] = [];
  const pattern = /([A-Za-z0-9_$-]+)|\[(\d+)\]|(\.)/gy;
  let expectName = true;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(key)) !== null) {
    if (match[1] !== undefined) {
      if (!expectName) return undefined;
      parts.push(match[1]);
      expectName = false;
    } else if (match[2] !== undefined) {
      if (expectName) return undefined;
      parts.push(Number(match[2]));
    } else {
      if (expectName) return undefined;
      expectName = true;
    }
    if (pattern.lastIndex === key.length) break;
  }
  return pattern.lastIndex === key.length && !expectName ? parts : undefined;
}
