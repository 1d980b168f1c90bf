import asyncCreation from './presets/async-creation.json';
import cacheConsistency from './presets/cache-consistency.json';
import cacheFlush from './presets/cache-flush.json';
import circuitBreaker from './presets/circuit-breaker.json';
import compensation from './presets/compensation.json';
import erlangB from './presets/erlang-b.json';
import idempotency from './presets/idempotency.json';
import lunchPeak from './presets/lunch-peak.json';
import lunchRush from './presets/lunch-rush.json';
import md1 from './presets/md1.json';
import queueSmoothing from './presets/queue-smoothing.json';
import readWriteSplit from './presets/read-write-split.json';
import mm1 from './presets/mm1.json';
import multiActive from './presets/multi-active.json';
import mm8 from './presets/mm8.json';
import resourceIsolation from './presets/resource-isolation.json';
import retryStorm from './presets/retry-storm.json';
import sharding from './presets/sharding.json';
import timeouts from './presets/timeouts.json';
import warmUp from './presets/warm-up.json';

/**
 * The built-in scenarios. Each is a plain scenario file (validated like any user file when it is
 * run) whose title and description are what a trainer reads out.
 */
export const PRESETS: Readonly<Record<string, unknown>> = {
  'lunch-rush': lunchRush,
  'retry-storm': retryStorm,
  timeouts,
  'cache-flush': cacheFlush,
  'cache-consistency': cacheConsistency,
  'read-write-split': readWriteSplit,
  'circuit-breaker': circuitBreaker,
  'resource-isolation': resourceIsolation,
  'warm-up': warmUp,
  'queue-smoothing': queueSmoothing,
  'multi-active': multiActive,
  sharding,
  idempotency,
  compensation,
  'async-creation': asyncCreation,
  'lunch-peak': lunchPeak,
  mm1,
  mm8,
  md1,
  'erlang-b': erlangB,
};

/** What `npm run sim` runs with no arguments: something to look at straight away. */
export const DEFAULT_PRESET = 'lunch-rush';

export function presetTitle(name: string): string {
  const preset = PRESETS[name] as { title?: string } | undefined;
  return preset?.title ?? name;
}
