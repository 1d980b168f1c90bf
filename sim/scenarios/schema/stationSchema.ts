import { z } from 'zod';
import { DistributionSpecSchema } from '../../model/distributions/distributionSpec';
import { BreakerSchema } from './breakerSchema';
import { identifier, integerAtLeast, numberInRange, positiveNumber } from './fields';

const WorkStepSchema = z
  .strictObject({
    kind: z.literal('work'),
    duration: DistributionSpecSchema.describe('CPU time on the thread, seconds.'),
  })
  .describe('Work done on the thread.');

/** Resilience4j's RateLimiter; fields left out take its defaults (SEMANTICS.md section 1). */
const RateLimiterSchema = z
  .strictObject({
    limitForPeriod: integerAtLeast(1, 1_000_000_000)
      .default(50)
      .describe('Permits per refresh period (Resilience4j: 50).'),
    limitRefreshPeriod: numberInRange(1e-9, 86_400, ' s')
      .default(500e-9)
      .describe('Seconds per period; unused permits do not carry over (Resilience4j: 500 ns).'),
    timeoutDuration: numberInRange(0, 86_400, ' s')
      .default(5)
      .describe(
        'Seconds a caller waits for a permit, holding its thread; one that cannot have it in time waits this long and is refused (Resilience4j: 5 s).',
      ),
  })
  .describe(
    "Resilience4j RateLimiter in front of the call (fixed window, permits reserved ahead); a refused call fails or falls back like the call's own failure.",
  );

/** Resilience4j's semaphore Bulkhead; fields left out take its defaults (SEMANTICS.md section 1). */
const BulkheadSchema = z
  .strictObject({
    maxConcurrentCalls: integerAtLeast(0, 1_000_000)
      .default(25)
      .describe('Calls in flight at once (Resilience4j: 25).'),
    maxWaitDuration: numberInRange(0, 86_400, ' s')
      .default(0)
      .describe(
        'Seconds a caller may wait for a permit, first come first served; 0 = refuse at once (Resilience4j: 0).',
      ),
  })
  .describe(
    'Resilience4j semaphore Bulkhead on the call: at most maxConcurrentCalls in flight; the rest wait or are refused (BulkheadFullException).',
  );

const CallStepSchema = z
  .strictObject({
    kind: z.literal('call'),
    to: identifier().describe('The dependency (a station).'),
    endpoint: identifier().optional().describe("The dependency's endpoint, if it has several."),
    timeout: positiveNumber(' s')
      .optional()
      .describe('Seconds to wait for the answer; omitted = wait forever, holding the thread.'),
    onFailure: z
      .enum(['fail', 'fallback'], { error: 'must be "fail" or "fallback"' })
      .default('fail')
      .describe('fail = the request fails; fallback = carry on without (passive degradation).'),
    breaker: BreakerSchema.optional(),
    degradeAbove: numberInRange(0, 1)
      .optional()
      .describe(
        "Active degradation: skip this call while the station's threads are busier than this share.",
      ),
    rateLimiter: RateLimiterSchema.optional(),
    bulkhead: BulkheadSchema.optional(),
  })
  .describe('A call to a dependency; the thread waits for the answer.');

const CacheReadStepSchema = z
  .strictObject({
    kind: z.literal('cacheRead'),
    cache: identifier().describe('The cache (from "caches").'),
    loadFrom: identifier().describe(
      'Where a missing key is loaded from: a station, or a database of "databases" (its reads are routed to the replicas like a dbRead).',
    ),
    loadEndpoint: identifier().optional(),
    timeout: positiveNumber(' s')
      .default(0.1)
      .describe('Timeout of each cache operation; a cache that does not answer counts as a miss.'),
    loadTimeout: positiveNumber(' s').optional().describe('Timeout of the load; omitted = none.'),
    onFailure: z
      .enum(['fail', 'fallback'], { error: 'must be "fail" or "fallback"' })
      .default('fail'),
    local: z
      .strictObject({
        capacity: integerAtLeast(1, 10_000_000).describe('Most keys held in process.'),
        ttl: positiveNumber(' s').describe('Seconds an entry is served before it is read again.'),
      })
      .optional()
      .describe(
        'An in-process cache in front of the distributed one (Caffeine or Guava style): a hit costs no network call, but no write invalidates it, so it can serve a stale value until its TTL passes.',
      ),
  })
  .describe(
    "Cache-aside read of the request's key: look it up; on a miss load it and fill the cache.",
  );

const databaseStep = <K extends 'dbRead' | 'dbWrite'>(kind: K, text: string) =>
  z
    .strictObject({
      kind: z.literal(kind),
      db: identifier().describe('The database (from "databases").'),
      timeout: positiveNumber(' s').optional().describe('Omitted = wait forever.'),
      onFailure: z
        .enum(['fail', 'fallback'], { error: 'must be "fail" or "fallback"' })
        .default('fail'),
    })
    .describe(text);

const StepSchema = z.discriminatedUnion(
  'kind',
  [
    WorkStepSchema,
    CallStepSchema,
    CacheReadStepSchema,
    z
      .strictObject({
        kind: z.literal('publish'),
        topic: identifier().describe('The topic (from "topics").'),
        delayLevel: integerAtLeast(0, 18)
          .default(0)
          .describe('RocketMQ delay level: 0 = deliver at once, 1 = 1 s ... 18 = 2 h.'),
      })
      .describe("Publish a message about the request's key; the request carries on at once."),
    z
      .strictObject({
        kind: z.literal('shardQuery'),
        table: identifier().describe('The sharded table (from "shardedTables").'),
        by: z
          .enum(['shardKey', 'otherKey'], { error: 'must be "shardKey" or "otherKey"' })
          .default('shardKey')
          .describe('otherKey: through the index table if there is one, else every shard.'),
        timeout: positiveNumber(' s').optional(),
        onFailure: z
          .enum(['fail', 'fallback'], { error: 'must be "fail" or "fallback"' })
          .default('fail'),
      })
      .describe('A query on a horizontally sharded table.'),
    z
      .strictObject({
        kind: z.literal('cachedWrite'),
        cache: identifier().describe('The cache (from "caches") holding this key.'),
        db: identifier().describe(
          'Where the write commits: a station, or a database of "databases" (its master, then replicated).',
        ),
        dbEndpoint: identifier().optional(),
        strategy: z
          .enum(
            ['updateThenDelete', 'deleteThenUpdate', 'updateThenSet', 'lockDeleteUpdateReload'],
            {
              error:
                'must be "updateThenDelete", "deleteThenUpdate", "updateThenSet" or "lockDeleteUpdateReload"',
            },
          )
          .describe(
            "How the write keeps the cache in step: the article's is lockDeleteUpdateReload.",
          ),
        timeout: positiveNumber(' s').default(0.1).describe('Timeout of each cache operation.'),
        dbTimeout: positiveNumber(' s').optional(),
        onFailure: z
          .enum(['fail', 'fallback'], { error: 'must be "fail" or "fallback"' })
          .default('fail'),
      })
      .describe("Write the request's key to the database and keep the cache consistent."),
    databaseStep('dbRead', "Read the request's key: from a replica, or the master if so routed."),
    databaseStep('dbWrite', "Write the request's key on the master; it then replicates."),
    z
      .strictObject({
        kind: z.literal('placeOrder'),
        orders: identifier().describe('The order flow (from "orders").'),
      })
      .describe(
        'Place an order: idempotency key check, then the order saga; the thread is held until the client is answered (after the persist when creation is async, after the whole saga when sync).',
      ),
  ],
  {
    error:
      'kind must be "work", "call", "cacheRead", "cachedWrite", "publish", "shardQuery", "dbRead", "dbWrite" or "placeOrder"',
  },
);

const RouteSchema = z.strictObject({
  to: identifier().describe('The next station.'),
  p: numberInRange(0, 1).describe('Probability of going there after service.'),
});

export const StationSchema = z
  .strictObject({
    id: identifier(),
    servers: integerAtLeast(1, 1_000_000).describe('Parallel servers (threads, connections).'),
    queueCapacity: integerAtLeast(0, 100_000_000)
      .optional()
      .describe('Waiting room beyond the servers; omitted = unbounded. 0 = no queue (Erlang B).'),
    service: DistributionSpecSchema.optional().describe(
      'Service time of one request, seconds. Give this or endpoints.',
    ),
    endpoints: z
      .record(identifier(), z.array(StepSchema).min(1, { error: 'needs at least one step' }))
      .optional()
      .describe(
        'Named endpoints, each a list of steps run on one thread (work, calls to dependencies).',
      ),
    timeoutPolicy: z
      .enum(['cancel', 'skipExpired', 'keepWorking'], {
        error: 'must be one of "cancel", "skipExpired", "keepWorking"',
      })
      .default('keepWorking')
      .describe(
        'When a client gives up: cancel = the server drops the request at once; skipExpired = ' +
          'dropped if still queued when its turn comes; keepWorking = served anyway (wasted work).',
      ),
    rateLimit: z
      .strictObject({
        rate: positiveNumber(' requests/s'),
        burst: positiveNumber().describe('Bucket size: the burst admitted at once.'),
      })
      .optional()
      .describe('Token-bucket admission: arrivals beyond it are refused (HTTP 429).'),
    shedAtQueueLength: z
      .strictObject({
        critical: integerAtLeast(0).optional(),
        degraded: integerAtLeast(0).optional(),
        nonCritical: integerAtLeast(0).optional(),
      })
      .optional()
      .describe(
        'Load shedding by priority: refuse a class once the queue holds this many (omitted = never).',
      ),
    routes: z
      .array(RouteSchema)
      .default([])
      .refine((routes) => routes.reduce((sum, r) => sum + r.p, 0) <= 1 + 1e-9, {
        error: 'route probabilities must add up to at most 1 (the rest leaves the network)',
      }),
  })
  .refine((s) => (s.service === undefined) !== (s.endpoints === undefined), {
    error: 'give exactly one of "service" (a service-time distribution) or "endpoints"',
    path: ['service'],
  })
  .describe('A c-server FIFO queue: a thread pool, a connection pool, a database, a cache node.');

export type StationSpec = z.infer<typeof StationSchema>;
