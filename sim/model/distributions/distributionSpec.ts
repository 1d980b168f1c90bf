import { z } from 'zod';
import { isValidP99Ratio, LOGNORMAL_MAX_P99_RATIO } from './lognormal';

/**
 * Scenario-file form of a distribution. Every bound the constructors enforce is also stated here,
 * so a bad scenario fails validation with the field's path and its allowed range instead of
 * throwing deep inside a run. All values are durations in simulated seconds.
 */

const MAX_RATIO_TEXT = LOGNORMAL_MAX_P99_RATIO.toFixed(2);
const RATIO_RANGE_TEXT = `p99/mean must be in (1, ${MAX_RATIO_TEXT}]`;

const positiveSeconds = (field: string) =>
  z.number({ error: `${field} must be a number` }).positive({ error: `${field} must be > 0` });

const nonNegativeSeconds = (field: string) =>
  z.number({ error: `${field} must be a number` }).nonnegative({ error: `${field} must be >= 0` });

export const ExponentialSpecSchema = z
  .object({
    type: z.literal('exponential'),
    mean: positiveSeconds('mean').describe('Mean in seconds (> 0); the rate is 1/mean.'),
  })
  .describe('Exponential: memoryless, e.g. Poisson inter-arrival gaps. Variance = mean^2.');

export const DeterministicSpecSchema = z
  .object({
    type: z.literal('deterministic'),
    value: nonNegativeSeconds('value').describe('The constant value in seconds (>= 0).'),
  })
  .describe('Deterministic: always the same value (M/D/1 service). Variance = 0.');

export const UniformSpecSchema = z
  .object({
    type: z.literal('uniform'),
    min: nonNegativeSeconds('min').describe('Lower bound in seconds (>= 0).'),
    max: nonNegativeSeconds('max').describe('Upper bound in seconds (>= min).'),
  })
  .refine((spec) => spec.max >= spec.min, {
    error: (issue) => {
      const spec = issue.input as { min: number; max: number };
      return `max must be >= min (${spec.min}), got ${spec.max}`;
    },
    path: ['max'],
  })
  .describe('Uniform on [min, max): bounded jitter.');

export const LognormalSpecSchema = z
  .object({
    type: z.literal('lognormal'),
    mean: positiveSeconds('mean').describe('Mean in seconds (> 0).'),
    p99: positiveSeconds('p99').describe(`99th percentile in seconds; ${RATIO_RANGE_TEXT}.`),
  })
  // Same test as the Lognormal constructor, on the ratio, so the two can never disagree.
  .refine((spec) => isValidP99Ratio(spec.p99 / spec.mean), {
    error: (issue) => {
      const spec = issue.input as { mean: number; p99: number };
      const ratio = Number((spec.p99 / spec.mean).toPrecision(4));
      return `${RATIO_RANGE_TEXT} (a lognormal cannot have a p99 outside it), got ${ratio}`;
    },
    path: ['p99'],
  })
  .describe(
    'Lognormal given by mean and p99, the way latency is reported: right-skewed, long tail.',
  );

const CdfPointSchema = z
  .tuple([
    nonNegativeSeconds('value').describe('Value in seconds (>= 0).'),
    z
      .number({ error: 'cumulative probability must be a number' })
      .min(0, { error: 'cumulative probability must be in [0, 1]' })
      .max(1, { error: 'cumulative probability must be in [0, 1]' })
      .describe('P(X <= value), in [0, 1].'),
  ])
  .describe('[value, cumulative probability]');

export const EmpiricalSpecSchema = z
  .object({
    type: z.literal('empirical'),
    points: z
      .array(CdfPointSchema)
      .min(2, { error: 'points needs at least 2 entries' })
      .superRefine((points, ctx) => {
        // Fewer than 2 points is already reported by min(2); the checks below would only echo it.
        if (points.length < 2) return;
        points.forEach(([value, p], i) => {
          const previous = points[i - 1];
          if (previous && (value < previous[0] || p < previous[1])) {
            ctx.addIssue({
              code: 'custom',
              message: `points[${i}] must not decrease in value or cumulative probability`,
              path: [i],
            });
          }
        });
        const first = points[0];
        if (first && first[1] !== 0) {
          ctx.addIssue({
            code: 'custom',
            message: `points must start at cumulative probability 0, got ${first[1]}`,
            path: [0, 1],
          });
        }
        const last = points[points.length - 1];
        if (last && last[1] !== 1) {
          ctx.addIssue({
            code: 'custom',
            message: `points must end at cumulative probability 1, got ${last[1]}`,
            path: [points.length - 1, 1],
          });
        }
      })
      .describe('Knots of a piecewise-linear CDF, from cumulative probability 0 up to 1.'),
  })
  .describe('Empirical: a piecewise-linear CDF read off measurements.');

export const DistributionSpecSchema = z
  .discriminatedUnion('type', [
    ExponentialSpecSchema,
    DeterministicSpecSchema,
    UniformSpecSchema,
    LognormalSpecSchema,
    EmpiricalSpecSchema,
  ])
  .describe('A random duration in simulated seconds, chosen by "type".');

export type DistributionSpec = z.infer<typeof DistributionSpecSchema>;
