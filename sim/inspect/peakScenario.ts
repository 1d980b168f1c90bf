/** The peak-smoothing view's scenario (sim/inspect/peakSmoothing.ts runs it). */

/**
 * Peak rates the view tries, as multiples of the consumers' capacity (base plus burst): from a
 * burst the consumers absorb as it comes to one eight times what they can do.
 */
export const PEAK_LEVELS: readonly number[] = [0.5, 1, 1.5, 2, 3, 5, 8];

/**
 * The queue-smoothing lesson (sim/scenarios/presets/queue-smoothing.json) scaled down so a run
 * costs a tenth of a second: four consumers of 100 messages/s each (one server, 10 ms exponential
 * work, where the lesson has 250/s), orders at a quarter of that capacity (the lesson's half would
 * leave no room for a 0.5x peak), and a 5 s burst from t = 5 s instead of 20 s from t = 30 s. The
 * synchronous variant keeps the lesson's ratios: 0.5 s of capacity in API threads, 2 s of queue at
 * fulfilment, a 1 s call timeout and a 2 s client timeout.
 */
export const CAPACITY = 400;
export const BASE_RATE = 100;
export const BURST_START = 5;
export const BURST_DURATION = 5;
/** Long enough for a 5x peak to drain (about 27 s) and too short for an 8x one (about 47 s). */
export const DURATION = 45;
/** Series bucket: the burst's start and end fall on bucket boundaries. */
export const BUCKET = 0.25;
/**
 * Drained: the lag back to 50 ms of the consumers' work, the lesson's goal (at most 50 messages
 * for 1,000/s) at this scale.
 */
export const DRAINED_AT_MOST = 0.05 * CAPACITY;
const CONSUMERS = 4;
const WORK = CONSUMERS / CAPACITY;

export type Variant = 'queue' | 'sync';

const work = { kind: 'work', duration: { type: 'exponential', mean: 0.002 } };
const fulfil = { handle: [{ kind: 'work', duration: { type: 'exponential', mean: WORK } }] };

/** The lesson's document at this scale; `variant` picks its place (queue) or place-sync endpoint. */
export function peakSmoothingScenario(level: number, variant: Variant, seed: number): unknown {
  const consumers = Array.from({ length: CONSUMERS }, (_, i) => `fulfilment-${i + 1}`);
  return {
    name: `peak-smoothing-${variant}`,
    seed,
    duration: DURATION,
    metrics: { bucketSeconds: BUCKET },
    keys: { count: 1_000_000, zipf: 0 },
    topics: [{ id: 'order-events', partitions: 8, consumers, consumerEndpoint: 'handle' }],
    sources: [
      {
        id: 'orders',
        kind: 'poisson',
        target: 'order-api',
        endpoint: variant === 'queue' ? 'place' : 'place-sync',
        rate: BASE_RATE,
        bursts: [{ start: BURST_START, duration: BURST_DURATION, rate: burstRateOf(level) }],
        client: { timeout: 2 },
      },
    ],
    stations: [
      {
        id: 'order-api',
        servers: 200,
        queueCapacity: 4000,
        endpoints: {
          place: [work, { kind: 'publish', topic: 'order-events' }],
          'place-sync': [work, { kind: 'call', to: 'fulfilment', endpoint: 'handle', timeout: 1 }],
        },
      },
      // The lesson's synchronous fulfilment: the same four servers, 2 s of queue.
      { id: 'fulfilment', servers: CONSUMERS, queueCapacity: 2 * CAPACITY, endpoints: fulfil },
      ...consumers.map((id) => ({ id, servers: 1, endpoints: fulfil })),
    ],
  };
}

/** Extra rate of the burst, on top of the base, that makes the peak `level` times capacity. */
export function burstRateOf(level: number): number {
  return level * CAPACITY - BASE_RATE;
}
