import { z } from 'zod';
import {
  identifier,
  integerAtLeast,
  nonNegativeNumber,
  numberInRange,
  positiveNumber,
} from './fields';

const at = nonNegativeNumber(' s').describe('Simulated time the fault starts.');

const InstanceCrashSchema = z
  .strictObject({
    kind: z.literal('instanceCrash'),
    at,
    station: identifier().describe('The order service (a station with a placeOrder step).'),
  })
  .describe(
    'An order service instance crashes mid-saga: every saga whose current call is in flight loses its reply (and its RPC timeout), so only the scheduled scanner can unstick it.',
  );

const DuplicateCallsSchema = z
  .strictObject({
    kind: z.literal('duplicateCalls'),
    at,
    station: identifier().describe(
      "A service the order sagas call: an order flow's rider, payment or merchant station.",
    ),
    duration: positiveNumber(' s').describe('Seconds the network delivers every saga call twice.'),
  })
  .describe(
    "At-least-once delivery at its worst: for a while every saga call to the station arrives twice. The service applies the first and must recognise the second (an idempotent consumer): the payment provider's ledger and the merchant's and rider service's dedup by order.",
  );

export const FaultSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .strictObject({
        kind: z.literal('slowdown'),
        at,
        station: identifier(),
        factor: numberInRange(0.001, 1000).describe('Service times are multiplied by this.'),
        duration: positiveNumber(' s').optional().describe('Omitted = until the end.'),
      })
      .describe('A dependency gets slower.'),
    z
      .strictObject({
        kind: z.literal('outage'),
        at,
        station: identifier(),
        duration: positiveNumber(' s').optional(),
      })
      .describe('The station rejects every arrival as unavailable; work in progress finishes.'),
    z
      .strictObject({
        kind: z.literal('servers'),
        at,
        station: identifier(),
        servers: integerAtLeast(0, 1_000_000).describe('New number of servers.'),
      })
      .describe('Capacity change: instances lost or added.'),
    z
      .strictObject({
        kind: z.literal('flushCache'),
        at,
        cache: identifier(),
      })
      .describe('FLUSHALL: every key of the cache is gone at once.'),
    z
      .strictObject({
        kind: z.literal('centreDown'),
        at,
        centre: identifier().describe('A centre of "multiActive".'),
        failoverDelay: nonNegativeNumber(' s')
          .default(30)
          .describe("Seconds until the centre's users are moved to the others."),
        duration: positiveNumber(' s').optional().describe('Omitted = down until the end.'),
      })
      .describe('A data centre is lost; its users get no service until failover moves them.'),
    z
      .strictObject({
        kind: z.literal('masterFailover'),
        at,
        db: identifier().describe('A database of "databases".'),
        promotionDelay: nonNegativeNumber(' s')
          .default(30)
          .describe('Seconds from the master failing until a replica is promoted.'),
      })
      .describe('The master dies; writes fail until its first replica is promoted.'),
    z
      .strictObject({
        kind: z.literal('consumerCrash'),
        at,
        topic: identifier().describe('A topic of "topics".'),
        consumer: identifier().describe("One of the topic's consumers (a station)."),
        // A consumer that dies without leaving the group is noticed after session.timeout.ms,
        // 45 000 by default (SEMANTICS.md section 6).
        restartDelay: nonNegativeNumber(' s')
          .default(45)
          .describe('Seconds until its partitions are consumed again (restart or rebalance).'),
      })
      .describe(
        'A consumer process dies: its partitions resume from the last committed offsets, so what it processed since is delivered again.',
      ),
    InstanceCrashSchema,
    DuplicateCallsSchema,
  ],
  {
    error:
      'kind must be "slowdown", "outage", "servers", "flushCache", "centreDown", "masterFailover", "consumerCrash", "instanceCrash" or "duplicateCalls"',
  },
);

export type FaultSpec = z.infer<typeof FaultSchema>;

/** The faults a scenario file may schedule: the same the sandbox can inject live. */
export const ScenarioFaultSchema = FaultSchema;

export type ScenarioFaultSpec = FaultSpec;
