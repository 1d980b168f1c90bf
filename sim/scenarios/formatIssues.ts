import type { z } from 'zod';

/** `['stations', 2, 'servers']` -> `stations[2].servers`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(scenario)' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * One line per problem: `path: what is allowed, got <value>`. The "got" part is left out when the
 * value is missing (the message says "is required") or is a whole object or list.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  const lines = issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return `${formatPath(issue.path)}: unknown field ${keys} (check the spelling; see scenario.schema.json)`;
    }
    const value = valueAt(input, issue.path);
    const got =
      value === undefined ||
      (typeof value === 'object' && value !== null) ||
      /, got /.test(issue.message)
        ? ''
        : `, got ${show(value)}`;
    // "mean must be > 0" under the path "...service.mean" reads better as "must be > 0".
    const field = issue.path[issue.path.length - 1];
    const message =
      typeof field === 'string' && issue.message.startsWith(`${field} must `)
        ? issue.message.slice(field.length + 1)
        : issue.message;
    return `${formatPath(issue.path)}: ${message}${got}`;
  });
  return [...new Set(lines)];
}
