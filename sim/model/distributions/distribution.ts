import type { RandomStream } from '../../kernel/rng';

/**
 * A random variate source for durations (service times, latencies, inter-arrival gaps), in
 * simulated seconds.
 *
 * `mean` and `variance` are the exact theoretical values, not estimates: the theory panels compare
 * the simulation against closed forms (Pollaczek-Khinchine needs the service-time variance), so
 * they must not carry sampling noise of their own.
 *
 * `sample` is on the hot path (called once per request per hop), so implementations precompute
 * their constants and allocate nothing per call.
 */
export interface Distribution {
  sample(rng: RandomStream): number;
  readonly mean: number;
  readonly variance: number;
  /** The exact 99th percentile, where it has a closed form; shown next to the measured one. */
  readonly p99?: number;
  /** Short human-readable form for the UI and logs, e.g. "lognormal(mean=0.05, p99=0.4)". */
  describe(): string;
}

/** Rounds for display only, so descriptions stay short and stable across platforms. */
export function formatParameter(x: number): string {
  return String(Number(x.toPrecision(6)));
}
