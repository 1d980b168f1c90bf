import { pow } from '../../kernel/portableMath';
import type { RandomStream } from '../../kernel/rng';

export type Jitter = 'none' | 'full' | 'equal';
export type RetryOn = 'timeout' | 'rejected' | 'unavailable' | 'error';

export interface RetryPolicyConfig {
  /** Attempts in all, the first included: 1 means no retries. */
  maxAttempts: number;
  initialBackoff: number;
  multiplier: number;
  maxBackoff: number;
  /** AWS Architecture Blog's names: "full" = U(0, d), "equal" = d/2 + U(0, d/2). */
  jitter: Jitter;
  retryOn: readonly RetryOn[];
  /**
   * Retry budget as a token bucket (Finagle's RetryBudget idea): every first attempt deposits
   * `ratio` tokens up to `burst`; a retry spends one token and is refused when none is left. It
   * caps retries at about `ratio` of the traffic however bad things get, which is what breaks the
   * retry-amplification loop behind metastable failures (SEMANTICS.md section 7).
   */
  budget?: { ratio: number; burst: number } | undefined;
}

export class RetryPolicy {
  private tokens: number;
  private readonly retryOnTimeout: boolean;
  private readonly retryOnRejected: boolean;
  private readonly retryOnUnavailable: boolean;
  private readonly retryOnError: boolean;
  /** Retries the budget refused. */
  denied = 0;

  constructor(
    private readonly config: RetryPolicyConfig,
    private readonly rng: RandomStream,
  ) {
    this.tokens = config.budget?.burst ?? 0;
    this.retryOnTimeout = config.retryOn.includes('timeout');
    this.retryOnRejected = config.retryOn.includes('rejected');
    this.retryOnUnavailable = config.retryOn.includes('unavailable');
    this.retryOnError = config.retryOn.includes('error');
  }

  firstAttemptSent(): void {
    const budget = this.config.budget;
    if (budget) this.tokens = Math.min(budget.burst, this.tokens + budget.ratio);
  }

  /** Whether a failed attempt number `attempt` may be retried; spends a budget token if so. */
  mayRetry(attempt: number, reason: RetryOn): boolean {
    if (attempt >= this.config.maxAttempts) return false;
    const wanted =
      reason === 'timeout'
        ? this.retryOnTimeout
        : reason === 'rejected'
          ? this.retryOnRejected
          : reason === 'unavailable'
            ? this.retryOnUnavailable
            : this.retryOnError;
    if (!wanted) return false;
    if (this.config.budget) {
      if (this.tokens < 1) {
        this.denied++;
        return false;
      }
      this.tokens -= 1;
    }
    return true;
  }

  /** Delay before retrying after failed attempt number `attempt` (1-based). */
  backoff(attempt: number): number {
    const c = this.config;
    const d = Math.min(c.maxBackoff, c.initialBackoff * pow(c.multiplier, attempt - 1));
    if (c.jitter === 'full') return this.rng.next() * d;
    if (c.jitter === 'equal') return d / 2 + (this.rng.next() * d) / 2;
    return d;
  }
}
