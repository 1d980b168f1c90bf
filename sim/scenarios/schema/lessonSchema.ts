import { z } from 'zod';
import {
  identifier,
  integerAtLeast,
  nonNegativeNumber,
  numberInRange,
  positiveNumber,
} from './fields';

/**
 * A lesson: what the trainer reads out, the fields worth changing, and goals the run is checked
 * against while it runs (sim/lessons). Every goal has an id (for tests and links) and a title
 * (what the page shows). Windows are in simulated seconds; `to` omitted = the end of the run.
 */
const goalBase = {
  id: identifier(),
  title: z
    .string({ error: 'is required (a short sentence saying what the goal asks)' })
    .min(1, { error: 'must be a sentence of 1 to 200 characters' })
    .max(200, { error: 'must be a sentence of 1 to 200 characters' }),
};

const windowFields = {
  from: nonNegativeNumber(' s').default(0).describe('Simulated time the goal starts to apply.'),
  to: positiveNumber(' s')
    .optional()
    .describe('Simulated time it stops applying; omitted = the end.'),
};

const LatencyGoalSchema = z
  .strictObject({
    kind: z.literal('latency'),
    ...goalBase,
    source: identifier().optional().describe('A source: the latency its clients see (successes).'),
    station: identifier().optional().describe('Or a station: its sojourn time (queue + service).'),
    percentile: z
      .union([z.literal(50), z.literal(95), z.literal(99)], { error: 'must be 50, 95 or 99' })
      .describe('Which percentile of each check interval is compared.'),
    below: positiveNumber(' s').describe('The percentile must stay at or below this, seconds.'),
    ...windowFields,
  })
  .describe('Keep a latency percentile under a bound in every check interval of the window.');

const SuccessRatioGoalSchema = z
  .strictObject({
    kind: z.literal('successRatio'),
    ...goalBase,
    source: identifier().describe('The source whose clients are counted.'),
    atLeast: numberInRange(0, 1).describe('Successes / (successes + failures), 0 to 1.'),
    ...windowFields,
  })
  .describe(
    'Keep the share of client requests that succeed at or above a bound in every interval.',
  );

const StaleReadsGoalSchema = z
  .strictObject({
    kind: z.literal('staleReads'),
    ...goalBase,
    cache: identifier().optional().describe('A cache: hits that served an older value.'),
    db: identifier().optional().describe('Or a database: replica reads that returned old data.'),
    atMost: integerAtLeast(0, 1_000_000_000)
      .default(0)
      .describe('Stale reads allowed in the window.'),
    ...windowFields,
  })
  .describe('Serve at most this many stale reads in the window (0: none).');

const OrdersLostGoalSchema = z
  .strictObject({
    kind: z.literal('ordersLost'),
    ...goalBase,
    flow: identifier().describe('The order flow (from "orders").'),
    atMost: integerAtLeast(0, 1_000_000_000).default(0).describe('Orders allowed to be lost.'),
  })
  .describe(
    'Orders acknowledged and then lost: sagas still waiting at the end of the run on a reply that will never come. Known only at the end.',
  );

const BacklogDrainedGoalSchema = z
  .strictObject({
    kind: z.literal('backlogDrained'),
    ...goalBase,
    topic: identifier().describe('The topic whose lag is watched.'),
    after: nonNegativeNumber(' s').describe('Simulated time the clock starts (the burst ends).'),
    within: positiveNumber(' s').describe(
      'Seconds after `after` by which the lag must be drained.',
    ),
    atMost: integerAtLeast(0, 1_000_000_000)
      .default(0)
      .describe('A lag at or below this counts as drained (messages still in flight).'),
  })
  .describe("Drain the topic's backlog within a time after a burst.");

const UtilisationGoalSchema = z
  .strictObject({
    kind: z.literal('utilisation'),
    ...goalBase,
    station: identifier().describe('The station whose busy servers are measured.'),
    below: numberInRange(0, 1).describe('Busy share of its servers, 0 to 1, in every interval.'),
    ...windowFields,
  })
  .describe('Keep a station below a utilisation in every check interval of the window.');

export const GoalSchema = z.discriminatedUnion(
  'kind',
  [
    LatencyGoalSchema,
    SuccessRatioGoalSchema,
    StaleReadsGoalSchema,
    OrdersLostGoalSchema,
    BacklogDrainedGoalSchema,
    UtilisationGoalSchema,
  ],
  {
    error:
      'kind must be "latency", "successRatio", "staleReads", "ordersLost", "backlogDrained" or "utilisation"',
  },
);

const price = nonNegativeNumber(' per hour');

/** Prices per hour of what a student may add or remove: the challenge's score is their sum. */
export const CostsSchema = z
  .strictObject({
    currency: z.string().max(8).default('$').describe('Shown before the score.'),
    server: price
      .default(0)
      .describe('Per server (thread, instance) of any station not priced below.'),
    stations: z
      .record(identifier(), price)
      .default({})
      .describe('Per server of the named station, instead of `server`.'),
    replica: price.default(0).describe('Extra per database replica (a whole instance).'),
    shard: price.default(0).describe('Extra per shard of a sharded table.'),
    cacheMillionKeys: price
      .default(0)
      .describe("Per million keys of a cache's capacity (its memory)."),
  })
  .describe('Prices per hour for a challenge: reach the goals at the lowest score.');

export const LessonSchema = z
  .strictObject({
    text: z
      .string({ error: 'is required (what the trainer reads out)' })
      .min(1, { error: 'must be a text of 1 to 4000 characters' })
      .max(4000, { error: 'must be a text of 1 to 4000 characters' }),
    knobs: z
      .array(z.string().max(200, { error: 'must be a field path of at most 200 characters' }))
      .max(20, { error: 'must list at most 20 knobs' })
      .default([])
      .describe(
        'Paths of the fields that matter, as the validator prints them: stations[0].servers.',
      ),
    checkEvery: numberInRange(0.1, 3600, ' s')
      .default(1)
      .describe('Seconds between two checks of the goals: each interval is judged on its own.'),
    goals: z
      .array(GoalSchema)
      .min(1, { error: 'needs at least one goal' })
      .max(10, { error: 'must list at most 10 goals' }),
    costs: CostsSchema.optional(),
  })
  .describe('A guided lesson: explanation, knobs, goals checked live, and an optional cost score.');

export type LessonSpec = z.output<typeof LessonSchema>;
export type GoalSpec = LessonSpec['goals'][number];
export type CostsSpec = z.output<typeof CostsSchema>;
