import type { JsonObject } from './designDoc';

/**
 * What a new component starts with: small, plausible numbers the user then tunes in the JSON.
 * They follow the lessons (sim/scenarios/presets) so a new part behaves like the ones beside it.
 */

/** The endpoint a new service answers on: some CPU work, to which calls are appended. */
export const SERVICE_ENDPOINT = 'handle';

/** An application service: a thread pool running one endpoint (1 ms of work, as in cache-flush). */
export function serviceStation(id: string): JsonObject {
  return {
    id,
    servers: 50,
    queueCapacity: 500,
    endpoints: {
      [SERVICE_ENDPOINT]: [{ kind: 'work', duration: { type: 'exponential', mean: 0.001 } }],
    },
  };
}

/**
 * A Redis node: single-threaded command execution (SEMANTICS.md section 5 models Redis Cluster;
 * the presets give a node ~0.3 ms per command), so ~3,000 ops/s per server here.
 */
export function cacheNodeStation(id: string): JsonObject {
  return { id, servers: 2, service: { type: 'exponential', mean: 0.0003 } };
}

/** A MySQL master or replica: 32 connections at ~10 ms a query, as in read-write-split. */
export function databaseStation(id: string): JsonObject {
  return { id, servers: 32, queueCapacity: 5000, service: { type: 'exponential', mean: 0.01 } };
}

/** The consumer a new topic gets: a service whose endpoint handles one message. */
export const CONSUMER_ENDPOINT = 'consume';

export function consumerStation(id: string): JsonObject {
  return {
    id,
    servers: 8,
    endpoints: {
      [CONSUMER_ENDPOINT]: [{ kind: 'work', duration: { type: 'exponential', mean: 0.002 } }],
    },
  };
}

/** Keys a cache or database step needs: 100,000 keys with classic Zipf popularity. */
export const DEFAULT_KEYS = { count: 100_000, zipf: 1 };

/** Bounds the toolbar offers for the counts, within what the schema allows. */
export const MAX_CACHE_NODES = 16;
export const MAX_REPLICAS = 16;
export const MAX_PARTITIONS = 64;
