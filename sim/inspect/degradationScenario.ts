/** The rungs of the degradation ladder, from full service down to shedding. */
export const DEGRADATION_RUNGS = ['full', 'stale', 'fallback', 'shed'] as const;
export type DegradationRungId = (typeof DEGRADATION_RUNGS)[number];

/** Seconds of lunch peak at full rate; arrivals then stop and the last users are answered. */
export const PEAK_SECONDS = 10;
/** Seconds a user waits for the menu page or the checkout before giving up. */
export const USER_TIMEOUT = 2;
/** Menu page views (non-critical) and checkouts (critical) per second at the peak. */
export const BROWSE_RATE = 540;
export const CHECKOUT_RATE = 60;
/** Restaurants editing a menu, per second: the writes that make cached prices stale. */
export const EDIT_RATE = 4;
/** The pricing service: 16 threads of about 40 ms each, so about 400 answers a second. */
export const PRICING_THREADS = 16;
export const PRICING_MEAN = 0.04;
/**
 * Timeout of every call to pricing: Hystrix's default execution timeout (SEMANTICS.md section 1,
 * "execution timeout 1 s").
 */
export const CALL_TIMEOUT = 1;
/** Threads of the page service (the app) in front of pricing. */
export const APP_THREADS = 200;
/** Rung 1: seconds the in-process cache serves a price before looking again (never invalidated). */
export const LOCAL_TTL = 5;
/** Rung 2: the pricing call is skipped while more than this share of the app's threads is busy. */
export const DEGRADE_ABOVE = 0.5;
/** Rung 3: pricing refuses non-critical calls once this many calls wait in its queue. */
export const SHED_QUEUE = 20;
/** Restaurants (keys): a few are far more popular than the rest. */
const RESTAURANTS = 1000;

/** How the menu page asks for prices on each rung; checkout always calls pricing itself. */
function browseSteps(rung: DegradationRungId): unknown[] {
  const work = { kind: 'work', duration: { type: 'exponential', mean: 0.002 } };
  const call = { kind: 'call', to: 'pricing', timeout: CALL_TIMEOUT };
  if (rung === 'stale') {
    // A local cache in front of Redis, the hot-key mitigation of SEMANTICS.md section 5: a hit
    // costs no call, but no write invalidates it, so it answers stale until its TTL passes.
    const read = {
      kind: 'cacheRead',
      cache: 'prices',
      loadFrom: 'pricing',
      loadTimeout: CALL_TIMEOUT,
      local: { capacity: RESTAURANTS, ttl: LOCAL_TTL },
    };
    return [work, read];
  }
  if (rung === 'fallback') {
    return [work, { ...call, onFailure: 'fallback', degradeAbove: DEGRADE_ABOVE }];
  }
  return [work, call];
}

/**
 * A lunch peak on a food-delivery platform whose pricing service (and the database behind it)
 * can answer about 400 calls a second, and is asked for 600: every menu page view and every
 * checkout calls it. Restaurants edit menus meanwhile (commit, then delete the cached prices).
 * The four rungs differ only in how the menu page gets its prices, and, on the last, in pricing
 * refusing non-critical calls (Zuul-style priority shedding, SEMANTICS.md section 8). Users give
 * up after 2 s, and the app then drops their request; pricing, like most services, keeps working
 * on calls whose caller has left.
 */
export function degradationScenario(rung: DegradationRungId, seed: number): unknown {
  // Constant at the peak, then no new arrivals: every user has an answer by the run's end.
  const peak = (rate: number) => ({
    points: [
      [0, rate],
      [PEAK_SECONDS, rate],
      [PEAK_SECONDS + 0.001, 0],
    ],
  });
  const user = { timeout: USER_TIMEOUT };
  const duration = PEAK_SECONDS + USER_TIMEOUT + 0.5;
  return {
    name: `degradation-${rung}`,
    seed,
    duration,
    // One series bucket: the view reads only the run's totals, and each bucket costs a pass
    // over every latency histogram.
    metrics: { bucketSeconds: duration },
    keys: { count: RESTAURANTS, zipf: 0.8 },
    caches: [
      // Warm, as it is at noon: every restaurant's prices are in Redis.
      { id: 'prices', nodes: ['redis'], capacity: RESTAURANTS, ttl: 600, preload: RESTAURANTS },
    ],
    sources: [
      {
        id: 'browse',
        kind: 'poisson',
        target: 'app',
        endpoint: 'menu',
        priority: 'nonCritical',
        client: user,
        profile: peak(BROWSE_RATE),
      },
      {
        id: 'checkout',
        kind: 'poisson',
        target: 'app',
        endpoint: 'checkout',
        priority: 'critical',
        client: user,
        profile: peak(CHECKOUT_RATE),
      },
      {
        id: 'edits',
        kind: 'poisson',
        target: 'app',
        endpoint: 'edit',
        priority: 'critical',
        profile: peak(EDIT_RATE),
      },
    ],
    stations: [
      {
        id: 'app',
        servers: APP_THREADS,
        queueCapacity: 5000,
        timeoutPolicy: 'cancel',
        endpoints: {
          menu: browseSteps(rung),
          checkout: [
            { kind: 'work', duration: { type: 'exponential', mean: 0.005 } },
            { kind: 'call', to: 'pricing', timeout: CALL_TIMEOUT },
          ],
          edit: [
            { kind: 'cachedWrite', cache: 'prices', db: 'menu-db', strategy: 'updateThenDelete' },
          ],
        },
      },
      {
        id: 'pricing',
        servers: PRICING_THREADS,
        queueCapacity: 5000,
        service: { type: 'lognormal', mean: PRICING_MEAN, p99: 0.15 },
        ...(rung === 'shed' && { shedAtQueueLength: { nonCritical: SHED_QUEUE } }),
      },
      {
        id: 'menu-db',
        servers: 8,
        service: { type: 'exponential', mean: 0.005 },
      },
      { id: 'redis', servers: 4, service: { type: 'deterministic', value: 0.0005 } },
    ],
  };
}
