import { z } from 'zod';

/**
 * Field builders whose messages state the allowed range, so a validation error reads
 * `stations[2].servers: must be an integer >= 1, got 0` (the formatter adds the path and "got").
 */
const requiredOr = (rule: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `is required (${rule})` : `${rule}`;

export const integerAtLeast = (min: number, max = Number.MAX_SAFE_INTEGER) => {
  const rule =
    max === Number.MAX_SAFE_INTEGER
      ? `must be an integer >= ${min}`
      : `must be an integer from ${min} to ${max}`;
  return z
    .number({ error: requiredOr(rule) })
    .int({ error: rule })
    .min(min, { error: rule })
    .max(max, { error: rule });
};

export const positiveNumber = (unit = '') => {
  const rule = `must be a number > 0${unit}`;
  return z
    .number({ error: requiredOr(rule) })
    .positive({ error: rule })
    .finite({ error: rule });
};

export const nonNegativeNumber = (unit = '') => {
  const rule = `must be a number >= 0${unit}`;
  return z
    .number({ error: requiredOr(rule) })
    .nonnegative({ error: rule })
    .finite({ error: rule });
};

export const numberInRange = (min: number, max: number, unit = '') => {
  const rule = `must be a number from ${min} to ${max}${unit}`;
  return z
    .number({ error: requiredOr(rule) })
    .min(min, { error: rule })
    .max(max, { error: rule });
};

export const identifier = () => {
  const rule = 'must be a name of letters, digits, "-", "_" or ".", 1 to 64 characters';
  return z
    .string({ error: requiredOr(rule) })
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: rule })
    .describe('An identifier other parts of the scenario refer to.');
};
