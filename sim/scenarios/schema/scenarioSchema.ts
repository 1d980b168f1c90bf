import { z } from 'zod';
import { MAX_SEED } from '../../kernel/rng';
import { DistributionSpecSchema } from '../../model/distributions/distributionSpec';
import { ScenarioFaultSchema } from './faultSchema';
import { LessonSchema } from './lessonSchema';
import { OrderFlowSchema } from './orderSchema';
import {
  identifier,
  integerAtLeast,
  nonNegativeNumber,
  numberInRange,
  positiveNumber,
} from './fields';
import { SourceSchema } from './sourceSchema';
import { StationSchema } from './stationSchema';

export const MAX_DURATION = 7 * 86_400;

const MetricsSchema = z
  .strictObject({
    bucketSeconds: positiveNumber(' s')
      .optional()
      .describe('Time-series bucket; default ~1/200 of the run.'),
    maxBuckets: integerAtLeast(10, 100_000)
      .default(2000)
      .describe('Buckets kept; past it adjacent buckets merge, so memory stays bounded.'),
  })
  .describe('How figures are collected.');

const KeysSchema = z
  .strictObject({
    count: integerAtLeast(1, 1_000_000_000).describe('How many keys exist (users, orders).'),
    zipf: numberInRange(0, 5)
      .default(1)
      .describe('Popularity skew: P(key k) ~ 1/(k+1)^zipf; 0 = uniform, 1 = classic Zipf.'),
  })
  .describe('The keys requests are about, and how popular each is.');

const CacheSchema = z
  .strictObject({
    id: identifier(),
    nodes: z
      .array(identifier())
      .min(1, { error: 'needs at least one node (a station)' })
      .describe('Stations serving as the cache nodes; keys map to them by Redis hash slot.'),
    capacity: integerAtLeast(1, 100_000_000).describe('Most keys held; LRU eviction past it.'),
    ttl: positiveNumber(' s').optional().describe('Seconds a filled key lives; omitted = no TTL.'),
    ttlJitter: numberInRange(0, 1)
      .default(0)
      .describe('TTLs spread over ttl * (1 +- jitter), so keys filled together expire apart.'),
    nullTtl: nonNegativeNumber(' s')
      .default(0)
      .describe('Seconds a "not found" is cached; 0 = never (penetration goes to the database).'),
    keyPrefix: z
      .string()
      .max(64)
      .default('key:')
      .describe('Prefix hashed with the id for the slot.'),
    fillUnderLock: z
      .boolean()
      .default(false)
      .describe(
        "Readers refill a missed key under the key's lock, as writers do with lockDeleteUpdateReload.",
      ),
    preload: integerAtLeast(0, 100_000_000)
      .default(0)
      .describe('Warm-up: the most popular keys loaded at t = 0 (0 = start cold).'),
    preloadSpread: z
      .boolean()
      .default(false)
      .describe(
        'Preloaded keys get expiries spread evenly over (0, ttl], as a warm-up job with random TTLs does; false = all get a full TTL at t = 0 and expire together.',
      ),
    centre: identifier()
      .optional()
      .describe(
        "Multi-active: the centre (of multiActive) this cache serves; preload then warms only its users' keys.",
      ),
  })
  .describe('A distributed cache, Redis Cluster style.');

const DatabaseSchema = z
  .strictObject({
    id: identifier(),
    master: identifier().describe('The station that takes every write.'),
    replicas: z.array(identifier()).default([]).describe('Stations that serve reads.'),
    shipDelay: DistributionSpecSchema.default({ type: 'deterministic', value: 0.001 }).describe(
      'Binlog shipping delay to a replica, per write.',
    ),
    applyTime: DistributionSpecSchema.default({ type: 'exponential', mean: 0.0002 }).describe(
      "Time a replica's single SQL thread takes to apply one write: lag grows as writes near 1/applyTime.",
    ),
    readRouting: z
      .enum(['replicas', 'master'], { error: 'must be "replicas" or "master"' })
      .default('replicas'),
    readYourWrites: nonNegativeNumber(' s')
      .default(0)
      .describe('Seconds after a write during which reads of that key go to the master; 0 = off.'),
  })
  .describe('A MySQL-style master with asynchronous replicas.');

const TopicSchema = z
  .strictObject({
    id: identifier(),
    partitions: integerAtLeast(1, 10_000).describe(
      "A partition's messages reach its consumer one at a time, in order; no order across partitions.",
    ),
    consumers: z
      .array(identifier())
      .min(1, { error: 'needs at least one consumer (a station)' })
      .describe('Consumer stations of the group; more consumers than partitions sit idle.'),
    consumerEndpoint: identifier().optional().describe("The consumers' endpoint for a message."),
    retry: z
      .boolean()
      .default(true)
      .describe('Redeliver failed messages with RocketMQ delay levels, dead-letter after 16.'),
    // Kafka's auto.commit.interval.ms is 5 000 (SEMANTICS.md section 6).
    commitInterval: numberInRange(0.001, 86_400, ' s')
      .default(5)
      .describe(
        'Seconds between offset commits (Kafka auto-commit: 5). A crashed consumer replays what it processed since.',
      ),
    commitBatch: integerAtLeast(1, 1_000_000)
      .optional()
      .describe(
        'Also commit a partition once this many of its messages were processed since its last commit; omitted = by interval only.',
      ),
  })
  .describe('A message queue topic (Kafka / RocketMQ style) with one consumer group.');

const MultiActiveSchema = z
  .strictObject({
    id: identifier().describe('Sources targeting this id are split over the centres by user unit.'),
    centres: z
      .array(
        z.strictObject({
          id: identifier(),
          entry: identifier().describe("The centre's front station."),
        }),
      )
      .min(1, { error: 'needs at least one centre' }),
  })
  .describe('Multi-active data centres: each user unit lives in one centre.');

const SearchIndexSchema = z
  .strictObject({
    station: identifier().describe(
      'The station answering searches, with a service time: a query by another key is one call to it.',
    ),
    feed: identifier().describe(
      'The topic carrying changes to the table (binlog or double write): publish to it where rows are written.',
    ),
    // Elasticsearch makes changes searchable at its next refresh, every second by default
    // (index.refresh_interval; common knowledge, not in SEMANTICS.md).
    lag: DistributionSpecSchema.default({ type: 'deterministic', value: 1 }).describe(
      'Indexing lag: seconds from the indexer consuming a change until searches see it.',
    ),
  })
  .describe(
    'A search index (Elasticsearch style) fed asynchronously: one call per query, stale until a change is indexed.',
  );

const ShardedTableSchema = z
  .strictObject({
    id: identifier(),
    shards: z
      .array(identifier())
      .min(1, { error: 'needs at least one shard (a station)' })
      .describe('The station of each shard.'),
    strategy: z
      .enum(['modulo', 'consistentHash'], { error: 'must be "modulo" or "consistentHash"' })
      .default('modulo'),
    indexTable: identifier()
      .optional()
      .describe('Station of the global index table for queries by another key; omitted = scatter.'),
    searchIndex: SearchIndexSchema.optional(),
  })
  .refine((t) => t.indexTable === undefined || t.searchIndex === undefined, {
    error:
      'give at most one of "indexTable" and "searchIndex" (both answer queries by another key)',
    path: ['searchIndex'],
  })
  .describe('A table split horizontally over shards by its shard key.');

const TierSchema = z
  .strictObject({
    id: identifier(),
    title: z.string().max(120).optional(),
    stations: z
      .array(identifier())
      .min(1, { error: 'needs at least one station' })
      .describe('Stations whose completions are summed.'),
    reference: positiveNumber(' per second')
      .optional()
      .describe("A throughput to compare with, per second (e.g. the article's 200,000 QPS)."),
    referenceText: z.string().max(200).optional().describe('Where the reference comes from.'),
  })
  .describe('A tier of the platform reported as one figure (core services, Redis, databases).');

const LimitsSchema = z.strictObject({
  maxInFlight: integerAtLeast(1, 50_000_000)
    .default(5_000_000)
    .describe('Stop with an error when more requests than this are in flight.'),
});

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: identifier(),
    title: z.string().max(200).optional(),
    description: z.string().max(4000).default(''),
    seed: integerAtLeast(0, MAX_SEED).default(1),
    duration: positiveNumber(' s')
      .max(MAX_DURATION, { error: `must be a number > 0 and <= ${MAX_DURATION} s` })
      .describe('Simulated seconds to run.'),
    warmup: nonNegativeNumber(' s')
      .default(0)
      .describe('Seconds of start-up transient left out of the figures (series keep them).'),
    metrics: MetricsSchema.default({ maxBuckets: 2000 }),
    limits: LimitsSchema.default({ maxInFlight: 5_000_000 }),
    keys: KeysSchema.optional(),
    caches: z.array(CacheSchema).default([]),
    databases: z.array(DatabaseSchema).default([]),
    topics: z.array(TopicSchema).default([]),
    shardedTables: z.array(ShardedTableSchema).default([]),
    multiActive: MultiActiveSchema.optional(),
    orders: z.array(OrderFlowSchema).default([]),
    sources: z.array(SourceSchema).min(1, { error: 'needs at least one source' }),
    stations: z.array(StationSchema).min(1, { error: 'needs at least one station' }),
    faults: z.array(ScenarioFaultSchema).default([]),
    tiers: z.array(TierSchema).default([]).describe('Station groups summed in the report.'),
    lesson: LessonSchema.optional(),
  })
  .describe('A PeakLab scenario: sources, stations, routing, faults, duration and seed.');

/** A scenario as written in a file (defaults may be left out). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof ScenarioSchema>;
