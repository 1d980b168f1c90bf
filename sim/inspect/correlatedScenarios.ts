/**
 * The three ways arrivals come together that the correlated-arrivals view compares, each as a
 * small scenario in two variants that differ in one setting only, so on the same seed the users
 * send exactly the same requests (common random numbers).
 */
export const CORRELATED_CASES = ['retries', 'ttl', 'batch'] as const;
export type CorrelatedCase = (typeof CORRELATED_CASES)[number];

export interface BuiltCase {
  scenario: unknown;
  /** The station whose arrivals the case counts. */
  station: string;
  /** `retries`: count the retry attempts only (the first attempts are the same in both). */
  measure: 'arrivals' | 'retries';
  measured: string;
}

const exponential = (mean: number) => ({ type: 'exponential', mean });

/**
 * Synchronised retries: a push notification sends 600 users at once to a service that holds 48
 * (8 threads, 40 queued); the rest are refused together. With a fixed backoff (jitter "none")
 * they come back together 0.1, 0.3, 0.7, 1.5 s later and are refused together again; with full
 * jitter each waits a uniform share of the backoff (AWS Architecture Blog, "Exponential Backoff
 * And Jitter", the names RetryPolicy uses) and they trickle in.
 */
function retries(correlated: boolean, seed: number): BuiltCase {
  return {
    station: 'service',
    measure: 'retries',
    measured: 'retries reaching the service',
    scenario: {
      name: 'correlated-retries',
      seed,
      duration: 5,
      metrics: { bucketSeconds: 0.01 },
      sources: [
        {
          id: 'users',
          kind: 'poisson',
          target: 'service',
          rate: 200,
          batches: [{ at: 1, count: 600 }],
          client: {
            timeout: 2,
            retry: {
              maxAttempts: 6,
              initialBackoff: 0.1,
              multiplier: 2,
              maxBackoff: 2,
              jitter: correlated ? 'none' : 'full',
              retryOn: ['rejected', 'timeout'],
            },
          },
        },
      ],
      stations: [{ id: 'service', servers: 8, queueCapacity: 40, service: exponential(0.01) }],
    },
  };
}

/**
 * TTLs expiring together: 400 order keys preloaded at t = 0 with a 4 s TTL. Without jitter they
 * all expire at t = 4 s and every read misses for a moment; with 25% jitter (SEMANTICS.md section 5:
 * "avalanche ... -> TTL jitter") they expire over 3 to 5 s. The run stops at 6 s, before any
 * refilled key can expire again, so each variant loads each key about once.
 */
function ttl(correlated: boolean, seed: number): BuiltCase {
  return {
    station: 'db',
    measure: 'arrivals',
    measured: 'database loads (cache misses)',
    scenario: {
      name: 'correlated-ttl',
      seed,
      duration: 6,
      metrics: { bucketSeconds: 0.05 },
      keys: { count: 400, zipf: 0 },
      caches: [
        {
          id: 'redis',
          nodes: ['redis-0'],
          capacity: 400,
          ttl: 4,
          ttlJitter: correlated ? 0 : 0.25,
          preload: 400,
        },
      ],
      sources: [{ id: 'readers', kind: 'poisson', target: 'api', rate: 2000 }],
      stations: [
        {
          id: 'api',
          servers: 1000,
          endpoints: { read: [{ kind: 'cacheRead', cache: 'redis', loadFrom: 'db' }] },
        },
        { id: 'redis-0', servers: 4, service: exponential(0.0002) },
        { id: 'db', servers: 8, queueCapacity: 2000, service: exponential(0.005) },
      ],
    },
  };
}

/**
 * A burst of users at once: 100 users/s browsing, plus 900 more who come in nine groups of 100
 * (a push notification, a flash sale opening each second) or, decorrelated, as 100/s more
 * Poisson users: the same mean, 200/s, into a service that can do 800/s.
 */
function batch(correlated: boolean, seed: number): BuiltCase {
  const groups = Array.from({ length: 9 }, (_, i) => ({ at: i + 0.5, count: 100 }));
  return {
    station: 'service',
    measure: 'arrivals',
    measured: 'arrivals at the service',
    scenario: {
      name: 'correlated-batch',
      seed,
      duration: 9,
      metrics: { bucketSeconds: 0.01 },
      sources: [
        {
          id: 'users',
          kind: 'poisson',
          target: 'service',
          rate: correlated ? 100 : 200,
          batches: correlated ? groups : [],
        },
      ],
      stations: [{ id: 'service', servers: 8, queueCapacity: 2000, service: exponential(0.01) }],
    },
  };
}

export function correlatedScenario(
  name: CorrelatedCase,
  correlated: boolean,
  seed: number,
): BuiltCase {
  if (name === 'retries') return retries(correlated, seed);
  if (name === 'ttl') return ttl(correlated, seed);
  return batch(correlated, seed);
}
