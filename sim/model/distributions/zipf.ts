import { exp, log, pow } from '../../kernel/portableMath';
import type { RandomStream } from '../../kernel/rng';
import { expm1OverX, generalizedHarmonic, log1pOverX } from './harmonic';

/**
 * Zipf-distributed keys 0..n-1 (rank 0 most popular), P(k) proportional to 1/(k+1)^s: which
 * restaurant, menu or cache key a request touches.
 *
 * Hörmann & Derflinger's rejection-inversion (TOMACS 1996), in the form Apache Commons RNG's
 * RejectionInversionZipfSampler uses: invert the integral of the hat h(x) = x^-s, round to the
 * nearest rank, accept with the ratio of the true mass to the hat's. O(1) time and memory per
 * sample for any n (no n-sized CDF table, so n = 1e9 keys costs nothing); measured 1.00 to 1.02
 * rounds per sample for s from 0.5 to 3. The hat's integral H(x) = (x^(1-s) - 1)/(1 - s) is
 * evaluated in its log form, so s = 1 (where it becomes ln x) needs no special case.
 *
 * Ranks are 1-based inside this file (as in the paper) and shifted to 0-based keys on return.
 */
export class ZipfSampler {
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  /** Acceptance shortcut: k - x <= shortcut implies acceptance (Theorem 2 of the paper). */
  private readonly shortcut: number;
  private normaliser: number | undefined;

  constructor(
    readonly n: number,
    readonly exponent: number,
  ) {
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new RangeError(
        `zipf n must be an integer from 1 to ${Number.MAX_SAFE_INTEGER}, got ${n}`,
      );
    }
    if (!(exponent >= 0 && Number.isFinite(exponent))) {
      throw new RangeError(`zipf exponent must be a finite number >= 0, got ${exponent}`);
    }
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(n + 0.5);
    this.shortcut = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  /** One key in 0..n-1. */
  sample(rng: RandomStream): number {
    // s = 0 is uniform: skip the transcendental functions.
    if (this.exponent === 0) return rng.nextInt(this.n);
    for (;;) {
      // u is uniform on (hIntegralX1, hIntegralN], since next() is in [0, 1).
      const u = this.hIntegralN + rng.next() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      // Clamp against rounding at the ends of the range.
      const k = Math.min(this.n, Math.max(1, Math.floor(x + 0.5)));
      if (k - x <= this.shortcut || u >= this.hIntegral(k + 0.5) - this.h(k)) return k - 1;
    }
  }

  /** Exact P(key = k); the normaliser H(n, s) is computed on first use and kept. */
  probabilityOf(k: number): number {
    if (!Number.isInteger(k) || k < 0 || k >= this.n) return 0;
    this.normaliser ??= generalizedHarmonic(this.n, this.exponent);
    return pow(k + 1, -this.exponent) / this.normaliser;
  }

  describe(): string {
    return `zipf(n=${this.n}, s=${this.exponent})`;
  }

  /** h(x) = x^-s, the unnormalised mass of rank x. */
  private h(x: number): number {
    return exp(-this.exponent * log(x));
  }

  /** H(x) = (x^(1-s) - 1) / (1 - s), tending to ln x as s -> 1. */
  private hIntegral(x: number): number {
    const logX = log(x);
    return expm1OverX((1 - this.exponent) * logX) * logX;
  }

  private hIntegralInverse(y: number): number {
    // t >= -1 in exact arithmetic; rounding can push it just below, where log1p is undefined.
    const t = Math.max(-1, y * (1 - this.exponent));
    return exp(log1pOverX(t) * y);
  }
}
