import { z } from 'zod';
import { DistributionSpecSchema } from '../../model/distributions/distributionSpec';
import {
  identifier,
  integerAtLeast,
  nonNegativeNumber,
  numberInRange,
  positiveNumber,
} from './fields';

const RetrySchema = z
  .strictObject({
    maxAttempts: integerAtLeast(1, 100).describe('Attempts in all, the first included.'),
    initialBackoff: nonNegativeNumber(' s').default(0.1).describe('First backoff in seconds.'),
    multiplier: z
      .number()
      .min(1, { error: 'must be a number >= 1' })
      .default(2)
      .describe('Backoff growth per attempt.'),
    maxBackoff: nonNegativeNumber(' s').default(10).describe('Backoff cap in seconds.'),
    jitter: z
      .enum(['none', 'full', 'equal'], { error: 'must be one of "none", "full", "equal"' })
      .default('full'),
    retryOn: z
      .array(z.enum(['timeout', 'rejected', 'unavailable', 'error']))
      .default(['timeout', 'rejected', 'unavailable', 'error'])
      .describe('Which failures are retried.'),
    budget: z
      .strictObject({
        ratio: z
          .number()
          .min(0, { error: 'must be a number from 0 to 10' })
          .max(10, { error: 'must be a number from 0 to 10' })
          .describe('Retry tokens earned per first attempt (0.1 = retries up to 10% of traffic).'),
        burst: nonNegativeNumber().default(10).describe('Most tokens kept.'),
      })
      .optional(),
  })
  .describe('Client retries with exponential backoff, jitter and an optional retry budget.');

const ClientSchema = z
  .strictObject({
    timeout: positiveNumber(' s').optional().describe('Client timeout in seconds; none = wait.'),
    retry: RetrySchema.optional(),
  })
  .describe('How the client behaves: its timeout and retries.');

const ProfilePointSchema = z.tuple([nonNegativeNumber(' s'), nonNegativeNumber(' requests/s')]);

const ProfileSchema = z
  .strictObject({
    points: z
      .array(ProfilePointSchema)
      .min(1, { error: 'needs at least one [time, rate] point' })
      .refine((pts) => pts.every((p, i) => i === 0 || p[0] > pts[i - 1]![0]), {
        error: 'times must be strictly increasing',
      })
      .describe('[seconds, requests per second] pairs; the rate is linear between points.'),
    period: positiveNumber(' s').optional().describe('Repeat the profile every period seconds.'),
  })
  .describe('A piecewise-linear rate: a daily curve with lunch and dinner peaks, say.');

const BurstSchema = z.strictObject({
  start: nonNegativeNumber(' s'),
  duration: positiveNumber(' s'),
  rate: positiveNumber(' requests/s').describe('Extra rate on top of the profile.'),
});

const BatchSchema = z.strictObject({
  at: nonNegativeNumber(' s'),
  count: integerAtLeast(1, 10_000_000).describe('Requests arriving at the same instant.'),
});

const common = {
  id: identifier(),
  target: identifier().describe(
    'The station the requests enter, or the id of "multiActive" to split users over its centres.',
  ),
  endpoint: identifier().optional().describe("The target's endpoint; default: its first."),
  priority: z
    .enum(['critical', 'degraded', 'nonCritical'], {
      error: 'must be "critical", "degraded" or "nonCritical"',
    })
    .default('critical')
    .describe('Priority class for load shedding (Zuul-style).'),
  missingKeyShare: numberInRange(0, 1)
    .default(0)
    .describe('Share of requests for keys that do not exist (cache penetration).'),
  client: ClientSchema.optional(),
};

export const PoissonSourceSchema = z
  .strictObject({
    ...common,
    kind: z.literal('poisson'),
    rate: nonNegativeNumber(' requests/s').optional().describe('A constant rate.'),
    profile: ProfileSchema.optional(),
    bursts: z.array(BurstSchema).default([]),
    batches: z.array(BatchSchema).default([]),
  })
  .refine((s) => (s.rate === undefined) !== (s.profile === undefined), {
    error: 'give exactly one of "rate" (constant) or "profile" (time-varying)',
    path: ['rate'],
  })
  .describe('Open Poisson arrivals, constant or time-varying (by thinning).');

export const ClosedSourceSchema = z
  .strictObject({
    ...common,
    kind: z.literal('closed'),
    clients: integerAtLeast(1, 10_000_000).describe('Number of clients in the loop.'),
    think: DistributionSpecSchema.describe('Think time between a reply and the next request.'),
  })
  .describe('A closed loop: each client waits for its answer, thinks, and sends again.');

export const SourceSchema = z.discriminatedUnion(
  'kind',
  [PoissonSourceSchema, ClosedSourceSchema],
  {
    error: 'kind must be "poisson" or "closed"',
  },
);

export type SourceSpec = z.infer<typeof SourceSchema>;
export type RetrySpec = z.infer<typeof RetrySchema>;
